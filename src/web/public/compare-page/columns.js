// One plan's column: its name and period at the top, then its goals, then its tasks, one row each.
// Rows carry the entity's id (`data-id`) so that connectors and tests find them; a goal whose target
// year moved says from which year to which, and every row names the links it has to the other column.
import { el } from '../explorer/dom.js';
import { kindOf } from '../explorer/kinds.js';
import { periodText, standingText } from './planText.js';

function moveText(move, goalId) {
  const other = move.from.id === goalId ? move.to : move.from;
  const how = move.basis === 'INFERRED' ? ', inferred' : '';
  const relation = move.from.id === goalId ? 'carried on by' : 'carried on from';
  return `Target year moved: ${move.fromYear} → ${move.toYear} (${relation} “${other.name}”${how})`;
}

// The numbers of the connections an entity takes part in, matching the list below the columns.
function refsLabel(numbers) {
  return el('span', { className: 'link-refs' }, `${numbers.length === 1 ? 'Link' : 'Links'} ${numbers.join(', ')}`);
}

function row(entity, moves, refs) {
  const kind = kindOf(entity.kind);
  const li = el(
    'li',
    { className: 'row' },
    el('span', { className: 'kind' }, kind.label),
    ' ',
    el('span', { className: 'name' }, entity.name),
  );
  li.dataset.id = entity.id;
  li.style.setProperty('--kind-colour', kind.color);
  if (entity.targetYear) li.append(' ', el('span', { className: 'target' }, `target ${entity.targetYear}`));
  for (const move of moves.get(entity.id) ?? [])
    li.append(el('span', { className: 'moved' }, moveText(move, entity.id)));
  if (refs.has(entity.id)) li.append(refsLabel(refs.get(entity.id)));
  return li;
}

function group(heading, entities, moves, refs) {
  return [
    el('h3', {}, `${heading} (${entities.length})`),
    entities.length > 0
      ? el('ol', { className: 'rows' }, ...entities.map((e) => row(e, moves, refs)))
      : el('p', { className: 'none' }, `No ${heading.toLowerCase()}.`),
  ];
}

/**
 * Fills `column` with `plan`: `moves` holds the goal moves by goal id, `refs` the numbers of the
 * connections each entity takes part in.
 */
export function renderColumn(column, plan, moves, refs) {
  const heading = el('div', { className: 'plan-heading' }, el('h2', {}, plan.name));
  heading.dataset.id = plan.id;
  heading.append(el('p', { className: 'period' }, `${periodText(plan)} · ${standingText(plan)}`));
  if (refs.has(plan.id)) heading.append(refsLabel(refs.get(plan.id)));
  column.replaceChildren(
    heading,
    ...group('Goals', plan.goals, moves, refs),
    ...group('Tasks', plan.tasks, moves, refs),
  );
}
