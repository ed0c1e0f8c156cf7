/**
 * Root Relay connections (`goalsConnection`, ...): the total count when selected, and one page of the
 * ordered entities plus one more row, which tells whether a next page exists.
 */
import type { GraphQLObjectType, SelectionSetNode } from 'graphql';
import type { CompileScope } from './CompileScope';
import { compiledQuery, type CompiledQuery, type Projected } from './CompiledQuery';
import { checkLimit } from './checkArguments';
import { collectFields, fieldObjectType, rootSelections, subSelections } from './collectFields';
import { decodeCursor, encodeCursor } from './cursors';
import { aggregateExpression, aggregatingFigures } from './aggregateExpression';
import type { WhereInput } from './compileWhere';
import { matchEntities, orderEntities, type SortInput } from './matchEntities';
import { projectObject } from './project';
import { projectSelection } from './projectSelection';

/** Arguments of a root connection. */
export interface ConnectionArgs {
  where?: WhereInput | null;
  sort?: readonly SortInput[] | null;
  first?: number | null;
  after?: string | null;
}

/** The one row of a connection query: the selected counts and figures, and the page with one extra entity. */
export interface ConnectionRow {
  totals: Projected;
  page: Projected[];
}

/** A compiled connection query and the page it asks for. */
export interface CompiledConnection extends CompiledQuery<ConnectionRow> {
  first: number;
  offset: number;
}

/** Compiles a root connection; `connection` is its `...Connection` type. */
export function compileConnection(
  scope: CompileScope,
  connection: GraphQLObjectType,
  args: ConnectionArgs,
): CompiledConnection {
  const edgeType = fieldObjectType(connection, 'edges');
  const nodeType = fieldObjectType(edgeType, 'node');
  const first = checkLimit(scope.limits, 'first', args.first);
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  const fields = collectFields(scope.info, connection, rootSelections(scope.info));
  const calls: string[] = [];
  if ([...fields.values()].some((nodes) => nodes[0]!.name.value === 'totalCount')) {
    const v = scope.variable('v');
    // With no filter, count(v) on a label is answered from Neo4j's count store, touching no node.
    calls.push(`CALL () { ${matchEntities(scope, v, nodeType, args.where)} RETURN count(${v}) AS totalCount }`);
  }
  const aggregates = [...fields.values()].filter((nodes) => nodes[0]!.name.value === 'aggregate');
  if (aggregates.length > 0) {
    const a = scope.variable('v');
    const figures = aggregateExpression(
      scope.info,
      fieldObjectType(connection, 'aggregate'),
      aggregates.flat(),
      aggregatingFigures(a),
    );
    calls.push(`CALL () { ${matchEntities(scope, a, nodeType, args.where)} RETURN ${figures} AS aggregate }`);
  }
  const v = scope.variable('v');
  const edgeSelections = [...fields.values()]
    .filter((nodes) => nodes[0]!.name.value === 'edges')
    .flatMap((nodes) => subSelections(nodes));
  const nodeSelections: SelectionSetNode[] = [];
  for (const nodes of collectFields(scope.info, edgeType, edgeSelections).values()) {
    if (nodes[0]!.name.value === 'node') nodeSelections.push(...subSelections(nodes));
  }
  calls.push(
    `CALL () { ${matchEntities(scope, v, nodeType, args.where)} WITH ${v} ` +
      `ORDER BY ${orderEntities(v, args.sort)} SKIP ${scope.param(offset)} LIMIT ${scope.param(first + 1)} ` +
      `RETURN collect(${projectObject(scope, v, nodeType, nodeSelections)}) AS page }`,
  );
  // edges and pageInfo are built by shapeConnection from the page.
  const totals = projectSelection(scope.info, connection, rootSelections(scope.info), (field) =>
    field === 'totalCount' || field === 'aggregate' ? field : undefined,
  );
  const query: CompiledQuery<ConnectionRow> = compiledQuery(calls, { totals, page: 'page' }, scope.params);
  return { ...query, first, offset };
}

/** A connection as the schema gives it, built from the compiled row. */
export interface ShapedConnection {
  [responseKey: string]: unknown;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: Projected }>;
}

/** Builds the Relay fields of a connection from the compiled row (whose page holds one extra entity). */
export function shapeConnection(
  row: ConnectionRow,
  { first, offset }: { first: number; offset: number },
): ShapedConnection {
  const edges = row.page.slice(0, first).map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    ...row.totals,
    pageInfo: {
      hasNextPage: row.page.length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    edges,
  };
}
