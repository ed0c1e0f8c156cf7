// The choice of plans drawn: one checkbox per plan, in row order. A plan without a period has nothing to
// draw and says so; once MAX_DRAWN plans are drawn the others wait until one is unticked.
import { htmlEl as el } from './elements.js';
import { MAX_DRAWN, hasPeriod } from './shownPlans.js';

/** Builds the checkboxes for `ordered` plans in `fieldset`; `onChange(ids)` gets the ticked ids in row order. */
export function renderPicker(fieldset, ordered, onChange) {
  const boxes = ordered.map((plan, i) => {
    const box = el('input', { type: 'checkbox', id: `plan-choice-${i}`, value: plan.id, disabled: !hasPeriod(plan) });
    const period = hasPeriod(plan) ? `${plan.periodStart}–${plan.periodEnd}` : 'no period in the sources: not drawn';
    return el(
      'div',
      { className: 'plan-choice' },
      box,
      el('label', { htmlFor: box.id, textContent: ` ${plan.name} (${period})` }),
    );
  });
  fieldset.replaceChildren(el('legend', { textContent: `Plans drawn (at most ${MAX_DRAWN})` }), ...boxes);
  fieldset.addEventListener('change', () =>
    onChange([...fieldset.querySelectorAll('input:checked')].map((box) => box.value)),
  );
}

/** Ticks the boxes of the `shown` plans. */
export function syncPicker(fieldset, ordered, shown) {
  const ids = new Set(shown.map((p) => p.id));
  const full = ids.size >= MAX_DRAWN;
  fieldset.querySelectorAll('input').forEach((box, i) => {
    box.checked = ids.has(box.value);
    box.disabled = !hasPeriod(ordered[i]) || (full && !box.checked);
  });
}
