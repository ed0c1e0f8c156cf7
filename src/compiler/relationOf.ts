/**
 * The `@relation` directives of the schema: which relationship a field walks. Read once per field and
 * checked once at start-up against `RELATIONSHIPS`, so a misspelt type or a walk between kinds the
 * graph never links stops the server naming the field instead of answering empty lists.
 */
import {
  getDirectiveValues,
  getNamedType,
  isObjectType,
  Kind,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import {
  allowsEnds,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
} from '../dataset/PlanDataset';
import { StartupError } from '../errors/errors';

/** The relationship a `@relation` field walks, and which way. */
export interface Relation {
  type: RelationshipType;
  direction: 'OUT' | 'IN';
}

const relations = new WeakMap<GraphQLField<unknown, unknown>, Relation | null>();

/** The `@relation` directive of a field, or null when it has none. */
export function relationOf(field: GraphQLField<unknown, unknown>): Relation | null {
  const cached = relations.get(field);
  if (cached !== undefined) return cached;
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'relation');
  let relation: Relation | null = null;
  if (directive) {
    const arg = (name: string): string | undefined => {
      const value = directive.arguments?.find((a) => a.name.value === name)?.value;
      return value?.kind === Kind.ENUM ? value.value : undefined;
    };
    const type = arg('type');
    const direction = arg('direction');
    if (!isRelationshipType(type) || (direction !== 'OUT' && direction !== 'IN')) {
      throw new StartupError(
        `@relation on ${field.name} names an unknown type or direction: ${type ?? '?'} ${direction ?? '?'}`,
      );
    }
    relation = { type, direction };
  }
  relations.set(field, relation);
  return relation;
}

/**
 * Checks every `@relation` of `schema`: the type is a relationship type of the graph and links the
 * field's owner to its target kind in the direction given. Throws one StartupError listing all faults.
 */
export function checkRelations(schema: GraphQLSchema): void {
  const faults: string[] = [];
  for (const owner of Object.values(schema.getTypeMap())) {
    if (!isObjectType(owner) || owner.name.startsWith('__')) continue;
    for (const field of Object.values(owner.getFields())) {
      const fault = relationFault(schema, owner, field);
      if (fault) faults.push(`${owner.name}.${field.name}: ${fault}`);
    }
  }
  if (faults.length > 0) {
    throw new StartupError(`The schema's @relation directives do not match the graph:\n  ${faults.join('\n  ')}`);
  }
}

function relationFault(
  schema: GraphQLSchema,
  owner: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
): string | undefined {
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'relation');
  const definition = schema.getDirective('relation');
  if (!directive || !definition || !field.astNode) return undefined;
  try {
    // Checks each argument against its enum, naming the argument and the value at fault.
    getDirectiveValues(definition, field.astNode);
  } catch (error) {
    return (error as Error).message;
  }
  let relation: Relation | null;
  try {
    relation = relationOf(field);
  } catch {
    const type = directive.arguments?.find((a) => a.name.value === 'type')?.value;
    const named = type && 'value' in type ? String(type.value) : '?';
    return `${named} is not a relationship type of the graph (${RELATIONSHIP_TYPES.join(', ')})`;
  }
  if (!relation) return undefined;
  const from = labelOf(owner);
  const to = labelOf(targetType(field));
  if (!from || !to) return `@relation must join two entity types, got ${owner.name} and ${targetType(field).name}`;
  const [start, end] = relation.direction === 'OUT' ? [from, to] : [to, from];
  if (!allowsEnds(relation.type, start, end)) {
    return `${relation.type} never runs from ${start} to ${end} (direction ${relation.direction})`;
  }
  return undefined;
}

// The entity type at the far end: the field's type, or the node type of a `...LinkConnection`.
function targetType(field: GraphQLField<unknown, unknown>): GraphQLObjectType | { name: string } {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return named;
  const edges = named.getFields()['edges'];
  if (!edges) return named;
  const edge = getNamedType(edges.type);
  const node = isObjectType(edge) ? getNamedType(edge.getFields()['node']?.type) : undefined;
  return node && isObjectType(node) ? node : named;
}

function labelOf(type: { name: string }): NodeLabel | undefined {
  return NODE_LABELS.find((label) => label === type.name);
}

function isRelationshipType(type: string | undefined): type is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly (string | undefined)[]).includes(type);
}

/** The MATCH pattern walking `relation` from node `v` over relationship `r` to node `n` of `targetLabel`. */
export function relationPattern(v: string, r: string, relation: Relation, n: string, targetLabel: string): string {
  return relation.direction === 'OUT'
    ? `(${v})-[${r}:${relation.type}]->(${n}:${targetLabel})`
    : `(${v})<-[${r}:${relation.type}]-(${n}:${targetLabel})`;
}
