/**
 * The MATCH and ORDER BY of root lists and connections: `where` becomes parameterized predicates and
 * `sort` keys come from enums, with the id last so every order is total.
 */
import type { GraphQLObjectType } from 'graphql';
import type { ParamScope } from './CompileScope';
import { label } from './project';
import { InternalError } from '../errors/errors';

/** One `sort` entry as the schema gives it. */
export interface SortInput {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

/** The `where` input: only fields the schema declares reach here. */
export type WhereInput = Record<string, unknown>;

/** `MATCH (v:Label) WHERE ...` for the entities of `type` that `where` selects. */
export function matchEntities(
  scope: ParamScope,
  v: string,
  type: GraphQLObjectType,
  where: WhereInput | null | undefined,
): string {
  const predicates: string[] = [];
  for (const [field, value] of Object.entries(where ?? {})) {
    if (value === null || value === undefined) continue;
    if (!/^[a-zA-Z]+$/.test(field)) throw new InternalError(`Unexpected where field ${field}`);
    if (field === 'idIn') predicates.push(`${v}.id IN ${scope.param(value)}`);
    else if (field.endsWith('Contains'))
      predicates.push(
        `toLower(${v}.\`${field.slice(0, -'Contains'.length)}\`) CONTAINS toLower(${scope.param(value)})`,
      );
    else predicates.push(`${v}.\`${field}\` = ${scope.param(value)}`);
  }
  // With ids given, naming :Entity lets the planner seek its unique id index instead of scanning the label.
  const labels = where?.['idIn'] ? `Entity:${label(type)}` : label(type);
  return `MATCH (${v}:${labels})${predicates.length > 0 ? ` WHERE ${predicates.join(' AND ')}` : ''}`;
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
