// One commitment of the report: what the plan committed to, in the plan's words; our newest assessment
// of it (verdict, as of when, what we read the evidence to say and why it bears on this commitment);
// then the evidence, oldest first, each with its date, publishers and whether independent publishers
// corroborate it. One block per commitment, which the print stylesheet keeps on one page where it can.
import { el } from '../explorer/dom.js';
import { kindOf } from '../explorer/kinds.js';
import { citationList } from './citations.js';
import { verdictText } from './verdicts.js';

function assessmentPart({ latest, rationale }) {
  if (!latest)
    return [
      el(
        'p',
        { className: 'assessment none' },
        el('span', { className: 'verdict' }, 'Not assessed'),
        ': no assessment was made.',
      ),
    ];
  return [
    el(
      'p',
      { className: 'assessment' },
      'Newest assessment: ',
      el('span', { className: 'verdict' }, verdictText(latest.verdict)),
      `, as of ${latest.asOf}.`,
    ),
    latest.summary ? el('p', {}, el('strong', {}, 'Our reading: '), latest.summary) : '',
    rationale ? el('p', {}, el('strong', {}, 'Rationale: '), rationale) : '',
    ...citationList(latest.citations, 'The assessment cites'),
  ];
}

function corroboration(item) {
  if (item.corroborated) return `corroborated by ${item.publishers.length} independent publishers`;
  return 'not corroborated (one publisher)';
}

function evidenceItem(item) {
  const li = el(
    'li',
    { className: 'evidence' },
    el('span', { className: 'date' }, item.date),
    ' ',
    el('strong', {}, item.name),
    el('span', { className: 'publishers' }, ` — ${item.publishers.join(', ')}; ${corroboration(item)}.`),
  );
  li.dataset.evidenceId = item.id;
  li.dataset.corroborated = String(item.corroborated);
  if (item.summary) li.append(el('p', {}, item.summary));
  li.append(...citationList(item.citations, 'Cited from'));
  return li;
}

/** The block of one commitment's follow-through, as loadFollowThrough gives it. */
export function commitmentBlock(followThrough, number) {
  const { commitment, evidence, latest } = followThrough;
  const block = el(
    'article',
    { className: 'commitment' },
    el('h3', {}, `${number}. `, el('span', { className: 'kind' }, kindOf(commitment.kind).label), ' ', commitment.name),
    commitment.summary ? el('p', { className: 'summary' }, commitment.summary) : '',
    ...citationList(commitment.citations, 'The plan says'),
    ...assessmentPart(followThrough),
    el('h4', {}, evidence.length === 0 ? 'No evidence found' : `Evidence (${evidence.length}, oldest first)`),
  );
  if (evidence.length > 0) block.append(el('ol', { className: 'evidence-list' }, ...evidence.map(evidenceItem)));
  block.dataset.id = commitment.id;
  block.dataset.verdict = latest ? latest.verdict : '';
  return block;
}
