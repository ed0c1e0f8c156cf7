/**
 * Refusals that need a Neo4j of this file's own, whose transaction memory limit is 8 MB and which the
 * file may pause. A query that needs more memory than Neo4j grants one transaction is refused with
 * QUERY_TOO_COMPLEX at once (the driver would retry Neo4j's transient memory errors, and every retry
 * would fail alike); an export that runs out of memory or time answers with the same JSON error body
 * and status as every other HTTP surface, never a bare 500.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/embedded/EmbeddedNeo4j';
import { Database, type QueryEvent } from '../../src/database/Database';
import { QueryTooComplexError } from '../../src/errors/errors';
import { LAUNCHER_DIR } from '../../src/paths';
import { startHttpServer, type RunningHttpServer } from '../../src/http/startHttpServer';
import { freePort } from '../support/freePort';
import pino from 'pino';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';

const COLLECT = 'UNWIND range(1, 3000000) AS x WITH collect(x) AS l RETURN size(l) AS n';
let neo4j: EmbeddedNeo4j;
let db: Database;
let dataDir: string;
const events: QueryEvent[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zgc-plan-graph-memory-'));
  neo4j = await startEmbeddedNeo4j({
    launcherDir: LAUNCHER_DIR,
    dataDir,
    boltPort: await freePort(),
    heap: '512m',
    pageCacheBytes: 32 * 1024 * 1024,
    transactionMemoryBytes: 8 * 1024 * 1024,
  });
  // A long retry window: were memory errors retried, the driver would try again for up to 30 s.
  db = await Database.connect({
    uri: neo4j.uri,
    database: 'neo4j',
    connectTimeoutMs: 5000,
    retryMs: 30_000,
    readTimeoutMs: 20_000,
    onQuery: (event) => events.push(event),
  });
}, 120_000);
afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("Neo4j's transaction memory limit", () => {
  it('refuses a read that collects too much with QUERY_TOO_COMPLEX, saying what to ask for instead', async () => {
    const attempt = db.read(COLLECT);
    await expect(attempt).rejects.toThrow(QueryTooComplexError);
    await expect(attempt).rejects.toThrow(/more memory than Neo4j allows one transaction; ask for fewer items/);
  });

  it('does not retry it: the transaction function runs once', async () => {
    events.length = 0;
    await expect(db.writeTransaction((tx) => tx.run(COLLECT))).rejects.toThrow(QueryTooComplexError);
    expect(events.map((e) => e.cypher)).toEqual([COLLECT]);
  });

  it('still answers a query within the limit', async () => {
    expect(await db.read('UNWIND range(1, 1000) AS x RETURN size(collect(x)) AS n')).toEqual([{ n: 1000 }]);
  });
});

describe('Exports that Neo4j cannot answer', () => {
  const LIMIT_MS = 300;
  const servers: Array<{ db: Database; http: RunningHttpServer }> = [];

  beforeAll(async () => {
    await db.write('CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE');
    // A chain of 3,000 links whose rationales hold 4,000 characters each: an export collects about 24 MB
    // of them. It is written in batches, since a transaction's own changes count against its memory limit.
    for (let from = 0; from <= 3000; from += 250) {
      await db.write(
        "UNWIND range($from, $from + 249) AS i CREATE (:Entity:Task {id: 'big:t' + i, name: 'T' + i, sources: [], namespace: 'big'})",
        { from },
      );
    }
    for (let from = 0; from < 3000; from += 50) {
      await db.write(
        "UNWIND range($from, $from + 49) AS i MATCH (a:Entity {id: 'big:t' + i}), (b:Entity {id: 'big:t' + (i + 1)}) " +
          "CREATE (a)-[:LEADS_TO {basis: 'INFERRED', rationale: $why, sources: []}]->(b)",
        { from, why: 'why, again '.repeat(400) },
      );
    }
    // One server whose reads have time enough to run out of memory, one whose reads have 300 ms.
    for (const readTimeoutMs of [20_000, LIMIT_MS]) {
      const serverDb = await Database.connect({
        uri: neo4j.uri,
        database: 'neo4j',
        connectTimeoutMs: 5000,
        readTimeoutMs,
      });
      servers.push({
        db: serverDb,
        http: await startHttpServer({
          host: '127.0.0.1',
          port: 0,
          db: serverDb,
          logger: pino({ level: 'silent' }),
          limits: { ...DEFAULT_API_LIMITS },
          exportMaxNodes: 10_000,
        }),
      });
    }
  }, 120_000);
  afterAll(async () => {
    for (const { db: serverDb, http } of servers) {
      await http.close();
      await serverDb.close();
    }
  });

  async function errorOf(response: Response): Promise<{ status: number; json: boolean; code: string }> {
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    return {
      status: response.status,
      json: /^application\/json/.test(response.headers.get('content-type') ?? ''),
      code: body.errors[0]!.extensions.code,
    };
  }

  it('answers an export that needs more memory than a transaction may have with 400 QUERY_TOO_COMPLEX', async () => {
    const response = await fetch(`${servers[0]!.http.url}/export.graphml`);
    expect(await errorOf(response)).toEqual({
      status: 400,
      json: true,
      code: 'QUERY_TOO_COMPLEX',
    });
  });

  it('answers an export that runs past the time limit with 504 QUERY_TIMEOUT', async () => {
    // Neo4j is paused longer than the limit and its grace, so the export cannot finish in time.
    process.kill(neo4j.pid, 'SIGSTOP');
    const url = `${servers[1]!.http.url}/export.gexf?focus=big%3At0`;
    let response: Response;
    try {
      response = await fetch(url);
    } finally {
      process.kill(neo4j.pid, 'SIGCONT');
    }
    expect(await errorOf(response)).toEqual({
      status: 504,
      json: true,
      code: 'QUERY_TIMEOUT',
    });
    // And once Neo4j has caught up, the same export is served.
    let again = await fetch(url);
    for (let tries = 0; again.status !== 200 && tries < 50; tries++) again = await fetch(url);
    expect(again.status).toBe(200);
  });
});
