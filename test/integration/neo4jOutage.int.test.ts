/**
 * A Neo4j outage in the middle of a stream of requests. The test starts a Neo4j of its own, serves the
 * Plan from it, stops it while requests keep coming, and starts it again: every request gets either
 * the right answer or SERVICE_UNAVAILABLE, none hangs, /health stays up while /ready reports the
 * database down, and answers are right again after the restart, with no server restart.
 */
import path from 'node:path';
import fs from 'node:fs';
import pino from 'pino';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/embedded/EmbeddedNeo4j';
import { Database } from '../../src/database/Database';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { loadDataset } from '../../src/dataset/loadDataset';
import { readDataset } from '../../src/dataset/readDataset';
import { BUNDLED_PLAN_FILE } from '../../src/dataset/seedPlan';
import { qualify } from '../../src/dataset/PlanDataset';
import { startHttpServer, type RunningHttpServer } from '../../src/http/startHttpServer';
import { CYPHER_DIR, LAUNCHER_DIR, PROJECT_ROOT } from '../../src/paths';
import { freePort } from '../support/freePort';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';

const DATA_DIR = path.join(PROJECT_ROOT, '.neo4j-data', 'test-outage');
const RETRY_MS = 1000;
const QUERY = '{ goals(sort: [{field: ID}]) { id } }';

interface Outcome {
  phase: 'before' | 'down' | 'after';
  kind: 'right' | 'unavailable' | 'other';
  ms: number;
  detail: string;
}

let boltPort: number;
const start = (): Promise<EmbeddedNeo4j> =>
  startEmbeddedNeo4j({
    launcherDir: LAUNCHER_DIR,
    dataDir: DATA_DIR,
    boltPort,
    heap: '256m',
    pageCacheBytes: 64 * 1024 * 1024,
  });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('A Neo4j outage during a stream of requests', () => {
  let neo4j: EmbeddedNeo4j | undefined;
  let db: Database;
  let server: RunningHttpServer;
  let expected: string[];

  beforeAll(async () => {
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
    boltPort = await freePort();
    neo4j = await start();
    db = await Database.connect({
      uri: neo4j.uri,
      database: 'neo4j',
      connectTimeoutMs: 5000,
      retryMs: RETRY_MS,
      readTimeoutMs: 10_000,
    });
    await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
    const dataset = readDataset(BUNDLED_PLAN_FILE);
    await loadDataset(db, dataset);
    const { namespace, nodes } = dataset.dataset;
    expected = nodes
      .filter((n) => n.label === 'Goal')
      .map((n) => qualify(namespace, n.id))
      .sort();
    server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      db,
      logger: pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }),
      limits: { ...DEFAULT_API_LIMITS },
    });
  }, 180_000);

  afterAll(async () => {
    await server.close();
    await db.close();
    await neo4j?.stop();
  }, 60_000);

  it('answers right or SERVICE_UNAVAILABLE throughout, and recovers by itself', async () => {
    const outcomes: Outcome[] = [];
    let phase: Outcome['phase'] = 'before';
    let streaming = true;
    const ask = async (): Promise<void> => {
      const asked = phase;
      const started = Date.now();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await response.json()) as {
        data?: { goals: Array<{ id: string }> } | null;
        errors?: Array<{ extensions?: { code?: string } }>;
      };
      const ids = body.data?.goals.map((g) => g.id);
      const kind =
        body.errors === undefined && JSON.stringify(ids) === JSON.stringify(expected)
          ? 'right'
          : body.errors?.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')
            ? 'unavailable'
            : 'other';
      outcomes.push({
        phase: asked,
        kind,
        ms: Date.now() - started,
        detail: `${response.status} ${JSON.stringify(body).slice(0, 300)}`,
      });
    };
    // Two clients asking one request after another, for as long as the test runs.
    const clients = [0, 1].map(async () => {
      while (streaming) {
        await ask();
        await sleep(20);
      }
    });

    // Each phase lasts until the clients have seen it answered a few times: states, not durations.
    const seen = async (asked: Outcome['phase'], kind: Outcome['kind']): Promise<void> => {
      while (outcomes.filter((o) => o.phase === asked && o.kind === kind).length < 3) await sleep(50);
    };
    try {
      await seen('before', 'right');
      phase = 'down';
      await neo4j!.stop();
      neo4j = undefined;
      await seen('down', 'unavailable');
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      // An export answers the same way: the JSON error body, with the status of its code.
      const exported = await fetch(`${server.url}/export.cyjs`);
      expect([
        exported.status,
        ((await exported.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
      ]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      const notReady = await fetch(`${server.url}/ready`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({ neo4j: 'down' });

      neo4j = await start();
      let ready = false;
      for (let i = 0; i < 100 && !ready; i++) {
        ready = (await fetch(`${server.url}/ready`)).status === 200;
        if (!ready) await sleep(200);
      }
      expect(ready).toBe(true);
      phase = 'after';
      await seen('after', 'right');
    } finally {
      streaming = false;
      await Promise.allSettled(clients);
    }

    const others = outcomes.filter((o) => o.kind === 'other');
    expect(others).toEqual([]);
    expect(outcomes.filter((o) => o.phase === 'before' && o.kind === 'right').length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.phase === 'down' && o.kind === 'unavailable').length).toBeGreaterThan(0);
    const after = outcomes.filter((o) => o.phase === 'after');
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((o) => o.kind === 'right')).toBe(true);
    // No request waited much beyond the retry window while Neo4j was away.
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(RETRY_MS + 9000);
  }, 240_000);
});
