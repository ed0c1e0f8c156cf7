/**
 * A query that needs more memory than Neo4j grants one transaction is refused with QUERY_TOO_COMPLEX at
 * once: the driver would retry Neo4j's (transient) memory errors, and every retry would fail alike. The
 * test starts a Neo4j of its own whose transaction memory limit is 8 MB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/embedded/EmbeddedNeo4j';
import { Database, type QueryEvent } from '../../src/database/Database';
import { QueryTooComplexError } from '../../src/errors/errors';
import { LAUNCHER_DIR } from '../../src/paths';
import { freePort } from '../support/freePort';

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
