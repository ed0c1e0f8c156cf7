/**
 * The query language's SDL, derived from the entity types written by hand in `schema/`: for each
 * entity type a `<Type>Where` (boolean operators, one operator input per scalar field, link filters on
 * every `@relation` field), its aggregate and group-by types, and the root `<plural>CountBy` fields.
 * `npm run codegen` writes it to `schema/filters.generated.graphql`; a test fails while that copy is
 * stale, so the filters can never drift from the types they filter.
 */
import {
  buildASTSchema,
  concatAST,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  specifiedScalarTypes,
  visit,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { NODE_LABELS } from '../dataset/PlanDataset';
import { relationOf } from '../compiler/relationOf';
import { loadTypeDefs } from './loadTypeDefs';

/** The file, in `schema/`, that holds the generated SDL. */
export const FILTER_SCHEMA_FILE = 'filters.generated.graphql';

/** How a scalar field of an entity is filtered, counted and aggregated. */
export type ScalarKind = 'ID' | 'String' | 'Int' | 'IntList' | { enum: string };

/** The scalar fields of an entity type that filters reach, with how each is filtered. */
export function filterableFields(
  type: GraphQLObjectType,
): Array<{ name: string; kind: ScalarKind; nullable: boolean }> {
  const fields: Array<{ name: string; kind: ScalarKind; nullable: boolean }> = [];
  for (const field of Object.values(type.getFields())) {
    // `kind` is the type itself: a filter on it says nothing a type's own list does not. `version` is
    // bookkeeping for concurrent writes (`ifVersion`), not something an analyst asks about.
    if (field.name === 'kind' || field.name === 'version' || relationOf(field)) continue;
    const kind = scalarKind(field);
    if (kind) fields.push({ name: field.name, kind, nullable: !isNonNullType(field.type) });
  }
  return fields;
}

function scalarKind(field: GraphQLField<unknown, unknown>): ScalarKind | undefined {
  const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
  const named = getNamedType(field.type);
  if (isListType(inner)) return named.name === 'Int' ? 'IntList' : undefined;
  if (isEnumType(named)) return { enum: named.name };
  if (!isScalarType(named)) return undefined;
  return named.name === 'ID' || named.name === 'String' || named.name === 'Int' ? named.name : undefined;
}

/** The `@relation` fields of an entity type that are walked as lists or single links (not connections). */
export function linkFields(type: GraphQLObjectType): Array<{ name: string; target: GraphQLObjectType }> {
  return Object.values(type.getFields()).flatMap((field) => {
    const target = getNamedType(field.type);
    if (!relationOf(field) || !isObjectType(target) || target.name.endsWith('LinkConnection')) return [];
    return [{ name: field.name, target }];
  });
}

/** The entity object types of a schema, in the order of NODE_LABELS. */
export function entityTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return NODE_LABELS.map((label) => schema.getType(label)).filter((t): t is GraphQLObjectType => isObjectType(t));
}

// Names whose plural is the word itself: one piece of evidence, much evidence.
const UNCOUNTED = new Set(['evidence']);

/** The plural root name of an entity type: `Industry` -> `industries`, `ActionPlan` -> `actionPlans`. */
export function pluralOf(type: GraphQLObjectType): string {
  const lower = type.name[0]!.toLowerCase() + type.name.slice(1);
  if (UNCOUNTED.has(lower)) return lower;
  return lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

/** SCREAMING_SNAKE of a camelCase name, as the schema's enums spell fields and kinds: `targetYear` -> `TARGET_YEAR`. */
export function enumValueOf(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The fields `<Type>CountBy` groups by: every single-valued scalar but those nearly unique per entity. */
export function countFields(type: GraphQLObjectType): string[] {
  return filterableFields(type)
    .filter((f) => f.kind !== 'IntList' && f.kind !== 'ID' && f.name !== 'summary' && f.name !== 'name')
    .map((f) => f.name);
}

/** The fields `aggregate.node` reports on: numbers (min, max, average, sum) and texts (shortest, longest). */
export function aggregateFields(type: GraphQLObjectType): Array<{ name: string; kind: 'Int' | 'String' }> {
  return filterableFields(type).flatMap((f) =>
    f.kind === 'Int' || f.kind === 'String' ? [{ name: f.name, kind: f.kind }] : [],
  );
}

const FIXED = `
"Conditions on a text; all given must hold. With \`caseInsensitive\`, every one of them ignores case."
input StringFilter {
  eq: String
  in: [String!]
  contains: String
  startsWith: String
  endsWith: String
  "Compare ignoring case (Unicode lower case of both sides); default false."
  caseInsensitive: Boolean
}

"Conditions on a whole number; all given must hold."
input IntFilter {
  eq: Int
  in: [Int!]
  lt: Int
  lte: Int
  gt: Int
  gte: Int
}

"Conditions on an id; all given must hold. \`eq\` and \`in\` seek the id index."
input IDFilter {
  eq: ID
  in: [ID!]
}

"Conditions on a list of whole numbers, such as source paragraphs."
input IntListFilter {
  "The list holds this number."
  includes: Int
}

"Conditions on a link's basis."
input BasisFilter {
  eq: Basis
  in: [Basis!]
}

"Conditions on a link's review."
input ReviewFilter {
  eq: ReviewStatus
  in: [ReviewStatus!]
}

"Conditions on a link itself: whether the source states it, where, why we read it in, and its review."
input LinkWhere {
  AND: [LinkWhere!]
  OR: [LinkWhere!]
  NOT: LinkWhere
  basis: BasisFilter
  sources: IntListFilter
  rationale: StringFilter
  review: ReviewFilter
}

"How many entities a group holds; \`key\` is the grouped value as text, null for entities without one."
type CountBucket {
  key: String
  count: Int!
}

"Counts of an aggregate."
type AggregateCount {
  "Number of entities matched."
  nodes: Int!
}

"A number field over the entities matched; null when none has a value."
type IntAggregate {
  min: Int
  max: Int
  average: Float
  sum: Int
}

"A text field over the entities matched: the shortest and longest value (ties: the first in code-point order for shortest, the last for longest); null when none has a value."
type StringAggregate {
  shortest: String
  longest: String
}
`;

/** The generated SDL for `base`, the schema of the hand-written files. */
export function filterSdl(base: GraphQLSchema): string {
  const parts: string[] = [
    '# Generated from the entity types in schema/ by `npm run codegen`. Do not edit.',
    FIXED.trim(),
  ];
  const enums = new Set<string>();
  for (const type of entityTypes(base)) {
    for (const f of filterableFields(type)) if (typeof f.kind === 'object') enums.add(f.kind.enum);
  }
  for (const name of [...enums].sort()) {
    parts.push(`"Conditions on a ${name} value."\ninput ${name}Filter {\n  eq: ${name}\n  in: [${name}!]\n}`);
  }
  const linked = new Set<string>();
  for (const type of entityTypes(base)) for (const l of linkFields(type)) linked.add(l.target.name);
  for (const type of entityTypes(base)) {
    parts.push(whereInput(type));
    if (linked.has(type.name)) parts.push(...linkFilterInputs(type));
    parts.push(
      `"Fields ${pluralOf(type)} are counted by."\nenum ${type.name}CountField {\n` +
        countFields(type)
          .map((f) => `  ${enumValueOf(f)}`)
          .join('\n') +
        '\n}',
    );
    const aggregated = aggregateFields(type);
    parts.push(
      `"Figures over the ${pluralOf(type)} matched."\ntype ${type.name}Aggregate {\n  count: AggregateCount!\n` +
        `  node: ${type.name}AggregateNode!\n}`,
      `"Per-field figures over the ${pluralOf(type)} matched."\ntype ${type.name}AggregateNode {\n` +
        aggregated.map((f) => `  ${f.name}: ${f.kind}Aggregate!`).join('\n') +
        '\n}',
    );
    for (const connection of [`${type.name}Connection`, `${type.name}LinkConnection`]) {
      if (base.getType(connection)) parts.push(`extend type ${connection} {\n  aggregate: ${type.name}Aggregate!\n}`);
    }
  }
  parts.push(
    'extend type Query {\n' +
      entityTypes(base)
        .map(
          (type) =>
            `  "How many ${pluralOf(type)} match \`where\`, grouped by one field; largest groups first, ties by key; \`limit\` caps the groups."\n` +
            `  ${pluralOf(type)}CountBy(by: ${type.name}CountField!, where: ${type.name}Where, limit: Int): [CountBucket!]!`,
        )
        .join('\n') +
      '\n}',
  );
  return `${parts.join('\n\n')}\n`;
}

function whereInput(type: GraphQLObjectType): string {
  const lines = [
    `"Conditions on ${pluralOf(type)}; all given must hold."`,
    `input ${type.name}Where {`,
    `  AND: [${type.name}Where!]`,
    `  OR: [${type.name}Where!]`,
    `  NOT: ${type.name}Where`,
  ];
  for (const f of filterableFields(type)) {
    const filter = typeof f.kind === 'object' ? `${f.kind.enum}Filter` : `${f.kind}Filter`;
    lines.push(`  ${f.name}: ${filter}`);
  }
  for (const l of linkFields(type)) {
    lines.push(
      `  "Conditions on the entities \`${l.name}\` links to."`,
      `  ${l.name}: ${l.target.name}ListFilter`,
      `  "How many entities \`${l.name}\` links to."`,
      `  ${l.name}Count: IntFilter`,
      `  "Conditions on the links of \`${l.name}\` and the entities at their other end."`,
      `  ${l.name}Connection: ${l.target.name}LinkFilter`,
    );
  }
  lines.push('}');
  return lines.join('\n');
}

function linkFilterInputs(type: GraphQLObjectType): string[] {
  const quantifiers = (of: string): string =>
    [
      `  "At least one linked entity matches."`,
      `  some: ${of}`,
      `  "Every linked entity matches (true when there is none)."`,
      `  all: ${of}`,
      `  "No linked entity matches."`,
      `  none: ${of}`,
      `  "Exactly one linked entity matches."`,
      `  single: ${of}`,
    ].join('\n');
  return [
    `"Conditions on linked ${pluralOf(type)}."\ninput ${type.name}ListFilter {\n${quantifiers(`${type.name}Where`)}\n}`,
    `"A link to a ${type.name.toLowerCase()}: conditions on the link and on the ${type.name.toLowerCase()}."\n` +
      `input ${type.name}LinkWhere {\n  node: ${type.name}Where\n  edge: LinkWhere\n}`,
    `"Conditions on links to ${pluralOf(type)}."\ninput ${type.name}LinkFilter {\n${quantifiers(`${type.name}LinkWhere`)}\n}`,
  ];
}

/**
 * The generated SDL for the hand-written files in `dir`. They name generated types (`GoalWhere`, ...)
 * before these exist, so each such name stands in as a scalar while the generator reads the types.
 */
export function filterSdlOf(dir: string): string {
  const handWritten = loadTypeDefs(dir, [FILTER_SCHEMA_FILE]);
  const defined = new Set<string>(specifiedScalarTypes.map((t) => t.name));
  const named = new Set<string>();
  visit(handWritten, {
    ObjectTypeDefinition: (node) => void defined.add(node.name.value),
    InterfaceTypeDefinition: (node) => void defined.add(node.name.value),
    InputObjectTypeDefinition: (node) => void defined.add(node.name.value),
    EnumTypeDefinition: (node) => void defined.add(node.name.value),
    ScalarTypeDefinition: (node) => void defined.add(node.name.value),
    UnionTypeDefinition: (node) => void defined.add(node.name.value),
    NamedType: (node) => void named.add(node.name.value),
  });
  const stand = [...named].filter((name) => !defined.has(name)).map((name) => `scalar ${name}`);
  const base = buildASTSchema(concatAST([handWritten, parse(stand.join('\n') || 'scalar _Nothing')]));
  return filterSdl(base);
}
