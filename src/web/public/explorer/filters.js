// The filters: which kinds, industry tiers, namespaces, link bases and review statuses are drawn. They
// hide elements at once (no request) and count what they show and hide; the checkboxes are plain form
// controls, so they work from the keyboard.
import { BASES, KINDS, REVIEW_STATUSES, TIERS, kindOf } from './kinds.js';
import { allows } from './viewState.js';
import { shapePath } from './shapes.js';

/** Hides what the view's filters exclude; returns the counts of shown and hidden nodes and links. */
export function applyFilters(cy, state) {
  const counts = { nodes: { shown: 0, hidden: 0 }, edges: { shown: 0, hidden: 0 } };
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const d = n.data();
      const hide =
        !allows(state.kinds, d.kind) ||
        !allows(state.namespace, d.namespace) ||
        (d.kind === 'INDUSTRY' && d.tier !== null && !allows(state.tiers, d.tier));
      n.toggleClass('filtered', hide);
      counts.nodes[hide ? 'hidden' : 'shown'] += 1;
    });
    cy.edges().forEach((e) => {
      const d = e.data();
      const hide =
        e.source().hasClass('filtered') ||
        e.target().hasClass('filtered') ||
        !allows(state.basis, d.basis) ||
        !allows(state.review, d.reviewStatus);
      e.toggleClass('filtered', hide);
      counts.edges[hide ? 'hidden' : 'shown'] += 1;
    });
  });
  return counts;
}

/** A small inline SVG of a kind's shape, for legends and filter labels. */
export function shapeIcon(kind) {
  const k = kindOf(kind);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('shape');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', shapePath(k.shape, 8, 8, 14, 14));
  path.setAttribute('fill', k.color);
  svg.append(path);
  return svg;
}

// One group of checkboxes; `values` maps value -> label, `count(value)` how many elements have it.
function group(name, legend, values, selected, count, decorate, onChange) {
  const fieldset = document.createElement('fieldset');
  fieldset.dataset.filter = name;
  const title = document.createElement('legend');
  title.textContent = legend;
  fieldset.append(title);
  for (const [value, label] of values) {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = name;
    box.value = value;
    box.checked = allows(selected, value);
    box.id = `filter-${name}-${value}`;
    const text = document.createElement('label');
    text.htmlFor = box.id;
    if (decorate) text.append(decorate(value));
    text.append(`${label} (${count(value)})`);
    const row = document.createElement('div');
    row.className = 'filter-option';
    row.append(box, text);
    fieldset.append(row);
  }
  fieldset.addEventListener('change', () => {
    const checked = [...fieldset.querySelectorAll('input:checked')].map((b) => b.value);
    onChange({ [name]: checked.length === values.length ? null : checked });
  });
  return fieldset;
}

function line(basisOrStatus) {
  const span = document.createElement('span');
  span.className = 'line ' + basisOrStatus.toLowerCase();
  span.setAttribute('aria-hidden', 'true');
  return span;
}

/**
 * Renders the filter groups for the drawn elements into `container`: the kinds, tiers and namespaces
 * present, each with its count; `onChange(patch)` receives the new value of one filter (null: all).
 */
export function renderFilters(container, cy, state, onChange) {
  const tally = (items, key) => {
    const counts = new Map();
    items.forEach((el) => counts.set(el.data(key), (counts.get(el.data(key)) ?? 0) + 1));
    return counts;
  };
  const kinds = tally(cy.nodes(), 'kind');
  const tiers = tally(cy.nodes('[kind = "INDUSTRY"]'), 'tier');
  const namespaces = tally(cy.nodes(), 'namespace');
  const bases = tally(cy.edges(), 'basis');
  const statuses = tally(cy.edges(), 'reviewStatus');
  // Values the URL names but the drawing lacks stay listed, so that a filter can always be undone.
  const present = (known, counts, selected) =>
    Object.entries(known).filter(([value]) => counts.has(value) || (selected !== null && selected.includes(value)));
  const nsValues = [...new Set([...namespaces.keys(), ...(state.namespace ?? [])])].sort().map((n) => [n, n]);
  const groups = [
    group(
      'kinds',
      'Kinds',
      present(KINDS, kinds, state.kinds).map(([v, k]) => [v, k.label]),
      state.kinds,
      (v) => kinds.get(v) ?? 0,
      shapeIcon,
      onChange,
    ),
    group('tiers', 'Industry tiers', Object.entries(TIERS), state.tiers, (v) => tiers.get(v) ?? 0, null, onChange),
    group('basis', 'Links: basis', Object.entries(BASES), state.basis, (v) => bases.get(v) ?? 0, line, onChange),
    group(
      'review',
      'Links: review',
      Object.entries(REVIEW_STATUSES),
      state.review,
      (v) => statuses.get(v) ?? 0,
      line,
      onChange,
    ),
    group('namespace', 'Namespaces', nsValues, state.namespace, (v) => namespaces.get(v) ?? 0, null, onChange),
  ];
  container.replaceChildren(...groups);
}

/** The sentence that says what the filters show and hide. */
export function countsText(counts) {
  const { nodes, edges } = counts;
  return (
    `Showing ${nodes.shown} of ${nodes.shown + nodes.hidden} entities and ${edges.shown} of ` +
    `${edges.shown + edges.hidden} links; hidden by filters: ${nodes.hidden} entities, ${edges.hidden} links.`
  );
}
