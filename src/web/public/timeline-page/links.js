// The links drawn between rows: a plan's successor links (CONTINUES, SUPERSEDES) and alignment
// (SERVES) run from band to band through lanes left of the axis, one lane per link so none hides
// another; goals' REVISES and SERVES links run from mark to mark. Only links whose two ends are drawn
// are drawn. Every arrow points from the link's source (the later or lower item) to its target.
import { svgEl, svgTitle } from './elements.js';

/** Link types with their words and their drawing (colour and dash tell them apart without colour alone). */
export const LINK_TYPES = {
  CONTINUES: { words: 'continues', color: '#374151', dash: null },
  SUPERSEDES: { words: 'replaces', color: '#9a3412', dash: '9 4' },
  SERVES: { words: 'serves', color: '#1d4ed8', dash: '2 3' },
  REVISES: { words: 'revises', color: '#be185d', dash: '7 3 2 3' },
};

/** Width of one lane of plan links left of the axis. */
export const LANE_WIDTH = 20;

/** The plan links among the drawn plans, in row order of their source. */
export function planLinks(rows) {
  const drawn = new Set(rows.map((r) => r.plan.id));
  const fields = { continues: 'CONTINUES', supersedes: 'SUPERSEDES', serves: 'SERVES' };
  return rows.flatMap(({ plan }) =>
    Object.entries(fields).flatMap(([field, type]) =>
      plan[field].filter((t) => drawn.has(t.id)).map((t) => ({ from: plan.id, to: t.id, type })),
    ),
  );
}

/** The goal links among the drawn goals. */
export function goalLinks(rows) {
  const drawn = new Set(rows.flatMap((r) => r.goals.map((g) => g.id)));
  const seen = new Set();
  const links = [];
  for (const row of rows)
    for (const g of row.goals)
      for (const [field, type] of [
        ['revises', 'REVISES'],
        ['serves', 'SERVES'],
      ])
        for (const t of g[field] ?? []) {
          const key = `${g.id}|${type}|${t.id}`;
          if (drawn.has(t.id) && !seen.has(key)) {
            seen.add(key);
            links.push({ from: g.id, to: t.id, type });
          }
        }
  return links;
}

/** One arrow-head marker per link type, for `<defs>`. */
export function arrowMarkers() {
  return Object.entries(LINK_TYPES).map(([type, t]) =>
    svgEl(
      'marker',
      {
        id: `arrow-${type}`,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto-start-reverse',
      },
      svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: t.color }),
    ),
  );
}

function linkGroup(link, d, names, extra = []) {
  const t = LINK_TYPES[link.type];
  const name = `${names(link.from)} ${t.words} ${names(link.to)}`;
  const group = svgEl('g', {
    class: 'link',
    'data-link': `${link.from}|${link.type}|${link.to}`,
    role: 'img',
    'aria-label': name,
  });
  group.append(
    svgTitle(name),
    svgEl('path', {
      d,
      fill: 'none',
      stroke: t.color,
      'stroke-width': 1.8,
      'stroke-dasharray': t.dash,
      'marker-end': `url(#arrow-${link.type})`,
    }),
    ...extra,
  );
  return group;
}

/**
 * Plan links into `layer`: link i leaves its source band's left end, runs to lane i left of `axisLeft`,
 * and enters its target band's left end. Ends on one band are spread over its height.
 */
export function drawPlanLinks(layer, links, bandOf, axisLeft, names) {
  const ends = new Map();
  links.forEach((link, i) => {
    for (const id of [link.from, link.to]) {
      if (!ends.has(id)) ends.set(id, []);
      ends.get(id).push(i);
    }
  });
  const endY = (id, i) => {
    const band = bandOf(id);
    const at = ends.get(id);
    return band.y + ((at.indexOf(i) + 1) * band.height) / (at.length + 1);
  };
  links.forEach((link, i) => {
    const from = bandOf(link.from);
    const to = bandOf(link.to);
    const x = axisLeft - 10 - i * LANE_WIDTH;
    const y1 = endY(link.from, i);
    const y2 = endY(link.to, i);
    const label = svgEl(
      'text',
      {
        class: 'link-label',
        x: x - 4,
        y: (y1 + y2) / 2,
        transform: `rotate(-90 ${x - 4} ${(y1 + y2) / 2})`,
        'text-anchor': 'middle',
        fill: LINK_TYPES[link.type].color,
        'aria-hidden': 'true',
      },
      LINK_TYPES[link.type].words,
    );
    layer.append(linkGroup(link, `M${from.x1},${y1} H${x} V${y2} H${to.x1 - 1}`, names, [label]));
  });
}

/** Goal links into `layer`, as curves from mark to mark that stop at the target's edge. */
export function drawGoalLinks(layer, links, goalAt, names) {
  for (const link of links) {
    const a = goalAt(link.from);
    const b = goalAt(link.to);
    const down = b.y > a.y ? 1 : -1;
    const y1 = a.y + down * 7;
    const y2 = b.y - down * 8;
    const mid = (y1 + y2) / 2;
    layer.append(linkGroup(link, `M${a.x},${y1} C${a.x},${mid} ${b.x},${mid} ${b.x},${y2}`, names));
  }
}
