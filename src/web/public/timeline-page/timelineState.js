// The view as the URL holds it, so that a link opens the same view and back/forward step through views:
// which plans are drawn (`plans`, comma-separated ids; absent: the default set, see shownPlans.js) and
// which commitment is followed through (`selected`).

/** The view of a bare URL. */
export const DEFAULT_STATE = Object.freeze({ plans: null, selected: null });

/** The view a query string describes. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const plans = params.has('plans')
    ? [
        ...new Set(
          params
            .get('plans')
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ]
    : null;
  return { plans, selected: params.get('selected') || null };
}

/** The query string of a view: only what differs from the default, so plain views keep plain URLs. */
export function writeState(state) {
  const params = new URLSearchParams();
  if (state.plans !== null) params.set('plans', state.plans.join(','));
  if (state.selected) params.set('selected', state.selected);
  // Commas and colons are legal in a query string; leaving them unescaped keeps shared URLs readable.
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}
