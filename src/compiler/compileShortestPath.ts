/**
 * `shortestPath`: a shortest path over links in either direction, with both ends checked. Where shortest
 * paths tie, the one with the fewest inferred links wins, then the one whose ids along the way sort
 * first (then its links' types and start ids), so the same question on the same graph always gets the
 * same answer: Neo4j's own pick among ties is not stable from one run to the next.
 */
import type { CompileScope } from './CompileScope';
import { compiledQuery, type CompiledQuery } from './CompiledQuery';
import { checkMaxHops } from './checkArguments';
import { allLinks, whereOf, type BASES, type WalkFilter } from './walkFilter';
import { graphEdge, graphNode, selectedGraphFields, type EdgeRow, type GraphNodeRow } from './graphShapes';

// Typed, so that renaming a basis breaks the build here rather than the tie rule.
const INFERRED: (typeof BASES)[number] = 'INFERRED';

/** Arguments of `shortestPath`. */
export interface ShortestPathArgs extends WalkFilter {
  from: string;
  to: string;
  maxHops?: number | null;
}

/**
 * The one row of `shortestPath`: whether each end exists, and the path's nodes and edges in path order
 * (null when there is no path; edges without ids: see `finishEdges`).
 */
export interface PathRow {
  fromFound: boolean;
  toFound: boolean;
  nodes: GraphNodeRow[] | null;
  edges: EdgeRow[] | null;
}

/** Compiles `shortestPath`, reading the GraphNode and GraphEdge fields the request selects. */
export function compileShortestPath(scope: CompileScope, args: ShortestPathArgs): CompiledQuery<PathRow> {
  const maxHops = checkMaxHops(scope.limits, args.maxHops);
  const fields = selectedGraphFields(scope);
  const lines = [
    `OPTIONAL MATCH (a:Entity {id: ${scope.param(args.from)}})`,
    `OPTIONAL MATCH (b:Entity {id: ${scope.param(args.to)}})`,
  ];
  // shortestPath refuses identical ends, and a zero-length path needs no search.
  lines.push(
    // maxHops is a checked integer: Cypher takes no parameter in a length bound.
    `CALL (a, b) { OPTIONAL MATCH p = allShortestPaths((a)-[*..${maxHops}]-(b))` +
      `${whereOf('a <> b', allLinks(scope, 'relationships(p)', args))} RETURN p` +
      ` ORDER BY size([r IN relationships(p) WHERE r.basis = '${INFERRED}']), [n IN nodes(p) | n.id],` +
      " [r IN relationships(p) | type(r) + ' ' + startNode(r).id] LIMIT 1 }",
    'WITH a, b, CASE WHEN a IS NOT NULL AND a = b THEN [a] ELSE nodes(p) END AS pathNodes, ' +
      'CASE WHEN a IS NOT NULL AND a = b THEN [] ELSE relationships(p) END AS pathRels',
  );
  return compiledQuery(
    lines,
    {
      fromFound: 'a IS NOT NULL',
      toFound: 'b IS NOT NULL',
      nodes: `[n IN pathNodes | ${graphNode(scope, 'n', fields)}]`,
      edges: `[r IN pathRels | ${graphEdge(scope, 'startNode(r)', 'r', 'endNode(r)', fields)}]`,
    },
    scope.params,
  );
}
