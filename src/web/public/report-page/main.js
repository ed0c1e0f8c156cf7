// The printable follow-through report of one plan (`/report?plan=<id>`): its heading, its scorecard,
// then every commitment in the order `commitments` gives, each with its newest assessment and its
// evidence. Without a plan, or with one the server does not know, the page offers the chooser only.
// The page announces on <body> when it is filled, as the explorer does: data-ready is "true" once the
// report (or the chooser, when no plan is named) is shown, "error" when it could not be made, and
// data-plan names the plan shown.
import { commitmentBlock } from './commitmentBlock.js';
import { inTurn, loadCommitments, loadFollowThrough, loadPlans } from './loadReport.js';
import { scorecardTable } from './scorecardTable.js';
import { el } from '../explorer/dom.js';

const $ = (id) => document.getElementById(id);
const body = document.body;

function status(text) {
  $('status').textContent = text;
}

const title = (value) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

function period(plan) {
  return `${plan.periodStart}–${plan.periodEnd}` + (plan.horizon ? `, looking ahead to ${plan.horizon}` : '');
}

function fillChooser(plans, chosen) {
  $('plan').replaceChildren(
    el('option', { value: '', disabled: true, selected: !chosen }, 'Choose a plan'),
    ...plans.map((p) =>
      el('option', { value: p.id, selected: p.id === chosen }, `${p.name} (${p.periodStart}–${p.periodEnd})`),
    ),
  );
}

function heading(plan) {
  $('title').textContent = plan.name;
  document.title = `Follow-through report: ${plan.name}`;
  const facts = [
    ['Period', period(plan)],
    ['Issued by', plan.issuers.join('; ')],
    ['Issued', plan.issued ?? 'date not given'],
    ['Level', title(plan.level)],
    ['Status', title(plan.status)],
  ];
  $('facts').replaceChildren(...facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  $('plan-heading').hidden = false;
}

async function fill(plan, verdicts) {
  heading(plan);
  status(`Loading the follow-through of ${plan.name}…`);
  const { scorecard, commitments } = await loadCommitments(plan.id);
  $('scorecard-total').textContent = `${scorecard.commitments} commitments, ${scorecard.assessed} of them assessed.`;
  $('scorecard-table').replaceChildren(scorecardTable(scorecard, verdicts));
  const blocks = await inTurn(commitments, (c) => loadFollowThrough(c.entity.id));
  $('commitment-list').replaceChildren(...blocks.map((f, i) => commitmentBlock(f, i + 1)));
  $('report').hidden = false;
  status(`The report is ready: ${commitments.length} commitments.`);
}

async function open() {
  body.dataset.ready = 'false';
  const wanted = new URLSearchParams(window.location.search).get('plan');
  try {
    const { plans, verdicts } = await loadPlans();
    const plan = plans.find((p) => p.id === wanted);
    fillChooser(plans, plan?.id);
    if (!wanted) status('Choose a plan for its follow-through report.');
    else if (!plan) {
      status(`No plan has the id “${wanted}”. Choose one of the ${plans.length} plans.`);
      body.dataset.ready = 'error';
      return;
    } else await fill(plan, verdicts);
    body.dataset.plan = plan?.id ?? '';
    body.dataset.ready = 'true';
  } catch (error) {
    status('Could not make the report: ' + error.message);
    body.dataset.ready = 'error';
  }
}

$('print').addEventListener('click', () => window.print());
void open();
