// Marks the selection in the drawing and the lists: the selected goal, the evidence its follow-through
// lists, the goals that revise it or that it revises, and the bands of the plans that committed to it
// and of the later plans; every other mark is dimmed. Only marks are dimmed, never text, so every
// label keeps its contrast.

/** Highlights `chain` (a follow-through, or null for none) in the drawing `svg` and the lists in `lists`. */
export function highlight(svg, lists, chain) {
  const id = chain?.commitment.id ?? null;
  const related = new Set(chain ? [...chain.evidence, ...chain.revisedBy, ...chain.revises].map((e) => e.id) : []);
  const plans = new Set(chain ? [...chain.plans, ...chain.laterPlans].map((p) => p.id) : []);
  svg.classList.toggle('has-selection', id !== null);
  for (const mark of svg.querySelectorAll('.mark')) {
    const selected = mark.dataset.id === id;
    mark.classList.toggle('selected', selected);
    mark.classList.toggle('related', !selected && related.has(mark.dataset.id));
    if (mark.hasAttribute('aria-pressed')) mark.setAttribute('aria-pressed', String(selected));
  }
  for (const band of svg.querySelectorAll('.band')) band.classList.toggle('related', plans.has(band.dataset.id));
  for (const button of lists.querySelectorAll('button[data-select]'))
    button.setAttribute('aria-pressed', String(button.dataset.select === id));
}
