/**
 * `neighborhood`: a breadth-first walk from one entity, one level per depth, unrolled into a single
 * query. Each level only expands the previous level's new nodes, so the work grows with the answer,
 * not with the graph; `limit` caps the nodes returned, nearest first.
 */
import { RELATIONSHIP_TYPES } from '../dataset/PlanDataset';
import { BadUserInputError } from '../errors/errors';
import type { ParamScope, CompiledQuery } from './CompileScope';
import { graphEdge, graphNode, type GraphFields } from './graphShapes';
import { checkLimit } from './listQuery';

/** Arguments of `neighborhood`. */
export interface NeighborhoodArgs {
  id: string;
  depth?: number | null;
  relationTypes?: readonly string[] | null;
  limit?: number | null;
}

/**
 * One row: `found`, `nodes` (with `fields`), `edges` (unordered, without ids: see `finishEdges`),
 * `truncated`; `found` is false when the id is unknown.
 */
export function compileNeighborhood(scope: ParamScope, args: NeighborhoodArgs, fields: GraphFields): CompiledQuery {
  const depth = checkDepth(scope, args.depth);
  const limit = checkLimit(scope, 'limit', args.limit);
  const types = checkRelationTypes(args.relationTypes);
  const typesParam = scope.param(types);
  const id = scope.param(args.id);
  const follows = (r: string): string => (types === null ? 'true' : `type(${r}) IN ${typesParam}`);
  const lines = [
    `OPTIONAL MATCH (start:Entity {id: ${id}})`,
    'WITH start, CASE WHEN start IS NULL THEN [] ELSE [start] END AS seen, ' +
      'CASE WHEN start IS NULL THEN [] ELSE [start] END AS frontier',
  ];
  for (let level = 1; level <= depth; level++) {
    lines.push(
      `CALL (seen, frontier) { UNWIND frontier AS f MATCH (f)-[r]-(n:Entity) ` +
        `WHERE ${follows('r')} AND NOT n IN seen RETURN collect(DISTINCT n) AS next }`,
      'WITH start, seen + next AS seen, next AS frontier',
    );
  }
  const limitParam = scope.param(limit);
  lines.push(
    `WITH start, seen[..${limitParam}] AS nodes, size(seen) > ${limitParam} AS truncated`,
    `CALL (nodes) { UNWIND nodes AS a MATCH (a)-[r]->(b) WHERE ${follows('r')} ` +
      `AND b IN nodes RETURN collect(${graphEdge('a', 'r', 'b', fields)}) AS edges }`,
    `RETURN start IS NOT NULL AS found, [n IN nodes | ${graphNode(scope, 'n', fields)}] AS nodes, edges, truncated`,
  );
  return { cypher: lines.join('\n'), params: scope.params };
}

function checkDepth(scope: ParamScope, depth: number | null | undefined): number {
  if (depth === null || depth === undefined) return 1;
  if (!Number.isInteger(depth) || depth < 1 || depth > scope.limits.maxDepth) {
    throw new BadUserInputError(`depth must be a whole number from 1 to ${scope.limits.maxDepth}, got ${depth}`, {
      argument: 'depth',
    });
  }
  return depth;
}

/** Checks relationship type names against the allow-list; null means every type. */
export function checkRelationTypes(types: readonly string[] | null | undefined): string[] | null {
  if (types === null || types === undefined) return null;
  const unknown = types.filter((t) => !(RELATIONSHIP_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new BadUserInputError(
      `relationTypes must name relationship types of the graph ` +
        `(${RELATIONSHIP_TYPES.join(', ')}), got ${JSON.stringify(unknown)}`,
      { argument: 'relationTypes' },
    );
  }
  return [...types];
}
