/** `graph`: every entity (optionally of one namespace) and the links among them, for drawing whole. */
import type { ParamScope, CompiledQuery } from './CompileScope';
import { ALL_GRAPH_FIELDS, graphEdge, graphNode, type GraphFields } from './graphShapes';
import { checkLimit } from './listQuery';

/**
 * One row: `nodes`, `edges` (unordered, without ids: see `finishEdges`), `truncated`.
 * Nodes come by id; `limit` caps them.
 */
export function compileGraph(
  scope: ParamScope,
  args: { namespace?: string | null; limit?: number | null },
  fields: GraphFields = ALL_GRAPH_FIELDS,
): CompiledQuery {
  const limit = checkLimit(scope, 'limit', args.limit);
  const ns = scope.param(args.namespace ?? null);
  const lines = [
    `CALL () { MATCH (n:Entity) WHERE ${ns} IS NULL OR n.namespace = ${ns} WITH n ` +
      `ORDER BY n.id LIMIT ${scope.param(limit + 1)} RETURN collect(n) AS found }`,
    `WITH found[..${scope.param(limit)}] AS nodes, size(found) > ${scope.param(limit)} AS truncated`,
    // The nodes are the first `limit` entities of the namespace by id, so an end belongs to them
    // exactly when it is such an entity with an id up to the last one: no list lookup per edge.
    'WITH nodes, truncated, last(nodes).id AS lastId',
    `CALL (nodes, lastId) { UNWIND nodes AS a MATCH (a)-[r]->(b:Entity) WHERE b.id <= lastId ` +
      `AND (${ns} IS NULL OR b.namespace = ${ns}) RETURN collect(${graphEdge('a', 'r', 'b', fields)}) AS edges }`,
    `RETURN [n IN nodes | ${graphNode(scope, 'n', fields)}] AS nodes, edges, truncated`,
  ];
  return { cypher: lines.join('\n'), params: scope.params };
}
