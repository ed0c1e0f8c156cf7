/**
 * A server killed in the middle of a large change set leaves nothing of it behind: no entity, no
 * change set. The real entry point runs as a child process on the test database; it is killed while
 * Neo4j reports its write transaction running.
 */
import { spawn } from 'node:child_process';
import { SignJWT } from 'jose';
import type { Database } from '../../src/database/Database';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import { PROJECT_ROOT } from '../../src/paths';
import { emptyGraph } from '../support/graphSnapshot';
import { connectTestDatabase, toolEnvironment } from '../support/testNeo4j';

const SECRET = 'crash-test-secret-0123456789abcdef0123';
const CHANGES = 3000;
const CITE = [{ source: 'crash:memo', paragraph: 1, start: 0, end: 4 }];
const WRITE = 'MERGE (n:Entity {id: $id})';

let db: Database;
beforeAll(async () => {
  db = await connectTestDatabase();
  await emptyGraph(db);
  await loadDataset(
    db,
    checkDataset('crash.json', {
      namespace: 'crash',
      nodes: [{ id: 'memo', label: 'Source', name: 'Memo', citations: CITE, language: 'en', sha256: 'b'.repeat(64) }],
      relationships: [],
    }),
  );
});
afterAll(async () => {
  await emptyGraph(db);
  await db.close();
});

// Transactions running the change set's entity writes, by status.
async function writes(status: 'Running' | 'any'): Promise<number> {
  const [row] = await db.read(
    `SHOW TRANSACTIONS YIELD currentQuery, status WHERE currentQuery CONTAINS $write ` +
      `AND ($status = 'any' OR status = $status) RETURN count(*) AS n`,
    { write: WRITE, status },
  );
  return Number(row?.['n'] ?? 0);
}

async function until(condition: () => Promise<boolean>, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('leaves no entity and no change set of a change set whose server was killed mid-write', async () => {
  const env = Object.fromEntries(
    Object.entries(toolEnvironment()).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...env,
      PORT: '0',
      SEED_ON_START: 'false',
      SOURCE_TEXTS_DIR: 'none',
      AUTH_JWT_SECRET: SECRET,
      CURATION_MAX_CHANGES: String(CHANGES),
      HTTP_MAX_BODY_BYTES: '20000000',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await until(
      () => Promise.resolve(/"url":"http:\/\/[^"]+\/graphql"/.test(output) || child.exitCode !== null),
      'start-up',
      90_000,
    );
    const url = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output)?.[1];
    if (!url) throw new Error(`the server did not start:\n${output}`);
    const token = await new SignJWT({ roles: ['curator'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ana')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    const changes = Array.from({ length: CHANGES }, (_, i) => ({
      upsertEntity: {
        id: `crash:task-${i}`,
        kind: 'TASK',
        name: `Task ${i}`,
        summary: 'Made to be lost.',
        citations: CITE,
        properties: { ordinal: i + 1 },
      },
    }));
    let settled: string | undefined;
    const request = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation ($c: [ChangeInput!]!) { applyChanges(message: "bulk", changes: $c) { id } }',
        variables: { c: changes },
      }),
    }).then(
      async (response) => (settled = `answered ${response.status}: ${(await response.text()).slice(0, 300)}`),
      () => (settled = 'cut off'),
    );
    // Kill once Neo4j shows the change set's entity writes running.
    await until(
      async () => {
        if (settled !== undefined) throw new Error(`the change set ended before it could be cut off: ${settled}`);
        return (await writes('Running')) > 0;
      },
      'the write',
      60_000,
    );
    child.kill('SIGKILL');
    await exited;
    expect(await request).toBe('cut off');
    // Neo4j rolls the transaction back once its connection is gone.
    await until(async () => (await writes('any')) === 0, 'the roll-back', 60_000);
    expect(await db.read("MATCH (n:Entity {namespace: 'crash'}) RETURN count(n) AS n")).toEqual([{ n: 1 }]);
    expect(await db.read("MATCH (cs:ChangeSet {via: 'API'}) RETURN count(cs) AS n")).toEqual([{ n: 0 }]);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 180_000);
