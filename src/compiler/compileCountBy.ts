/** `<plural>CountBy(by, where)`: how many entities of one kind match, grouped by one property. */
import type { GraphQLObjectType } from 'graphql';
import { InternalError } from '../errors/errors';
import type { CompileScope } from './CompileScope';
import { compiledQuery, type CompiledQuery, type ResultRow } from './CompiledQuery';
import { returnObjectType, rootSelections } from './collectFields';
import { checkLimit } from './checkArguments';
import type { WhereInput } from './compileWhere';
import { countFields, enumValueOf } from '../graphql/filterSchema';
import { matchEntities } from './matchEntities';
import { projectSelection } from './projectSelection';

/** Arguments of a `...CountBy` field. */
export interface CountByArgs {
  by: string;
  where?: WhereInput | null;
  limit?: number | null;
}

/** One row per group, largest first, ties by key (missing values last); the key as text. */
export function compileCountBy(
  scope: CompileScope,
  type: GraphQLObjectType,
  args: CountByArgs,
): CompiledQuery<ResultRow> {
  const property = countFields(type).find((field) => enumValueOf(field) === args.by);
  if (!property) throw new InternalError(`${args.by} is not a count field of ${type.name}`);
  const v = scope.variable('v');
  const result = projectSelection(scope.info, returnObjectType(scope.info), rootSelections(scope.info), (field) =>
    field === 'key'
      ? 'CASE WHEN key IS NULL THEN null ELSE toString(key) END'
      : field === 'count'
        ? 'count'
        : undefined,
  );
  return compiledQuery(
    [
      matchEntities(scope, v, type, args.where),
      `WITH ${v}.\`${property}\` AS key, count(*) AS count ORDER BY count DESC, key ` +
        `LIMIT ${scope.param(checkLimit(scope.limits, 'limit', args.limit))}`,
    ],
    { result },
    scope.params,
  );
}
