/**
 * The load test's mix: one of each kind of question an analyst asks of the bundled Plan, as our API
 * is asked it and as hand-written Cypher (the floor) fetches the same answer, with how each path's
 * answer is brought to one form so that the two can be compared before anything is measured.
 */
import { kindOfLabel } from '../../src/compiler/project';
import type { Json } from '../bench/workload';

/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return,
   @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call --
   Answers of the paths are read loosely and then compared; a wrong shape fails the comparison. */

/** One question of the mix. */
export interface MixQuery {
  name: string;
  query: string;
  floor: { cypher: string; params: Record<string, unknown> };
  answer: { ours: (data: Json) => unknown; floor: (rows: Json[]) => unknown };
}

// Nested goals and tasks come in the API's default order, (ordinal, id); other lists by id.
const TASKS_OF_GOAL = 'MATCH (g)<-[:ADVANCES]-(t:Task) WITH t ORDER BY t.ordinal, t.id';
const bySet = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The mix, in the order the load test sends it. */
export const PLAN_MIX: readonly MixQuery[] = [
  {
    name: 'goals with tasks and industries',
    query: '{ goals(sort: [{field: ORDINAL}]) { id name targetYear tasks { id name industries { id name } } } }',
    floor: {
      cypher:
        'MATCH (g:Goal) WITH g ORDER BY g.ordinal, g.id RETURN g.id AS id, g.name AS name, ' +
        `g.targetYear AS targetYear, COLLECT { ${TASKS_OF_GOAL} RETURN {id: t.id, name: t.name, industries: ` +
        'COLLECT { MATCH (t)-[:DEVELOPS]->(i:Industry) WITH i ORDER BY i.id RETURN {id: i.id, name: i.name} }} } AS tasks',
      params: {},
    },
    answer: { ours: (d) => d.goals, floor: (rows) => rows },
  },
  {
    name: 'plans to platforms',
    query: '{ plans { id name goals { id tasks { id industries { id } platforms { id } } } } }',
    floor: {
      cypher:
        'MATCH (p:Plan) WITH p ORDER BY p.id RETURN p.id AS id, p.name AS name, COLLECT { ' +
        'MATCH (p)-[:SETS]->(g:Goal) WITH g ORDER BY g.ordinal, g.id RETURN {id: g.id, tasks: COLLECT { ' +
        `${TASKS_OF_GOAL} RETURN {id: t.id, ` +
        'industries: COLLECT { MATCH (t)-[:DEVELOPS]->(i:Industry) WITH i ORDER BY i.id RETURN {id: i.id} }, ' +
        'platforms: COLLECT { MATCH (t)-[:BUILDS]->(f:Platform) WITH f ORDER BY f.id RETURN {id: f.id} }} }} } AS goals',
      params: {},
    },
    answer: { ours: (d) => d.plans, floor: (rows) => rows },
  },
  {
    name: 'first page of industries',
    query: '{ industriesConnection(first: 10) { totalCount edges { cursor node { id name tasks { id } } } } }',
    floor: {
      cypher:
        'CALL () { MATCH (i:Industry) RETURN count(i) AS total } ' +
        'CALL () { MATCH (i:Industry) WITH i ORDER BY i.id LIMIT 10 RETURN collect({id: i.id, name: i.name, ' +
        'tasks: COLLECT { MATCH (i)<-[:DEVELOPS]-(t:Task) WITH t ORDER BY t.ordinal, t.id RETURN {id: t.id} }}) AS page } ' +
        'RETURN total, page',
      params: {},
    },
    answer: {
      ours: (d) => d.industriesConnection,
      // The cursor is the item's offset; the floor leaves writing it to its reader.
      floor: ([row]) => ({
        totalCount: row.total,
        edges: row.page.map((node: Json, i: number) => ({
          cursor: Buffer.from(`offset:${i}`).toString('base64'),
          node,
        })),
      }),
    },
  },
  {
    name: 'search',
    query: '{ search(text: "innovation", limit: 10) { score entity { id name kind } } }',
    floor: {
      cypher:
        "CALL db.index.fulltext.queryNodes('entity_text', 'name:innovation^4 name:innovation*^2 " +
        // Lucene scores only the best hits, as ours asks it to: four times the page and ten more.
        "summary:innovation summary:innovation*^0.5', {limit: 50}) YIELD node, score " +
        "WITH node, score ORDER BY toLower(node.name) = 'innovation' DESC, score DESC, node.id LIMIT 10 " +
        "RETURN score, node.id AS id, node.name AS name, head([l IN labels(node) WHERE l <> 'Entity']) AS label",
      params: {},
    },
    answer: {
      ours: (d) => d.search,
      floor: (rows) =>
        rows.map((r) => ({ score: r.score, entity: { id: r.id, name: r.name, kind: kindOfLabel(r.label) } })),
    },
  },
  {
    name: 'neighbourhood',
    query:
      '{ neighborhood(id: "zgc14:platform-zgc-forum", depth: 2) ' +
      '{ nodes { id kind name } edges { id type source target basis } truncated } }',
    floor: {
      cypher:
        'MATCH (s:Entity {id: $id}) MATCH (s)-[*0..2]-(n:Entity) WITH collect(DISTINCT n) AS reached ' +
        'WITH reached[..100] AS nodes, size(reached) > 100 AS truncated ' +
        'CALL (nodes) { UNWIND nodes AS a MATCH (a)-[r]->(b) WHERE b IN nodes ' +
        'WITH a.id AS source, type(r) AS type, b.id AS target, r.basis AS basis ORDER BY source, type, target ' +
        "RETURN collect({id: source + '|' + type + '|' + target, type: type, source: source, target: target, " +
        'basis: basis}) AS edges } ' +
        "RETURN [n IN nodes | {id: n.id, label: head([l IN labels(n) WHERE l <> 'Entity']), name: n.name}] AS nodes, " +
        'edges, truncated',
      params: { id: 'zgc14:platform-zgc-forum' },
    },
    answer: {
      ours: (d) => ({ ...d.neighborhood, nodes: bySet(d.neighborhood.nodes) }),
      floor: ([row]) => ({
        nodes: bySet(row.nodes.map((n: Json) => ({ id: n.id, kind: kindOfLabel(n.label), name: n.name }))),
        edges: row.edges,
        truncated: row.truncated,
      }),
    },
  },
  {
    name: 'shortest path',
    query:
      '{ shortestPath(from: "zgc14:platform-zgc-forum", to: "zgc14:goal-2035") { length nodes { id } edges { type } } }',
    floor: {
      cypher:
        'MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) MATCH p = shortestPath((a)-[*..6]-(b)) ' +
        'RETURN length(p) AS length, [n IN nodes(p) | {id: n.id}] AS nodes, ' +
        '[r IN relationships(p) | {type: type(r)}] AS edges',
      params: { from: 'zgc14:platform-zgc-forum', to: 'zgc14:goal-2035' },
    },
    // Several paths may be shortest, and Neo4j's shortestPath picks any one of them: each answer must be
    // one of that length between the same ends (ours picks by a fixed rule, at the same cost here).
    answer: { ours: (d) => pathShape(d.shortestPath), floor: ([row]) => pathShape(row) },
  },
  {
    name: 'goal impact',
    query: '{ goalImpact(id: "zgc14:goal-2035") { tasks { id } industries { id } platforms { id } } }',
    floor: {
      cypher:
        'MATCH (g:Goal {id: $id}) ' +
        'CALL (g) { MATCH (x:Goal)-[:DETAILS|LEADS_TO*0..]->(g) RETURN collect(DISTINCT x) AS feeding } ' +
        'CALL (feeding) { UNWIND feeding AS x MATCH (t:Task)-[:ADVANCES]->(x) RETURN collect(DISTINCT t) AS serving } ' +
        'RETURN COLLECT { UNWIND serving AS t WITH t ORDER BY t.ordinal, t.id RETURN {id: t.id} } AS tasks, ' +
        'COLLECT { UNWIND serving AS t MATCH (t)-[:DEVELOPS]->(:Industry|Framework)<-[:PART_OF*0..]-(i:Industry) ' +
        'WITH DISTINCT i ORDER BY i.ordinal, i.id RETURN {id: i.id} } AS industries, ' +
        'COLLECT { UNWIND serving AS t MATCH (t)-[:BUILDS]->(f:Platform) ' +
        'WITH DISTINCT f ORDER BY f.ordinal, f.id RETURN {id: f.id} } AS platforms',
      params: { id: 'zgc14:goal-2035' },
    },
    answer: { ours: (d) => d.goalImpact, floor: ([row]) => row },
  },
  {
    name: 'one task',
    query: '{ node(id: "zgc14:task-digital-economy") { id name ... on Task { goals { id } industries { id name } } } }',
    floor: {
      cypher:
        'MATCH (t:Entity {id: $id}) RETURN t.id AS id, t.name AS name, ' +
        'COLLECT { MATCH (t)-[:ADVANCES]->(g:Goal) WITH g ORDER BY g.ordinal, g.id RETURN {id: g.id} } AS goals, ' +
        'COLLECT { MATCH (t)-[:DEVELOPS]->(i:Industry) WITH i ORDER BY i.id RETURN {id: i.id, name: i.name} } AS industries',
      params: { id: 'zgc14:task-digital-economy' },
    },
    answer: { ours: (d) => d.node, floor: ([row]) => row },
  },
];

/** A path's length, its ends and its number of links: what every shortest path between two ends shares. */
function pathShape(path: Json): unknown {
  return { length: path.length, ends: [path.nodes[0], path.nodes.at(-1)], links: path.edges.length };
}
