// The scorecard as a table: one row per kind of commitment, one column per verdict present (in the
// schema's order, "Not assessed" last), and the totals, so that the counts read at a glance on paper.
import { el } from '../explorer/dom.js';
import { kindOf } from '../explorer/kinds.js';
import { verdictText } from './verdicts.js';

function cell(tag, text, props = {}) {
  return el(tag, props, String(text));
}

/** A table of `scorecard`'s rows; `verdicts` lists the schema's verdicts in order. */
export function scorecardTable(scorecard, verdicts) {
  const kinds = [...new Set(scorecard.rows.map((r) => r.kind))];
  const present = [...verdicts.map((v) => v.name), null].filter((v) => scorecard.rows.some((r) => r.verdict === v));
  const count = (kind, verdict) => scorecard.rows.find((r) => r.kind === kind && r.verdict === verdict)?.count ?? 0;
  const total = (kind) => scorecard.rows.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.count, 0);
  const head = el(
    'tr',
    {},
    cell('th', 'Kind', { scope: 'col' }),
    ...present.map((v) => cell('th', verdictText(v), { scope: 'col' })),
    cell('th', 'All', { scope: 'col' }),
  );
  const rows = kinds.map((kind) => {
    const tr = el(
      'tr',
      {},
      cell('th', kindOf(kind).label, { scope: 'row' }),
      ...present.map((v) => cell('td', count(kind, v))),
      cell('td', total(kind)),
    );
    tr.dataset.kind = kind;
    return tr;
  });
  return el(
    'table',
    { className: 'scorecard' },
    el('caption', {}, 'Commitments by kind and by the verdict of their newest assessment'),
    el('thead', {}, head),
    el('tbody', {}, ...rows),
  );
}
