// The graph explorer. The URL holds the view (see viewState.js); `apply` draws a view and records it in
// the history: a user's change through `navigate`, the first view, and back/forward, which draw the view
// they reach.
// The page announces its state on <body> so that scripts and tests wait for states, never for time:
// data-ready ("true" once a view is drawn), data-drawn (how many views were drawn), data-layout
// ("running" or "done"), data-view ("moving" while the viewport animates, else "still"), data-labels
// ("placed" once the drawn labels suit the viewport, see labelDetail.js), data-selected and data-state
// (the view's query string).
import { SETTINGS } from './settings.js';
import { graphStyle } from './graphStyle.js';
import { nodeLabel } from './labels.js';
import { FILTER_NAMES, readState, writeState } from './viewState.js';
import { dataKey, loadLibrary, loadView } from './loadView.js';
import { applyFilters, countsText, renderFilters, shapeIcon, syncFilters } from './filters.js';
import { runLayout } from './runLayout.js';
import { showDetails } from './details.js';
import { runSearch } from './search.js';
import { clearHighlights, showImpact, showPath } from './analysis.js';
import { keyboardOnDrawing } from './keyboard.js';
import { renderLibrary } from './libraryPanel.js';
import { downloadCsv, downloadPng, downloadSvg, graphmlUrl } from './downloads.js';
import { KINDS } from './kinds.js';
import { time, timings } from './timing.js';
import { ZOOM_STEP, boundZoom, fitShown, unboundZoom, zoomBy, zoomOnWheel } from './zoom.js';
import { foldingPanels } from './panels.js';
import { placeLabelsOnChange } from './labelDetail.js';

const $ = (id) => document.getElementById(id);
const body = document.body;

const cy = cytoscape({ container: $('graph'), style: graphStyle() });
window.cy = cy;
window.explorerTimings = timings;
const relabel = placeLabelsOnChange(cy);

let state = readState(location.search, SETTINGS.maxDepth);
let library = null;
let view = null;
let loadedKey = null;
let laidOutKey = null;
let searchedFor = null;
let generation = 0;
let opened = false;
let drawnCount = 0;
// Where the keyboard goes once the view a user asked for is drawn: the first search hit after a search,
// the details after picking an entity; never moved on views restored from the URL or the history.
let focusAfter = null;
const path = { from: null, to: null };

// New nodes start on a grid, apart, so that no link is drawn between two nodes on one spot before the
// layout places them.
function toElements(v) {
  return [
    ...v.nodes.map((n, i) => ({
      group: 'nodes',
      data: { ...n, tier: n.tier ?? null, label: nodeLabel(n, state.names === 'zh') },
      position: { x: (i % 50) * 60, y: Math.floor(i / 50) * 60 },
    })),
    ...v.edges.map((e) => ({ group: 'edges', data: { ...e, reviewStatus: e.review?.status ?? 'ACCEPTED' } })),
  ];
}

function status(text) {
  $('status').textContent = text;
}

function viewText(v, counts) {
  const cut = [
    v.truncated ? ` A request was cut at ${SETTINGS.requestLimit} entities or links (the request limit).` : '',
    v.capped ? ` The drawing stopped at ${SETTINGS.drawnLimit} elements (the drawing limit).` : '',
  ].join('');
  if (v.mode === 'overview')
    return `Overview of ${library.total} entities: the plans and the most connected ones are drawn.` + cut;
  if (v.mode === 'whole') return `The whole graph: ${counts.nodes.shown + counts.nodes.hidden} entities.` + cut;
  return (
    `Neighbourhood of ${state.focus.length} ${state.focus.length === 1 ? 'entity' : 'entities'} at depth ${state.depth}.` +
    cut
  );
}

// The layout depends on what is drawn, which filters hide what, the layout chosen and the labels' names.
function layoutKey(s) {
  return JSON.stringify([loadedKey, s.layout, s.names, ...FILTER_NAMES.map((name) => s[name])]);
}

// Labels follow the names asked for; a change of names lays the drawing out again (see layoutKey).
let labelledIn = state.names;
function relabelNames(names) {
  if (names === labelledIn) return;
  labelledIn = names;
  cy.batch(() => cy.nodes().forEach((n) => n.data('label', nodeLabel(n.data(), names === 'zh'))));
}

// Brings a node into sight, announcing the animation on <body>. A node already well inside the canvas
// stays where it is, so that selecting one does not move the drawing under the pointer.
let moving = 0;
function announceView() {
  body.dataset.view = moving > 0 ? 'moving' : 'still';
}
const MARGIN = 24;
function inSight(element) {
  const b = element.renderedBoundingBox({ includeLabels: true });
  if (b.x1 < MARGIN || b.y1 < MARGIN || b.x2 > cy.width() - MARGIN || b.y2 > cy.height() - MARGIN) return false;
  // Under the answer box or the zoom buttons a node is not in sight either.
  const canvas = $('graph').getBoundingClientRect();
  return [$('answer'), document.querySelector('.zoom-tools')].every((over) => {
    const r = over.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return true;
    const [x1, y1, x2, y2] = [r.left - canvas.left, r.top - canvas.top, r.right - canvas.left, r.bottom - canvas.top];
    return b.x2 < x1 || b.x1 > x2 || b.y2 < y1 || b.y1 > y2;
  });
}
function centre(element) {
  if (!element.isNode() || element.hasClass('filtered') || inSight(element)) return;
  moving += 1;
  announceView();
  cy.animate({
    center: { eles: element },
    duration: 200,
    complete: () => {
      moving -= 1;
      announceView();
    },
  });
}

function showSelection(id) {
  const element = id ? cy.getElementById(id) : cy.collection();
  cy.$(':selected').unselect();
  if (element.nonempty()) {
    element.select();
    centre(element);
  }
  showDetails(cy, element, actions);
  body.dataset.selected = element.nonempty() ? id : '';
  $('announce').textContent = element.nonempty() ? 'Selected: ' + (element.data('name') ?? element.data('type')) : '';
}

/** Draws the view `next`; `how` says whether it enters the history ("push"), replaces it, or came from it. */
async function apply(next, how, cause = 'view') {
  const mine = ++generation;
  const stop = time(cause);
  state = next;
  const query = writeState(next);
  const url = location.pathname + (query ? '?' + query : '');
  if (how === 'push') history.pushState(null, '', url);
  if (how === 'replace') history.replaceState(null, '', url);
  body.dataset.ready = 'false';
  try {
    if (!library) library = await loadLibrary(SETTINGS);
    if (mine !== generation) return;
    let drawnAgain = false;
    if (dataKey(next) !== loadedKey) {
      status('Loading…');
      const loaded = await loadView(next, library, SETTINGS);
      if (mine !== generation) return;
      view = loaded;
      loadedKey = dataKey(next);
      cy.batch(() => {
        cy.elements().remove();
        cy.add(toElements(loaded));
      });
      renderLibrary($('library'), library, view, (id) => navigate({ focus: [id], selected: id }, 'expand'));
      drawnAgain = true;
    }
    relabelNames(next.names);
    const hide = time('hide');
    const counts = applyFilters(cy, next);
    hide();
    if (drawnAgain)
      renderFilters(
        $('filters'),
        cy,
        () => state,
        library.namespaces.map((n) => n.namespace),
        (patch) => navigate(patch, 'filter'),
      );
    else syncFilters($('filters'), next);
    $('filter-counts').textContent = countsText(counts);
    if (layoutKey(next) !== laidOutKey) {
      body.dataset.layout = 'running';
      const laying = time('layout');
      await runLayout(cy, next.layout);
      laying();
      if (mine !== generation) return;
      laidOutKey = layoutKey(next);
    }
    body.dataset.layout = 'done';
    $('layout').value = next.layout;
    $('names-zh').checked = next.names === 'zh';
    $('depth').value = String(next.depth);
    // Depth applies to a focus; without one there is nothing to change.
    $('depth').disabled = next.focus.length === 0;
    $('whole').hidden = next.focus.length === 0;
    if (next.q !== searchedFor) {
      $('search-text').value = next.q;
      searchedFor = next.q;
      await runSearch($('search-results'), next.q, pick, () => mine === generation);
      if (mine !== generation) return;
    }
    markSearchHits();
    showSelection(next.selected);
    const graphml = graphmlUrl(next, view, SETTINGS.maxFocus);
    const link = $('download-graphml');
    if (graphml) {
      link.href = graphml;
      link.removeAttribute('aria-disabled');
      link.title = '';
    } else {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
      link.title =
        'The export cannot hold this view: an overview, a view cut at a limit or centred on too many entities, ' +
        'a filter with no value left, or industries kept to a system.';
    }
    status(viewText(view, counts) + ' Select an entity or a link for its evidence.');
    stop();
    if (!opened) {
      opened = true;
      performance.measure('open');
    }
    moveFocus();
    body.dataset.state = query;
    body.dataset.ready = 'true';
    body.dataset.drawn = String(++drawnCount);
  } catch (error) {
    if (mine !== generation) return;
    status('Could not draw the view: ' + error.message);
    body.dataset.ready = 'error';
    body.dataset.drawn = String(++drawnCount);
  }
}

// Drawn search hits claim room for their labels before other nodes do.
function markSearchHits() {
  cy.nodes('.search-hit').removeClass('search-hit');
  for (const item of $('search-results').querySelectorAll('li[data-id]'))
    cy.getElementById(item.dataset.id).addClass('search-hit');
  relabel();
}

function moveFocus() {
  const target =
    focusAfter === 'results'
      ? $('search-results').querySelector('button')
      : focusAfter === 'details'
        ? $('details')
        : null;
  focusAfter = null;
  if (target && !target.closest('[hidden]')) target.focus();
}

/**
 * Changes the view by `patch`. A view that differs from the current one enters the history ("push"), or
 * takes the current entry's place ("replace", for stepping through nodes with the arrow keys).
 */
function navigate(patch, cause, how = 'push') {
  const next = { ...state, ...patch };
  void apply(next, writeState(next) === writeState(state) ? 'replace' : how, cause);
}

// Adds `id` to the focus, unless the focus already holds as many entities as one export may name.
function addFocus(id, selected) {
  focusAfter = 'details';
  const focus = view.mode === 'focus' ? state.focus : [];
  if (focus.includes(id)) return navigate({ selected }, 'select');
  if (focus.length >= SETTINGS.maxFocus) {
    status(`A view centres on at most ${SETTINGS.maxFocus} entities; go back to the whole library first.`);
    return;
  }
  navigate({ focus: [...focus, id], selected }, 'expand');
}

// Search hits: selected where drawn, otherwise added to the focus (the overview gives way to it).
function pick(entity) {
  focusAfter = 'details';
  if (cy.getElementById(entity.id).nonempty()) navigate({ selected: entity.id }, 'select');
  else addFocus(entity.id, entity.id);
}

// Answers stand in a box over the drawing; an empty answer hides the box.
function answer(text) {
  $('path-status').textContent = text;
  $('answer').classList.toggle('empty', text === '');
}

// The path and impact buttons report in the answer box; a failure is reported there too.
function report(question) {
  question.then(answer, (error) => answer('Could not answer: ' + error.message)).then(relabel);
}

// The view's link filters, which every question the page asks of the API carries.
function linkFilters() {
  return { basis: state.basis, review: state.review };
}

const actions = {
  select: (id) => {
    focusAfter = 'details';
    navigate({ selected: id }, 'select');
  },
  expand: (id) => addFocus(id, id),
  pathFrom: (id) => {
    path.from = id;
    report(showPath(cy, path.from, path.to, linkFilters()));
  },
  pathTo: (id) => {
    path.to = id;
    report(showPath(cy, path.from, path.to, linkFilters()));
  },
  impact: (id) => report(showImpact(cy, id, linkFilters())),
  filters: () => linkFilters(),
};

cy.on('tap', 'node, edge', (event) => navigate({ selected: event.target.id() }, 'select'));
// The full name of a node whose label is cut, on hover.
cy.on('mouseover', 'node', (event) => {
  $('graph').title = event.target.data('name');
});
cy.on('mouseout', 'node', () => {
  $('graph').title = '';
});
keyboardOnDrawing(cy, $('graph'), {
  selected: () => state.selected,
  select: (id) => navigate({ selected: id }, 'select', 'replace'),
  expand: actions.expand,
});

// Skip links move the keyboard focus without touching the URL (a fragment would enter the history).
for (const link of document.querySelectorAll('.skip-links a')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const target = document.querySelector(link.getAttribute('href'));
    // With nothing selected the details are hidden: the status says what to do instead.
    if (target.hidden) $('status').focus();
    else (target.id === 'filters' ? (target.querySelector('input') ?? target) : target).focus();
  });
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  focusAfter = 'results';
  // The hits are listed in the details panel.
  showPanel('details');
  const text = $('search-text').value.trim();
  if (text === state.q) {
    searchedFor = null;
    void apply(state, 'replace', 'search');
  } else navigate({ q: text }, 'search');
});
$('layout').addEventListener('change', () => navigate({ layout: $('layout').value }, 'layout'));
$('names-zh').addEventListener('change', () => navigate({ names: $('names-zh').checked ? 'zh' : 'en' }, 'names'));
// Folding a panel changes the drawing's room: the drawing is fitted to it again.
const showPanel = foldingPanels(
  [
    [$('toggle-controls'), $('controls'), 'filters'],
    [$('toggle-details'), document.querySelector('aside'), 'details'],
  ],
  () => {
    cy.resize();
    unboundZoom(cy);
    fitShown(cy);
    boundZoom(cy);
  },
);
$('depth').addEventListener('change', () => navigate({ depth: Number($('depth').value) }, 'expand'));
$('whole').addEventListener('click', () => navigate({ focus: [], selected: null }, 'expand'));
$('clear').addEventListener('click', () => {
  clearHighlights(cy);
  relabel();
  answer('');
  // The button goes with the answer: the keyboard goes back to the drawing.
  $('graph').focus();
});
$('zoom-in').addEventListener('click', () => zoomBy(cy, ZOOM_STEP));
$('zoom-out').addEventListener('click', () => zoomBy(cy, 1 / ZOOM_STEP));
$('zoom-fit').addEventListener('click', () => fitShown(cy));
zoomOnWheel(cy, $('canvas'));
$('download-png').addEventListener('click', () => void downloadPng(cy));
$('download-svg').addEventListener('click', () => downloadSvg(cy));
$('download-nodes').addEventListener('click', () => downloadCsv(cy, 'nodes'));
$('download-links').addEventListener('click', () => downloadCsv(cy, 'links'));
window.addEventListener('popstate', () => void apply(readState(location.search, SETTINGS.maxDepth), 'pop', 'history'));

for (let depth = 1; depth <= SETTINGS.maxDepth; depth++)
  $('depth').append(
    Object.assign(document.createElement('option'), { value: String(depth), textContent: String(depth) }),
  );
for (const [kind, k] of Object.entries(KINDS)) {
  const li = document.createElement('li');
  li.dataset.kind = kind;
  li.append(shapeIcon(kind), ' ' + k.label);
  $('legend-kinds').append(li);
}

announceView();
void apply(state, 'replace', 'first-view');
