/**
 * `npm run bench -- --size small|medium|large|xl [--runs N] [--duration S] [--cases REGEX]`: loads a synthetic library
 * into the embedded Neo4j (once per size; reused while its data folder says it holds that size) and runs
 * one workload through (a) this project's GraphQL API over HTTP, (b) @neo4j/graphql with an equivalent
 * schema, (c) the floor: the same hand-written Cypher behind bare Express routes, and (d) that Cypher
 * through the driver in-process. Writes JSON and a Markdown table under .artifacts/bench/.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import express from 'express';
import pino from 'pino';
import autocannon from 'autocannon';
import { readConfig } from '../../src/config/readConfig';
import { Database, type QueryEvent } from '../../src/database/Database';
import { openDatabase } from '../../src/startup/openDatabase';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { sizeOf, SIZES } from '../../src/synthetic/generateLibrary';
import { checkedLibrary, loadLibrary } from '../../src/synthetic/loadLibrary';
import { bulkLoad } from '../../src/bulk/bulkLoad';
import { completeBulkLoad } from '../../src/bulk/completeBulkLoad';
import { startHttpServer } from '../../src/http/startHttpServer';
import { kindOfLabel } from '../../src/compiler/project';
import { CYPHER_DIR, LAUNCHER_DIR, PROJECT_ROOT } from '../../src/paths';
import { startPeerServer } from './peerServer';
import { plotLatency, type SizeReport } from './plotLatency';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access,
   @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-call --
   Answers of four paths are read loosely and then compared; a wrong shape fails the comparison. */
type Json = any;

interface Case {
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

interface PathResult {
  p50: number;
  p95: number;
  p99: number;
  rps8: number;
  rps32: number;
  errors: number;
  /** The first error message, when requests failed. */
  failure?: string;
  dbHits?: number;
}

// The peer is asked for the order our API gives by default, so all three paths return the same lists.
const BY_ORDINAL = 'sort: [{ordinal: ASC}, {id: ASC}]';
const BY_ID = 'sort: [{id: ASC}]';

function workload(ids: { goal: string; plan: string; hub: string; task: string; otherTask: string }): Case[] {
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
        floor: ([row]) => ({
          nodes: byId(row.nodes.map((n: Json) => ({ ...n, kind: kindOfLabel(n.kind) }))),
          edges: row.edges,
        }),
      },
      ours:
        `{ neighborhood(id: "${ids.plan}", depth: 2, limit: 500) ` +
        `{ truncated nodes { id kind name } edges { id type source target basis } } }`,
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
        ours: (d) => ({
          length: d.shortestPath.length,
          ends: [d.shortestPath.nodes[0].id, d.shortestPath.nodes.at(-1).id],
          hops: d.shortestPath.edges.length,
        }),
        floor: ([row]) => ({
          length: row.nodes.length - 1,
          ends: [row.nodes[0], row.nodes.at(-1)],
          hops: row.types.length,
        }),
      },
      ours: `{ shortestPath(from: "${ids.task}", to: "${ids.otherTask}") { length nodes { id } edges { type } } }`,
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
        ours: (d) => d.search.map((h: Json) => ({ id: h.entity.id, name: h.entity.name, score: h.score })),
        floor: (rows) => rows,
      },
      ours: '{ search(text: "industry 42", limit: 10) { score entity { id name } } }',
      floor: {
        cypher:
          "CALL db.index.fulltext.queryNodes('entity_text', 'name:industry^4 name:industry*^2 " +
          "summary:industry summary:industry*^0.5 name:42^4 name:42*^2 summary:42 summary:42*^0.5') " +
          // The same order as ours: an exact name first, then by score, ties by id.
          "YIELD node, score WITH node, score ORDER BY toLower(node.name) = 'industry 42' DESC, score DESC, node.id " +
          'LIMIT 10 RETURN node.id AS id, node.name AS name, score',
        params: {},
      },
    },
  ];
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// JSON with object keys sorted, so two answers compare by content, not by key order.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Asks every path once and throws, naming the paths and showing both answers, unless all agree. */
async function checkAnswers(c: Case, ask: Record<string, () => Promise<unknown>>): Promise<void> {
  const answers: Record<string, string> = {};
  for (const [name, get] of Object.entries(ask)) answers[name] = canonical(await get());
  const [first, ...rest] = Object.entries(answers);
  for (const [name, answer] of rest) {
    if (answer !== first![1]) {
      let at = 0;
      while (at < answer.length && answer[at] === first![1][at]) at++;
      const from = Math.max(0, at - 200);
      throw new Error(
        `${c.name}: ${name} answers differently from ${first![0]}, so timing them would compare unlike work ` +
          `(${first![1].length} and ${answer.length} characters; they part at character ${at})\n` +
          `  ${first![0]}: …${first![1].slice(from, at + 300)}\n  ${name}: …${answer.slice(from, at + 300)}`,
      );
    }
  }
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

type Sender = () => Promise<void>;

/**
 * p50/p95/p99 at concurrency 1 of each path, sampled in turns (one request of each path per round,
 * the starting path rotating), so drift on a shared machine hits every path alike.
 */
async function latency(
  senders: Record<string, Sender>,
  runs: number,
): Promise<Record<string, { p50: number; p95: number; p99: number; errors: number; failure?: string }>> {
  const names = Object.keys(senders);
  const errors: Record<string, { count: number; first?: string }> = Object.fromEntries(
    names.map((n) => [n, { count: 0 }]),
  );
  // A failed request (the peer running out of transaction memory, say) is counted, not timed.
  const send = async (name: string): Promise<number | undefined> => {
    const start = performance.now();
    try {
      await senders[name]!();
      return performance.now() - start;
    } catch (error) {
      errors[name]!.count++;
      errors[name]!.first ??= error instanceof Error ? error.message : String(error);
      return undefined;
    }
  };
  for (let i = 0; i < Math.min(20, runs); i++) for (const name of names) await send(name);
  for (const name of names) errors[name] = { count: 0 };
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      const ms = await send(name);
      if (ms !== undefined) samples[name]!.push(ms);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = samples[name]!.sort((a, b) => a - b);
      const failed = errors[name]!;
      const stats =
        sorted.length === 0
          ? { p50: NaN, p95: NaN, p99: NaN }
          : { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
      return [
        name,
        { ...stats, errors: failed.count, ...(failed.first ? { failure: failed.first.slice(0, 300) } : {}) },
      ];
    }),
  );
}

/** Requests per second at `connections`; an answer with GraphQL errors counts as an error, not a request served. */
async function throughput(
  request: { url: string; method: 'GET' | 'POST'; body?: string },
  connections: number,
  seconds: number,
): Promise<{ rps: number; errors: number }> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: request.url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: request.method,
        headers: { 'content-type': 'application/json' },
        ...(request.body ? { body: request.body } : {}),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.startsWith('{"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  const served = Math.max(0, result.requests.total - graphqlErrors);
  return {
    rps: (served / result.requests.total) * result.requests.average || 0,
    errors: result.errors + result.non2xx + graphqlErrors,
  };
}

/**
 * Waits until Neo4j runs no transaction but the one asking: autocannon stops sending at the end of a
 * step, but servers may still work through queued requests, which would slow the next measurement.
 */
async function drain(db: Database): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const [row] = await db.read('SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS running');
    if (Number(row?.['running']) <= 1) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function postGraphql(url: string, query: string): Promise<Json> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as { data?: Json; errors?: unknown };
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      size: { type: 'string', default: 'small' },
      runs: { type: 'string', default: '50' },
      duration: { type: 'string', default: '2' },
      cases: { type: 'string' },
    },
  });
  const sizeName = values.size as keyof typeof SIZES;
  const shape = SIZES[sizeName];
  if (!shape) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const runs = Number(values.runs);
  const seconds = Number(values.duration);
  // --cases REGEX runs only the matching queries, for a quick look at one of them.
  const only = values.cases === undefined ? undefined : new RegExp(values.cases, 'i');
  const dataDir = path.join(PROJECT_ROOT, '.neo4j-data', `bench-${sizeName}`);
  const marker = path.join(dataDir, 'library.json');
  const expected = JSON.stringify({ shape, size: sizeOf(shape) });
  const fresh = !fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== expected;
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    NEO4J_EMBEDDED_DATA_DIR: dataDir,
    NEO4J_EMBEDDED_BOLT_PORT: process.env['NEO4J_EMBEDDED_BOLT_PORT'] ?? '7696',
    NEO4J_EMBEDDED_HEAP: process.env['NEO4J_EMBEDDED_HEAP'] ?? '2g',
    NEO4J_EMBEDDED_PAGECACHE: process.env['NEO4J_EMBEDDED_PAGECACHE'] ?? '1g',
  };
  const config = readConfig(env, PROJECT_ROOT);
  const logger = pino({ level: 'warn' });
  let loadStarted = performance.now();
  // A new data folder is empty: the library goes in by bulk import, as `npm run generate` does it.
  const bulk =
    fresh && config.neo4j.mode === 'embedded'
      ? await bulkLoad(checkedLibrary(shape), { launcherDir: LAUNCHER_DIR, dataDir, heap: config.neo4j.heap })
      : null;
  const { db: loaderDb, close } = await openDatabase(config, logger);
  const uri = config.neo4j.mode === 'external' ? config.neo4j.uri : `bolt://127.0.0.1:${config.neo4j.boltPort}`;
  const report: Record<string, unknown> = {
    size: sizeName,
    shape,
    counts: sizeOf(shape),
    node: process.version,
    date: new Date().toISOString(),
  };
  let peakRss = 0;
  // Whatever was opened is closed, last first, however the run ends.
  const opened: Array<() => Promise<unknown>> = [];
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    await applyMigrations(loaderDb, path.join(CYPHER_DIR, 'schema'));
    if (fresh) {
      if (bulk) {
        await completeBulkLoad(loaderDb, bulk.completions);
      } else {
        loadStarted = performance.now();
        await loadLibrary(loaderDb, shape);
      }
      await loaderDb.write('CALL db.awaitIndexes($seconds)', { seconds: 600 });
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      report['loader'] = bulk ? 'bulk import' : 'transactional';
      report['loadSeconds'] = loadSeconds;
      report['loadSecondsPer100kRelationships'] = (loadSeconds * 100_000) / sizeOf(shape).relationships;
      fs.writeFileSync(marker, expected);
    }
    const ours: QueryEvent[] = [];
    const db = await Database.connect({
      uri,
      database: 'neo4j',
      connectTimeoutMs: 10_000,
      onQuery: (q) => ours.push(q),
    });
    opened.push(() => db.close());
    // The floor and the driver path get their own pool, so their statements never mix with ours.
    const floorDb = await Database.connect({ uri, database: 'neo4j', connectTimeoutMs: 10_000 });
    opened.push(() => floorDb.close());
    let started = performance.now();
    const server = await startHttpServer({ host: '127.0.0.1', port: 0, db, logger, limits: config.limits });
    opened.push(() => server.close());
    report['oursStartMs'] = performance.now() - started;
    started = performance.now();
    const peer = await startPeerServer(uri);
    opened.push(() => peer.close());
    report['peerStartMs'] = performance.now() - started;
    report['peerSchemaMs'] = peer.schemaMs;

    const cases = workload({
      goal: 'lib-00000:plan-0-goal-s1',
      plan: 'lib-00000:plan-7',
      hub: 'shared:industry-0',
      task: 'lib-00000:plan-3-task-2',
      otherTask:
        `lib-${String(Math.floor((shape.plans - 1) / shape.plansPerFile)).padStart(5, '0')}` +
        `:plan-${shape.plans - 1}-task-5`,
    });
    const floorApp = express();
    cases.forEach((c, i) =>
      floorApp.get(`/floor/${i}`, async (_req, res) => res.json(await floorDb.read(c.floor.cypher, c.floor.params))),
    );
    const floorServer = http.createServer(floorApp);
    opened.push(() => new Promise((resolve) => floorServer.close(resolve)));
    await new Promise<void>((resolve) => floorServer.listen(0, '127.0.0.1', resolve));
    const floorUrl = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/floor`;
    const oursUrl = `${server.url.replace('localhost', '127.0.0.1')}/graphql`;

    const results: Record<string, Record<string, PathResult | null>> = {};
    for (const [i, c] of cases.entries()) {
      if (only && !only.test(c.name)) continue;
      process.stderr.write(`${c.name}...\n`);
      ours.length = 0;
      await postGraphql(oursUrl, c.ours);
      const oursCypher = ours[ours.length - 1]!;
      let peerHits: number | undefined;
      let peerFailure: string | undefined;
      if (c.peer) {
        peer.recorded.length = 0;
        try {
          await postGraphql(peer.url, c.peer);
          peerHits = 0;
          for (const q of peer.recorded) peerHits += (await db.profile(q.cypher, q.params)).dbHits;
        } catch (error) {
          // A query the peer cannot answer once is not timed: its failures would only slow the run.
          peerFailure = (error as Error).message.slice(0, 300);
          process.stderr.write(`  the peer failed, so it is not timed on this query: ${peerFailure}\n`);
        }
      }
      await checkAnswers(c, {
        ours: async () => c.answer.ours(await postGraphql(oursUrl, c.ours)),
        ...(c.peer && c.answer.peer && !peerFailure
          ? { peer: async () => c.answer.peer!(await postGraphql(peer.url, c.peer!)) }
          : {}),
        floor: async () => c.answer.floor((await (await fetch(`${floorUrl}/${i}`)).json()) as Json[]),
        driver: async () =>
          c.answer.floor(JSON.parse(JSON.stringify(await floorDb.read(c.floor.cypher, c.floor.params)))),
      });
      const requests: Record<string, { url: string; method: 'GET' | 'POST'; body?: string }> = {
        ours: { url: oursUrl, method: 'POST', body: JSON.stringify({ query: c.ours }) },
        ...(c.peer && !peerFailure
          ? { peer: { url: peer.url, method: 'POST' as const, body: JSON.stringify({ query: c.peer }) } }
          : {}),
        floor: { url: `${floorUrl}/${i}`, method: 'GET' },
      };
      const senders: Record<string, Sender> = {
        ours: async () => void (await postGraphql(oursUrl, c.ours)),
        ...(c.peer && !peerFailure ? { peer: async () => void (await postGraphql(peer.url, c.peer!)) } : {}),
        floor: async () => void (await (await fetch(`${floorUrl}/${i}`)).json()),
        driver: async () => void (await floorDb.read(c.floor.cypher, c.floor.params)),
      };
      const latencies = await latency(senders, runs);
      const hits: Record<string, number | undefined> = {
        ours: (await db.profile(oursCypher.cypher, oursCypher.params)).dbHits,
        peer: peerHits,
        floor: (await db.profile(c.floor.cypher, c.floor.params)).dbHits,
      };
      const row: Record<string, PathResult | null> = { peer: null };
      for (const [name, request] of Object.entries(requests)) {
        const t8 = await throughput(request, 8, seconds);
        await drain(floorDb);
        const t32 = await throughput(request, 32, seconds);
        await drain(floorDb);
        const dbHits = hits[name];
        const l = latencies[name]!;
        row[name] = {
          ...l,
          rps8: t8.rps,
          rps32: t32.rps,
          errors: l.errors + t8.errors + t32.errors,
          ...(dbHits !== undefined ? { dbHits } : {}),
        };
      }
      row['driver'] = { ...latencies['driver']!, rps8: NaN, rps32: NaN };
      if (peerFailure)
        row['peer'] = { p50: NaN, p95: NaN, p99: NaN, rps8: NaN, rps32: NaN, errors: 1, failure: peerFailure };
      results[c.name] = row;
    }
    report['results'] = results;
  } finally {
    for (const shut of opened.reverse()) {
      await shut().catch((error: unknown) => process.stderr.write(`closing failed: ${String(error)}\n`));
    }
    clearInterval(sampler);
    report['peakRssMB'] = Math.round(peakRss / 1024 / 1024);
    await close();
  }
  const md = toMarkdown(report);
  const dir = path.join(PROJECT_ROOT, '.artifacts', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const stem = values.cases === undefined ? `bench-${sizeName}` : `bench-${sizeName}-some`;
  fs.writeFileSync(path.join(dir, `${stem}.json`), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(dir, `${stem}.md`), md);
  process.stdout.write(md);
  if (values.cases === undefined) {
    const reports = Object.keys(SIZES).flatMap((size) => {
      const file = path.join(dir, `bench-${size}.json`);
      return fs.existsSync(file) ? [JSON.parse(fs.readFileSync(file, 'utf8')) as SizeReport] : [];
    });
    fs.writeFileSync(path.join(dir, 'latency-vs-size.svg'), await plotLatency(reports));
    process.stderr.write(
      `Plot of ${reports.map((r) => r.size).join(', ')}: ${path.join(dir, 'latency-vs-size.svg')}\n`,
    );
  }
}

function toMarkdown(report: Record<string, unknown>): string {
  const results = report['results'] as Record<string, Record<string, PathResult | null>>;
  const f = (n: number | undefined): string =>
    n === undefined || Number.isNaN(n) ? '-' : n >= 100 ? n.toFixed(0) : n.toFixed(2);
  const ratio = (a: number | undefined, b: number | undefined): string =>
    a === undefined || b === undefined || !b ? '-' : (a / b).toFixed(2);
  const lines = [
    `Size ${String(report['size'])}: ${JSON.stringify(report['counts'])}; ` +
      `Node ${String(report['node'])}; ${String(report['date'])}`,
    '',
    '| query | ours p50 / p95 / p99 ms | peer p50 ms | floor p50 ms | driver p50 ms | ' +
      'ours/floor p50 | ours/peer p50 | ours rps c8 / c32 | peer rps c8 / c32 | floor rps c8 / c32 | ' +
      'db hits ours / peer / floor | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | ---: |',
  ];
  for (const [name, r] of Object.entries(results)) {
    const o = r['ours']!;
    const p = r['peer'];
    const fl = r['floor']!;
    const d = r['driver']!;
    lines.push(
      `| ${name} | ${f(o.p50)} / ${f(o.p95)} / ${f(o.p99)} | ${f(p?.p50)} | ${f(fl.p50)} | ${f(d.p50)} | ` +
        `${ratio(o.p50, fl.p50)} | ${ratio(o.p50, p?.p50)} | ${f(o.rps8)} / ${f(o.rps32)} | ` +
        `${p ? `${f(p.rps8)} / ${f(p.rps32)}` : '-'} | ${f(fl.rps8)} / ${f(fl.rps32)} | ` +
        `${o.dbHits ?? '-'} / ${p?.dbHits ?? '-'} / ${fl.dbHits ?? '-'} | ${o.errors + (p?.errors ?? 0) + fl.errors} |`,
    );
  }
  for (const [name, r] of Object.entries(results)) {
    for (const [pathName, result] of Object.entries(r)) {
      if (result?.failure)
        lines.push(
          '',
          `${name}, ${pathName}: ${result.errors} failed requests; ` +
            `the first said: ${result.failure.replace(/\|/g, '/')}`,
        );
    }
  }
  lines.push(
    '',
    `Load: ${
      report['loadSeconds'] === undefined
        ? 'reused an earlier load'
        : `${(report['loadSeconds'] as number).toFixed(1)} s ` +
          `(${(report['loadSecondsPer100kRelationships'] as number).toFixed(1)} s per 100k relationships, ` +
          `${String(report['loader'])}, indexes online)`
    }. ` +
      `Start: ours ${f(report['oursStartMs'] as number)} ms, peer ${f(report['peerStartMs'] as number)} ms ` +
      `(schema ${f(report['peerSchemaMs'] as number)} ms). ` +
      `Peak RSS of the benchmark process (both servers): ${String(report['peakRssMB'])} MB.`,
    '',
  );
  return lines.join('\n');
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
