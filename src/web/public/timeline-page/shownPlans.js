// Which plans are drawn, and in which order: one row per plan, higher plans above the plans that serve
// them (national, municipal, zone), then by the start of their period, then by id, so that a plan and
// its successor stand next to each other and the rows never move when a plan is added or left out.

/** Most plans drawn at once: every drawn plan costs one request, and rows beyond this stop being readable. */
export const MAX_DRAWN = 20;

/** How many plans a bare URL draws, first in row order. */
export const DEFAULT_DRAWN = 12;

const LEVEL_ORDER = { NATIONAL: 0, MUNICIPAL: 1, ZONE: 2 };

/** True when a plan has a period to draw (a source gives both its first and its last year). */
export function hasPeriod(plan) {
  return plan.periodStart !== null && plan.periodEnd !== null;
}

/** Plans in row order. */
export function inRowOrder(plans) {
  const level = (p) => LEVEL_ORDER[p.level] ?? 3;
  return [...plans].sort(
    (a, b) =>
      level(a) - level(b) ||
      (a.periodStart ?? Infinity) - (b.periodStart ?? Infinity) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The plans the view draws, in row order: those named in `chosen` (null: the first DEFAULT_DRAWN),
 * only those with a period, at most MAX_DRAWN; `unknown` lists chosen ids no plan has.
 */
export function shownPlans(ordered, chosen) {
  const dated = ordered.filter(hasPeriod);
  if (chosen === null) return { plans: dated.slice(0, DEFAULT_DRAWN), unknown: [], cut: false };
  const wanted = new Set(chosen);
  const picked = dated.filter((p) => wanted.has(p.id));
  const known = new Set(ordered.map((p) => p.id));
  return {
    plans: picked.slice(0, MAX_DRAWN),
    unknown: chosen.filter((id) => !known.has(id)),
    cut: picked.length > MAX_DRAWN,
  };
}
