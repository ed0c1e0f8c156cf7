/**
 * The analyst reports: what serves a goal (`goalImpact`), what no task stands behind (`gaps`), and
 * which entities have the most links (`mostConnected`). Each compiles only the parts selected.
 */
import { getNamedType, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import type { CompileScope } from './CompileScope';
import { returnColumns, type CompiledQuery, type ResultRow } from './CompiledQuery';
import { checkLimit } from './checkArguments';
import { fieldObjectType, returnObjectType, rootSelections, subSelections } from './collectFields';
import { labelsOf } from './compileSearch';
import { projectEntity, projectObject } from './project';
import { projectSelection } from './projectSelection';

/** Collects a sorted list of nodes into a projected list, inside a CALL so ordering holds. */
function collected(
  scope: CompileScope,
  input: string,
  match: string,
  v: string,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
): { call: string; column: string } {
  const column = scope.variable('list');
  return {
    call:
      `CALL (${input}) { ${match} WITH DISTINCT ${v} ORDER BY ${v}.ordinal, ${v}.id ` +
      `RETURN collect(${projectObject(scope, v, type, sets)}) AS ${column} }`,
    column,
  };
}

/**
 * One row (none for an unknown id). A goal is served by the tasks that advance it or any goal that
 * details or leads to it; industries count with their parts, since a task developing a system
 * develops its members.
 */
export function compileGoalImpact(scope: CompileScope, id: string): CompiledQuery<ResultRow> {
  const type = returnObjectType(scope.info);
  const lines = [
    `MATCH (g:Goal {id: ${scope.param(id)}})`,
    'CALL (g) { MATCH (x:Goal)-[:DETAILS|LEADS_TO*0..]->(g) RETURN collect(DISTINCT x) AS feeding }',
    'CALL (feeding) { UNWIND feeding AS x MATCH (t:Task)-[:ADVANCES]->(x) RETURN collect(DISTINCT t) AS serving }',
  ];
  const walks: Record<string, { input: string; match: string } | undefined> = {
    goals: { input: 'feeding', match: 'UNWIND feeding AS y' },
    tasks: { input: 'serving', match: 'UNWIND serving AS y' },
    industries: {
      input: 'serving',
      match: 'UNWIND serving AS t MATCH (t)-[:DEVELOPS]->(:Industry)<-[:PART_OF*0..]-(y:Industry)',
    },
    platforms: { input: 'serving', match: 'UNWIND serving AS t MATCH (t)-[:BUILDS]->(y:Platform)' },
  };
  const result = projectSelection(scope.info, type, rootSelections(scope.info), (field, nodes) => {
    const sets = subSelections(nodes);
    if (field === 'goal') return projectObject(scope, 'g', fieldObjectType(type, field), sets);
    const walk = walks[field];
    if (!walk) return undefined;
    const { call, column } = collected(scope, walk.input, walk.match, 'y', fieldObjectType(type, field), sets);
    lines.push(call);
    return column;
  });
  lines.push(returnColumns<ResultRow>({ result }));
  return { cypher: lines.join('\n'), params: scope.params };
}

/** One row with the gap lists selected, optionally within one namespace. */
export function compileGaps(scope: CompileScope, namespace: string | null | undefined): CompiledQuery<ResultRow> {
  const type = returnObjectType(scope.info);
  const ns = scope.param(namespace ?? null);
  const inNamespace = `(${ns} IS NULL OR y.namespace = ${ns})`;
  const matches: Record<string, string | undefined> = {
    goalsWithoutTasks: `MATCH (y:Goal) WHERE ${inNamespace} AND NOT EXISTS { (:Task)-[:ADVANCES]->(y) }`,
    industriesWithoutTasks:
      `MATCH (y:Industry) WHERE ${inNamespace} ` +
      `AND NOT EXISTS { (:Task)-[:DEVELOPS]->(:Industry)<-[:PART_OF*0..]-(y) }`,
    platformsWithoutTasks: `MATCH (y:Platform) WHERE ${inNamespace} AND NOT EXISTS { (:Task)-[:BUILDS]->(y) }`,
  };
  const lines: string[] = [];
  const result = projectSelection(scope.info, type, rootSelections(scope.info), (field, nodes) => {
    const match = matches[field];
    if (!match) return undefined;
    const { call, column } = collected(scope, '', match, 'y', fieldObjectType(type, field), subSelections(nodes));
    lines.push(call);
    return column;
  });
  lines.push(returnColumns<ResultRow>({ result }));
  return { cypher: lines.join('\n'), params: scope.params };
}

/** Rows with a `result` column each, most links first; degree comes from Neo4j's per-node counts. */
export function compileMostConnected(
  scope: CompileScope,
  args: { kinds?: readonly string[] | null; limit?: number | null },
): CompiledQuery<ResultRow> {
  const type = returnObjectType(scope.info);
  const limit = checkLimit(scope.limits, 'limit', args.limit);
  const labels = scope.param(labelsOf(args.kinds));
  const result = projectSelection(scope.info, type, rootSelections(scope.info), (field, nodes) => {
    if (field === 'entity')
      return projectEntity(scope, 'n', getNamedType(type.getFields()['entity']!.type), subSelections(nodes));
    return field === 'degree' || field === 'inDegree' || field === 'outDegree' ? field : undefined;
  });
  const cypher = [
    `MATCH (n:Entity) WHERE ${labels} IS NULL OR any(l IN labels(n) WHERE l IN ${labels})`,
    'WITH n, COUNT { (n)-->() } AS outDegree, COUNT { (n)<--() } AS inDegree',
    `WITH n, outDegree, inDegree, outDegree + inDegree AS degree ` +
      `ORDER BY degree DESC, n.id LIMIT ${scope.param(limit)}`,
    returnColumns<ResultRow>({ result }),
  ].join('\n');
  return { cypher, params: scope.params };
}
