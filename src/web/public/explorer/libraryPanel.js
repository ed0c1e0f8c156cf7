// The library at a glance: plans and namespaces with their entity counts, and the most connected
// entities, each a button that centres the view on it. On a library too large to draw whole, the
// drawing starts from these.
import { kindOf } from './kinds.js';
import { el } from './dom.js';

// A namespace's plans by name when there are a few, by number when there are many.
function planNames(plans) {
  return plans.length <= 3 ? plans.join('; ') : `${plans.length} plans`;
}

/** Renders the library's summary into `container`; `focus(id)` runs when an entity is chosen. */
export function renderLibrary(container, library, view, focus) {
  const rows = library.namespaces.map((ns) => {
    const plans = library.plans.filter((p) => p.namespace === ns.namespace).map((p) => p.name);
    const kinds = Object.entries(ns.byKind)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, n]) => `${n} ${kindOf(kind).label.toLowerCase()}`)
      .join(', ');
    return el(
      'tr',
      {},
      el('th', { scope: 'row', textContent: ns.namespace }),
      el('td', { textContent: String(ns.total) }),
      el('td', { textContent: (plans.length > 0 ? planNames(plans) + ': ' : '') + kinds }),
    );
  });
  const shownNamespaces = 12;
  const table = el(
    'table',
    { id: 'library-namespaces' },
    el('caption', {
      textContent:
        `${library.total} entities in ${library.namespaces.length} namespaces` +
        (rows.length > shownNamespaces ? ` (the ${shownNamespaces} largest listed)` : ''),
    }),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['Namespace', 'Entities', 'Plans and kinds'].map((t) => el('th', { scope: 'col', textContent: t })),
      ),
    ),
    el('tbody', {}, ...rows.slice(0, shownNamespaces)),
  );
  const parts = [table];
  if (view.mode === 'overview') {
    const hubs = view.nodes
      .filter((n) => library.mostConnected.some((c) => c.id === n.id))
      .map((n) => {
        const degree = library.mostConnected.find((c) => c.id === n.id).degree;
        const button = el('button', {
          type: 'button',
          textContent: `${n.name} (${kindOf(n.kind).label}, ${degree} links)`,
        });
        button.dataset.focus = n.id;
        button.addEventListener('click', () => focus(n.id));
        return el('li', {}, button);
      });
    parts.push(
      el('p', {
        textContent:
          'Too many entities to draw at once: the drawing shows the plans and the most connected entities. ' +
          'Search, or expand an entity, to grow it.',
      }),
      el('h3', { textContent: 'Most connected' }),
      el('ol', { id: 'most-connected' }, ...hubs),
    );
  }
  container.replaceChildren(...parts);
}
