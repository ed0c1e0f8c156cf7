/**
 * The stated-only switch: `basis: [STATED]` (or any list of Basis values) keeps a walk to the links of
 * those bases. Not given, or every basis given, it adds nothing, so the planner keeps its fast paths.
 */
import { BadUserInputError } from '../errors/errors';
import type { ParamScope } from './CompileScope';

/** A `basis` argument as GraphQL coerced it. */
export type BasisArg = readonly string[] | null | undefined;

/** The bases to keep, or undefined when every link is kept. */
function kept(basis: BasisArg): readonly string[] | undefined {
  if (!basis) return undefined;
  // An empty list would keep no link at all: surely not what was meant.
  if (basis.length === 0) {
    throw new BadUserInputError('basis must name STATED, INFERRED or both, got an empty list', { argument: 'basis' });
  }
  return basis.includes('STATED') && basis.includes('INFERRED') ? undefined : basis;
}

/** A predicate on relationship `r`, or undefined when every link is kept. */
export function basisPredicate(scope: ParamScope, r: string, basis: BasisArg): string | undefined {
  const bases = kept(basis);
  return bases ? `${r}.basis IN ${scope.param(bases)}` : undefined;
}

/** A predicate on every relationship of the list `rels` (a variable-length walk), or undefined. */
export function basisOfAll(scope: ParamScope, rels: string, basis: BasisArg): string | undefined {
  const bases = kept(basis);
  if (!bases) return undefined;
  const x = scope.variable('x');
  return `all(${x} IN ${rels} WHERE ${x}.basis IN ${scope.param(bases)})`;
}

/** `WHERE a AND b ...` of the conditions given, or nothing. */
export function whereOf(...conditions: Array<string | undefined>): string {
  const given = conditions.filter((c): c is string => c !== undefined);
  return given.length === 0 ? '' : ` WHERE ${given.join(' AND ')}`;
}
