/**
 * Flattens a selection for one concrete object type: follows fragment spreads and inline fragments
 * whose type condition applies, honours @skip and @include, and groups field nodes by response key
 * (a field selected twice under one key merges its sub-selections, as GraphQL execution does).
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { InternalError } from '../errors/errors';

/** Response key -> the field nodes selected under it. */
export type FieldMap = Map<string, FieldNode[]>;

/** Collects the fields that `selectionSets` select on objects of `type`. */
export function collectFields(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
): FieldMap {
  const fields: FieldMap = new Map();
  const visited = new Set<string>();
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (!included(info, selection)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const key = selection.alias?.value ?? selection.name.value;
          const list = fields.get(key);
          if (list) list.push(selection);
          else fields.set(key, [selection]);
          break;
        }
        case Kind.INLINE_FRAGMENT:
          if (!selection.typeCondition || applies(info, selection.typeCondition.name.value, type))
            visit(selection.selectionSet);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = info.fragments[name];
          if (!fragment || visited.has(name)) break;
          visited.add(name);
          if (applies(info, fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
          break;
        }
      }
    }
  };
  selectionSets.forEach(visit);
  return fields;
}

/** The sub-selections of every field node under one key. */
export function subSelections(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

function applies(info: GraphQLResolveInfo, condition: string, type: GraphQLObjectType): boolean {
  if (condition === type.name) return true;
  const conditionType = info.schema.getType(condition);
  return (
    conditionType !== undefined &&
    conditionType !== null &&
    isAbstractType(conditionType) &&
    info.schema.isSubType(conditionType, type)
  );
}

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.['if'] !== false;
}

/** The top-level selection sets of the field being resolved. */
export function rootSelections(info: GraphQLResolveInfo): SelectionSetNode[] {
  return subSelections(info.fieldNodes);
}

/** The object type the field being resolved returns (through lists and non-null). */
export function returnObjectType(info: GraphQLResolveInfo): GraphQLObjectType {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) throw new InternalError(`${info.fieldName} must return an object type, not ${type.name}`);
  return type;
}

/** The object type field `field` of `type` returns (through lists and non-null). */
export function fieldObjectType(type: GraphQLObjectType, field: string): GraphQLObjectType {
  const named = getNamedType(type.getFields()[field]?.type);
  if (!isObjectType(named)) throw new InternalError(`${type.name}.${field} must be an object type`);
  return named;
}
