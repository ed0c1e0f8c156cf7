/**
 * The analyst reports: what serves a goal (`goalImpact`), what no task stands behind (`gaps`), and
 * which entities have the most links (`mostConnected`). Each compiles only the parts selected.
 */
import { getNamedType, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import type { CompileScope } from './CompileScope';
import { compiledQuery, type CompiledQuery, type ResultRow } from './CompiledQuery';
import { checkLimit } from './checkArguments';
import { allLinks, linkPredicate, whereOf, type WalkFilter } from './walkFilter';
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
export function compileGoalImpact(scope: CompileScope, id: string, walk?: WalkFilter): CompiledQuery<ResultRow> {
  const type = returnObjectType(scope.info);
  const on = (r: string): string => whereOf(linkPredicate(scope, r, walk));
  const lines = [
    `MATCH (g:Goal {id: ${scope.param(id)}})`,
    `CALL (g) { MATCH p = (x:Goal)-[:DETAILS|LEADS_TO*0..]->(g)${whereOf(allLinks(scope, 'relationships(p)', walk))} ` +
      'RETURN collect(DISTINCT x) AS feeding }',
    `CALL (feeding) { UNWIND feeding AS x MATCH (t:Task)-[a:ADVANCES]->(x)${on('a')} RETURN collect(DISTINCT t) AS serving }`,
  ];
  const walks: Record<string, { input: string; match: string } | undefined> = {
    goals: { input: 'feeding', match: 'UNWIND feeding AS y' },
    tasks: { input: 'serving', match: 'UNWIND serving AS y' },
    industries: {
      input: 'serving',
      match:
        'UNWIND serving AS t MATCH (t)-[d:DEVELOPS]->(:Industry|Framework)<-[ps:PART_OF*0..]-(y:Industry)' +
        whereOf(linkPredicate(scope, 'd', walk), allLinks(scope, 'ps', walk)),
    },
    platforms: { input: 'serving', match: `UNWIND serving AS t MATCH (t)-[b:BUILDS]->(y:Platform)${on('b')}` },
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
  return compiledQuery(lines, { result }, scope.params);
}

/** One row with the gap lists selected, optionally within one namespace. */
export function compileGaps(
  scope: CompileScope,
  namespace: string | null | undefined,
  walk?: WalkFilter,
): CompiledQuery<ResultRow> {
  const type = returnObjectType(scope.info);
  const on = (r: string): string => whereOf(linkPredicate(scope, r, walk));
  const ns = scope.param(namespace ?? null);
  const inNamespace = `(${ns} IS NULL OR y.namespace = ${ns})`;
  const matches: Record<string, string | undefined> = {
    goalsWithoutTasks: `MATCH (y:Goal) WHERE ${inNamespace} AND NOT EXISTS { (:Task)-[a:ADVANCES]->(y)${on('a')} }`,
    industriesWithoutTasks:
      `MATCH (y:Industry) WHERE ${inNamespace} ` +
      `AND NOT EXISTS { (:Task)-[d:DEVELOPS]->(:Industry|Framework)<-[ps:PART_OF*0..]-(y)` +
      `${whereOf(linkPredicate(scope, 'd', walk), allLinks(scope, 'ps', walk))} }`,
    platformsWithoutTasks: `MATCH (y:Platform) WHERE ${inNamespace} AND NOT EXISTS { (:Task)-[b:BUILDS]->(y)${on('b')} }`,
  };
  const lines: string[] = [];
  const result = projectSelection(scope.info, type, rootSelections(scope.info), (field, nodes) => {
    const match = matches[field];
    if (!match) return undefined;
    const { call, column } = collected(scope, '', match, 'y', fieldObjectType(type, field), subSelections(nodes));
    lines.push(call);
    return column;
  });
  return compiledQuery(lines, { result }, scope.params);
}

/** Rows with a `result` column each, most links first; degree comes from Neo4j's per-node counts. */
export function compileMostConnected(
  scope: CompileScope,
  args: { kinds?: readonly string[] | null; limit?: number | null } & WalkFilter,
): CompiledQuery<ResultRow> {
  const type = returnObjectType(scope.info);
  const limit = checkLimit(scope.limits, 'limit', args.limit);
  const labels = scope.param(labelsOf(args.kinds));
  const on = whereOf(linkPredicate(scope, 'r', args));
  const result = projectSelection(scope.info, type, rootSelections(scope.info), (field, nodes) => {
    if (field === 'entity')
      return projectEntity(scope, 'n', getNamedType(type.getFields()['entity']!.type), subSelections(nodes));
    return field === 'degree' || field === 'inDegree' || field === 'outDegree' ? field : undefined;
  });
  const lines = [
    `MATCH (n:Entity) WHERE ${labels} IS NULL OR any(l IN labels(n) WHERE l IN ${labels})`,
    // Unfiltered, the counts come from Neo4j's per-node degree store; filtered, links are read.
    on !== ''
      ? `WITH n, COUNT { (n)-[r]->()${on} } AS outDegree, COUNT { (n)<-[r]-()${on} } AS inDegree`
      : 'WITH n, COUNT { (n)-->() } AS outDegree, COUNT { (n)<--() } AS inDegree',
    `WITH n, outDegree, inDegree, outDegree + inDegree AS degree ` +
      `ORDER BY degree DESC, n.id LIMIT ${scope.param(limit)}`,
  ];
  return compiledQuery(lines, { result }, scope.params);
}
