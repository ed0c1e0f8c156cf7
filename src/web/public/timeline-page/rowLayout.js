// Where each part of one plan's row goes: the plan's name, then its band over the period, then a lane
// of goals, each within its target year, then a lane of evidence, each at the start of the period its
// date names. Marks that would touch are moved down a level, never sideways, so that a mark's x always
// stays its time.
import { datePlace } from './dates.js';

/** Row geometry, in pixels. */
export const ROW = Object.freeze({
  labelBaseline: 15,
  bandTop: 22,
  bandHeight: 24,
  laneGap: 8,
  goalStep: 16,
  goalSpacing: 14,
  evidenceStep: 13,
  evidenceSpacing: 11,
  bottom: 10,
});

// Goals sharing a target year stand side by side across that year, as many to a level as fit.
function placeGoals(goals, scale, laneTop) {
  const perLevel = Math.max(1, Math.floor(scale.perYear / ROW.goalSpacing) - 1);
  const byYear = new Map();
  for (const g of goals) {
    if (!byYear.has(g.targetYear)) byYear.set(g.targetYear, []);
    byYear.get(g.targetYear).push(g);
  }
  const placed = [];
  for (const [year, group] of byYear) {
    const across = Math.min(perLevel, group.length);
    group.forEach((goal, i) => {
      const level = Math.floor(i / perLevel);
      const slot = i % perLevel;
      placed.push({
        goal,
        x: scale.x(year + (slot + 1) / (across + 1)),
        y: laneTop + ROW.goalStep / 2 + level * ROW.goalStep,
        level,
      });
    });
  }
  return placed;
}

// Each piece takes the first level whose last mark is far enough to its left.
function placeEvidence(evidence, scale, laneTop) {
  const dated = evidence
    .map((piece) => ({ piece, place: datePlace(piece.date) }))
    .filter((e) => e.place !== null)
    .sort((a, b) => a.place.at - b.place.at || (a.piece.id < b.piece.id ? -1 : 1));
  const lastX = [];
  return dated.map(({ piece, place }) => {
    const x = scale.x(place.at);
    let level = lastX.findIndex((last) => x - last >= ROW.evidenceSpacing);
    if (level === -1) level = lastX.length;
    lastX[level] = x;
    return { piece, x, y: laneTop + ROW.evidenceStep / 2 + level * ROW.evidenceStep, level };
  });
}

/** The geometry of `row` ({ plan, goals, evidence }) starting at `top`, on `scale`. */
export function rowLayout(row, scale, top) {
  const { plan } = row;
  const band = {
    x1: scale.x(plan.periodStart),
    x2: scale.x(plan.periodEnd + 1),
    y: top + ROW.bandTop,
    height: ROW.bandHeight,
  };
  const horizonX = plan.horizon !== null && plan.horizon > plan.periodEnd ? scale.x(plan.horizon + 1) : null;
  const goalTop = band.y + band.height + ROW.laneGap;
  const goals = placeGoals(row.goals, scale, goalTop);
  const goalLevels = goals.length ? Math.max(...goals.map((g) => g.level)) + 1 : 1;
  const evidenceTop = goalTop + goalLevels * ROW.goalStep + ROW.laneGap;
  const evidence = placeEvidence(row.evidence, scale, evidenceTop);
  const evidenceLevels = evidence.length ? Math.max(...evidence.map((e) => e.level)) + 1 : 0;
  const height = evidenceTop - top + evidenceLevels * ROW.evidenceStep + ROW.bottom;
  return { top, height, band, horizonX, goals, evidence, evidenceTop };
}
