/**
 * The benchmark's workload: each query as our API, the peer and the hand-written floor ask it, and how
 * each path's answer is brought to one form so the answers can be compared before anything is timed.
 */
import type { LibraryShape } from '../../src/synthetic/generateLibrary';
import { kindOfLabel } from '../../src/compiler/project';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access,
   @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-call --
   Answers of the paths are read loosely and then compared; a wrong shape fails the comparison. */
/** An answer read loosely. */
export type Json = any;

/** The entities the workload asks about, in a library of `shape`. */
export interface WorkloadIds {
  goal: string;
  plan: string;
  hub: string;
  task: string;
  otherTask: string;
}

/** The entities the workload asks about: the same in every library of a shape. */
export function workloadIds(shape: LibraryShape): WorkloadIds {
  return {
    goal: 'lib-00000:plan-0-goal-s1',
    plan: 'lib-00000:plan-7',
    hub: 'shared:industry-0',
    task: 'lib-00000:plan-3-task-2',
    otherTask:
      `lib-${String(Math.floor((shape.plans - 1) / shape.plansPerFile)).padStart(5, '0')}` +
      `:plan-${shape.plans - 1}-task-5`,
  };
}

/** One query of the workload. */
export interface Case {
  name: string;
  ours: string;
  peer?: string;
  floor: { cypher: string; params: Record<string, unknown> };
  /**
   * Each path's answer brought to one form (from GraphQL `data`, or from the floor's rows), compared
   * before anything is timed: a path that returns less must not look faster.
   */
  answer: { ours: (data: Json) => unknown; peer?: (data: Json) => unknown; floor: (rows: Json[]) => unknown };
}

// The peer is asked for the order our API gives by default, so all three paths return the same lists.
const BY_ORDINAL = 'sort: [{ordinal: ASC}, {id: ASC}]';
const BY_ID = 'sort: [{id: ASC}]';

// Where the peer is asked as we are (its @cypher fields), one query and one reading serve both.
const SEARCH_QUERY = '{ search(text: "industry 42", limit: 10) { score entity { id name } } }';
const searchAnswer = (d: Json): unknown =>
  d.search.map((h: Json) => ({ id: h.entity.id, name: h.entity.name, score: h.score }));
const pathAnswer = (d: Json): unknown => ({
  length: d.shortestPath.length,
  ends: [d.shortestPath.nodes[0].id, d.shortestPath.nodes.at(-1).id],
  hops: d.shortestPath.edges.length,
});
// The peer and the floor name each node's label; ours names its kind.
const labelledNeighbourhood = (n: { nodes: Json[]; edges: Json[] }): unknown => ({
  nodes: byId(n.nodes.map((node: Json) => ({ ...node, kind: kindOfLabel(node.kind) }))),
  edges: n.edges,
});

/** The workload over a library whose entities `ids` names. */
export function workload(ids: WorkloadIds): Case[] {
  const pathQuery = `{ shortestPath(from: "${ids.task}", to: "${ids.otherTask}") { length nodes { id } edges { type } } }`;
  const after999 = Buffer.from('offset:999').toString('base64');
  const peerAfter999 = Buffer.from('arrayconnection:999').toString('base64');
  return [
    {
      name: 'root list, filter + sort',
      answer: { ours: (d) => d.goals, peer: (d) => d.goals, floor: (rows) => rows.map((r) => r.goal) },
      ours:
        '{ goals(where: {targetYear: {eq: 2025}, goalKind: {eq: SPECIFIC}}, ' +
        'sort: [{field: NAME}], limit: 20) { id name targetYear } }',
      peer:
        '{ goals(where: {targetYear: {eq: 2025}, goalKind: {eq: "SPECIFIC"}}, ' +
        'sort: [{name: ASC}, {id: ASC}], limit: 20) { id name targetYear } }',
      floor: {
        cypher:
          "MATCH (g:Goal {targetYear: 2025, goalKind: 'SPECIFIC'}) WITH g " +
          'ORDER BY g.name, g.id LIMIT 20 RETURN g {.id, .name, .targetYear} AS goal',
        params: {},
      },
    },
    {
      name: '2-hop goal -> tasks -> industries',
      answer: { ours: (d) => d.goals, peer: (d) => d.goals, floor: (rows) => rows },
      ours: `{ goals(where: {id: {eq: "${ids.goal}"}}) { id tasks { id industries { id name } } } }`,
      peer:
        `{ goals(where: {id: {eq: "${ids.goal}"}}) { id ` +
        `tasks(${BY_ORDINAL}) { id industries(${BY_ID}) { id name } } } }`,
      floor: {
        cypher:
          'MATCH (g:Entity:Goal {id: $id}) RETURN g.id AS id, COLLECT { MATCH (g)<-[:ADVANCES]-(t:Task) ' +
          'WITH t ORDER BY t.ordinal, t.id RETURN {id: t.id, industries: COLLECT { ' +
          'MATCH (t)-[:DEVELOPS]->(i:Industry) WITH i ORDER BY i.id RETURN {id: i.id, name: i.name} }} } AS tasks',
        params: { id: ids.goal },
      },
    },
    {
      name: '3-hop plan -> goals -> tasks -> industries',
      answer: { ours: (d) => d.plans, peer: (d) => d.plans, floor: (rows) => rows },
      ours: `{ plans(where: {id: {eq: "${ids.plan}"}}) { id goals { id tasks { id industries { id } } } } }`,
      peer:
        `{ plans(where: {id: {eq: "${ids.plan}"}}) { id goals(${BY_ORDINAL}) ` +
        `{ id tasks(${BY_ORDINAL}) { id industries(${BY_ID}) { id } } } } }`,
      floor: {
        cypher:
          'MATCH (p:Entity:Plan {id: $id}) RETURN p.id AS id, COLLECT { MATCH (p)-[:SETS]->(g:Goal) ' +
          'WITH g ORDER BY g.ordinal, g.id RETURN {id: g.id, tasks: COLLECT { MATCH (g)<-[:ADVANCES]-(t:Task) ' +
          'WITH t ORDER BY t.ordinal, t.id RETURN {id: t.id, industries: COLLECT { ' +
          'MATCH (t)-[:DEVELOPS]->(i:Industry) WITH i ORDER BY i.id RETURN {id: i.id} }} }} } AS goals',
        params: { id: ids.plan },
      },
    },
    {
      name: 'hub industry <- tasks -> goals',
      answer: {
        ours: (d) => d.industries.map((i: Json) => ({ id: i.id, total: i.tasksConnection.totalCount, tasks: i.tasks })),
        peer: (d) => d.industries.map((i: Json) => ({ id: i.id, total: i.tasksConnection.totalCount, tasks: i.tasks })),
        floor: (rows) => rows,
      },
      ours:
        `{ industries(where: {id: {eq: "${ids.hub}"}}) { id ` +
        `tasksConnection { totalCount } tasks { id goals { id } } } }`,
      peer:
        `{ industries(where: {id: {eq: "${ids.hub}"}}) { id ` +
        `tasksConnection { totalCount } tasks(${BY_ORDINAL}) { id goals(${BY_ORDINAL}) { id } } } }`,
      floor: {
        cypher:
          'MATCH (i:Entity:Industry {id: $id}) RETURN i.id AS id, COUNT { (i)<-[:DEVELOPS]-(:Task) } AS total, ' +
          'COLLECT { MATCH (i)<-[:DEVELOPS]-(t:Task) WITH t ORDER BY t.ordinal, t.id ' +
          'RETURN {id: t.id, goals: COLLECT { MATCH (t)-[:ADVANCES]->(g:Goal) ' +
          'WITH g ORDER BY g.ordinal, g.id RETURN {id: g.id} }} } AS tasks',
        params: { id: ids.hub },
      },
    },
    {
      name: 'paged connection with totalCount',
      answer: {
        ours: (d) => ({ total: d.goalsConnection.totalCount, page: d.goalsConnection.edges.map((e: Json) => e.node) }),
        peer: (d) => ({ total: d.goalsConnection.totalCount, page: d.goalsConnection.edges.map((e: Json) => e.node) }),
        // The floor reads one row more, as we do, to know whether a next page exists.
        floor: ([row]) => ({ total: row.total, page: row.page.slice(0, 20) }),
      },
      ours: `{ goalsConnection(first: 20, after: "${after999}") { totalCount edges { node { id name } } } }`,
      peer:
        `{ goalsConnection(first: 20, after: "${peerAfter999}", ` +
        `sort: [{id: ASC}]) { totalCount edges { node { id name } } } }`,
      floor: {
        cypher:
          'CALL () { MATCH (g:Goal) RETURN count(g) AS total } ' +
          'CALL () { MATCH (g:Goal) WITH g ORDER BY g.id SKIP 1000 LIMIT 21 ' +
          'RETURN collect({id: g.id, name: g.name}) AS page } RETURN total, page',
        params: {},
      },
    },
    {
      name: 'neighborhood, depth 2',
      // Nodes as a set, and the whole neighbourhood: cut at a limit, either path may keep other nodes
      // of the farthest distance, and the answers could not be compared.
      answer: {
        ours: (d) => ({
          nodes: byId(d.neighborhood.nodes),
          edges: d.neighborhood.edges,
          ...(d.neighborhood.truncated ? { truncated: true } : {}),
        }),
        peer: (d) => labelledNeighbourhood(d.neighborhood),
        floor: ([row]) => labelledNeighbourhood(row),
      },
      ours:
        `{ neighborhood(id: "${ids.plan}", depth: 2, limit: 500) ` +
        `{ truncated nodes { id kind name } edges { id type source target basis } } }`,
      peer:
        `{ neighborhood(id: "${ids.plan}", limit: 500) ` +
        `{ nodes { id kind name } edges { id type source target basis } } }`,
      floor: {
        cypher:
          'MATCH (s:Entity {id: $id}) MATCH (s)-[*0..2]-(n:Entity) WITH collect(DISTINCT n)[..500] AS nodes ' +
          'CALL (nodes) { UNWIND nodes AS a MATCH (a)-[r]->(b) WHERE b IN nodes ' +
          'WITH a.id AS source, type(r) AS type, b.id AS target, r.basis AS basis ORDER BY source, type, target ' +
          "RETURN collect({id: source + '|' + type + '|' + target, " +
          'type: type, source: source, target: target, basis: basis}) AS edges } ' +
          'RETURN [n IN nodes | ' +
          "{id: n.id, kind: head([l IN labels(n) WHERE l <> 'Entity']), name: n.name}] AS nodes, edges",
        params: { id: ids.plan },
      },
    },
    {
      name: 'link filter: tasks developing a leading industry',
      answer: { ours: (d) => d.tasks, peer: (d) => d.tasks, floor: (rows) => rows },
      ours: '{ tasks(where: {industries: {some: {tier: {eq: LEADING}}}}, limit: 20) { id } }',
      peer: `{ tasks(where: {industries: {some: {tier: {eq: "LEADING"}}}}, limit: 20, ${BY_ID}) { id } }`,
      floor: {
        cypher:
          "MATCH (t:Task) WHERE EXISTS { (t)-[:DEVELOPS]->(i:Industry) WHERE i.tier = 'LEADING' } " +
          'WITH t ORDER BY t.id LIMIT 20 RETURN t.id AS id',
        params: {},
      },
    },
    {
      name: 'none filter: goals no task advances',
      answer: { ours: (d) => d.goals, peer: (d) => d.goals, floor: (rows) => rows },
      ours: '{ goals(where: {tasks: {none: {ordinal: {gte: 1}}}}, limit: 20) { id } }',
      peer: `{ goals(where: {tasks: {none: {ordinal: {gte: 1}}}}, limit: 20, ${BY_ID}) { id } }`,
      floor: {
        cypher:
          'MATCH (g:Goal) WHERE NOT EXISTS { (g)<-[:ADVANCES]-(t:Task) WHERE t.ordinal >= 1 } ' +
          'WITH g ORDER BY g.id LIMIT 20 RETURN g.id AS id',
        params: {},
      },
    },
    {
      name: "nested aggregate count: a plan's tasks and their industry counts",
      answer: { ours: (d) => d.plans, peer: (d) => d.plans, floor: (rows) => rows },
      ours:
        `{ plans(where: {id: {eq: "${ids.plan}"}}) { id tasks { id ` +
        'industriesConnection { aggregate { count { nodes } } } } } }',
      peer:
        `{ plans(where: {id: {eq: "${ids.plan}"}}) { id tasks(${BY_ORDINAL}) { id ` +
        'industriesConnection { aggregate { count { nodes } } } } } }',
      floor: {
        cypher:
          'MATCH (p:Entity:Plan {id: $id}) RETURN p.id AS id, COLLECT { MATCH (p)-[:DEPLOYS]->(t:Task) ' +
          'WITH t ORDER BY t.ordinal, t.id RETURN {id: t.id, industriesConnection: {aggregate: {count: ' +
          '{nodes: COUNT { (t)-[:DEVELOPS]->(:Industry) }}}}} } AS tasks',
        params: { id: ids.plan },
      },
    },
    {
      name: 'group-by: industries by tier',
      // The peer has no group-by: it is asked for one count per tier the library uses.
      answer: {
        ours: (d) => d.industriesCountBy,
        peer: (d) =>
          Object.entries(d as Record<string, { aggregate: { count: { nodes: number } } }>)
            .map(([key, c]) => ({ key, count: c.aggregate.count.nodes }))
            .filter((b) => b.count > 0)
            .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)),
        floor: (rows) => rows,
      },
      ours: '{ industriesCountBy(by: TIER) { key count } }',
      peer:
        '{ ' +
        ['LEADING', 'KEY']
          .map(
            (tier) => `${tier}: industriesConnection(where: {tier: {eq: "${tier}"}}) { aggregate { count { nodes } } }`,
          )
          .join(' ') +
        ' }',
      floor: {
        cypher: 'MATCH (i:Industry) WITH i.tier AS key, count(*) AS count ORDER BY count DESC, key RETURN key, count',
        params: {},
      },
    },
    {
      name: 'shortest path',
      // Several paths may be shortest; each path must find one of that length between the same ends.
      answer: {
        ours: pathAnswer,
        peer: pathAnswer,
        floor: ([row]) => ({
          length: row.nodes.length - 1,
          ends: [row.nodes[0], row.nodes.at(-1)],
          hops: row.types.length,
        }),
      },
      ours: pathQuery,
      peer: pathQuery,
      floor: {
        cypher:
          'MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) MATCH p = shortestPath((a)-[*..6]-(b)) ' +
          'RETURN [n IN nodes(p) | n.id] AS nodes, [r IN relationships(p) | type(r)] AS types',
        params: { from: ids.task, to: ids.otherTask },
      },
    },
    {
      name: 'full-text search',
      answer: {
        ours: searchAnswer,
        peer: searchAnswer,
        floor: (rows) => rows,
      },
      ours: SEARCH_QUERY,
      peer: SEARCH_QUERY,
      floor: {
        cypher:
          "CALL db.index.fulltext.queryNodes('entity_text', 'name:industry^4 name:industry*^2 " +
          "summary:industry summary:industry*^0.5 name:42^4 name:42*^2 summary:42 summary:42*^0.5', " +
          // Lucene scores only the best hits, as ours asks it to: four times the page and ten more.
          '{limit: 50}) ' +
          // The same order as ours: an exact name first, then by score, ties by id.
          "YIELD node, score WITH node, score ORDER BY toLower(node.name) = 'industry 42' DESC, score DESC, node.id " +
          'LIMIT 10 RETURN node.id AS id, node.name AS name, score',
        params: {},
      },
    },
  ];
}

/** Items sorted by id. */
export function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
