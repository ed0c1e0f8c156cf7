/** The graph as exporters receive it: nodes and directed edges with their attributes. */
import type { RelationshipType } from '../dataset/PlanDataset';
import type { Locator } from '../provenance/SourceText';

/** A citation as exports write it: the locator and, when the server holds the source's text, its words. */
export interface ExportCitation extends Locator {
  text: string | null;
}

/** A node to export. */
export interface ExportNode {
  id: string;
  kind: string;
  name: string;
  summary: string | null;
  sources: number[];
  citations: ExportCitation[];
  namespace: string;
  /** The tier of an industry; null for every other kind. */
  tier: string | null;
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
  citations: ExportCitation[];
}

/** What an export holds. */
export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** The citations of a node or edge written as one text attribute (GraphML and GEXF have no list of records). */
export function citationsAttribute(citations: readonly ExportCitation[]): string {
  return JSON.stringify(citations);
}
