/**
 * Turns a GraphQL selection on an entity into one Cypher map expression. Scalar fields read node
 * properties; `@relation` fields become COLLECT / COUNT subqueries nested to any depth, so a whole
 * selection tree costs one query. Keys are response keys, so aliases work.
 */
import {
  getNamedType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel } from '../dataset/PlanDataset';
import type { CompileScope, ParamScope } from './CompileScope';
import { collectFields, subSelections } from './collectFields';

/** The EntityKind enum value of a node label: `ActionPlan` -> `ACTION_PLAN`. */
export function kindOfLabel(label: NodeLabel): string {
  return label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The node label of an EntityKind value, or undefined for a value that names none. */
export function labelOfKind(kind: string): NodeLabel | undefined {
  return NODE_LABELS.find((label) => kindOfLabel(label) === kind);
}

/** A Cypher expression giving the kind label of node `v` (its label other than Entity). */
export function labelExpression(v: string): string {
  return `head([l IN labels(${v}) WHERE l <> 'Entity'])`;
}

/** A Cypher expression giving the EntityKind of node `v`. */
export function kindExpression(scope: ParamScope, v: string): string {
  const kinds = Object.fromEntries(NODE_LABELS.map((label) => [label, kindOfLabel(label)]));
  return `${scope.param(kinds)}[${labelExpression(v)}]`;
}

/** Map literal for node `v` seen as `type`, an entity object type or the Entity interface. */
export function projectEntity(
  scope: CompileScope,
  v: string,
  type: GraphQLNamedType,
  sets: readonly SelectionSetNode[],
): string {
  if (isObjectType(type)) return projectObject(scope, v, type, sets);
  if (!isAbstractType(type)) throw new Error(`Cannot project ${type.name}: not an entity type`);
  const possible = scope.info.schema.getPossibleTypes(type);
  const bodies = possible.map((object) => ({
    object,
    body: projectObject(scope, v, object, sets, { typename: false }),
  }));
  // When no fragment picks type-specific fields, every type projects alike: skip the CASE.
  const first = bodies[0];
  const typename = `\`__typename\`: ${labelExpression(v)}`;
  if (first && bodies.every((b) => stripParams(b.body) === stripParams(first.body))) {
    return withKey(first.body, typename);
  }
  const branches = bodies.map(
    ({ object, body }) => `WHEN ${v}:${label(object)} THEN ${withKey(body, `\`__typename\`: '${object.name}'`)}`,
  );
  return `CASE ${branches.join(' ')} END`;
}

/** Map literal for node `v` of object type `type`. */
export function projectObject(
  scope: CompileScope,
  v: string,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  options = { typename: true },
): string {
  const entries: string[] = [];
  for (const [key, nodes] of collectFields(scope.info, type, sets)) {
    const fieldName = nodes[0]!.name.value;
    if (fieldName === '__typename') {
      if (options.typename) entries.push(`\`${key}\`: '${type.name}'`);
      continue;
    }
    const field = type.getFields()[fieldName];
    if (!field) throw new Error(`No field ${fieldName} on ${type.name}`);
    entries.push(`\`${key}\`: ${fieldExpression(scope, v, type, field, subSelections(nodes))}`);
  }
  return `{${entries.join(', ')}}`;
}

function fieldExpression(
  scope: CompileScope,
  v: string,
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  sets: SelectionSetNode[],
): string {
  const relation = relationOf(field);
  if (relation) return relationExpression(scope, v, field, relation, sets);
  if (field.name === 'kind') return `'${kindOfLabel(label(type))}'`;
  return `${v}.\`${field.name}\``;
}

interface Relation {
  type: string;
  direction: 'OUT' | 'IN';
}

const relations = new WeakMap<GraphQLField<unknown, unknown>, Relation | null>();

/** The `@relation` directive of a field, checked against the relationship allow-list. */
function relationOf(field: GraphQLField<unknown, unknown>): Relation | null {
  const cached = relations.get(field);
  if (cached !== undefined) return cached;
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'relation');
  let relation: Relation | null = null;
  if (directive) {
    const arg = (name: string): string | undefined => {
      const value = directive.arguments?.find((a) => a.name.value === name)?.value;
      return value && (value.kind === Kind.STRING || value.kind === Kind.ENUM) ? value.value : undefined;
    };
    const type = arg('type');
    const direction = arg('direction');
    if (
      !type ||
      !(RELATIONSHIP_TYPES as readonly string[]).includes(type) ||
      (direction !== 'OUT' && direction !== 'IN')
    ) {
      throw new Error(
        `@relation on ${field.name} names an unknown type or direction: ${type ?? '?'} ${direction ?? '?'}`,
      );
    }
    relation = { type, direction };
  }
  relations.set(field, relation);
  return relation;
}

function relationExpression(
  scope: CompileScope,
  v: string,
  field: GraphQLField<unknown, unknown>,
  relation: Relation,
  sets: SelectionSetNode[],
): string {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) throw new Error(`@relation field ${field.name} must return an object type`);
  const n = scope.variable('n');
  const r = scope.variable('r');
  if (named.name.endsWith('LinkConnection')) {
    return connectionExpression(scope, { v, n, r, relation, connection: named, sets });
  }
  const pattern = arrow(v, r, relation, n, label(named));
  const projection = projectObject(scope, n, named, sets);
  const collect = `COLLECT { MATCH ${pattern} WITH ${n} ORDER BY ${linkOrder(n, named)} RETURN ${projection} AS item }`;
  return isListField(field) ? collect : `head(${collect})`;
}

function connectionExpression(
  scope: CompileScope,
  o: { v: string; n: string; r: string; relation: Relation; connection: GraphQLObjectType; sets: SelectionSetNode[] },
): string {
  const edgeType = getNamedType(o.connection.getFields()['edges']!.type) as GraphQLObjectType;
  const nodeType = getNamedType(edgeType.getFields()['node']!.type) as GraphQLObjectType;
  const pattern = arrow(o.v, o.r, o.relation, o.n, label(nodeType));
  const entries: string[] = [];
  for (const [key, nodes] of collectFields(scope.info, o.connection, o.sets)) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') entries.push(`\`${key}\`: '${o.connection.name}'`);
    else if (name === 'totalCount') entries.push(`\`${key}\`: COUNT { MATCH ${pattern} }`);
    else if (name === 'edges') {
      const edge: string[] = [];
      for (const [edgeKey, edgeNodes] of collectFields(scope.info, edgeType, subSelections(nodes))) {
        const edgeField = edgeNodes[0]!.name.value;
        if (edgeField === '__typename') edge.push(`\`${edgeKey}\`: '${edgeType.name}'`);
        else if (edgeField === 'node')
          edge.push(`\`${edgeKey}\`: ${projectObject(scope, o.n, nodeType, subSelections(edgeNodes))}`);
        else if (edgeField === 'type') edge.push(`\`${edgeKey}\`: type(${o.r})`);
        else edge.push(`\`${edgeKey}\`: ${o.r}.\`${edgeField}\``);
      }
      entries.push(
        `\`${key}\`: COLLECT { MATCH ${pattern} WITH ${o.r}, ${o.n} ` +
          `ORDER BY ${linkOrder(o.n, nodeType)} RETURN {${edge.join(', ')}} AS item }`,
      );
    }
  }
  return `{${entries.join(', ')}}`;
}

// Linked entities come in the source's order where the type has one (goals, tasks), else by id; a
// type without `ordinal` is not asked for it, which would cost a property read per row for nothing.
function linkOrder(n: string, type: GraphQLObjectType): string {
  return 'ordinal' in type.getFields() ? `${n}.ordinal, ${n}.id` : `${n}.id`;
}

function arrow(v: string, r: string, relation: Relation, n: string, targetLabel: string): string {
  return relation.direction === 'OUT'
    ? `(${v})-[${r}:${relation.type}]->(${n}:${targetLabel})`
    : `(${v})<-[${r}:${relation.type}]-(${n}:${targetLabel})`;
}

function isListField(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
}

/** The node label of an entity object type; the two share their names. */
export function label(type: GraphQLObjectType): NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(type.name)) throw new Error(`${type.name} is not an entity type`);
  return type.name as NodeLabel;
}

function withKey(map: string, entry: string): string {
  return map === '{}' ? `{${entry}}` : `{${entry}, ${map.slice(1)}`;
}

// Two projections that differ only in parameter numbering select the same thing.
function stripParams(text: string): string {
  return text.replace(/\$p\d+/g, '$p').replace(/\b([nr])\d+\b/g, '$1');
}
