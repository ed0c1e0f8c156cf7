/**
 * Runs the real entry point as a child process, as a user would with `npm start`, and checks how
 * start-up succeeds, fails, and shuts down.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/database/Database';
import { PROJECT_ROOT } from '../../src/paths';
import { freePort } from '../support/freePort';
import { connectTestDatabase, toolEnvironment } from '../support/testNeo4j';
import { emptyGraph } from '../support/graphSnapshot';
import { loadDataset } from '../../src/dataset/loadDataset';
import { readDataset } from '../../src/dataset/readDataset';
import { BUNDLED_PLAN_FILE } from '../../src/dataset/seedPlan';
import { sha256Of } from '../../src/provenance/SourceText';

interface Run {
  code: number | null;
  output: string;
  ms: number;
}

/** Starts src/main.ts with only the given environment (plus PATH and HOME unless overridden). */
function startMain(env: Record<string, string>) {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Run>((resolve) =>
    child.once('exit', (code) => resolve({ code, output, ms: Date.now() - started })),
  );
  const waitFor = async (pattern: RegExp, ms: number): Promise<RegExpMatchArray> => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const match = pattern.exec(output);
      if (match) return match;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${String(pattern)} in output:\n${output}`);
  };
  return { child, exited, waitFor, output: () => output };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Start-up of the server process', () => {
  it('stops within seconds on a bad PORT, naming the variable', async () => {
    const run = await startMain({ PORT: 'http' }).exited;
    expect(run.code).toBe(2);
    expect(run.output).toContain('PORT: must be a whole number from 0 to 65535, got "http"');
    expect(run.ms).toBeLessThan(15_000);
  });

  it('stops within seconds when NEO4J_URI cannot be reached, naming the variable', async () => {
    const run = await startMain({ NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_CONNECT_TIMEOUT_MS: '2000', PORT: '0' })
      .exited;
    expect(run.code).toBe(1);
    expect(run.output).toContain('NEO4J_URI: cannot reach Neo4j at bolt://127.0.0.1:9');
    expect(run.ms).toBeLessThan(15_000);
  });

  it('explains how to install Java or use NEO4J_URI when Java is missing', async () => {
    // A PATH holding node alone: java and mvn usually share node's folder, so it cannot be reused.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'node-only-'));
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const run = await startMain({ PATH: bin, PORT: '0', NEO4J_EMBEDDED_BOLT_PORT: String(await freePort()) }).exited;
    fs.rmSync(bin, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/(Java|Maven \(mvn\)) was not found on PATH/);
    expect(run.output).toContain('or set NEO4J_URI');
  });

  it(
    'serves over an embedded Neo4j, logs one line per request, and on SIGTERM ' +
      'finishes the request in flight, refuses new ones and leaves no Java process',
    async () => {
      const dataDir = path.join(PROJECT_ROOT, '.neo4j-data', 'test-startup');
      fs.rmSync(dataDir, { recursive: true, force: true });
      const apiKey = 'startup-test-key-0123456789';
      const boltPort = await freePort();
      const main = startMain({
        PORT: '0',
        NEO4J_EMBEDDED_BOLT_PORT: String(boltPort),
        NEO4J_EMBEDDED_DATA_DIR: dataDir,
        SEED_ON_START: 'false',
        CYPHER_API_KEY: apiKey,
        CYPHER_TIMEOUT_MS: '120000',
      });
      const pid = Number((await main.waitFor(/"neo4jPid":(\d+),"msg":"embedded Neo4j is up"/, 120_000))[1]);
      const url = (await main.waitFor(/"url":"(http:\/\/[^"]+)\/graphql"/, 60_000))[1];
      expect(isAlive(pid)).toBe(true);

      const ready = await fetch(`${url}/ready`);
      expect(await ready.json()).toEqual({ status: 'ready', neo4j: 'up', stopping: false });
      const answer = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'plans-1' },
        body: '{"query":"query ListPlans { plans { id } }"}',
      });
      expect(answer.headers.get('x-request-id')).toBe('plans-1');
      expect(await answer.json()).toEqual({ data: { plans: [] } });
      const line = JSON.parse((await main.waitFor(/^.*"id":"plans-1".*$/m, 5000))[0]) as Record<string, unknown>;
      expect(line).toMatchObject({
        msg: 'request finished',
        req: { id: 'plans-1', method: 'POST', path: '/graphql' },
        res: { statusCode: 200 },
        graphql: { operationName: 'ListPlans', outcome: 'ok', errorCodes: [] },
      });
      expect(typeof line['responseTime']).toBe('number');
      expect(JSON.stringify(line)).not.toContain('plans { id }');

      // A read that keeps Neo4j busy for a few seconds; SIGTERM comes once Neo4j reports it running.
      let settled = false;
      const slow = fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({
          query: '{ cypher(query: "UNWIND range(1, 100000000) AS x RETURN count(x) AS n") { rows } }',
        }),
      }).finally(() => (settled = true));
      const observer = await Database.connect({
        uri: `bolt://127.0.0.1:${boltPort}`,
        database: 'neo4j',
        connectTimeoutMs: 5000,
      });
      const running = async (): Promise<boolean> =>
        (
          await observer.read(
            "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range(1, 100000000)' " +
              'RETURN count(*) AS n',
          )
        )[0]?.['n'] === 1;
      while (!(await running())) expect(settled).toBe(false);
      await observer.close();
      main.child.kill('SIGTERM');
      // New connections are refused while the read in flight still runs.
      let refused = false;
      while (!refused && !settled)
        refused = await fetch(`${url}/health`).then(
          () => false,
          () => true,
        );
      expect({ refused, settledFirst: settled }).toEqual({ refused: true, settledFirst: false });
      const slowAnswer = await slow;
      expect(slowAnswer.status).toBe(200);
      expect(await slowAnswer.json()).toEqual({ data: { cypher: { rows: [[100000000]] } } });
      const run = await main.exited;
      expect(run.code).toBe(0);
      expect(isAlive(pid)).toBe(false);
    },
    180_000,
  );
});

describe('Several server processes (WORKERS)', () => {
  it('share one port over one embedded Neo4j, each answering, and all stop on SIGTERM', async () => {
    const dataDir = path.join(PROJECT_ROOT, '.neo4j-data', 'test-workers');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const main = startMain({
      PORT: '0',
      WORKERS: '2',
      NEO4J_EMBEDDED_BOLT_PORT: String(await freePort()),
      NEO4J_EMBEDDED_DATA_DIR: dataDir,
      SEED_ON_START: 'false',
    });
    const neo4j = Number((await main.waitFor(/"neo4jPid":(\d+),"msg":"embedded Neo4j is up"/, 120_000))[1]);
    const ready = await main.waitFor(/"url":"(http:\/\/[^"]+)\/graphql","workers":\[(\d+),(\d+)\]/, 120_000);
    const [url, workers] = [ready[1]!, [Number(ready[2]), Number(ready[3])]];
    // A new connection for each request: the primary hands connections to the processes in turn.
    for (let i = 0; i < 6; i++) {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(
          `${url}/graphql`,
          { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-request-id': `w-${i}` } },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode!, body }));
          },
        );
        request.on('error', reject);
        request.end('{"query":"{ plans { id } }"}');
      });
      expect(answer).toEqual({ status: 200, body: '{"data":{"plans":[]}}\n' });
    }
    await main.waitFor(/"id":"w-5"/, 5000);
    const answeredBy = new Set(
      main
        .output()
        .split('\n')
        .filter((line) => /"id":"w-\d"/.test(line))
        .map((line) => (JSON.parse(line) as { pid: number }).pid),
    );
    expect([...answeredBy].sort()).toEqual([...workers].sort());
    main.child.kill('SIGTERM');
    expect((await main.exited).code).toBe(0);
    expect([neo4j, ...workers].filter(isAlive)).toEqual([]);
  }, 180_000);
});

describe('Start-up with source texts', () => {
  let db: Database;
  beforeAll(async () => {
    db = await connectTestDatabase();
    await emptyGraph(db);
    await loadDataset(db, readDataset(BUNDLED_PLAN_FILE));
  });
  afterAll(async () => {
    await db.close();
  });

  // The server on the test database, the Plan already loaded, with SOURCE_TEXTS_DIR set to `folder`.
  const startOn = (folder: string) =>
    startMain({ ...definedOnly(toolEnvironment()), PORT: '0', SEED_ON_START: 'false', SOURCE_TEXTS_DIR: folder });

  it('refuses a text whose SHA-256 is not the one its source names, naming the file, the source and both sums', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-texts-'));
    const file = path.join(folder, 'zhongguancun-14th-fyp-plan-article.txt');
    fs.writeFileSync(file, 'Not the report.\n');
    const run = await startOn(folder).exited;
    fs.rmSync(folder, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      `Start-up failed: SOURCE_TEXTS_DIR: ${file} has SHA-256 ${sha256Of(Buffer.from('Not the report.\n'))}, ` +
        'but source "zgc14:source-article" cites the text with SHA-256 ' +
        '3177e3232d7ada1f913a1152276b44944774cb06711096e7352f8833d3bc6d78',
    );
  });

  it('starts without a text, saying that citations will have none', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-texts-'));
    const main = startOn(folder);
    await main.waitFor(/no source texts: citations have no text/, 60_000);
    const url = (await main.waitFor(/"url":"(http:\/\/[^"]+)\/graphql"/, 60_000))[1];
    const answer = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ node(id: "zgc14:plan") { citations { text } } }' }),
    });
    const body = (await answer.json()) as { data: { node: { citations: Array<{ text: string | null }> } } };
    expect(body.data.node.citations.every((c) => c.text === null)).toBe(true);
    main.child.kill('SIGTERM');
    expect((await main.exited).code).toBe(0);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
