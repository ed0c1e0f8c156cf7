/**
 * `neighborhood`: a breadth-first walk from one entity, one level per depth, unrolled into a single
 * query. Each level only expands the previous level's new nodes, so the work grows with the answer,
 * not with the graph; `limit` caps the nodes returned, nearest first and by id within a level, so the
 * same graph always gives the same cut; `linkLimit`, when given, caps the links among them: the start's
 * own first, then those from the nearest nodes.
 */
import type { RelationshipType } from '../dataset/PlanDataset';
import { linkCap } from './linkCap';
import { linkPredicate, type WalkFilter } from './walkFilter';
import type { ParamScope } from './CompileScope';
import { compiledQuery, type CompiledQuery } from './CompiledQuery';
import { checkDepth, checkLimit } from './checkArguments';
import type { GraphRow } from './compileGraph';
import { graphEdge, graphNode, type GraphFields } from './graphShapes';

/** Arguments of `neighborhood`. */
export interface NeighborhoodArgs extends WalkFilter {
  id: string;
  depth?: number | null;
  relationTypes?: readonly RelationshipType[] | null;
  limit?: number | null;
  linkLimit?: number | null;
}

/** The one row of `neighborhood`: a subgraph nearest first, and whether the start exists. */
export interface NeighborhoodRow extends GraphRow {
  found: boolean;
}

/** Compiles `neighborhood`, reading the GraphNode and GraphEdge `fields` given. */
export function compileNeighborhood(
  scope: ParamScope,
  args: NeighborhoodArgs,
  fields: GraphFields,
): CompiledQuery<NeighborhoodRow> {
  const depth = checkDepth(scope.limits, args.depth);
  const limit = checkLimit(scope.limits, 'limit', args.limit);
  // RelationType values are checked by GraphQL and match RELATIONSHIPS (see the vocabulary test).
  const types = args.relationTypes ?? null;
  const typesParam = scope.param(types);
  const id = scope.param(args.id);
  const follows = (r: string): string =>
    [types === null ? 'true' : `type(${r}) IN ${typesParam}`, linkPredicate(scope, r, args)]
      .filter((c) => c !== undefined)
      .join(' AND ');
  const links = linkCap(scope, args.linkLimit);
  const lines = [
    `OPTIONAL MATCH (start:Entity {id: ${id}})`,
    'WITH start, CASE WHEN start IS NULL THEN [] ELSE [start] END AS seen, ' +
      'CASE WHEN start IS NULL THEN [] ELSE [start] END AS frontier',
  ];
  for (let level = 1; level <= depth; level++) {
    lines.push(
      `CALL (seen, frontier) { UNWIND frontier AS f MATCH (f)-[r]-(n:Entity) ` +
        `WHERE ${follows('r')} AND NOT n IN seen WITH DISTINCT n ORDER BY n.id RETURN collect(n) AS next }`,
      'WITH start, seen + next AS seen, next AS frontier',
    );
  }
  const limitParam = scope.param(limit);
  const edge = graphEdge(scope, 'a', 'r', 'b', fields);
  lines.push(`WITH start, seen[..${limitParam}] AS nodes, size(seen) > ${limitParam} AS truncated`);
  const columns = {
    found: 'start IS NOT NULL',
    nodes: `[n IN nodes | ${graphNode(scope, 'n', fields)}]`,
    edges: 'edges',
    truncated: 'truncated',
  };
  if (links === null) {
    lines.push(
      `CALL (nodes) { UNWIND nodes AS a MATCH (a)-[r]->(b) WHERE ${follows('r')} ` +
        `AND b IN nodes RETURN collect(${edge}) AS edges }`,
    );
  } else {
    // The start's own links come first, by their other end's place in `nodes`, so a cut never leaves
    // the start unlinked while it has links to keep; then the others, by their source's place, then
    // type and target. Each part is read in place order, so Neo4j sorts only the links of one node at
    // a time (a partial top), where a full sort would hold every link read, each row with the node list.
    lines.push(
      `CALL (nodes) { UNWIND range(0, size(nodes) - 1) AS j WITH nodes[0] AS s, nodes[j] AS o, j ORDER BY j ` +
        `MATCH (s)-[r]-(o) WHERE ${follows('r')} WITH startNode(r) AS a, r, endNode(r) AS b, j ` +
        `ORDER BY j, type(r), a.id LIMIT ${links.read} RETURN collect(${edge}) AS own }`,
      `CALL (nodes) { UNWIND range(0, size(nodes) - 1) AS i WITH nodes[i] AS a, i ` +
        `MATCH (a)-[r]->(b) WHERE ${follows('r')} AND b IN nodes AND a <> nodes[0] AND b <> nodes[0] ` +
        `WITH a, r, b, i ORDER BY i, type(r), b.id LIMIT ${links.read} RETURN collect(${edge}) AS rest }`,
      'WITH start, nodes, truncated, own + rest AS edges',
    );
    columns.edges = links.edges;
    columns.truncated = links.truncated;
  }
  return compiledQuery(lines, columns, scope.params);
}
