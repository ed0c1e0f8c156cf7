/**
 * What ad-hoc Cypher may do: read the graph, nothing else. Judged from Neo4j's own plan of the query
 * (EXPLAIN), not from its text, so no spelling or comment trick changes the verdict. The test is a
 * positive one: every operator of the plan must be on the list of operators that read graph data.
 * Neo4j plans its administration commands (SHOW TRANSACTIONS, TERMINATE TRANSACTIONS, SHOW SETTINGS,
 * ...) as read queries, so a negative test ("no write, no schema change") lets them through; an
 * operator a later Neo4j adds is refused until someone puts it on the list. The read transaction the
 * query then runs in is a second wall: Neo4j itself refuses writes there.
 */
import type { ExplainedQuery, PlanOperator } from '../database/Database';
import { ForbiddenError } from '../errors/errors';

/** Procedures that only read the graph or its schema; any other CALL is refused. */
export const ALLOWED_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
];

/**
 * The plan operators of Neo4j 5.26 that read graph data or shape rows already read, as EXPLAIN names
 * them (without the `@database` suffix). ProcedureCall is not here: it is judged by ALLOWED_PROCEDURES.
 */
export const READ_OPERATORS: ReadonlySet<string> = new Set([
  // Scans and seeks of nodes.
  'AllNodesScan',
  'NodeByLabelScan',
  'UnionNodeByLabelsScan',
  'IntersectionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
  'NodeByIdSeek',
  'NodeByElementIdSeek',
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'MultiNodeIndexSeek',
  'AssertingMultiNodeIndexSeek',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'NodeCountFromCountStore',
  // Scans and seeks of relationships, either direction.
  ...['Directed', 'Undirected'].flatMap((direction) =>
    [
      'AllRelationshipsScan',
      'RelationshipTypeScan',
      'UnionRelationshipTypesScan',
      'RelationshipByIdSeek',
      'RelationshipByElementIdSeek',
      'RelationshipIndexSeek',
      'RelationshipUniqueIndexSeek',
      'RelationshipIndexSeekByRange',
      'RelationshipUniqueIndexSeekByRange',
      'RelationshipIndexScan',
      'RelationshipIndexContainsScan',
      'RelationshipIndexEndsWithScan',
    ].map((operator) => `${direction}${operator}`),
  ),
  'AssertingMultiRelationshipIndexSeek',
  'RelationshipCountFromCountStore',
  // Walks along relationships.
  'Expand(All)',
  'Expand(Into)',
  'OptionalExpand(All)',
  'OptionalExpand(Into)',
  'VarLengthExpand(All)',
  'VarLengthExpand(Into)',
  'VarLengthExpand(Pruning)',
  'VarLengthExpand(Pruning,BFS,All)',
  'VarLengthExpand(Pruning,BFS,Into)',
  'ShortestPath',
  'StatefulShortestPath(All)',
  'StatefulShortestPath(Into)',
  'Repeat(Trail)',
  'Repeat(Walk)',
  'BidirectionalRepeat(Trail)',
  'PathPropagatingBFS',
  'ProjectEndpoints',
  'TriadicSelection',
  'TriadicBuild',
  'TriadicFilter',
  // Rows: filters, projections, aggregations, order and paging.
  'Argument',
  'ArgumentTracker',
  'Filter',
  'Projection',
  'CacheProperties',
  'Unwind',
  'Optional',
  'Distinct',
  'OrderedDistinct',
  'EagerAggregation',
  'OrderedAggregation',
  'Sort',
  'PartialSort',
  'Top',
  'Top1WithTies',
  'PartialTop',
  'Skip',
  'Limit',
  'ExhaustiveLimit',
  'Eager',
  'EmptyResult',
  'ProduceResults',
  // Subqueries, joins and unions of the above.
  'Apply',
  'SemiApply',
  'AntiSemiApply',
  'LetSemiApply',
  'LetAntiSemiApply',
  'SelectOrSemiApply',
  'SelectOrAntiSemiApply',
  'LetSelectOrSemiApply',
  'LetSelectOrAntiSemiApply',
  'ConditionalApply',
  'AntiConditionalApply',
  'RollUpApply',
  'CartesianProduct',
  'NodeHashJoin',
  'NodeLeftOuterHashJoin',
  'NodeRightOuterHashJoin',
  'ValueHashJoin',
  'Union',
  'OrderedUnion',
]);

/** An operator's name as EXPLAIN gives it, without the database it runs on (`Filter@neo4j` -> `Filter`). */
export function operatorName(operator: PlanOperator): string {
  return operator.type.replace(/@.*$/, '');
}

/** Throws FORBIDDEN, saying which rule the query breaks and naming the operator, unless it only reads. */
export function checkReadOnly(explained: ExplainedQuery): void {
  // LOAD CSV and procedures first, so that they are named as such rather than as unknown operators.
  for (const operator of explained.operators) {
    const name = operatorName(operator);
    if (name === 'LoadCSV') {
      throw new ForbiddenError('cypher may not use LOAD CSV: it reads files and URLs, not the graph', {
        rule: 'no-load-csv',
        operator: name,
      });
    }
    if (name === 'ProcedureCall') {
      const procedure = /^[\w.]+/.exec(operator.details)?.[0] ?? operator.details;
      if (!ALLOWED_PROCEDURES.includes(procedure)) {
        throw new ForbiddenError(
          `cypher may call only these procedures: ${ALLOWED_PROCEDURES.join(', ')}; got ${procedure}`,
          { rule: 'procedure-allow-list', operator: name, procedure },
        );
      }
    }
  }
  for (const operator of explained.operators) {
    const name = operatorName(operator);
    if (name !== 'ProcedureCall' && !READ_OPERATORS.has(name)) {
      throw new ForbiddenError(
        `cypher runs read-only queries: every step of Neo4j's plan must read graph data, and this one uses ` +
          `${name}, which ${describe(name)}`,
        { rule: 'read-only', operator: name },
      );
    }
  }
  // A plan of read operators only is a read; checked still, in case Neo4j ever says otherwise.
  if (explained.queryType !== 'r') {
    throw new ForbiddenError(
      `cypher runs read-only queries; Neo4j plans this one as query type "${explained.queryType}", not a read`,
      { rule: 'read-only', queryType: explained.queryType },
    );
  }
}

// What kind of step a refused operator is, for the message: administration, a write, or unknown here.
function describe(name: string): string {
  if (/^(Show|Terminate)|^AdministrationCommand$/.test(name)) return 'is an administration command';
  if (
    /^(Create|Merge|LockingMerge|Delete|DetachDelete|Set|Remove|Foreach|Transaction|Drop|DoNothingIfExists)/.test(name)
  )
    return 'writes to the graph or its schema';
  return 'is not one of the operators that read graph data';
}
