// "Open in GraphiQL": the IDE at /graphql, opened on the query that returns what is selected.
import { CITATION_FIELDS } from './api.js';

const NODE_QUERY = `# The entity selected in the explorer, its evidence, and its links with theirs
query Selected($id: ID!, $basis: [Basis!], $review: [ReviewStatus!]) {
  node(id: $id) {
    __typename id kind name summary namespace sources
    ${CITATION_FIELDS}
    ... on Industry { tier }
  }
  neighborhood(id: $id, depth: 1, basis: $basis, review: $review) {
    nodes { id kind name }
    edges { id type source target basis rationale review { status } ${CITATION_FIELDS} }
  }
}`;

// The API has no field for one link, so the query asks for the links of its type around its source; a
// comment names the selected one.
const LINK_QUERY = (id) => `# The link selected in the explorer is the edge with id ${id.replace(/[\r\n]/g, ' ')},
# among the links of its type around its source, with their evidence.
query SelectedLink($source: ID!, $type: RelationType!, $basis: [Basis!], $review: [ReviewStatus!]) {
  neighborhood(id: $source, depth: 1, relationTypes: [$type], basis: $basis, review: $review) {
    nodes { id kind name }
    edges { id type source target basis rationale review { status by at note } ${CITATION_FIELDS} }
  }
}`;

/**
 * The URL of the IDE with the query for the selected node or link, from its Cytoscape `data`, walking
 * only the links the view's `filters` (basis, review; null for all) keep.
 */
export function graphiqlUrl(data, isEdge, filters) {
  const [query, variables] = isEdge
    ? [LINK_QUERY(data.id), { source: data.source, type: data.type, basis: filters.basis, review: filters.review }]
    : [NODE_QUERY, { id: data.id, basis: filters.basis, review: filters.review }];
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables, null, 2) });
  return '/graphql?' + params.toString();
}
