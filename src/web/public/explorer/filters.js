// The filters: which kinds, industry tiers, namespaces, link bases and review statuses are drawn, and
// whether industries are kept to the members of an industry system (the frameworks their PART_OF links
// lead to, such as the '241' system). They hide elements at once (no request) and count what they show
// and hide; the checkboxes and buttons are plain form controls, so they work from the keyboard.
import { BASES, KINDS, REVIEW_STATUSES, TIERS, kindOf } from './kinds.js';
import { allows } from './viewState.js';
import { shapePath } from './shapes.js';

/** True when the link's basis and review status pass the view's link filters. */
function linkAllowed(state, d) {
  return allows(state.basis, d.basis) && allows(state.review, d.reviewStatus);
}

/**
 * Ids of what is part of the frameworks `systems`, directly or through a branch (an industry part of a
 * member), over drawn PART_OF links the link filters keep.
 */
export function systemMembers(cy, systems, state) {
  const members = new Set();
  const queue = [...systems];
  while (queue.length > 0) {
    cy.getElementById(queue.pop())
      .incomers('edge[type = "PART_OF"]')
      .forEach((e) => {
        const id = e.source().id();
        if (!linkAllowed(state, e.data()) || members.has(id)) return;
        members.add(id);
        queue.push(id);
      });
  }
  return members;
}

/** Hides what the view's filters exclude; returns the counts of shown and hidden nodes and links. */
export function applyFilters(cy, state) {
  const counts = { nodes: { shown: 0, hidden: 0 }, edges: { shown: 0, hidden: 0 } };
  const members = state.system === null ? null : systemMembers(cy, state.system, state);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const d = n.data();
      const hide =
        !allows(state.kinds, d.kind) ||
        !allows(state.namespace, d.namespace) ||
        (d.kind === 'INDUSTRY' && !allows(state.tiers, d.tier)) ||
        (d.kind === 'INDUSTRY' && members !== null && !members.has(d.id));
      n.toggleClass('filtered', hide);
      counts.nodes[hide ? 'hidden' : 'shown'] += 1;
    });
    cy.edges().forEach((e) => {
      const d = e.data();
      const hide = e.source().hasClass('filtered') || e.target().hasClass('filtered') || !linkAllowed(state, d);
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

function linkButton(text, label, className, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  button.setAttribute('aria-label', label);
  if (className) button.className = className;
  button.addEventListener('click', onClick);
  return button;
}

// A fieldset for the filter `name`, titled `legend`, holding `parts`.
function fieldsetOf(name, legend, ...parts) {
  const fieldset = document.createElement('fieldset');
  fieldset.dataset.filter = name;
  const title = document.createElement('legend');
  title.textContent = legend;
  fieldset.append(title, ...parts);
  return fieldset;
}

// One checkbox row of the filter `name` for `value`, labelled by `label` (nodes or text), then `after`.
function checkboxRow(name, value, checked, label, ...after) {
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = name;
  box.value = value;
  box.checked = checked;
  box.id = `filter-${name}-${value}`;
  const text = document.createElement('label');
  text.htmlFor = box.id;
  text.append(...label);
  const row = document.createElement('div');
  row.className = 'filter-option';
  row.append(box, text, ...after);
  return { row, box };
}

// One group of checkboxes for the values `shown` (value -> label) out of every value the filter knows
// (`all`); `count(value)` says how many drawn elements have it. A change keeps every value whose box is
// checked, and of the values without a box those the filter kept until now (`current()`), so unchecking
// one value never hides values that arrive with later data. "All" and "None" set the whole group, "only"
// keeps one value.
function group({ name, legend, shown, all, current, count, decorate }, onChange) {
  const keep = (kept) => onChange({ [name]: kept.length === all.length ? null : kept });
  const actions = document.createElement('div');
  actions.className = 'group-actions';
  actions.append(
    linkButton('All', `${legend}: show all`, null, () => keep(all)),
    linkButton('None', `${legend}: show none`, null, () => keep([])),
  );
  const fieldset = fieldsetOf(name, legend, actions);
  const boxes = new Map();
  for (const [value, label] of shown) {
    const { row, box } = checkboxRow(
      name,
      value,
      allows(current(), value),
      [...(decorate ? [decorate(value)] : []), `${label} (${count(value)})`],
      linkButton('only', `${legend}: only ${label}`, 'only', () => keep([value])),
    );
    boxes.set(value, box);
    fieldset.append(row);
  }
  fieldset.addEventListener('change', () => {
    const before = current();
    keep(all.filter((v) => (boxes.has(v) ? boxes.get(v).checked : allows(before, v))));
  });
  return fieldset;
}

// The industry systems: one box per drawn framework that something is part of (and per framework the
// view names, so that the filter can be undone). Checked, it keeps industries to that system's members;
// none checked keeps every industry.
function systemGroup(cy, state, onChange) {
  const named = state.system ?? [];
  const frameworks = cy
    .nodes('[kind = "FRAMEWORK"]')
    .filter((f) => f.incomers('edge[type = "PART_OF"]').nonempty() || named.includes(f.id()));
  const ids = [...new Set([...frameworks.map((f) => f.id()), ...named])].sort();
  if (ids.length === 0) return null;
  const fieldset = fieldsetOf('system', 'Industry systems');
  for (const id of ids) {
    const framework = cy.getElementById(id);
    const industries = [...systemMembers(cy, [id], state)].filter(
      (m) => cy.getElementById(m).data('kind') === 'INDUSTRY',
    );
    const name = framework.nonempty() ? framework.data('name') : id;
    fieldset.append(
      checkboxRow('system', id, named.includes(id), [`Only industries of ${name} (${industries.length})`]).row,
    );
  }
  fieldset.addEventListener('change', () => {
    const kept = [...fieldset.querySelectorAll('input:checked')].map((b) => b.value);
    onChange({ system: kept.length === 0 ? null : kept });
  });
  return fieldset;
}

/** Ticks the filter boxes as the view `state` says, without drawing them again. */
export function syncFilters(container, state) {
  for (const box of container.querySelectorAll('input[type=checkbox]')) {
    const selected = state[box.name];
    // A system box is ticked when the view keeps industries to it; any other when its value is shown.
    box.checked =
      box.name === 'system' ? selected !== null && selected.includes(box.value) : allows(selected, box.value);
  }
}

function line(basisOrStatus) {
  const span = document.createElement('span');
  span.className = 'line ' + basisOrStatus.toLowerCase();
  span.setAttribute('aria-hidden', 'true');
  return span;
}

/**
 * Renders the filter groups for the drawn elements into `container`: the kinds, tiers and namespaces
 * present, each with its count. `current()` is the view as it stands, `namespaces` every namespace of the
 * library; `onChange(patch)` receives the new value of one filter (null: all).
 */
export function renderFilters(container, cy, current, namespaces, onChange) {
  const tally = (items, key) => {
    const counts = new Map();
    items.forEach((el) => counts.set(el.data(key), (counts.get(el.data(key)) ?? 0) + 1));
    return counts;
  };
  const kinds = tally(cy.nodes(), 'kind');
  const tiers = tally(cy.nodes('[kind = "INDUSTRY"]'), 'tier');
  const inView = tally(cy.nodes(), 'namespace');
  const bases = tally(cy.edges(), 'basis');
  const statuses = tally(cy.edges(), 'reviewStatus');
  const state = current();
  // Values the view hides stay listed, so that a filter can always be undone.
  const listed = (known, counts, selected) =>
    Object.entries(known).filter(([value]) => counts.has(value) || (selected !== null && !selected.includes(value)));
  const allNamespaces = [...new Set([...namespaces, ...inView.keys()])].sort();
  const nsListed = allNamespaces.filter((n) => inView.has(n) || !allows(state.namespace, n)).map((n) => [n, n]);
  const groups = [
    { name: 'kinds', legend: 'Kinds', known: KINDS, counts: kinds, decorate: shapeIcon, label: (k) => k.label },
    { name: 'tiers', legend: 'Industry tiers', known: TIERS, counts: tiers },
    { name: 'basis', legend: 'Links: basis', known: BASES, counts: bases, decorate: line },
    { name: 'review', legend: 'Links: review', known: REVIEW_STATUSES, counts: statuses, decorate: line },
  ].map((g) =>
    group(
      {
        name: g.name,
        legend: g.legend,
        shown: (g.name === 'kinds' ? listed(g.known, g.counts, state.kinds) : Object.entries(g.known)).map(
          ([value, label]) => [value, g.label ? g.label(label) : label],
        ),
        all: Object.keys(g.known),
        current: () => current()[g.name],
        count: (v) => g.counts.get(v) ?? 0,
        decorate: g.decorate,
      },
      onChange,
    ),
  );
  groups.push(
    group(
      {
        name: 'namespace',
        legend: 'Namespaces',
        shown: nsListed,
        all: allNamespaces,
        current: () => current().namespace,
        count: (v) => inView.get(v) ?? 0,
      },
      onChange,
    ),
  );
  const systems = systemGroup(cy, state, onChange);
  if (systems) groups.push(systems);
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
