// The details panel: for a node or a link, its evidence (citations with the cited words when the server
// has the source's text), basis and rationale; for a node, its links grouped by type, each one
// followable; and the query that returns the selection, opened in the IDE.
import { BASES, REVIEW_STATUSES, TIERS, kindOf } from './kinds.js';
import { shapeIcon } from './filters.js';
import { graphiqlUrl } from './graphiqlLink.js';
import { el } from './dom.js';

const $ = (id) => document.getElementById(id);

/** One citation: where it points and, when the server holds the source's text, the cited words. */
function citationItem(c) {
  const where = c.source.name + ', paragraph ' + c.paragraph + ', characters ' + c.start + '-' + c.end;
  if (c.text === null) return el('li', { textContent: where + ' (the server has no text of this source)' });
  return el('li', {}, el('q', { textContent: c.text }), ' (' + where + ')');
}

function citations(list) {
  return el('ol', { className: 'citations' }, ...list.map(citationItem));
}

function basisText(d) {
  const review =
    d.reviewStatus && d.reviewStatus !== 'ACCEPTED' ? `, ${REVIEW_STATUSES[d.reviewStatus].toLowerCase()}` : '';
  return BASES[d.basis] + review;
}

// The names a node has in other languages, each marked with its language so that it is read aloud as such.
function otherNames(names) {
  const list = el('ul', { id: 'details-names', className: 'other-names' });
  for (const name of names ?? [])
    list.append(el('li', {}, el('span', { lang: name.language, textContent: name.text }), ` (${name.language})`));
  return list;
}

/**
 * Shows the node or link with this id in the panel; `actions.select(id)` follows a link to another
 * element, `actions.expand(id)`, `actions.pathFrom`, `actions.pathTo` and `actions.impact` run the
 * buttons. Hides the panel when `element` is empty.
 */
export function showDetails(cy, element, actions) {
  const panel = $('details');
  if (!element || element.empty()) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const d = element.data();
  const body = [];
  if (element.isNode()) {
    const k = kindOf(d.kind);
    const facts = [k.label, d.tier ? `${TIERS[d.tier] ?? d.tier} industry` : null, d.namespace, d.id].filter(Boolean);
    body.push(
      el('h2', { id: 'details-name', textContent: d.name }),
      otherNames(d.names),
      el('p', { id: 'details-kind' }, shapeIcon(d.kind), ' ' + facts.join(' · ')),
      el('p', {
        id: 'details-dated',
        textContent: [d.date ? 'Date: ' + d.date : null, d.verdict ? 'Verdict: ' + d.verdict : null]
          .filter(Boolean)
          .join(' · '),
      }),
      el('p', { id: 'details-summary', textContent: d.summary ?? '' }),
      el('p', { id: 'details-sources', textContent: 'Source paragraphs: ' + d.sources.join(', ') }),
      el('h3', { textContent: 'Evidence' }),
      Object.assign(citations(d.citations), { id: 'details-citations' }),
      buttons(d, actions, false),
      el('h3', { textContent: 'Links' }),
      linksByType(cy, element, actions),
    );
  } else {
    const source = cy.getElementById(d.source);
    const target = cy.getElementById(d.target);
    body.push(
      el('h2', { id: 'details-name', textContent: `${source.data('name')} ${d.type} ${target.data('name')}` }),
      el('p', { id: 'details-kind', textContent: `Link ${d.type} · ${basisText(d)}` }),
      el('p', { id: 'details-summary', textContent: d.rationale ? 'Rationale: ' + d.rationale : '' }),
      el('p', {
        id: 'details-review',
        textContent: d.review?.by
          ? `Review: ${d.reviewStatus} by ${d.review.by} at ${d.review.at}${d.review.note ? ' (' + d.review.note + ')' : ''}`
          : '',
      }),
      el('p', { id: 'details-sources', textContent: 'Source paragraphs: ' + d.sources.join(', ') }),
      el('h3', { textContent: 'Evidence' }),
      Object.assign(citations(d.citations), { id: 'details-citations' }),
      el(
        'div',
        { className: 'buttons' },
        followButton('From: ' + source.data('name'), d.source, actions),
        followButton('To: ' + target.data('name'), d.target, actions),
        graphiqlAnchor(d, true, actions),
      ),
    );
  }
  panel.replaceChildren(...body);
}

function followButton(text, id, actions) {
  const button = el('button', { type: 'button', className: 'follow', textContent: text });
  button.dataset.follow = id;
  button.addEventListener('click', () => actions.select(id));
  return button;
}

function graphiqlAnchor(d, isEdge, actions) {
  return el('a', {
    id: 'open-graphiql',
    href: graphiqlUrl(d, isEdge, actions.filters()),
    target: '_blank',
    textContent: 'Open in GraphiQL',
  });
}

function buttons(d, actions, isEdge) {
  const make = (id, text, run) => {
    const button = el('button', { type: 'button', id, textContent: text });
    button.addEventListener('click', () => run(d.id));
    return button;
  };
  const list = [
    make('expand', 'Expand neighbourhood', actions.expand),
    make('path-from', 'Path from here', actions.pathFrom),
    make('path-to', 'Path to here', actions.pathTo),
  ];
  if (d.kind === 'GOAL') list.push(make('impact', 'Show goal impact', actions.impact));
  list.push(graphiqlAnchor(d, isEdge, actions));
  return el('div', { className: 'buttons' }, ...list);
}

// The node's drawn links, grouped by type and direction; each names the other end (a button that
// selects it), its basis and rationale, a button for the link's own details, and its citations.
function linksByType(cy, node, actions) {
  const id = node.id();
  const groups = new Map();
  node
    .connectedEdges()
    .not('.filtered')
    .forEach((e) => {
      const d = e.data();
      const outgoing = d.source === id;
      const key = outgoing ? `${d.type} →` : `← ${d.type}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push({ edge: e, other: cy.getElementById(outgoing ? d.target : d.source) });
    });
  const sections = [...groups.keys()].sort().map((key) => {
    const items = groups.get(key).map(({ edge, other }) => {
      const d = edge.data();
      const li = el('li', {});
      li.dataset.edge = d.id;
      li.append(
        followButton(other.data('name'), other.id(), actions),
        ' ',
        el('span', { className: 'basis ' + d.basis.toLowerCase(), textContent: basisText(d) }),
        d.rationale ? el('span', { className: 'rationale', textContent: ': ' + d.rationale }) : '',
        ' ',
        Object.assign(followButton('Link details', d.id, actions), { className: 'link-details' }),
        citations(d.citations),
      );
      return li;
    });
    const section = el('section', { className: 'link-group' }, el('h4', { textContent: `${key} (${items.length})` }));
    section.append(el('ul', {}, ...items));
    return section;
  });
  return el(
    'div',
    { id: 'details-links' },
    ...(sections.length ? sections : [el('p', { textContent: 'No link drawn.' })]),
  );
}
