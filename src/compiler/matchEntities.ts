/**
 * The MATCH and ORDER BY of root lists, connections and counts: `where` is compiled by compileWhere,
 * `sort` keys come from enums, with the id last so every order is total.
 */
import type { GraphQLObjectType } from 'graphql';
import type { ParamScope } from './CompileScope';
import { label } from './project';
import { compileWhere, seeksId, type WhereInput } from './compileWhere';
import { InternalError } from '../errors/errors';

/** One `sort` entry as the schema gives it. */
export interface SortInput {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

/** `MATCH (v:Label) WHERE ...` for the entities of `type` that `where` selects. */
export function matchEntities(
  scope: ParamScope,
  v: string,
  type: GraphQLObjectType,
  where: WhereInput | null | undefined,
): string {
  const predicate = compileWhere(scope, v, type, where);
  // With ids given, naming :Entity lets the planner seek its unique id index instead of scanning the label.
  const labels = seeksId(where) ? `Entity:${label(type)}` : label(type);
  return `MATCH (${v}:${labels})${predicate ? ` WHERE ${predicate}` : ''}`;
}

/** The ORDER BY keys for `sort`, ending with the id. */
export function orderEntities(v: string, sort: readonly SortInput[] | null | undefined): string {
  const keys = (sort ?? []).map((s) => {
    if (!/^[A-Z_]+$/.test(s.field)) throw new InternalError(`Unexpected sort field ${s.field}`);
    // Sort enums name properties in SCREAMING_SNAKE: TARGET_YEAR -> targetYear.
    const property = s.field.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    return `${v}.\`${property}\` ${s.direction === 'DESC' ? 'DESC' : 'ASC'}`;
  });
  return [...keys, `${v}.id ASC`].join(', ');
}
