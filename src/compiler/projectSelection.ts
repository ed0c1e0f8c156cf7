/**
 * The one loop every compiled map literal goes through: walk a selection on an object type, answer
 * `__typename` with the type's name, and ask the caller for the Cypher expression of each other
 * field. Keys are response keys, so aliases work.
 */
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { collectFields } from './collectFields';

/** The Cypher expression of one selected field, or undefined to leave it out of the map. */
export type FieldExpression = (field: string, nodes: readonly FieldNode[], key: string) => string | undefined;

/** How `projectSelection` treats `__typename`. */
export interface ProjectionOptions {
  /** The expression for `__typename`; default the type's name, `null` to leave it out. */
  typename?: string | null;
  /** Put `__typename` in the map even when it is not selected: abstract types resolve by it. */
  alwaysTypename?: boolean;
}

/** Map literal `{key: expression, ...}` for `sets` selected on `type`. */
export function projectSelection(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  expression: FieldExpression,
  options: ProjectionOptions = {},
): string {
  const typename = options.typename === undefined ? `'${type.name}'` : options.typename;
  const entries: string[] = [];
  const keys = collectFields(info, type, sets);
  if (options.alwaysTypename && typename !== null && !keys.has('__typename'))
    entries.push(`\`__typename\`: ${typename}`);
  for (const [key, nodes] of keys) {
    const field = nodes[0]!.name.value;
    const value = field === '__typename' ? typename : expression(field, nodes, key);
    if (value !== undefined && value !== null) entries.push(`\`${key}\`: ${value}`);
  }
  return `{${entries.join(', ')}}`;
}
