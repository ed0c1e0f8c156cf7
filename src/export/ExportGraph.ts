/** The graph as exporters receive it: nodes and directed edges with their attributes. */
import type { RelationshipType } from '../dataset/PlanDataset';
import type { Locator } from '../provenance/SourceText';
import type { ExportLifetimes } from './exportLifetimes';

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
  /** Names in other languages. */
  names: Array<{ text: string; language: string }>;
  /** When, for the dated kinds (evidence, assessment, source, plan); null for the others. */
  date: string | null;
  /** An assessment's verdict; null for every other kind. */
  verdict: string | null;
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
  /** When each node and edge is on the timeline; without it (or with no date in it) an export is static. */
  lifetimes?: ExportLifetimes;
}

/** The citations of a node or edge written as one text attribute (GraphML and GEXF have no list of records). */
export function citationsAttribute(citations: readonly ExportCitation[]): string {
  return JSON.stringify(citations);
}

/** Names in other languages as one text attribute: `text [language]`, separated by ` | `; null when none. */
export function namesAttribute(names: ExportNode['names']): string | null {
  return names.length === 0 ? null : names.map((n) => `${n.text} [${n.language}]`).join(' | ');
}
