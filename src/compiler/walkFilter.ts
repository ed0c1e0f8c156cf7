/**
 * Which links a walk may use: `basis: [STATED]` keeps it to what the source states, `review: [ACCEPTED]`
 * to what review has accepted (a link never reviewed counts as ACCEPTED, as loaded links do). Not
 * given, or every value given, a part adds nothing, so the planner keeps its fast paths.
 */
import { BadUserInputError } from '../errors/errors';
import { REVIEW_STATUSES, reviewStatusExpression } from '../curation/storedReview';
import type { ParamScope } from './CompileScope';

/** The link bases, as the API names them. */
export const BASES = ['STATED', 'INFERRED'] as const;

/** A `basis` or `review` argument as GraphQL coerced it. */
export type ChoiceArg = readonly string[] | null | undefined;

/** The `basis` and `review` arguments of a field that walks links. */
export interface WalkFilter {
  basis?: ChoiceArg;
  review?: ChoiceArg;
}

/** The values to keep, or undefined when every value is kept. */
function kept(argument: string, all: readonly string[], given: ChoiceArg): readonly string[] | undefined {
  if (!given) return undefined;
  // An empty list would keep no link at all: surely not what was meant.
  if (given.length === 0) {
    throw new BadUserInputError(`${argument} must name at least one of ${all.join(', ')}, got an empty list`, {
      argument,
    });
  }
  return all.every((value) => given.includes(value)) ? undefined : given;
}

/** The conditions on one relationship, each a function of it (a variable or a list element). */
function conditions(scope: ParamScope, walk: WalkFilter | undefined): Array<(r: string) => string> {
  const bases = kept('basis', BASES, walk?.basis);
  const statuses = kept('review', REVIEW_STATUSES, walk?.review);
  const result: Array<(r: string) => string> = [];
  if (bases) {
    const p = scope.param(bases);
    result.push((r) => `${r}.basis IN ${p}`);
  }
  if (statuses) {
    const p = scope.param(statuses);
    result.push((r) => `${reviewStatusExpression(r)} IN ${p}`);
  }
  return result;
}

/** A predicate on relationship `r`, or undefined when every link is kept. */
export function linkPredicate(scope: ParamScope, r: string, walk: WalkFilter | undefined): string | undefined {
  const each = conditions(scope, walk);
  return each.length === 0 ? undefined : each.map((c) => c(r)).join(' AND ');
}

/** A predicate on every relationship of the list `rels` (a variable-length walk), or undefined. */
export function allLinks(scope: ParamScope, rels: string, walk: WalkFilter | undefined): string | undefined {
  const each = conditions(scope, walk);
  if (each.length === 0) return undefined;
  const x = scope.variable('x');
  return `all(${x} IN ${rels} WHERE ${each.map((c) => c(x)).join(' AND ')})`;
}

/** `WHERE a AND b ...` of the conditions given, or nothing. */
export function whereOf(...conditions: Array<string | undefined>): string {
  const given = conditions.filter((c): c is string => c !== undefined);
  return given.length === 0 ? '' : ` WHERE ${given.join(' AND ')}`;
}
