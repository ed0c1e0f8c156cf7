// Questions asked of the drawing without changing the view: the shortest path between two entities and
// what serves a goal, shown as highlights (the view in the URL stays as it is).
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

/**
 * Highlights a shortest path between `from` and `to` where it is drawn; resolves to the sentence that
 * describes it, which names the path's entities the view does not draw.
 */
export async function showPath(cy, from, to) {
  if (!from || !to) return 'Path from ' + (from || '?') + ' to ' + (to || '?');
  const data = await graphql(
    `query Path($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) ` +
      `{ length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`,
    { from, to },
  );
  const path = data.shortestPath;
  if (!path) {
    clearHighlights(cy);
    return 'No path between them within the hop limit';
  }
  highlight(cy, path.nodes.map((n) => n.id).concat(path.edges.map((e) => e.id)));
  const missing = path.nodes.filter((n) => cy.getElementById(n.id).empty()).map((n) => n.name);
  return (
    'Path of length ' +
    path.length +
    ': ' +
    path.nodes.map((n) => n.name).join(' — ') +
    (missing.length > 0 ? ` (not in this view: ${missing.join('; ')}; expand to see them)` : '')
  );
}

/** Highlights what serves the goal `id`; resolves to the sentence that counts it. */
export async function showImpact(cy, id) {
  const data = await graphql(
    'query Impact($id: ID!) { goalImpact(id: $id) { goals { id } tasks { id } industries { id } platforms { id } } }',
    { id },
  );
  const impact = data.goalImpact;
  const ids = [].concat(impact.goals, impact.tasks, impact.industries, impact.platforms).map((x) => x.id);
  const chosen = highlight(cy, ids);
  chosen.edgesWith(chosen).addClass('highlight').removeClass('faded');
  return (
    `Impact: ${impact.tasks.length} tasks, ${impact.industries.length} industries, ` +
    `${impact.platforms.length} platforms serve this goal`
  );
}
