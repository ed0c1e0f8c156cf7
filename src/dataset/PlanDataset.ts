/** The shape of a plan dataset file, as `schema/plan-dataset.schema.json` defines it. */
import type { Locator } from '../provenance/SourceText';
import type { ReviewStatus } from '../curation/storedReview';

/** Node labels a dataset may use; each is also a GraphQL `EntityKind`. */
export const NODE_LABELS = [
  'Plan',
  'Goal',
  'Task',
  'Industry',
  'Platform',
  'Area',
  'ActionPlan',
  'Source',
  'Framework',
  'Field',
  'Technology',
  'BusinessForm',
  'Aim',
  'Evidence',
  'Assessment',
] as const;
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
    ['Task', 'Field'],
    ['Task', 'Framework'],
    ['ActionPlan', 'Industry'],
    ['ActionPlan', 'Field'],
  ],
  BUILDS: [['Task', 'Platform']],
  COORDINATES: [['Task', 'Area']],
  PART_OF: [
    ['Industry', 'Industry'],
    ['Industry', 'Framework'],
    ['Technology', 'Field'],
    ['BusinessForm', 'Field'],
    ['BusinessForm', 'Industry'],
  ],
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
  AIMS_AT: [
    ['Plan', 'Aim'],
    ['Goal', 'Aim'],
    ['Task', 'Aim'],
    ['Area', 'Aim'],
    ['Platform', 'Aim'],
  ],
  TARGETS: [
    ['Plan', 'Technology'],
    ['Goal', 'Technology'],
  ],
  PROPOSES: [
    ['Plan', 'Framework'],
    ['Plan', 'BusinessForm'],
    ['Plan', 'Platform'],
    ['Plan', 'Industry'],
  ],
  CONCERNS: [['Goal', 'Framework']],
  IMPLEMENTS: [['Area', 'Task']],
  CONTINUES: [['Plan', 'Plan']],
  SUPERSEDES: [['Plan', 'Plan']],
  SERVES: [
    ['Plan', 'Plan'],
    ['Goal', 'Goal'],
  ],
  REVISES: [
    ['Goal', 'Goal'],
    ['Task', 'Task'],
  ],
  BEARS_ON: [
    ['Evidence', 'Plan'],
    ['Evidence', 'Goal'],
    ['Evidence', 'Task'],
    ['Evidence', 'Platform'],
    ['Evidence', 'ActionPlan'],
    ['Evidence', 'Framework'],
  ],
  ASSESSES: [
    ['Assessment', 'Goal'],
    ['Assessment', 'Task'],
    ['Assessment', 'Platform'],
    ['Assessment', 'ActionPlan'],
    ['Assessment', 'Framework'],
  ],
  BASED_ON: [['Assessment', 'Evidence']],
  CONTRADICTS: [['Evidence', 'Evidence']],
} as const satisfies Record<string, readonly (readonly [NodeLabel, NodeLabel])[]>;
/** A relationship type of the graph. */
export type RelationshipType = keyof typeof RELATIONSHIPS;
/** Every relationship type, in the order `RELATIONSHIPS` lists them. */
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as readonly RelationshipType[];

/** Whether a relationship of `type` may run from a `from` node to a `to` node. */
export function allowsEnds(type: RelationshipType, from: NodeLabel, to: NodeLabel): boolean {
  return (RELATIONSHIPS[type] as readonly (readonly [NodeLabel, NodeLabel])[]).some(([f, t]) => f === from && t === to);
}

/**
 * What a plan commits to, by the link from the plan: goals it sets, tasks it deploys, platforms and
 * frameworks it proposes, action plans it calls for. Follow-through (evidence, assessments) is about these.
 */
export const COMMITMENTS = {
  SETS: ['Goal'],
  DEPLOYS: ['Task'],
  PROPOSES: ['Platform', 'Framework'],
  CALLS_FOR: ['ActionPlan'],
} as const satisfies Partial<Record<RelationshipType, readonly NodeLabel[]>>;

/** The kinds of commitment, in the order reports list them. */
export const COMMITMENT_LABELS: readonly NodeLabel[] = [...new Set(Object.values(COMMITMENTS).flat())];

/**
 * Link types that are always our reading: an assessment of follow-through is never a source's word.
 * They must be INFERRED, and they stand PROPOSED until an admin reviews them.
 */
export const OUR_READING_TYPES: readonly RelationshipType[] = ['ASSESSES'];

/** Whether the source says a link outright or we read it in. */
export type Basis = 'STATED' | 'INFERRED';

/** A node entry: the common fields plus its label's own properties (targetYear, tier, ...). */
export interface DatasetNode {
  id: string;
  label: NodeLabel;
  name: string;
  summary?: string | null;
  /** Other names the sources use for it; the citation check accepts them as mentions. */
  aliases?: string[];
  /** Its names in other languages, as sources write them. */
  names?: LocalizedName[];
  /** The spans of its sources that support it. */
  citations: Locator[];
  [property: string]: unknown;
}

/** Properties the loaders derive for an entity (its names in other languages, its date's year); no file states them. */
export const DERIVED_PROPERTIES = ['nameTexts', 'nameLanguages', 'namesText', 'year'] as const;

/** A name in one language: the text as a source writes it, and its BCP 47 language tag. */
export interface LocalizedName {
  text: string;
  language: string;
}

/** A relationship entry; `from` and `to` are local ids or `namespace:id` references. */
export interface DatasetRelationship {
  type: RelationshipType;
  from: string;
  to: string;
  basis: Basis;
  rationale?: string;
  /** The spans of its sources that support it; for a STATED link, the words that state it. */
  citations: Locator[];
  /** Where it stands in review; ACCEPTED when absent. */
  review?: { status: ReviewStatus; by?: string; at?: string; note?: string };
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
