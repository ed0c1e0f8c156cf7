/**
 * GEXF 1.3 for Gephi, with node and edge attributes declared and typed (paragraph lists as liststring,
 * citations as a JSON array of `{source, paragraph, start, end, text}`).
 *
 * Time: when any node or edge has a lifetime (exportLifetimes.ts says how plans, commitments, evidence,
 * assessments, sources and links get theirs), the graph is `mode="dynamic"` with `timeformat="date"` and
 * each bounded node and edge carries `start` and/or `end` (inclusive days, YYYY-MM-DD); an element with
 * neither is open, there at every time. Days rather than integer years, because evidence is dated to the
 * day as often as to the year, and a year would play a whole year's forum events as one. Otherwise (an
 * export of undated kinds only) the graph stays `mode="static"`: Gephi takes a dynamic graph without a
 * single bound for a static one anyway, and a static file is what such an export always was. The
 * static `date` attribute is kept in both, as written (YYYY, YYYY-MM or YYYY-MM-DD).
 */
import { create } from 'xmlbuilder2';
import { citationsAttribute, namesAttribute, type ExportGraph } from './ExportGraph';
import { hasTime, type Lifetime } from './exportLifetimes';

// Attribute ids are positions (n0, e0, ...): a new attribute goes last, so the others keep their ids.
const NODE_ATTRIBUTES = [
  ['kind', 'string'],
  ['summary', 'string'],
  ['sources', 'liststring'],
  ['citations', 'string'],
  ['namespace', 'string'],
  ['tier', 'string'],
  ['names', 'string'],
  ['date', 'string'],
  ['verdict', 'string'],
] as const;
const EDGE_ATTRIBUTES = [
  ['basis', 'string'],
  ['rationale', 'string'],
  ['sources', 'liststring'],
  ['citations', 'string'],
] as const;

/** Serializes `graph` as a GEXF document. */
export function writeGexf(graph: ExportGraph): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const root = doc.ele('http://gexf.net/1.3', 'gexf', { version: '1.3' });
  root.ele('meta').ele('creator').txt('zgc-plan-graph');
  const dynamic = hasTime(graph.lifetimes);
  const g = root.ele(
    'graph',
    dynamic
      ? { defaultedgetype: 'directed', mode: 'dynamic', timeformat: 'date' }
      : { defaultedgetype: 'directed', mode: 'static' },
  );
  const times = (lifetime: Lifetime | undefined): Record<string, string> =>
    dynamic && lifetime ? bounds(lifetime) : {};
  const nodeAttrs = g.ele('attributes', { class: 'node' });
  NODE_ATTRIBUTES.forEach(([title, type], i) => nodeAttrs.ele('attribute', { id: `n${i}`, title, type }));
  const edgeAttrs = g.ele('attributes', { class: 'edge' });
  EDGE_ATTRIBUTES.forEach(([title, type], i) => edgeAttrs.ele('attribute', { id: `e${i}`, title, type }));
  const nodes = g.ele('nodes');
  for (const node of graph.nodes) {
    const values = {
      kind: node.kind,
      summary: node.summary,
      sources: listString(node.sources),
      citations: citationsAttribute(node.citations),
      namespace: node.namespace,
      tier: node.tier,
      names: namesAttribute(node.names),
      date: node.date,
      verdict: node.verdict,
    };
    const attvalues = nodes
      .ele('node', { id: node.id, label: node.name, ...times(graph.lifetimes?.nodes.get(node.id)) })
      .ele('attvalues');
    NODE_ATTRIBUTES.forEach(([title], i) => {
      const value = values[title];
      if (value !== null) attvalues.ele('attvalue', { for: `n${i}`, value });
    });
  }
  const edges = g.ele('edges');
  for (const edge of graph.edges) {
    const values = {
      basis: edge.basis,
      rationale: edge.rationale,
      sources: listString(edge.sources),
      citations: citationsAttribute(edge.citations),
    };
    const attvalues = edges
      .ele('edge', {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.type,
        ...times(graph.lifetimes?.edges.get(edge.id)),
      })
      .ele('attvalues');
    EDGE_ATTRIBUTES.forEach(([title], i) => {
      const value = values[title];
      if (value !== null) attvalues.ele('attvalue', { for: `e${i}`, value });
    });
  }
  return doc.end({ prettyPrint: true });
}

// An open end is written as no attribute: GEXF 1.3 dropped its open-interval attributes for that.
function bounds({ start, end }: Lifetime): Record<string, string> {
  return { ...(start === null ? {} : { start }), ...(end === null ? {} : { end }) };
}

// GEXF writes list values as `[a, b]`.
function listString(values: number[]): string {
  return `[${values.join(', ')}]`;
}
