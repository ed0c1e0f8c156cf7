// Questions asked of the drawing without changing the view: the shortest path between two entities and
// what serves a goal, shown as highlights (the view in the URL stays as it is). Each asks the API with
// the view's link filters (basis, review), so a view of stated links only gets a stated-only answer, and
// each answer says which filters it used.
import { EDGE_FIELDS, NODE_FIELDS, graphql } from './api.js';

/** Removes every highlight. */
export function clearHighlights(cy) {
  cy.elements().removeClass('highlight faded');
}

function highlight(cy, ids) {
  clearHighlights(cy);
  const chosen = cy.collection(ids.map((id) => cy.getElementById(id)).filter((e) => e.nonempty()));
  cy.elements().not(chosen).addClass('faded');
  chosen.addClass('highlight');
  return chosen;
}

/** The sentence that names the link filters an answer used: `basis` and `review` lists, null for all. */
export function filtersNote({ basis, review }) {
  const parts = [];
  if (basis)
    parts.push(basis.length === 0 ? 'no links' : basis.map((b) => b.toLowerCase()).join(' and ') + ' links only');
  if (review) parts.push('reviews: ' + (review.length === 0 ? 'none' : review.map((r) => r.toLowerCase()).join(', ')));
  return parts.length === 0 ? 'all links' : parts.join('; ');
}

// A filter with no value left keeps no link: there is nothing to walk, and the API refuses the question.
function hidesEveryLink({ basis, review }) {
  return basis?.length === 0 || review?.length === 0;
}

function noLinks(cy, filters) {
  clearHighlights(cy);
  return `No answer: the view's filters keep no link [${filtersNote(filters)}]`;
}

/**
 * Highlights a shortest path between `from` and `to` where it is drawn, walking only links the view's
 * `filters` keep; resolves to the sentence that describes it, which marks inferred steps and names the
 * path's entities the view does not draw.
 */
export async function showPath(cy, from, to, filters) {
  if (!from || !to) return 'Path from ' + (from || '?') + ' to ' + (to || '?');
  if (hidesEveryLink(filters)) return noLinks(cy, filters);
  const data = await graphql(
    `query Path($from: ID!, $to: ID!, $basis: [Basis!], $review: [ReviewStatus!]) ` +
      `{ shortestPath(from: $from, to: $to, basis: $basis, review: $review) ` +
      `{ length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`,
    { from, to, basis: filters.basis, review: filters.review },
  );
  const path = data.shortestPath;
  const used = ` [${filtersNote(filters)}]`;
  if (!path) {
    clearHighlights(cy);
    return 'No path between them within the hop limit' + used;
  }
  highlight(cy, path.nodes.map((n) => n.id).concat(path.edges.map((e) => e.id)));
  const missing = path.nodes.filter((n) => cy.getElementById(n.id).empty()).map((n) => n.name);
  // edges[i] joins nodes[i] and nodes[i + 1]; an inferred step says so.
  const steps = path.nodes
    .map((n, i) => (i === 0 ? '' : path.edges[i - 1].basis === 'INFERRED' ? ' —(inferred)— ' : ' — ') + n.name)
    .join('');
  return (
    'Path of length ' +
    path.length +
    ': ' +
    steps +
    (missing.length > 0 ? ` (not in this view: ${missing.join('; ')}; expand to see them)` : '') +
    used
  );
}

/** Highlights what serves the goal `id` through links the view's `filters` keep; resolves to a count of it. */
export async function showImpact(cy, id, filters) {
  if (hidesEveryLink(filters)) return noLinks(cy, filters);
  const data = await graphql(
    'query Impact($id: ID!, $basis: [Basis!], $review: [ReviewStatus!]) ' +
      '{ goalImpact(id: $id, basis: $basis, review: $review) { goals { id } tasks { id } industries { id } platforms { id } } }',
    { id, basis: filters.basis, review: filters.review },
  );
  const impact = data.goalImpact;
  const ids = [].concat(impact.goals, impact.tasks, impact.industries, impact.platforms).map((x) => x.id);
  const chosen = highlight(cy, ids);
  chosen.edgesWith(chosen).addClass('highlight').removeClass('faded');
  return (
    `Impact: ${impact.tasks.length} tasks, ${impact.industries.length} industries, ` +
    `${impact.platforms.length} platforms serve this goal [${filtersNote(filters)}]`
  );
}
