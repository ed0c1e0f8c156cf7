/**
 * Write throughput of curation: change sets per second through the GraphQL API (each one entity and one
 * link, checked, written and recorded in one transaction), with one writer and with 20 at once, and the
 * latency of a read before and after the writes grew the history. Prints a Markdown table.
 *
 * Run: `npm run bench:writes` (uses NEO4J_URI when set, else an embedded Neo4j in .neo4j-data/bench-writes).
 */
import path from 'node:path';
import pino from 'pino';
import { SignJWT } from 'jose';
import { readConfig } from '../../src/config/readConfig';
import { openDatabase } from '../../src/startup/openDatabase';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { loadDataset } from '../../src/dataset/loadDataset';
import { readDataset } from '../../src/dataset/readDataset';
import { BUNDLED_PLAN_FILE } from '../../src/dataset/seedPlan';
import { startHttpServer } from '../../src/http/startHttpServer';
import { OPEN_READS } from '../../src/auth/Authenticator';
import { CYPHER_DIR, PROJECT_ROOT } from '../../src/paths';

const SETS = Number(process.env['BENCH_RUNS'] ?? 200);
const SECRET = 'bench-writes-secret-0123456789abcdef0123';
const READ = '{ goals { id tasks { id industries { id } } } }';

async function main(): Promise<void> {
  const env = { ...process.env };
  env['NEO4J_EMBEDDED_DATA_DIR'] ??= '.neo4j-data/bench-writes';
  env['NEO4J_EMBEDDED_BOLT_PORT'] ??= '7696';
  const config = readConfig(env, PROJECT_ROOT);
  const logger = pino({ level: 'warn' });
  const { db, close } = await openDatabase(config, logger);
  await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
  await db.write('MATCH (n) DETACH DELETE n');
  await loadDataset(db, readDataset(BUNDLED_PLAN_FILE));
  const server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    db,
    logger,
    limits: config.limits,
    auth: { ...OPEN_READS, jwtSecret: SECRET },
  });
  const url = `http://127.0.0.1:${server.port}/graphql`;
  const token = await new SignJWT({ roles: ['curator'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));
  const post = async (query: string, variables: Record<string, unknown> = {}): Promise<void> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const cite = [{ source: 'zgc14:source-article', paragraph: 1, start: 0, end: 13 }];
  const changeSet = (i: number): Promise<void> =>
    post('mutation ($c: [ChangeInput!]!) { applyChanges(message: "bench", changes: $c) { id } }', {
      c: [
        {
          upsertEntity: {
            id: `bench:task-${i}`,
            kind: 'TASK',
            name: `Bench task ${i}`,
            summary: 'Written by the benchmark.',
            citations: cite,
            properties: { ordinal: i + 1 },
          },
        },
        {
          upsertLink: {
            type: 'ADVANCES',
            source: `bench:task-${i}`,
            target: 'zgc14:goal-2035',
            basis: 'INFERRED',
            rationale: 'Benchmark link.',
            citations: cite,
          },
        },
      ],
    });
  const readMedian = async (): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) await post(READ);
    for (let i = 0; i < 100; i++) {
      const start = performance.now();
      await post(READ);
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[50]!;
  };
  const before = await readMedian();
  for (let i = 0; i < 20; i++) await changeSet(100_000 + i);
  let start = performance.now();
  for (let i = 0; i < SETS; i++) await changeSet(i);
  const one = SETS / ((performance.now() - start) / 1000);
  start = performance.now();
  let next = SETS;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < 2 * SETS) await changeSet(next++);
    }),
  );
  const twenty = SETS / ((performance.now() - start) / 1000);
  const after = await readMedian();
  process.stdout.write(
    [
      '| measure | value |',
      '| --- | ---: |',
      `| change sets per second, 1 writer (${SETS} sets of 1 entity + 1 link) | ${one.toFixed(1)} |`,
      `| change sets per second, 20 writers at once (${SETS} sets) | ${twenty.toFixed(1)} |`,
      `| read \`${READ}\`, median ms, before the writes | ${before.toFixed(2)} |`,
      `| the same read after ${2 * SETS + 20} change sets | ${after.toFixed(2)} |`,
      '',
    ].join('\n'),
  );
  await server.close();
  await close();
}

void main();
