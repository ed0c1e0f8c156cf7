/** The graph as exporters receive it: nodes and directed edges with their attributes. */
import type { RelationshipType } from '../dataset/PlanDataset';

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
  type: RelationshipType;
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
