// The follow-through panel: one commitment's chain in the order things happened and were judged: the
// commitment and the plans that made it, its evidence oldest first with dates, our assessments (newest
// first, as the API gives them) with verdict, as-of date, the rationale of the ASSESSES link and the
// evidence each rests on, then the later goals that revise it and the later plans. Every item that a
// source supports shows its citations: the source's name, the paragraph and, when the server holds the
// source's text, the cited words.
import { kindOf } from '../explorer/kinds.js';
import { htmlEl as el } from './elements.js';
import { placeText } from './dates.js';
import { verdictText } from './verdicts.js';

function citationList(citations) {
  if (!citations || citations.length === 0) return el('p', { className: 'no-citation', textContent: 'No citation.' });
  return el(
    'ul',
    { className: 'citations' },
    ...citations.map((c) => {
      const where = `${c.source.name}, paragraph ${c.paragraph}`;
      const li = el('li', {});
      if (c.text !== null) li.append(el('q', { textContent: c.text }), ` (${where})`);
      else li.append(where + ' (the server has no text of this source)');
      return li;
    }),
  );
}

function section(id, title, items, empty) {
  return el(
    'section',
    { className: 'chain-step', id },
    el('h3', { textContent: title }),
    items.length ? el('ol', {}, ...items) : el('p', { textContent: empty }),
  );
}

function periodOf(plan) {
  return plan.periodStart !== null ? ` (${plan.periodStart}–${plan.periodEnd})` : '';
}

function evidenceItem(e) {
  const li = el(
    'li',
    { className: 'chain-evidence' },
    el('time', { dateTime: e.date, textContent: e.date }),
    ' ',
    el('span', { className: 'evidence-name', textContent: e.name }),
    el('span', {
      className: 'chain-note',
      textContent: ` ${e.evidenceKind.toLowerCase()}${e.corroborated ? ', corroborated' : ''}; drawn ${placeText(e.date)}.`,
    }),
    citationList(e.citations),
  );
  li.dataset.id = e.id;
  return li;
}

function assessmentItem(a) {
  const li = el(
    'li',
    { className: 'chain-assessment' },
    el('strong', { className: 'verdict', textContent: verdictText(a.verdict) }),
    ' as of ',
    el('time', { dateTime: a.asOf, textContent: a.asOf }),
    ': ',
    el('span', { textContent: a.name }),
  );
  li.dataset.id = a.id;
  li.dataset.verdict = a.verdict;
  if (a.summary) li.append(el('p', { textContent: a.summary }));
  li.append(
    el('p', {
      className: 'rationale',
      textContent: a.link?.rationale
        ? `Why we link it (${a.link.basis.toLowerCase()}): ${a.link.rationale}`
        : 'The API gives no rationale for this assessment link.',
    }),
  );
  if (a.evidence.length)
    li.append(
      el('p', { textContent: 'Rests on: ' }),
      el('ul', {}, ...a.evidence.map((e) => el('li', { textContent: `${e.date} ${e.name}` }))),
    );
  li.append(citationList(a.citations));
  return li;
}

function entityItem(e) {
  const year = e.targetYear !== undefined ? `, target ${e.targetYear}` : '';
  const li = el('li', { textContent: `${kindOf(e.kind).label}: ${e.name}${year}` });
  li.dataset.id = e.id;
  return li;
}

function planItem(p) {
  const li = el('li', { textContent: p.name + periodOf(p) });
  li.dataset.id = p.id;
  return li;
}

/** Shows `chain` (loadFollowThrough's answer) in `container`; null shows what to do instead. */
export function showChain(container, chain) {
  if (!chain) {
    container.replaceChildren(
      el('p', { textContent: 'Select a goal on the timeline or a commitment in the lists to follow it through.' }),
    );
    return;
  }
  const c = chain.commitment;
  const year = c.targetYear !== undefined ? `, target year ${c.targetYear}` : '';
  container.replaceChildren(
    el(
      'section',
      { className: 'chain-step', id: 'chain-commitment' },
      el('h3', { id: 'chain-name', textContent: c.name }),
      el('p', { textContent: `${kindOf(c.kind).label}${year} · ${c.id}` }),
      el('p', { textContent: 'Committed to by: ' + chain.plans.map((p) => p.name + periodOf(p)).join('; ') }),
      c.summary ? el('p', { textContent: c.summary }) : '',
      citationList(c.citations),
    ),
    section('chain-evidence', 'Evidence, oldest first', chain.evidence.map(evidenceItem), 'No evidence bears on it.'),
    section(
      'chain-assessments',
      'Assessments, newest first',
      chain.assessments.map(assessmentItem),
      'Not assessed yet.',
    ),
    section('chain-revised-by', 'Carried forward by later goals or tasks', chain.revisedBy.map(entityItem), 'None.'),
    section('chain-later-plans', 'Later plans', chain.laterPlans.map(planItem), 'None.'),
    section('chain-revises', 'Carries forward', chain.revises.map(entityItem), 'Nothing earlier.'),
    section('chain-serves', 'Serves', chain.serves.map(entityItem), 'No higher goal.'),
  );
}
