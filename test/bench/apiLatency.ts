/**
 * Latency of five representative analyst queries through the GraphQL API over HTTP, next to the same
 * data fetched with hand-written Cypher through the driver in-process, measured alternately in one run.
 * Prints a Markdown table of medians over RUNS requests each and their ratio.
 *
 * Run: `npm run bench:api` (uses NEO4J_URI when set, else an embedded Neo4j in .neo4j-data/bench).
 */
import path from 'node:path';
import fs from 'node:fs';
import pino from 'pino';
import { readConfig } from '../../src/config/readConfig';
import { openDatabase } from '../../src/startup/openDatabase';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { loadDataset } from '../../src/dataset/loadDataset';
import { readDataset } from '../../src/dataset/readDataset';
import { BUNDLED_PLAN_FILE } from '../../src/dataset/seedPlan';
import { startHttpServer } from '../../src/http/startHttpServer';
import { CYPHER_DIR, PROJECT_ROOT } from '../../src/paths';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 100);
const WARMUP = 20;

interface Case {
  name: string;
  graphql: string;
  cypher: string;
  params?: Record<string, unknown>;
}

const CASES: Case[] = [
  {
    name: 'goals -> tasks -> industries (3 levels)',
    graphql: '{ goals { id name tasks { id name industries { id name } } } }',
    cypher:
      'MATCH (g:Goal) WITH g ORDER BY g.id RETURN g.id AS id, g.name AS name, ' +
      'COLLECT { MATCH (g)<-[:ADVANCES]-(t:Task) WITH t ORDER BY t.ordinal, t.id ' +
      'RETURN {id: t.id, name: t.name, industries: COLLECT { MATCH (t)-[:DEVELOPS]->(i:Industry) ' +
      'WITH i ORDER BY i.id RETURN {id: i.id, name: i.name} }} } AS tasks',
  },
  {
    name: 'node by id with a fragment',
    graphql: '{ node(id: "zgc14:platform-zgc-forum") { id name ... on Platform { platformKind tasks { id } } } }',
    cypher:
      'MATCH (p:Entity {id: $id}) RETURN p.id AS id, p.name AS name, p.platformKind AS platformKind, ' +
      'COLLECT { MATCH (p)<-[:BUILDS]-(t:Task) RETURN t.id } AS tasks',
    params: { id: 'zgc14:platform-zgc-forum' },
  },
  {
    name: 'full-text search',
    graphql: '{ search(text: "innovation", limit: 10) { score entity { id name } } }',
    cypher:
      "CALL db.index.fulltext.queryNodes('entity_text', " +
      "'name:innovation^4 name:innovation*^2 summary:innovation summary:innovation*^0.5') " +
      'YIELD node, score RETURN node.id AS id, node.name AS name, score ORDER BY score DESC LIMIT 10',
  },
  {
    name: 'neighborhood, depth 2',
    graphql:
      '{ neighborhood(id: "zgc14:platform-zgc-forum", depth: 2) ' +
      '{ nodes { id kind name } edges { id type source target basis } } }',
    cypher:
      'MATCH (s:Entity {id: $id})-[*0..2]-(n:Entity) WITH collect(DISTINCT n) AS nodes ' +
      'CALL (nodes) { UNWIND nodes AS a MATCH (a)-[r]->(b) WHERE b IN nodes ' +
      'RETURN collect({type: type(r), source: a.id, target: b.id, basis: r.basis}) AS edges } ' +
      'RETURN [n IN nodes | {id: n.id, name: n.name, labels: labels(n)}] AS nodes, edges',
    params: { id: 'zgc14:platform-zgc-forum' },
  },
  {
    name: 'shortest path',
    graphql:
      '{ shortestPath(from: "zgc14:platform-zgc-forum", to: "zgc14:goal-2035") ' +
      '{ length nodes { id kind name } edges { type source target basis } } }',
    cypher:
      'MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) MATCH p = shortestPath((a)-[*..6]-(b)) ' +
      'RETURN [n IN nodes(p) | {id: n.id, name: n.name}] AS nodes, [r IN relationships(p) | ' +
      '{type: type(r), source: startNode(r).id, target: endNode(r).id, basis: r.basis}] AS edges',
    params: { from: 'zgc14:platform-zgc-forum', to: 'zgc14:goal-2035' },
  },
];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const env = { ...process.env };
  env['NEO4J_EMBEDDED_DATA_DIR'] ??= '.neo4j-data/bench';
  env['NEO4J_EMBEDDED_BOLT_PORT'] ??= '7697';
  const config = readConfig(env, PROJECT_ROOT);
  const logger = pino({ level: 'warn' });
  const { db, close } = await openDatabase(config, logger);
  await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
  await loadDataset(db, readDataset(BUNDLED_PLAN_FILE));
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, db, logger, limits: config.limits });
  const url = `http://127.0.0.1:${server.port}/graphql`;
  const viaGraphql = async (query: string): Promise<void> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const lines = [
    '| query | GraphQL over HTTP, median ms | hand-written Cypher via driver, median ms | ratio |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const c of CASES) {
    for (let i = 0; i < WARMUP; i++) {
      await viaGraphql(c.graphql);
      await db.read(c.cypher, c.params);
    }
    const g: number[] = [];
    const d: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let start = performance.now();
      await viaGraphql(c.graphql);
      g.push(performance.now() - start);
      start = performance.now();
      await db.read(c.cypher, c.params);
      d.push(performance.now() - start);
    }
    lines.push(
      `| ${c.name} | ${median(g).toFixed(2)} | ${median(d).toFixed(2)} | ${(median(g) / median(d)).toFixed(2)} |`,
    );
  }
  await server.close();
  await close();
  const table =
    `${lines.join('\n')}\n\n${RUNS} runs each after ${WARMUP} warm-up runs, alternating; ` +
    `Node ${process.version}, ${new Date().toISOString()}\n`;
  fs.mkdirSync(path.join(PROJECT_ROOT, '.artifacts'), { recursive: true });
  fs.writeFileSync(path.join(PROJECT_ROOT, '.artifacts', 'api-latency.md'), table);
  process.stdout.write(table);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
