// The view as the URL holds it, so that a link restores it in any browser and back/forward step through
// views: which entities it centres on (`focus`, `depth`), which filters hide what (`kinds`, `tiers`,
// `basis`, `review`, `namespace`, and `system`: only the industries that are part of the named
// frameworks), how it is laid out (`layout`), whether labels carry Chinese names (`names=zh`), the search
// text (`q`) and what is selected (`selected`). Lists are comma-separated; a filter not given shows everything.
import { BASES, KINDS, REVIEW_STATUSES } from './kinds.js';

/** The filters the server's export route takes too, in the order a URL writes them. */
export const EXPORTED_FILTERS = ['kinds', 'tiers', 'basis', 'review', 'namespace'];

/** The filters a view holds, in the order its URL writes them. */
export const FILTER_NAMES = [...EXPORTED_FILTERS, 'system'];

/** Layouts the page offers. */
export const LAYOUTS = ['layered', 'force'];

/** Which names labels show: English only, or Chinese beside English. */
export const NAME_CHOICES = ['en', 'zh'];

/** The view of a bare URL. */
export const DEFAULT_STATE = Object.freeze({
  focus: [],
  depth: 1,
  kinds: null,
  tiers: null,
  basis: null,
  review: null,
  namespace: null,
  system: null,
  layout: 'layered',
  names: 'en',
  q: '',
  selected: null,
});

// Tiers come from the schema once the page has loaded, so they are kept as given, like namespaces.
const FILTERS = { kinds: KINDS, basis: BASES, review: REVIEW_STATUSES };

// A comma list, or null when absent; known values only for enum filters, in the order the page lists them.
function list(params, name, known) {
  if (!params.has(name)) return null;
  const given = params
    .get(name)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!known) return [...new Set(given)];
  return Object.keys(known).filter((value) => given.includes(value));
}

/** The view a query string describes; unknown values are dropped, a bad depth falls back to 1. */
export function readState(search, maxDepth) {
  const params = new URLSearchParams(search);
  const depth = Number(params.get('depth'));
  const state = {
    ...DEFAULT_STATE,
    focus: list(params, 'focus') ?? [],
    depth: Number.isInteger(depth) && depth >= 1 && depth <= maxDepth ? depth : 1,
    namespace: list(params, 'namespace'),
    system: list(params, 'system'),
    tiers: list(params, 'tiers'),
    layout: LAYOUTS.includes(params.get('layout')) ? params.get('layout') : 'layered',
    names: NAME_CHOICES.includes(params.get('names')) ? params.get('names') : 'en',
    q: params.get('q') ?? '',
    selected: params.get('selected') || null,
  };
  for (const [name, known] of Object.entries(FILTERS)) state[name] = list(params, name, known);
  return state;
}

/** The query string of a view: only what differs from the default, so plain views keep plain URLs. */
export function writeState(state) {
  const params = new URLSearchParams();
  if (state.focus.length > 0) params.set('focus', state.focus.join(','));
  if (state.focus.length > 0 && state.depth !== 1) params.set('depth', String(state.depth));
  for (const name of FILTER_NAMES) if (state[name] !== null) params.set(name, state[name].join(','));
  if (state.layout !== DEFAULT_STATE.layout) params.set('layout', state.layout);
  if (state.names !== DEFAULT_STATE.names) params.set('names', state.names);
  if (state.q) params.set('q', state.q);
  if (state.selected) params.set('selected', state.selected);
  // Commas and colons are legal in a query string; leaving them unescaped keeps shared URLs readable.
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

/** True when a filter lets `value` through (a filter not given lets everything through). */
export function allows(filter, value) {
  return filter === null || filter.includes(value);
}
