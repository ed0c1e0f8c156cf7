// The timeline drawing: a year axis, one row per plan (rowLayout.js), the links between rows
// (links.js), as plain SVG at one pixel per unit, so that a 12 px label is 12 px on screen at every
// window size. Goal marks are buttons (click, Enter or Space selects them); bands, evidence and links
// are images with names. Every mark carries its id and its time (`data-year`, `data-date`) for scripts.
import { KINDS } from '../explorer/kinds.js';
import { placeText } from './dates.js';
import { verdictText } from './verdicts.js';
import { ROW, rowLayout } from './rowLayout.js';
import { fitTexts, svgEl, svgTitle } from './elements.js';
import { timeScale, yearRange } from './timeScale.js';
import { LANE_WIDTH, arrowMarkers, drawGoalLinks, drawPlanLinks, goalLinks, planLinks } from './links.js';

const AXIS_HEIGHT = 34;
const MARGIN = 14;

function drawAxis(scale, height) {
  const axis = svgEl('g', { class: 'axis', 'aria-hidden': 'true' });
  // Every year labelled while there is room for it, every other year when the years get narrow.
  const step = scale.perYear >= 34 ? 1 : 2;
  for (let year = scale.from; year <= scale.to; year++) {
    const x = scale.x(year);
    axis.append(svgEl('line', { class: 'tick', 'data-year': year, x1: x, x2: x, y1: AXIS_HEIGHT - 8, y2: height }));
    if (year < scale.to && (year - scale.from) % step === 0)
      axis.append(
        svgEl(
          'text',
          { class: 'year', 'data-year': year, x: x + scale.perYear / 2, y: AXIS_HEIGHT - 14, 'text-anchor': 'middle' },
          String(year),
        ),
      );
  }
  return axis;
}

function planName(plan) {
  return `${plan.name}, ${plan.periodStart}–${plan.periodEnd}`;
}

function drawBand(row, layout, width) {
  const { plan } = row;
  const { band } = layout;
  const facts = [plan.level?.toLowerCase(), plan.status?.toLowerCase().replace('_', ' ')].filter(Boolean);
  const name =
    `Plan: ${planName(plan)}` +
    (plan.horizon !== null ? `, looking ahead to ${plan.horizon}` : '') +
    (plan.issued ? `, issued ${plan.issued}` : '') +
    (facts.length ? ` (${facts.join(', ')})` : '');
  const group = svgEl('g', { class: 'band', 'data-id': plan.id, role: 'img', 'aria-label': name });
  const labelX = Math.max(MARGIN, Math.min(band.x1, width - MARGIN - 260));
  group.append(
    svgTitle(name),
    svgEl(
      'text',
      { class: 'plan-name', x: labelX, y: layout.top + ROW.labelBaseline, 'data-fit': width - MARGIN - labelX },
      plan.name,
    ),
  );
  if (layout.horizonX !== null)
    group.append(
      svgEl('line', {
        class: 'horizon',
        x1: band.x2,
        x2: layout.horizonX,
        y1: band.y + band.height / 2,
        y2: band.y + band.height / 2,
      }),
    );
  group.append(
    svgEl('rect', {
      class: 'period',
      x: band.x1,
      y: band.y,
      width: band.x2 - band.x1,
      height: band.height,
      rx: 3,
      'data-start': plan.periodStart,
      'data-end': plan.periodEnd,
    }),
    svgEl(
      'text',
      { class: 'period-text', x: band.x1 + 6, y: band.y + band.height / 2 + 4, 'data-fit': band.x2 - band.x1 - 12 },
      [`${plan.periodStart}–${plan.periodEnd}`, ...facts].join(' · '),
    ),
  );
  return group;
}

function drawGoal({ goal, x, y }, plan, onSelect) {
  const verdict = goal.verdict ? `, newest verdict: ${verdictText(goal.verdict)}` : ', not assessed';
  const name = `Goal: ${goal.name}, target year ${goal.targetYear} (${plan.name})${verdict}`;
  const mark = svgEl('g', {
    class: 'mark goal',
    'data-id': goal.id,
    'data-plan': plan.id,
    'data-year': goal.targetYear,
    role: 'button',
    tabindex: 0,
    'aria-pressed': 'false',
    'aria-label': name,
    transform: `translate(${x} ${y})`,
  });
  mark.append(
    svgTitle(name),
    svgEl('circle', { class: 'hit', r: 9 }),
    svgEl('path', { class: 'shape', d: 'M0,-6 L6,0 L0,6 L-6,0 Z', fill: KINDS.GOAL.color }),
  );
  mark.addEventListener('click', () => onSelect(goal.id));
  mark.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(goal.id);
  });
  return mark;
}

function drawEvidence({ piece, x, y }, plan) {
  const name = `Evidence: ${piece.name}, dated ${piece.date}, drawn ${placeText(piece.date)}`;
  const mark = svgEl('g', {
    class: 'mark evidence',
    'data-id': piece.id,
    'data-plan': plan.id,
    'data-date': piece.date,
    'data-on': piece.on.join(' '),
    role: 'img',
    'aria-label': name,
    transform: `translate(${x} ${y})`,
  });
  mark.append(svgTitle(name), svgEl('path', { class: 'shape', d: 'M0,-5 L5,4 L-5,4 Z', fill: KINDS.EVIDENCE.color }));
  return mark;
}

/**
 * Draws `rows` ({ plan, goals, evidence } in row order) into `container`, as wide as it is;
 * `onSelect(id)` runs when a goal mark is chosen. Returns the SVG element.
 */
export function drawTimeline(container, rows, onSelect) {
  const width = Math.max(480, Math.floor(container.clientWidth));
  const plans = planLinks(rows);
  const goalsLinked = goalLinks(rows);
  const axisLeft = MARGIN + 10 + Math.max(1, plans.length) * LANE_WIDTH;
  const scale = timeScale(yearRange(rows), axisLeft, width - MARGIN);
  let top = AXIS_HEIGHT;
  const layouts = rows.map((row) => {
    const layout = rowLayout(row, scale, top);
    top += layout.height;
    return layout;
  });
  const height = top + MARGIN;
  const counts = {
    goals: layouts.reduce((n, l) => n + l.goals.length, 0),
    evidence: layouts.reduce((n, l) => n + l.evidence.length, 0),
  };
  const svg = svgEl('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-labelledby': 'timeline-title',
    'aria-describedby': 'timeline-desc',
  });
  svg.append(
    svgEl('title', { id: 'timeline-title' }, `Timeline of ${rows.length} plans, ${scale.from} to ${scale.to - 1}`),
    svgEl(
      'desc',
      { id: 'timeline-desc' },
      `One band per plan over its period, ${counts.goals} goal marks at their target years and ` +
        `${counts.evidence} evidence marks at their dates; arrows link plans that continue, replace or serve ` +
        'others, and goals that revise or serve others. Goal marks are buttons.',
    ),
    svgEl('defs', {}, ...arrowMarkers()),
    drawAxis(scale, height - MARGIN),
  );
  const bands = svgEl('g', { class: 'bands' });
  const linkLayer = svgEl('g', { class: 'links' });
  const marks = svgEl('g', { class: 'marks' });
  const bandOf = new Map();
  const goalAt = new Map();
  const names = new Map();
  rows.forEach((row, i) => {
    const layout = layouts[i];
    bandOf.set(row.plan.id, layout.band);
    names.set(row.plan.id, row.plan.name);
    bands.append(drawBand(row, layout, width));
    for (const g of layout.goals) {
      if (!goalAt.has(g.goal.id)) goalAt.set(g.goal.id, g);
      names.set(g.goal.id, g.goal.name);
      marks.append(drawGoal(g, row.plan, onSelect));
    }
    for (const e of layout.evidence) marks.append(drawEvidence(e, row.plan));
  });
  const nameOf = (id) => names.get(id) ?? id;
  drawPlanLinks(linkLayer, plans, (id) => bandOf.get(id), axisLeft, nameOf);
  drawGoalLinks(linkLayer, goalsLinked, (id) => goalAt.get(id), nameOf);
  svg.append(bands, linkLayer, marks);
  container.replaceChildren(svg);
  fitTexts(svg);
  return svg;
}
