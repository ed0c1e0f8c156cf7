/**
 * Turns a GraphQL selection on an entity into one Cypher map expression. Scalar fields read node
 * properties; `@relation` fields become COLLECT / COUNT subqueries nested to any depth, so a whole
 * selection tree costs one query. Keys are response keys, so aliases work.
 */
import {
  isAbstractType,
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';
import { NODE_LABELS, type NodeLabel } from '../dataset/PlanDataset';
import { relationOf } from './relationOf';
import { enumValueOf } from '../graphql/filterSchema';
import { linkExpression } from './projectLinks';
import type { CompileScope, ParamScope } from './CompileScope';
import { collectFields } from './collectFields';
import { projectSelection, type ProjectionOptions } from './projectSelection';
import { InternalError } from '../errors/errors';
import { projectCitations } from './projectCitations';
import { projectNames } from './projectNames';
import { corroboratedExpression, publishersExpression } from './projectCorroboration';

/** The EntityKind of a label, as a type: `ActionPlan` -> `ACTION_PLAN`. */
export type KindOf<L extends string> = L extends `${infer First}${infer Rest}`
  ? `${Uppercase<First>}${SnakeTail<Rest>}`
  : L;
type SnakeTail<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? Uppercase<C> : `_${C}`}${SnakeTail<Rest>}`
  : S;

/** The EntityKind enum value of a node label: `ActionPlan` -> `ACTION_PLAN`. */
export function kindOfLabel<L extends NodeLabel>(label: L): KindOf<L> {
  return enumValueOf(label) as KindOf<L>;
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
      (field, nodes) =>
        field === 'kind'
          ? kindExpression(scope, v)
          : field === 'citations'
            ? projectCitations(scope, v, nodes)
            : field === 'version'
              ? versionExpression(v)
              : field === 'names'
                ? projectNames(scope, v, nodes)
                : `${v}.\`${field}\``,
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
      return fieldExpression(scope, v, type, field, nodes);
    },
    options,
  );
}

function fieldExpression(
  scope: CompileScope,
  v: string,
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
): string {
  const relation = relationOf(field);
  if (relation) return linkExpression(scope, v, field, relation, nodes);
  if (field.name === 'kind') return `'${kindOfLabel(label(type))}'`;
  if (field.name === 'citations') return projectCitations(scope, v, nodes);
  if (field.name === 'version') return versionExpression(v);
  if (field.name === 'names') return projectNames(scope, v, nodes);
  if (field.name === 'publishers') return publishersExpression(scope, v);
  if (field.name === 'corroborated') return corroboratedExpression(scope, v);
  return `${v}.\`${field.name}\``;
}

/** The version of node or relationship `v`; one for what was written before versions were kept. */
export function versionExpression(v: string): string {
  return `coalesce(${v}.version, 1)`;
}

/** The node label of an entity object type; the two share their names. */
export function label(type: GraphQLObjectType): NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(type.name))
    throw new InternalError(`${type.name} is not an entity type`);
  return type.name as NodeLabel;
}
