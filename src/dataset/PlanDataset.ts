/** The shape of a plan dataset file, as `schema/plan-dataset.schema.json` defines it. */

/** Node labels a dataset may use; each is also a GraphQL `EntityKind`. */
export const NODE_LABELS = ['Plan', 'Goal', 'Task', 'Industry', 'Platform', 'Area', 'ActionPlan', 'Source'] as const;
/** One of `NODE_LABELS`. */
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Relationship types a dataset may use. */
export const RELATIONSHIP_TYPES = [
  'ADVANCES',
  'DEVELOPS',
  'BUILDS',
  'COORDINATES',
  'PART_OF',
  'DETAILS',
  'LEADS_TO',
  'SETS',
  'DEPLOYS',
  'GOVERNS',
  'LOCATED_IN',
  'SUPPORTS',
  'CALLS_FOR',
  'UPGRADES',
  'HOSTS',
  'REPORTS_ON',
] as const;
/** One of `RELATIONSHIP_TYPES`. */
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Whether the source says a link outright or we read it in. */
export type Basis = 'STATED' | 'INFERRED';

/** A node entry: the common fields plus its label's own properties (targetYear, tier, ...). */
export interface DatasetNode {
  id: string;
  label: NodeLabel;
  name: string;
  summary?: string | null;
  sources: number[];
  [property: string]: unknown;
}

/** A relationship entry; `from` and `to` are local ids or `namespace:id` references. */
export interface DatasetRelationship {
  type: RelationshipType;
  from: string;
  to: string;
  basis: Basis;
  rationale?: string;
  sources: number[];
}

/** A whole dataset file. */
export interface PlanDataset {
  namespace: string;
  title?: string;
  nodes: DatasetNode[];
  relationships: DatasetRelationship[];
}

/** The id a local id or reference has in the graph: `namespace:local`, unless already qualified. */
export function qualify(namespace: string, reference: string): string {
  return reference.includes(':') ? reference : `${namespace}:${reference}`;
}
