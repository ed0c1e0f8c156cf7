/** The shape of a plan dataset file, as `schema/plan-dataset.schema.json` defines it. */

/** Node labels a dataset may use; each is also a GraphQL `EntityKind`. */
export const NODE_LABELS = ['Plan', 'Goal', 'Task', 'Industry', 'Platform', 'Area', 'ActionPlan', 'Source'] as const;
/** One of `NODE_LABELS`. */
export type NodeLabel = (typeof NODE_LABELS)[number];

/**
 * The relationship types of the graph and, for each, the kinds of node it may run from and to. Every
 * other list of types (the SDL's RelationType, the dataset JSON Schema) is checked against this one.
 */
export const RELATIONSHIPS = {
  ADVANCES: [['Task', 'Goal']],
  DEVELOPS: [
    ['Task', 'Industry'],
    ['ActionPlan', 'Industry'],
  ],
  BUILDS: [['Task', 'Platform']],
  COORDINATES: [['Task', 'Area']],
  PART_OF: [['Industry', 'Industry']],
  DETAILS: [['Goal', 'Goal']],
  LEADS_TO: [['Goal', 'Goal']],
  SETS: [['Plan', 'Goal']],
  DEPLOYS: [['Plan', 'Task']],
  GOVERNS: [['Plan', 'Area']],
  LOCATED_IN: [['Area', 'Area']],
  SUPPORTS: [['Goal', 'Area']],
  CALLS_FOR: [['Plan', 'ActionPlan']],
  UPGRADES: [['Industry', 'Industry']],
  HOSTS: [['Platform', 'Platform']],
  REPORTS_ON: [['Source', 'Plan']],
} as const satisfies Record<string, readonly (readonly [NodeLabel, NodeLabel])[]>;
/** A relationship type of the graph. */
export type RelationshipType = keyof typeof RELATIONSHIPS;
/** Every relationship type, in the order `RELATIONSHIPS` lists them. */
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as readonly RelationshipType[];

/** Whether a relationship of `type` may run from a `from` node to a `to` node. */
export function allowsEnds(type: RelationshipType, from: NodeLabel, to: NodeLabel): boolean {
  return (RELATIONSHIPS[type] as readonly (readonly [NodeLabel, NodeLabel])[]).some(([f, t]) => f === from && t === to);
}

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
