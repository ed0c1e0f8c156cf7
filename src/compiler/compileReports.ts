/**
 * The analyst reports: what serves a goal (`goalImpact`), what no task stands behind (`gaps`), and
 * which entities have the most links (`mostConnected`). Each compiles only the parts selected.
 */
import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import type { CompileScope, CompiledQuery } from './CompileScope';
import { collectFields, subSelections } from './collectFields';
import { checkLimit, rootSelections } from './listQuery';
import { labelsOf } from './compileSearch';
import { projectEntity, projectObject } from './project';

function objectType(scope: CompileScope, type: GraphQLObjectType, field: string): GraphQLObjectType {
  const named = getNamedType(type.getFields()[field]!.type);
  if (!isObjectType(named)) throw new Error(`${type.name}.${field} must be an object type`);
  return named;
}

function returnObject(scope: CompileScope): GraphQLObjectType {
  const type = getNamedType(scope.info.returnType);
  if (!isObjectType(type)) throw new Error(`${scope.info.fieldName} must return an object type`);
  return type;
}

/** Collects a sorted list of nodes into a projected list, inside a CALL so ordering holds. */
function collected(
  scope: CompileScope,
  input: string,
  match: string,
  v: string,
  type: GraphQLObjectType,
  sets: ReturnType<typeof subSelections>,
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
export function compileGoalImpact(scope: CompileScope, id: string): CompiledQuery {
  const type = returnObject(scope);
  const lines = [
    `MATCH (g:Goal {id: ${scope.param(id)}})`,
    'CALL (g) { MATCH (x:Goal)-[:DETAILS|LEADS_TO*0..]->(g) RETURN collect(DISTINCT x) AS feeding }',
    'CALL (feeding) { UNWIND feeding AS x MATCH (t:Task)-[:ADVANCES]->(x) RETURN collect(DISTINCT t) AS serving }',
  ];
  const entries: string[] = [];
  for (const [key, nodes] of collectFields(scope.info, type, rootSelections(scope))) {
    const name = nodes[0]!.name.value;
    const sets = subSelections(nodes);
    const part = (input: string, match: string, v: string): void => {
      const { call, column } = collected(scope, input, match, v, objectType(scope, type, name), sets);
      lines.push(call);
      entries.push(`\`${key}\`: ${column}`);
    };
    if (name === '__typename') entries.push(`\`${key}\`: '${type.name}'`);
    else if (name === 'goal')
      entries.push(`\`${key}\`: ${projectObject(scope, 'g', objectType(scope, type, name), sets)}`);
    else if (name === 'goals') part('feeding', 'UNWIND feeding AS y', 'y');
    else if (name === 'tasks') part('serving', 'UNWIND serving AS y', 'y');
    else if (name === 'industries')
      part('serving', 'UNWIND serving AS t MATCH (t)-[:DEVELOPS]->(:Industry)<-[:PART_OF*0..]-(y:Industry)', 'y');
    else if (name === 'platforms') part('serving', 'UNWIND serving AS t MATCH (t)-[:BUILDS]->(y:Platform)', 'y');
  }
  lines.push(`RETURN {${entries.join(', ')}} AS result`);
  return { cypher: lines.join('\n'), params: scope.params };
}

/** One row with the gap lists selected, optionally within one namespace. */
export function compileGaps(scope: CompileScope, namespace: string | null | undefined): CompiledQuery {
  const type = returnObject(scope);
  const ns = scope.param(namespace ?? null);
  const inNamespace = (v: string): string => `(${ns} IS NULL OR ${v}.namespace = ${ns})`;
  const lines: string[] = [];
  const entries: string[] = [];
  for (const [key, nodes] of collectFields(scope.info, type, rootSelections(scope))) {
    const name = nodes[0]!.name.value;
    let match: string | undefined;
    if (name === '__typename') entries.push(`\`${key}\`: '${type.name}'`);
    else if (name === 'goalsWithoutTasks')
      match = `MATCH (y:Goal) WHERE ${inNamespace('y')} AND NOT EXISTS { (:Task)-[:ADVANCES]->(y) }`;
    else if (name === 'industriesWithoutTasks')
      match =
        `MATCH (y:Industry) WHERE ${inNamespace('y')} ` +
        `AND NOT EXISTS { (:Task)-[:DEVELOPS]->(:Industry)<-[:PART_OF*0..]-(y) }`;
    else if (name === 'platformsWithoutTasks')
      match = `MATCH (y:Platform) WHERE ${inNamespace('y')} AND NOT EXISTS { (:Task)-[:BUILDS]->(y) }`;
    if (match) {
      const { call, column } = collected(scope, '', match, 'y', objectType(scope, type, name), subSelections(nodes));
      lines.push(call);
      entries.push(`\`${key}\`: ${column}`);
    }
  }
  lines.push(`RETURN {${entries.join(', ')}} AS result`);
  return { cypher: lines.join('\n'), params: scope.params };
}

/** Rows with a `result` column each, most links first; degree comes from Neo4j's per-node counts. */
export function compileMostConnected(
  scope: CompileScope,
  args: { kinds?: readonly string[] | null; limit?: number | null },
): CompiledQuery {
  const type = getNamedType(scope.info.returnType);
  if (!isObjectType(type)) throw new Error('mostConnected must return Connectedness objects');
  const limit = checkLimit(scope, 'limit', args.limit);
  const labels = scope.param(labelsOf(args.kinds));
  const entries: string[] = [];
  for (const [key, nodes] of collectFields(scope.info, type, rootSelections(scope))) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') entries.push(`\`${key}\`: 'Connectedness'`);
    else if (name === 'entity')
      entries.push(
        `\`${key}\`: ` +
          `${projectEntity(scope, 'n', getNamedType(type.getFields()['entity']!.type), subSelections(nodes))}`,
      );
    else if (name === 'degree' || name === 'inDegree' || name === 'outDegree') entries.push(`\`${key}\`: ${name}`);
  }
  const cypher = [
    `MATCH (n:Entity) WHERE ${labels} IS NULL OR any(l IN labels(n) WHERE l IN ${labels})`,
    'WITH n, COUNT { (n)-->() } AS outDegree, COUNT { (n)<--() } AS inDegree',
    `WITH n, outDegree, inDegree, outDegree + inDegree AS degree ` +
      `ORDER BY degree DESC, n.id LIMIT ${scope.param(limit)}`,
    `RETURN {${entries.join(', ')}} AS result`,
  ].join('\n');
  return { cypher, params: scope.params };
}
