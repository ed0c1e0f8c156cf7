/** Root lists of one entity label (`plans`, `goals`, ...): filtered, sorted, then SKIP/LIMIT. */
import type { GraphQLObjectType } from 'graphql';
import type { CompileScope } from './CompileScope';
import { compiledQuery, type CompiledQuery, type ResultRow } from './CompiledQuery';
import { checkLimit, checkOffset } from './checkArguments';
import { rootSelections } from './collectFields';
import type { WhereInput } from './compileWhere';
import { matchEntities, orderEntities, type SortInput } from './matchEntities';
import { projectObject } from './project';

/** Arguments of a root list. */
export interface ListArgs {
  where?: WhereInput | null;
  sort?: readonly SortInput[] | null;
  limit?: number | null;
  offset?: number | null;
}

/** One row per entity of the page, in order. */
export function compileList(scope: CompileScope, type: GraphQLObjectType, args: ListArgs): CompiledQuery<ResultRow> {
  const limit = checkLimit(scope.limits, 'limit', args.limit);
  const offset = checkOffset(args.offset);
  const v = scope.variable('v');
  const match = matchEntities(scope, v, type, args.where);
  const order = orderEntities(v, args.sort);
  const result = projectObject(scope, v, type, rootSelections(scope.info));
  return compiledQuery(
    [match, `WITH ${v} ORDER BY ${order} SKIP ${scope.param(offset)} LIMIT ${scope.param(limit)}`],
    { result },
    scope.params,
  );
}
