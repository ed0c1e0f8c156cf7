/**
 * GraphML for Gephi, yEd and Cytoscape desktop. Attributes are declared as typed `<key>`s; lists of
 * paragraph numbers are written as comma-separated strings and citations as a JSON array of
 * `{source, paragraph, start, end, text}`, since GraphML has no list type.
 */
import { create } from 'xmlbuilder2';
import { citationsAttribute, namesAttribute, type ExportGraph } from './ExportGraph';

const NODE_KEYS = [
  ['label', 'string'],
  ['kind', 'string'],
  ['summary', 'string'],
  ['sources', 'string'],
  ['citations', 'string'],
  ['namespace', 'string'],
  ['tier', 'string'],
  ['names', 'string'],
  ['date', 'string'],
  ['verdict', 'string'],
] as const;
const EDGE_KEYS = [
  ['type', 'string'],
  ['basis', 'string'],
  ['rationale', 'string'],
  ['sources', 'string'],
  ['citations', 'string'],
] as const;

/** Serializes `graph` as a GraphML document. */
export function writeGraphML(graph: ExportGraph): string {
  // Characters XML 1.0 cannot carry (most control characters) are dropped rather than failing the export.
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const root = doc.ele('http://graphml.graphdrawing.org/xmlns', 'graphml');
  for (const [name, type] of NODE_KEYS)
    root.ele('key', { id: `n_${name}`, for: 'node', 'attr.name': name, 'attr.type': type });
  for (const [name, type] of EDGE_KEYS)
    root.ele('key', { id: `e_${name}`, for: 'edge', 'attr.name': name, 'attr.type': type });
  const g = root.ele('graph', { id: 'G', edgedefault: 'directed' });
  for (const node of graph.nodes) {
    const n = g.ele('node', { id: node.id });
    const values: Record<string, string | null> = {
      label: node.name,
      kind: node.kind,
      summary: node.summary,
      sources: node.sources.join(','),
      citations: citationsAttribute(node.citations),
      namespace: node.namespace,
      tier: node.tier,
      names: namesAttribute(node.names),
      date: node.date,
      verdict: node.verdict,
    };
    for (const [name] of NODE_KEYS) {
      const value = values[name];
      if (value !== null && value !== undefined) n.ele('data', { key: `n_${name}` }).txt(value);
    }
  }
  for (const edge of graph.edges) {
    const e = g.ele('edge', { id: edge.id, source: edge.source, target: edge.target });
    const values: Record<string, string | null> = {
      type: edge.type,
      basis: edge.basis,
      rationale: edge.rationale,
      sources: edge.sources.join(','),
      citations: citationsAttribute(edge.citations),
    };
    for (const [name] of EDGE_KEYS) {
      const value = values[name];
      if (value !== null && value !== undefined) e.ele('data', { key: `e_${name}` }).txt(value);
    }
  }
  return doc.end({ prettyPrint: true });
}
