/**
 * Persisted operations: automatic persisted queries for any client, and allow-list mode, in which only
 * the operations of a folder of `.graphql` files run, known by hash from the first request.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startHttpServer, type RunningHttpServer } from '../../src/http/startHttpServer';
import { StartupError } from '../../src/errors/errors';
import { startPlanServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';

const GOALS = 'query Goals {\n  goals(sort: [{field: ID}]) { id }\n}\n';
const PLAN = 'query Plan($id: ID!) {\n  node(id: $id) { id name }\n}\n';
const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function post(server: RunningHttpServer, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}
const persisted = (text: string): { extensions: unknown } => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } },
});

describe('Persisted operations', () => {
  let t: TestServer;
  let dir: string;
  beforeAll(async () => {
    t = await startPlanServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'operations-'));
    fs.writeFileSync(path.join(dir, 'goals.graphql'), GOALS);
    fs.writeFileSync(path.join(dir, 'plan.graphql'), PLAN);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('registers a query sent with its hash (APQ), then answers the hash alone', async () => {
    const text = '{ plans { id } }';
    expect((await post(t.server, persisted(text))).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(t.server, { query: text, ...persisted(text) })).data).toEqual({ plans: [{ id: 'zgc14:plan' }] });
    expect((await post(t.server, persisted(text))).data).toEqual({ plans: [{ id: 'zgc14:plan' }] });
  });

  describe('in allow-list mode', () => {
    let locked: RunningHttpServer;
    beforeAll(async () => {
      locked = await startHttpServer({
        host: '127.0.0.1',
        port: 0,
        db: t.db,
        logger: pino({ level: 'silent' }),
        limits: { ...DEFAULT_API_LIMITS },
        allowedOperationsDir: dir,
      });
    });
    afterAll(async () => {
      await locked.close();
    });

    it('runs a registered operation named by its hash alone, on the first request', async () => {
      const answer = await post(locked, { ...persisted(PLAN), variables: { id: 'zgc14:plan' } });
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toMatchObject({ node: { id: 'zgc14:plan' } });
    });

    it('runs a registered operation sent as text, whatever its layout', async () => {
      const answer = await post(locked, { query: 'query Goals { goals(sort: [{field: ID}]) { id } }' });
      expect(answer.errors).toBeUndefined();
      expect((answer.data?.['goals'] as unknown[]).length).toBe(7);
    });

    it('refuses any other document with 403 OPERATION_NOT_ALLOWED, before touching the database', async () => {
      t.queries.length = 0;
      const answer = await post(locked, { query: '{ goals { id name } }' });
      expect(answer.status).toBe(403);
      expect(answer.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_ALLOWED');
      expect(t.queries).toEqual([]);
    });

    it('does not let a client register a new operation through APQ', async () => {
      const text = '{ industries { id } }';
      expect((await post(locked, { query: text, ...persisted(text) })).errors?.[0]?.extensions?.code).toBe(
        'OPERATION_NOT_ALLOWED',
      );
      expect((await post(locked, persisted(text))).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });

    it('refuses to start when a registered file is not a valid operation, naming the file', async () => {
      const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'operations-bad-'));
      fs.writeFileSync(path.join(bad, 'broken.graphql'), '{ goals { secret } }');
      try {
        const start = startHttpServer({
          host: '127.0.0.1',
          port: 0,
          db: t.db,
          logger: pino({ level: 'silent' }),
          limits: { ...DEFAULT_API_LIMITS },
          allowedOperationsDir: bad,
        });
        await expect(start).rejects.toThrow(StartupError);
        await expect(start).rejects.toThrow(/broken\.graphql/);
      } finally {
        fs.rmSync(bad, { recursive: true, force: true });
      }
    });
  });
});
