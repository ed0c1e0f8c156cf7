/** Checks of the paging and walking arguments several root fields share, against the configured limits. */
import type { ApiLimits } from '../config/ApiLimits';
import { BadUserInputError } from '../errors/errors';

/** Checks a limit-like argument against the configured cap and returns the value to use. */
export function checkLimit(limits: ApiLimits, name: string, value: number | null | undefined): number {
  if (value === null || value === undefined) return limits.defaultLimit;
  if (!Number.isInteger(value) || value < 0 || value > limits.maxLimit) {
    throw new BadUserInputError(`${name} must be a whole number from 0 to ${limits.maxLimit}, got ${value}`, {
      argument: name,
    });
  }
  return value;
}

/** Checks `offset`: a whole number of 0 or more, 0 when not given. */
export function checkOffset(value: number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0)
    throw new BadUserInputError(`offset must be a whole number of 0 or more, got ${value}`, { argument: 'offset' });
  return value;
}

/** Checks a neighbourhood's `depth`: 1 when not given, at most the configured maximum. */
export function checkDepth(limits: ApiLimits, depth: number | null | undefined): number {
  if (depth === null || depth === undefined) return 1;
  if (!Number.isInteger(depth) || depth < 1 || depth > limits.maxDepth) {
    throw new BadUserInputError(`depth must be a whole number from 1 to ${limits.maxDepth}, got ${depth}`, {
      argument: 'depth',
    });
  }
  return depth;
}

/** Checks a path's `maxHops`: the configured maximum when not given. */
export function checkMaxHops(limits: ApiLimits, maxHops: number | null | undefined): number {
  const value = maxHops ?? limits.maxHops;
  if (!Number.isInteger(value) || value < 1 || value > limits.maxHops) {
    throw new BadUserInputError(`maxHops must be a whole number from 1 to ${limits.maxHops}, got ${value}`, {
      argument: 'maxHops',
    });
  }
  return value;
}
