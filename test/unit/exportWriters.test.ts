/**
 * The three export writers, on a graph small enough to read whole: each carries an industry's tier
 * and an assessment's names, date and verdict, writes none for the kinds without them, and keeps
 * the attribute keys files already written use; GEXF is dynamic only when something has a lifetime.
 */
import { XMLParser } from 'fast-xml-parser';
import type { ExportGraph, ExportNode } from '../../src/export/ExportGraph';
import { writeGraphML } from '../../src/export/writeGraphML';
import { writeGexf } from '../../src/export/writeGexf';
import { writeCytoscapeJson } from '../../src/export/writeCytoscapeJson';

const node = (id: string, kind: string, tier: string | null, extra: Partial<ExportNode> = {}): ExportNode => ({
  id,
  kind,
  name: id,
  summary: null,
  sources: [1],
  citations: [],
  namespace: 'a',
  tier,
  names: [],
  date: null,
  verdict: null,
  ...extra,
});
const GRAPH: ExportGraph = {
  nodes: [
    node('a:industry', 'INDUSTRY', 'FUTURE'),
    node('a:goal', 'GOAL', null),
    node('a:verdict', 'ASSESSMENT', null, {
      names: [
        { text: '评估', language: 'zh-Hans' },
        { text: '評估', language: 'zh-Hant' },
      ],
      date: '2024-11',
      verdict: 'UNDER_WAY',
    }),
  ],
  edges: [],
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['node', 'data', 'key', 'attvalue', 'attribute', 'attributes'].includes(name),
});

describe('Export writers', () => {
  it('write a GraphML tier key after the others, and a tier only for the industry', () => {
    const doc = parser.parse(writeGraphML(GRAPH)) as {
      graphml: {
        key: Array<Record<string, string>>;
        graph: { node: Array<{ '@id': string; data: Array<{ '@key': string; '#text': string }> }> };
      };
    };
    expect(doc.graphml.key.filter((k) => k['@for'] === 'node').map((k) => k['@id'])).toEqual([
      'n_label',
      'n_kind',
      'n_summary',
      'n_sources',
      'n_citations',
      'n_namespace',
      'n_tier',
      'n_names',
      'n_date',
      'n_verdict',
    ]);
    const tiers = doc.graphml.graph.node.map((n) => [n['@id'], n.data.find((d) => d['@key'] === 'n_tier')?.['#text']]);
    expect(tiers).toEqual([
      ['a:industry', 'FUTURE'],
      ['a:goal', undefined],
      ['a:verdict', undefined],
    ]);
    const verdict = doc.graphml.graph.node[2]!.data.filter((d) =>
      ['n_names', 'n_date', 'n_verdict'].includes(d['@key']),
    );
    expect(verdict.map((d) => d['#text'])).toEqual(['评估 [zh-Hans] | 評估 [zh-Hant]', '2024-11', 'UNDER_WAY']);
    expect(doc.graphml.graph.node[1]!.data.map((d) => d['@key'])).not.toContain('n_date');
  });

  it('write a GEXF tier attribute after the others, and a tier only for the industry', () => {
    const doc = parser.parse(writeGexf(GRAPH)) as {
      gexf: {
        graph: {
          attributes: Array<{ '@class': string; attribute: Array<Record<string, string>> }>;
          nodes: { node: Array<{ '@id': string; attvalues: { attvalue: Array<Record<string, string>> } }> };
        };
      };
    };
    const declared = doc.gexf.graph.attributes.find((a) => a['@class'] === 'node')!.attribute;
    expect(declared.map((a) => `${a['@id']}:${a['@title']}`)).toEqual([
      'n0:kind',
      'n1:summary',
      'n2:sources',
      'n3:citations',
      'n4:namespace',
      'n5:tier',
      'n6:names',
      'n7:date',
      'n8:verdict',
    ]);
    const tiers = doc.gexf.graph.nodes.node.map((n) => [
      n['@id'],
      n.attvalues.attvalue.find((v) => v['@for'] === 'n5')?.['@value'],
    ]);
    expect(tiers).toEqual([
      ['a:industry', 'FUTURE'],
      ['a:goal', undefined],
      ['a:verdict', undefined],
    ]);
    const values = doc.gexf.graph.nodes.node[2]!.attvalues.attvalue.filter((v) =>
      ['n6', 'n7', 'n8'].includes(v['@for']!),
    );
    expect(values.map((v) => v['@value'])).toEqual(['评估 [zh-Hans] | 評估 [zh-Hant]', '2024-11', 'UNDER_WAY']);
  });

  it('write a static GEXF without lifetimes, and a dynamic one in days with them, open ends left out', () => {
    const graph = (g: ExportGraph) =>
      (parser.parse(writeGexf(g)) as { gexf: { graph: Record<string, unknown> & { nodes: { node: object[] } } } }).gexf
        .graph;
    expect(graph(GRAPH)).toMatchObject({ '@mode': 'static' });
    expect(graph(GRAPH)).not.toHaveProperty('@timeformat');
    const lifetimes = {
      nodes: new Map([
        ['a:goal', { start: '2021-01-01', end: null }],
        ['a:verdict', { start: '2024-11-01', end: '2025-12-31' }],
      ]),
      edges: new Map(),
    };
    const timed = graph({ ...GRAPH, lifetimes });
    expect(timed).toMatchObject({ '@mode': 'dynamic', '@timeformat': 'date' });
    expect(
      timed.nodes.node.map((n) => [(n as Record<string, string>)['@start'], (n as Record<string, string>)['@end']]),
    ).toEqual([
      [undefined, undefined],
      ['2021-01-01', undefined],
      ['2024-11-01', '2025-12-31'],
    ]);
  });

  it('write a Cytoscape.js tier only for the industry, names, date and verdict only where a node has them', () => {
    const doc = JSON.parse(writeCytoscapeJson(GRAPH)) as { elements: { nodes: Array<{ data: object }> } };
    expect(doc.elements.nodes[0]!.data).toMatchObject({ id: 'a:industry', tier: 'FUTURE' });
    expect(doc.elements.nodes[1]!.data).not.toHaveProperty('tier');
    expect(doc.elements.nodes[1]!.data).not.toHaveProperty('date');
    expect(doc.elements.nodes[2]!.data).toMatchObject({
      names: [
        { text: '评估', language: 'zh-Hans' },
        { text: '評估', language: 'zh-Hant' },
      ],
      date: '2024-11',
      verdict: 'UNDER_WAY',
    });
  });
});
