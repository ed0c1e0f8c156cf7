/** `shortestPath`: Neo4j's shortestPath over links in either direction, with both ends checked. */
import { BadUserInputError } from '../errors/errors';
import type { CompileScope, CompiledQuery } from './CompileScope';
import { graphEdge, graphNode, selectedGraphFields } from './graphShapes';

/** Arguments of `shortestPath`. */
export interface ShortestPathArgs {
  from: string;
  to: string;
  maxHops?: number | null;
}

/**
 * One row: `fromFound`, `toFound`, and `nodes`/`edges` in path order
 * (null when no path; edges without ids: see `finishEdges`).
 */
export function compileShortestPath(scope: CompileScope, args: ShortestPathArgs): CompiledQuery {
  const maxHops = args.maxHops ?? scope.limits.maxHops;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > scope.limits.maxHops) {
    throw new BadUserInputError(`maxHops must be a whole number from 1 to ${scope.limits.maxHops}, got ${maxHops}`, {
      argument: 'maxHops',
    });
  }
  const fields = selectedGraphFields(scope);
  const lines = [
    `OPTIONAL MATCH (a:Entity {id: ${scope.param(args.from)}})`,
    `OPTIONAL MATCH (b:Entity {id: ${scope.param(args.to)}})`,
  ];
  // shortestPath refuses identical ends, and a zero-length path needs no search.
  lines.push(
    // maxHops is a checked integer: Cypher takes no parameter in a length bound.
    `CALL (a, b) { OPTIONAL MATCH p = shortestPath((a)-[*..${maxHops}]-(b)) WHERE a <> b RETURN p }`,
    'WITH a, b, CASE WHEN a IS NOT NULL AND a = b THEN [a] ELSE nodes(p) END AS pathNodes, ' +
      'CASE WHEN a IS NOT NULL AND a = b THEN [] ELSE relationships(p) END AS pathRels',
    `RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, ` +
      `[n IN pathNodes | ${graphNode(scope, 'n', fields)}] AS nodes, ` +
      `[r IN pathRels | ${graphEdge('startNode(r)', 'r', 'endNode(r)', fields)}] AS edges`,
  );
  return { cypher: lines.join('\n'), params: scope.params };
}
