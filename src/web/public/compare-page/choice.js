// Which two plans the page compares, as the URL holds it (`?left=<id>&right=<id>`), so that a shared
// link opens the same comparison and back/forward step through the comparisons made. A side the URL
// leaves out is filled in from the plans themselves: a plan and the plan that carries it on.

/** The two plan ids a query string names; a side not named is null. */
export function readChoice(search) {
  const params = new URLSearchParams(search);
  return { left: params.get('left') || null, right: params.get('right') || null };
}

/** The query string of a choice; colons left unescaped, as the explorer writes ids, to keep links readable. */
export function writeChoice(choice) {
  const params = new URLSearchParams();
  if (choice.left) params.set('left', choice.left);
  if (choice.right) params.set('right', choice.right);
  return params.toString().replace(/%3A/g, ':');
}

/** Plans that carry `plan` on: those that continue or supersede it. */
export function successorsOf(plan, plans) {
  return plans.filter((p) => [...p.continues, ...p.supersedes].some((earlier) => earlier.id === plan.id));
}

/**
 * The choice with its missing sides filled in: the left plan's successor (or, with no left, the first
 * plan that has one), else the first other plan. A side the URL names is kept as named, known or not.
 */
export function completeChoice(choice, plans) {
  const known = (id) => plans.find((p) => p.id === id);
  const other = (id) => plans.find((p) => p.id !== id)?.id ?? null;
  let { left, right } = choice;
  if (!left && !right) {
    const earlier = plans.find((p) => successorsOf(p, plans).length > 0) ?? plans[0];
    left = earlier?.id ?? null;
  }
  if (!left) {
    const later = known(right);
    const earlier = later && plans.find((p) => successorsOf(p, plans).includes(later));
    left = earlier?.id ?? other(right);
  }
  if (!right) {
    const earlier = known(left);
    right = (earlier && successorsOf(earlier, plans)[0]?.id) ?? other(left);
  }
  return { left, right };
}
