// Two plans side by side. The URL holds the choice (see choice.js); `apply` shows a choice and records
// it in the history: a choice made in a select enters it, the first view and back/forward replace or
// restore it. What is shown is loaded once and redrawn for each choice.
// The page announces its state on <body>, as the explorer does, so that scripts and tests wait for
// states, never for time: data-ready ("true" once a comparison is shown, "error" when the URL names
// no such plan or the server could not answer), data-drawn (how many comparisons were shown) and
// data-state (the choice's query string).
import { completeChoice, readChoice, writeChoice } from './choice.js';
import { linksBetween, loadComparison, movesByGoal } from './loadComparison.js';
import { renderColumn } from './columns.js';
import { renderConnections } from './connectionList.js';
import { drawConnectors } from './connectors.js';
import { el } from '../explorer/dom.js';

const $ = (id) => document.getElementById(id);
const body = document.body;

let data = null;
let links = [];
let drawnCount = 0;

function status(text) {
  $('status').textContent = text;
}

function fillChoosers(plans) {
  for (const side of ['left', 'right']) {
    const select = $(side);
    select.replaceChildren(
      el('option', { value: '', disabled: true }, 'Choose a plan'),
      ...plans.map((p) => el('option', { value: p.id }, `${p.name} (${p.periodStart}–${p.periodEnd})`)),
    );
  }
}

// The numbers of the links each entity takes part in, for its row.
function linkNumbers(between) {
  const refs = new Map();
  between.forEach((link, i) => {
    for (const id of [link.source, link.target]) refs.set(id, [...(refs.get(id) ?? []), i + 1]);
  });
  return refs;
}

function entityNames(plans) {
  const names = new Map();
  for (const p of plans) for (const e of [p, ...p.goals, ...p.tasks]) names.set(e.id, e.name);
  return names;
}

function summary(left, right, between) {
  const inferred = between.filter((l) => l.basis === 'INFERRED').length;
  const count = between.length === 1 ? '1 link' : `${between.length} links`;
  const cut = data.graph.truncated ? ' The graph was cut at the request limit, so links may be missing.' : '';
  return `${left.name} beside ${right.name}: ${count} between them, ${inferred} inferred.${cut}`;
}

function unknownText(choice, plans) {
  const bad = ['left', 'right'].filter((side) => !plans.some((p) => p.id === choice[side]));
  return (
    bad.map((side) => `No plan has the id “${choice[side]}” (the URL's ${side}=).`).join(' ') +
    ' Choose the plans in the lists above.'
  );
}

function show(choice) {
  const plans = data.plans;
  const left = plans.find((p) => p.id === choice.left);
  const right = plans.find((p) => p.id === choice.right);
  $('left').value = left ? left.id : '';
  $('right').value = right ? right.id : '';
  $('comparison').hidden = !left || !right;
  $('connections-section').hidden = !left || !right;
  if (!left || !right) {
    status(unknownText(choice, plans));
    return false;
  }
  const between = linksBetween(data.graph.edges, left, right);
  const moves = movesByGoal(data.movedGoals, left, right);
  const refs = linkNumbers(between);
  renderColumn($('column-left'), left, moves, refs);
  renderColumn($('column-right'), right, moves, refs);
  renderConnections($('connections'), between, entityNames(plans));
  $('no-connections').hidden = between.length > 0;
  links = between;
  redraw();
  status(summary(left, right, between));
  return true;
}

function redraw() {
  if (!$('comparison').hidden) drawConnectors($('connectors'), $('comparison'), links);
}

/** Shows `choice`; `how` says whether it enters the history ("push"), replaces the entry, or came from it. */
async function apply(choice, how) {
  body.dataset.ready = 'false';
  try {
    if (!data) {
      status('Loading the plans…');
      data = await loadComparison();
      fillChoosers(data.plans);
    }
    const complete = completeChoice(choice, data.plans);
    const query = writeChoice(complete);
    const url = window.location.pathname + (query ? '?' + query : '');
    if (how === 'push') window.history.pushState(null, '', url);
    if (how === 'replace') window.history.replaceState(null, '', url);
    const shown = show(complete);
    body.dataset.state = query;
    body.dataset.ready = shown ? 'true' : 'error';
  } catch (error) {
    status('Could not load the plans: ' + error.message);
    body.dataset.ready = 'error';
  }
  body.dataset.drawn = String(++drawnCount);
}

for (const side of ['left', 'right'])
  $(side).addEventListener('change', () => {
    const current = readChoice(window.location.search);
    void apply({ ...completeChoice(current, data.plans), [side]: $(side).value }, 'push');
  });
window.addEventListener('popstate', () => void apply(readChoice(window.location.search), 'pop'));
// Rows move when the window is resized or fonts load: the curves follow them.
new window.ResizeObserver(redraw).observe($('comparison'));

void apply(readChoice(window.location.search), 'replace');
