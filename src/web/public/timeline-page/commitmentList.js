// Each drawn plan's commitments as a list of buttons, in the API's order (goals, tasks, platforms,
// frameworks, action plans; then by ordinal), so that every commitment, tasks and others that have no
// year to be drawn at included, can be followed through from the keyboard.
import { htmlEl as el } from './elements.js';
import { kindOf } from '../explorer/kinds.js';
import { verdictText } from './verdicts.js';

/** Fills `container` with one list per row; `onSelect(id)` runs when a commitment's button is pressed. */
export function renderCommitments(container, rows, onSelect) {
  const sections = rows.map(({ plan, commitments }) => {
    const items = commitments.map((c) => {
      const e = c.entity;
      const facts = [
        kindOf(e.kind).label,
        e.targetYear !== undefined ? `target ${e.targetYear}` : null,
        `${c.evidenceCount} evidence`,
        c.latestAssessment ? verdictText(c.latestAssessment.verdict) : 'not assessed',
      ].filter(Boolean);
      const button = el(
        'button',
        { type: 'button', className: 'commitment' },
        el('span', { className: 'commitment-name', textContent: e.name }),
        el('span', { className: 'commitment-facts', textContent: ' ' + facts.join(' · ') }),
      );
      button.dataset.select = e.id;
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', () => onSelect(e.id));
      return el('li', {}, button);
    });
    const section = el(
      'section',
      { className: 'plan-commitments' },
      el('h3', { textContent: `${plan.name} (${plan.periodStart}–${plan.periodEnd})` }),
    );
    section.dataset.plan = plan.id;
    section.append(
      items.length ? el('ul', {}, ...items) : el('p', { textContent: 'The API lists no commitment of this plan.' }),
    );
    return section;
  });
  container.replaceChildren(...sections);
}
