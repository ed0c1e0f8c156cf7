/** Cytoscape.js elements JSON, which Cytoscape desktop also imports (File > Import > Network from File, .cyjs). */
import type { ExportGraph } from './ExportGraph';

/** Serializes `graph` as `{ elements: { nodes, edges } }` with every attribute under `data`. */
export function writeCytoscapeJson(graph: ExportGraph): string {
  return JSON.stringify(
    {
      format_version: '1.0',
      generated_by: 'zgc-plan-graph',
      data: { name: 'Zhongguancun Plan graph' },
      elements: {
        nodes: graph.nodes.map((n) => ({
          data: {
            id: n.id,
            label: n.name,
            kind: n.kind,
            summary: n.summary,
            sources: n.sources,
            citations: n.citations,
            namespace: n.namespace,
            // Only industries have a tier; GraphML and GEXF likewise write none for the other kinds.
            ...(n.tier === null ? {} : { tier: n.tier }),
            ...(n.names.length === 0 ? {} : { names: n.names }),
            ...(n.date === null ? {} : { date: n.date }),
            ...(n.verdict === null ? {} : { verdict: n.verdict }),
          },
        })),
        edges: graph.edges.map((e) => ({
          data: {
            id: e.id,
            source: e.source,
            target: e.target,
            type: e.type,
            basis: e.basis,
            rationale: e.rationale,
            sources: e.sources,
            citations: e.citations,
          },
        })),
      },
    },
    null,
    2,
  );
}
