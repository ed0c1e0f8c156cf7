/**
 * Turns a GraphQL selection on an entity into one Cypher map expression. Scalar fields read node
 * properties; `@relation` fields become COLLECT / COUNT subqueries nested to any depth, so a whole
 * selection tree costs one query. Keys are response keys, so aliases work.
 */
import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';
import { NODE_LABELS, type NodeLabel } from '../dataset/PlanDataset';
import { relationOf, type Relation } from './relationOf';
import type { CompileScope, ParamScope } from './CompileScope';
import { collectFields, subSelections } from './collectFields';
import { projectSelection, type ProjectionOptions } from './projectSelection';
import { InternalError } from '../errors/errors';

/** The EntityKind of a label, as a type: `ActionPlan` -> `ACTION_PLAN`. */
export type KindOf<L extends string> = L extends `${infer First}${infer Rest}`
  ? `${Uppercase<First>}${SnakeTail<Rest>}`
  : L;
type SnakeTail<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? Uppercase<C> : `_${C}`}${SnakeTail<Rest>}`
  : S;

/** The EntityKind enum value of a node label: `ActionPlan` -> `ACTION_PLAN`. */
export function kindOfLabel<L extends NodeLabel>(label: L): KindOf<L> {
  return label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() as KindOf<L>;
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
  if (!isAbstractType(type)) throw new InternalError(`Cannot project ${type.name}: not an entity type`);
  const possible = scope.info.schema.getPossibleTypes(type);
  const typename = labelExpression(v);
  // When no fragment picks type-specific fields, every type projects alike: one map, no CASE.
  if (selectsInterfaceFieldsOnly(scope, isInterfaceType(type) ? type.getFields() : {}, possible, sets)) {
    return projectSelection(
      scope.info,
      possible[0]!,
      sets,
      (field) => (field === 'kind' ? kindExpression(scope, v) : `${v}.\`${field}\``),
      { typename, alwaysTypename: true },
    );
  }
  const branches = possible.map(
    (object) => `WHEN ${v}:${label(object)} THEN ${projectObject(scope, v, object, sets, { alwaysTypename: true })}`,
  );
  return `CASE ${branches.join(' ')} END`;
}

// True when every possible type collects the same response keys for the same interface fields, which
// are all plain properties (or `kind`): then one map serves every type.
function selectsInterfaceFieldsOnly(
  scope: CompileScope,
  interfaceFields: Record<string, unknown>,
  possible: readonly GraphQLObjectType[],
  sets: readonly SelectionSetNode[],
): boolean {
  const signature = (object: GraphQLObjectType): string | undefined => {
    const parts: string[] = [];
    for (const [key, nodes] of collectFields(scope.info, object, sets)) {
      const field = nodes[0]!.name.value;
      if (field !== '__typename' && !(field in interfaceFields)) return undefined;
      parts.push(`${key}:${field}`);
    }
    return parts.join(',');
  };
  const first = possible[0] && signature(possible[0]);
  return first !== undefined && possible.every((object) => signature(object) === first);
}

/** Map literal for node `v` of object type `type`. */
export function projectObject(
  scope: CompileScope,
  v: string,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  options: ProjectionOptions = {},
): string {
  return projectSelection(
    scope.info,
    type,
    sets,
    (name, nodes) => {
      const field = type.getFields()[name];
      if (!field) throw new InternalError(`No field ${name} on ${type.name}`);
      return fieldExpression(scope, v, type, field, subSelections(nodes));
    },
    options,
  );
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

function relationExpression(
  scope: CompileScope,
  v: string,
  field: GraphQLField<unknown, unknown>,
  relation: Relation,
  sets: SelectionSetNode[],
): string {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) throw new InternalError(`@relation field ${field.name} must return an object type`);
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
  const edge = (nodes: readonly FieldNode[]): string =>
    projectSelection(scope.info, edgeType, subSelections(nodes), (field, edgeNodes) => {
      if (field === 'node') return projectObject(scope, o.n, nodeType, subSelections(edgeNodes));
      if (field === 'type') return `type(${o.r})`;
      return `${o.r}.\`${field}\``;
    });
  return projectSelection(scope.info, o.connection, o.sets, (field, nodes) => {
    if (field === 'totalCount') return `COUNT { MATCH ${pattern} }`;
    if (field === 'edges') {
      return (
        `COLLECT { MATCH ${pattern} WITH ${o.r}, ${o.n} ` +
        `ORDER BY ${linkOrder(o.n, nodeType)} RETURN ${edge(nodes)} AS item }`
      );
    }
    return undefined;
  });
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
  if (!(NODE_LABELS as readonly string[]).includes(type.name))
    throw new InternalError(`${type.name} is not an entity type`);
  return type.name as NodeLabel;
}
