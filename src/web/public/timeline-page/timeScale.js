// The time axis: the whole years the drawn plans need (their periods and horizons, their goals' target
// years, the dates of the evidence on them), mapped onto the drawing's width. Positions are fractional
// years: a year Y spans [Y, Y + 1), so a period 2021-2025 runs from 2021 to 2026.
import { datePlace } from './dates.js';

/** The first year and one past the last year the rows need. */
export function yearRange(rows) {
  const years = [];
  for (const { plan, goals, evidence } of rows) {
    years.push(plan.periodStart, plan.periodEnd);
    if (plan.horizon !== null) years.push(plan.horizon);
    for (const g of goals) years.push(g.targetYear);
    for (const e of evidence) {
      const p = datePlace(e.date);
      if (p) years.push(p.year);
    }
  }
  if (years.length === 0) return { from: 2020, to: 2021 };
  return { from: Math.min(...years), to: Math.max(...years) + 1 };
}

/** A scale from fractional years to x, with the axis running from `left` to `right` pixels. */
export function timeScale({ from, to }, left, right) {
  const perYear = (right - left) / (to - from);
  return { from, to, left, right, perYear, x: (at) => left + (at - from) * perYear };
}
