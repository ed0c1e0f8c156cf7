/**
 * How a target's state now differs from the state a change set left it in: its properties, citations,
 * review and kind, never its version (a revert of a later set restores the state under a new version).
 */
import type { Snapshot } from './recordChangeSet';

// What the graph counts itself; two states that differ only here are the same state.
const COUNTERS = new Set(['version']);

/** One field whose value differs: what the change set left, and what is there now. */
export interface StateDifference {
  field: string;
  left: unknown;
  now: unknown;
}

/** The fields of `now` that differ from `left`, by name; empty when the two are the same state. */
export function stateDifferences(left: Snapshot, now: Snapshot): StateDifference[] {
  const fields = [...new Set([...Object.keys(left), ...Object.keys(now)])].filter((f) => !COUNTERS.has(f)).sort();
  return fields
    .filter((field) => canonical(left[field]) !== canonical(now[field]))
    .map((field) => ({ field, left: left[field] ?? null, now: now[field] ?? null }));
}

// A value as JSON, with null and absent the same (Neo4j stores no nulls).
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null);
}
