/** `graph`: every entity (optionally of one namespace) and the links among them, for drawing whole. */
import type { ParamScope } from './CompileScope';
import { compiledQuery, type CompiledQuery } from './CompiledQuery';
import { checkLimit } from './checkArguments';
import { linkCap } from './linkCap';
import { linkPredicate, type WalkFilter } from './walkFilter';
import {
  ALL_GRAPH_FIELDS,
  graphEdge,
  graphNode,
  type EdgeRow,
  type GraphFields,
  type GraphNodeRow,
} from './graphShapes';

/** The one row of `graph`: nodes by id, edges unordered and without ids (see `finishEdges`). */
export interface GraphRow {
  nodes: GraphNodeRow[];
  edges: EdgeRow[];
  truncated: boolean;
}

/** Compiles `graph`; `limit` caps the nodes, and `linkLimit`, when given, the links (by id). */
export function compileGraph(
  scope: ParamScope,
  args: { namespace?: string | null; limit?: number | null; linkLimit?: number | null } & WalkFilter,
  fields: GraphFields = ALL_GRAPH_FIELDS,
): CompiledQuery<GraphRow> {
  const limit = checkLimit(scope.limits, 'limit', args.limit);
  const links = linkCap(scope, args.linkLimit);
  const ns = scope.param(args.namespace ?? null);
  // With a link cap, the links in id order and one more than the cap, to tell whether it cut any.
  const cut = links === null ? '' : ` WITH a, r, b ORDER BY a.id, type(r), b.id LIMIT ${links.read}`;
  const lines = [
    `CALL () { MATCH (n:Entity) WHERE ${ns} IS NULL OR n.namespace = ${ns} WITH n ` +
      `ORDER BY n.id LIMIT ${scope.param(limit + 1)} RETURN collect(n) AS found }`,
    `WITH found[..${scope.param(limit)}] AS nodes, size(found) > ${scope.param(limit)} AS truncated`,
    // The nodes are the first `limit` entities of the namespace by id, so an end belongs to them
    // exactly when it is such an entity with an id up to the last one: no list lookup per edge.
    'WITH nodes, truncated, last(nodes).id AS lastId',
    `CALL (nodes, lastId) { UNWIND nodes AS a MATCH (a)-[r]->(b:Entity) WHERE b.id <= lastId ` +
      `AND (${ns} IS NULL OR b.namespace = ${ns})${and(linkPredicate(scope, 'r', args))}${cut} ` +
      `RETURN collect(${graphEdge(scope, 'a', 'r', 'b', fields)}) AS edges }`,
  ];
  return compiledQuery(
    lines,
    {
      nodes: `[n IN nodes | ${graphNode(scope, 'n', fields)}]`,
      edges: links?.edges ?? 'edges',
      truncated: links?.truncated ?? 'truncated',
    },
    scope.params,
  );
}

function and(condition: string | undefined): string {
  return condition === undefined ? '' : ` AND ${condition}`;
}
