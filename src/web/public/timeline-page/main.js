// The timeline page. The URL holds the view (timelineState.js); `apply` draws a view and records it in
// the history: a user's change through `navigate`, the first view, and back/forward, which draw the view
// they reach. Plans and each plan's commitments are read once and kept for the page's life; a resize
// redraws what is loaded.
// The page announces its state on <body> so that scripts and tests wait for states, never for time:
// data-ready ("true" once a view is drawn with its follow-through, "false" while one is on its way,
// "error" when the API failed, with the reason in the status line), data-layout ("done" once drawn, as
// on the explorer), data-drawn (how many views were drawn), data-selected and data-state (the view's
// query string). Times are performance measures named after what the user did: "open" (navigation to
// the first view drawn) and "select" (a commitment chosen to its follow-through shown).
import { readState, writeState } from './timelineState.js';
import { loadPlanDetails, loadPlans } from './loadTimeline.js';
import { loadFollowThrough } from './loadFollowThrough.js';
import { MAX_DRAWN, inRowOrder, shownPlans } from './shownPlans.js';
import { drawTimeline } from './drawTimeline.js';
import { renderCommitments } from './commitmentList.js';
import { renderPicker, syncPicker } from './planPicker.js';
import { showChain } from './chainPanel.js';
import { highlight } from './highlight.js';

const $ = (id) => document.getElementById(id);
const body = document.body;

let state = readState(window.location.search);
let ordered = null;
const details = new Map();
const chains = new Map();
let rows = [];
let drawnKey = null;
let svg = null;
let chain = null;
let generation = 0;
let opened = false;
let drawnCount = 0;

window.timelineTimings = () =>
  window.performance.getEntriesByType('measure').map((m) => ({ name: m.name, duration: m.duration }));

function status(text) {
  $('status').textContent = text;
}

function rowsOf(plans) {
  return plans.map((plan) => {
    const d = details.get(plan.id);
    const goals = d.commitments
      .filter((c) => c.entity.kind === 'GOAL')
      .map((c) => ({ ...c.entity, verdict: c.latestAssessment?.verdict ?? null }));
    return { plan, commitments: d.commitments, goals, evidence: d.evidence };
  });
}

function draw() {
  svg = drawTimeline($('drawing'), rows, select);
  highlight(svg, $('commitment-lists'), chain);
}

function viewText(shown, from) {
  const goals = rows.reduce((n, r) => n + r.goals.length, 0);
  const evidence = rows.reduce((n, r) => n + r.evidence.length, 0);
  const undated = ordered.length - ordered.filter((p) => p.periodStart !== null && p.periodEnd !== null).length;
  const notes = [
    shown.unknown.length ? ` No plan has the id ${shown.unknown.join(', ')}.` : '',
    shown.cut ? ` At most ${MAX_DRAWN} plans are drawn at once; the first ${MAX_DRAWN} chosen are.` : '',
    undated ? ` ${undated} of ${ordered.length} plans give no period and are not drawn.` : '',
    from === null && ordered.length > rows.length ? ` Choose others under “Plans drawn”.` : '',
  ].join('');
  return (
    `${rows.length} of ${ordered.length} plans drawn, with ${goals} goals and ${evidence} pieces of evidence.` + notes
  );
}

/** Draws the view `next`; `how` says whether it enters the history ("push"), replaces it, or came from it. */
async function apply(next, how, cause) {
  const mine = ++generation;
  const start = `${cause}:start:${mine}`;
  window.performance.mark(start);
  state = next;
  const query = writeState(next);
  const url = window.location.pathname + (query ? '?' + query : '');
  if (how === 'push') window.history.pushState(null, '', url);
  if (how === 'replace') window.history.replaceState(null, '', url);
  body.dataset.ready = 'false';
  try {
    if (!ordered) {
      ordered = inRowOrder(await loadPlans());
      renderPicker($('plan-choices'), ordered, (ids) => navigate({ plans: ids }, 'plans'));
    }
    const shown = shownPlans(ordered, next.plans);
    const missing = shown.plans.filter((p) => !details.has(p.id));
    if (missing.length) status('Loading the commitments…');
    const loaded = await Promise.all(missing.map((p) => loadPlanDetails(p.id)));
    missing.forEach((p, i) => details.set(p.id, loaded[i]));
    if (next.selected && !chains.has(next.selected)) chains.set(next.selected, await loadFollowThrough(next.selected));
    if (mine !== generation) return;
    chain = next.selected ? chains.get(next.selected) : null;
    const key = shown.plans.map((p) => p.id).join(',');
    if (key !== drawnKey) {
      rows = rowsOf(shown.plans);
      renderCommitments($('commitment-lists'), rows, select);
      drawnKey = key;
    }
    draw();
    syncPicker($('plan-choices'), ordered, shown.plans);
    showChain($('chain'), chain);
    status(viewText(shown, next.plans));
    $('announce').textContent = chain ? 'Following through: ' + chain.commitment.name : '';
    window.performance.measure(cause, start);
    if (!opened) {
      opened = true;
      window.performance.measure('open');
    }
    body.dataset.selected = next.selected ?? '';
    body.dataset.state = query;
    body.dataset.layout = 'done';
    body.dataset.ready = 'true';
  } catch (error) {
    if (mine !== generation) return;
    status('Could not draw the timeline: ' + error.message);
    body.dataset.ready = 'error';
  } finally {
    window.performance.clearMarks(start);
    if (mine === generation) body.dataset.drawn = String(++drawnCount);
  }
}

/** Changes the view by `patch`; a view that differs from the current one enters the window.history. */
function navigate(patch, cause) {
  const next = { ...state, ...patch };
  void apply(next, writeState(next) === writeState(state) ? 'replace' : 'push', cause);
}

function select(id) {
  navigate({ selected: id }, 'select');
}

// Skip links move the keyboard focus without touching the URL (a fragment would enter the history).
for (const link of document.querySelectorAll('.skip-links a')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    document.querySelector(link.getAttribute('href')).focus();
  });
}

// A new width redraws what is loaded; the view and the history stay as they are.
let lastWidth = null;
new window.ResizeObserver(() => {
  const width = $('drawing').clientWidth;
  if (svg && width !== lastWidth) draw();
  lastWidth = width;
}).observe($('drawing'));

window.addEventListener('popstate', () => void apply(readState(window.location.search), 'pop', 'history'));
void apply(state, 'replace', 'first-view');
