/** The graph as exporters receive it: nodes and directed edges with their attributes. */

/** A node to export. */
export interface ExportNode {
  id: string;
  kind: string;
  name: string;
  summary: string | null;
  sources: number[];
  namespace: string;
}

/** A directed edge to export. */
export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  basis: string;
  rationale: string | null;
  sources: number[];
}

/** What an export holds. */
export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}
