/**
 * The response cache is never stale: identical queries are answered from memory until a write, and
 * from the database after it, on this server and on any other server process on the same database.
 * GET answers carry an ETag that a write changes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import { PROJECT_ROOT } from '../../src/paths';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import type { PlanDataset } from '../../src/dataset/PlanDataset';
import { emptyGraph } from '../support/graphSnapshot';
import { toolEnvironment } from '../support/testNeo4j';
import { startTestServer, type TestServer } from '../support/testServer';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';

const CITE = [{ source: 'rc:memo', paragraph: 1, start: 0, end: 4 }];
const plan = (goalName: string): PlanDataset => ({
  namespace: 'rc',
  nodes: [
    { id: 'memo', label: 'Source', name: 'Memo', citations: CITE, language: 'en', sha256: 'd'.repeat(64) },
    { id: 'goal', label: 'Goal', name: goalName, citations: CITE, goalKind: 'STAGE', targetYear: 2030 },
  ],
  relationships: [],
});
const load = async (t: TestServer, goalName: string): Promise<void> => {
  await loadDataset(t.db, checkDataset('rc.json', plan(goalName)));
};
const QUERY = '{ goals(where: {id: {eq: "rc:goal"}}) { id name } }';
const nameIn = (body: unknown): string | undefined =>
  (body as { data?: { goals?: Array<{ name: string }> } }).data?.goals?.[0]?.name;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ ...DEFAULT_API_LIMITS }, undefined, {
    prepare: async (db) => {
      await emptyGraph(db);
    },
    responseCache: { maxBytes: 1_000_000, ttlSeconds: 600 },
  });
  await load(t, 'Version one');
});
afterAll(async () => {
  await emptyGraph(t.db);
  await t.close();
});

/** The statements the server sent to Neo4j while `work` ran. */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const from = t.queries.length;
  await work();
  return t.queries.slice(from).map((q) => q.cypher);
}

describe('The response cache on one server', () => {
  it('answers an identical query, however it is spaced, from memory: only the version is read', async () => {
    expect(nameIn(await t.graphql(QUERY))).toBe('Version one');
    const statements = await statementsDuring(async () => {
      const again = await t.graphql('# the same, spaced differently\n{goals(where:{id:{eq:"rc:goal"}}){id name}}');
      expect(nameIn(again)).toBe('Version one');
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('GraphVersion');
  });

  it('answers from the database after a write, never the cached answer from before it', async () => {
    expect(nameIn(await t.graphql(QUERY))).toBe('Version one');
    await load(t, 'Version two');
    expect(nameIn(await t.graphql(QUERY))).toBe('Version two');
  });

  it('keeps its answers through a reload that changes nothing', async () => {
    expect(nameIn(await t.graphql(QUERY))).toBe('Version two');
    await load(t, 'Version two');
    const statements = await statementsDuring(async () => expect(nameIn(await t.graphql(QUERY))).toBe('Version two'));
    expect(statements).toHaveLength(1);
  });

  it('never caches ad-hoc Cypher, whose answer may change without a write', async () => {
    const off = await startTestServer(
      { ...DEFAULT_API_LIMITS },
      {
        apiKey: 'cache-test-key-0123456789',
        timeoutMs: 1000,
        maxRows: 5,
        maxConcurrent: 2,
        maxConcurrentPerKey: 2,
      },
      { responseCache: { maxBytes: 1_000_000, ttlSeconds: 600 } },
    );
    try {
      const ask = () =>
        off.graphql(
          '{ cypher(query: "RETURN randomUUID() AS id") { rows } }',
          {},
          {
            'x-api-key': 'cache-test-key-0123456789',
          },
        );
      const [a, b] = [await ask(), await ask()];
      expect(a.errors).toBeUndefined();
      expect(a.data).not.toEqual(b.data);
    } finally {
      await off.close();
    }
  });

  it('gives no ETag to ad-hoc Cypher over GET', async () => {
    const cypher = await get(`/graphql?query=${encodeURIComponent('{ cypher(query: "RETURN 1 AS one") { rows } }')}`);
    expect(cypher.headers['etag']).toBeUndefined();
  });

  it('revalidates GET answers by ETag: 304 until a write, then the new answer', async () => {
    const path = `/graphql?query=${encodeURIComponent(QUERY)}`;
    const first = await get(path);
    const etag = first.headers['etag'];
    expect([first.status, first.headers['cache-control'], etag]).toEqual([
      200,
      'no-cache',
      expect.stringMatching(/^W\/"/),
    ]);
    expect(nameIn(JSON.parse(first.body))).toBe('Version two');
    const unchanged = await get(path, { 'if-none-match': etag! });
    expect([unchanged.status, unchanged.body]).toEqual([304, '']);
    await load(t, 'Version three');
    const changed = await get(path, { 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers['etag']).not.toBe(etag);
    expect(nameIn(JSON.parse(changed.body))).toBe('Version three');
  });
});

/**
 * A GET as a browser revalidates it (fetch would add `Cache-Control: no-cache` to a conditional request,
 * which asks every cache, this server included, for a full answer).
 */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders & { etag?: string }; body: string }> {
  return new Promise((resolve, reject) => {
    // Apollo's CSRF prevention asks GET requests for a header a simple cross-site request cannot send.
    const request = http.get(
      `${t.server.url}${path}`,
      { headers: { 'apollo-require-preflight': 'true', ...headers } },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
  });
}

/** The server's real entry point as a child process on the test database, with the cache on. */
async function startProcess(): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...toolEnvironment(),
      PORT: '0',
      SEED_ON_START: 'false',
      SOURCE_TEXTS_DIR: 'none',
      LOG_LEVEL: 'info',
      RESPONSE_CACHE_MAX_BYTES: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
    if (match) return { url: match[1]!, child, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server process did not start:\n${output}`);
}

describe('Two server processes on one database', () => {
  let servers: Array<{ url: string; child: ChildProcess; output: () => string }> = [];
  beforeAll(async () => {
    servers = await Promise.all([startProcess(), startProcess()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.child.once('exit', () => resolve());
            s.child.kill('SIGTERM');
          }),
      ),
    );
  });

  const ask = async (url: string): Promise<string | undefined> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    return nameIn(await response.json());
  };

  it('never serves an answer from before a write that has committed, on either process, under concurrency', async () => {
    for (let round = 0; round < 5; round++) {
      const before = `Round ${round} ${crypto.randomUUID()}`;
      await load(t, before);
      // Readers keep both caches busy with the answer of before while the change is loaded.
      let stop = false;
      let started = 0;
      let allStarted: () => void = () => undefined;
      const running = new Promise<void>((resolve) => (allStarted = resolve));
      const readers = servers.flatMap((s) =>
        Array.from({ length: 4 }, async () => {
          const seen: string[] = [];
          while (!stop) {
            seen.push((await ask(s.url))!);
            if (seen.length === 1 && ++started === servers.length * 4) allStarted();
          }
          return seen;
        }),
      );
      // The change is loaded once every reader has an answer, so the caches hold the one of before.
      await running;
      const after = `${before} changed`;
      await load(t, after);
      // Every request that starts once the write has committed sees it, on both processes.
      const answers = await Promise.all(servers.flatMap((s) => [ask(s.url), ask(s.url), ask(s.url)]));
      stop = true;
      const seen = await Promise.all(readers);
      expect(answers).toEqual(Array.from({ length: 6 }, () => after));
      // Each reader saw the state of before, then (maybe) the change, and never went back.
      for (const answered of seen) {
        const firstAfter = answered.indexOf(after);
        const beforeIt = firstAfter === -1 ? answered : answered.slice(0, firstAfter);
        expect(beforeIt.every((n) => n === before)).toBe(true);
        if (firstAfter !== -1) expect(answered.slice(firstAfter).every((n) => n === after)).toBe(true);
      }
    }
    // Both processes answered from their caches along the way: the test held them, not their databases.
    for (const server of servers) expect(server.output()).toMatch(/"cache":"hit"/);
  }, 120_000);
});
