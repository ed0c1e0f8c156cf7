import { startHttpServer } from '../../src/http/startHttpServer';
import { StartupError } from '../../src/errors/errors';
import pino from 'pino';
import { startTestServer, type TestServer } from '../support/testServer';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';

describe('HTTP server over the real Neo4j', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers GET /health (liveness) without asking Neo4j, and GET /ready (readiness) with its state', async () => {
    const health = await fetch(`${t.server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: 'up', stopping: false });
  });

  it('answers a GraphQL query posted as JSON', async () => {
    const result = await t.graphql<{ plans: unknown[] }>('{ plans { id name } }');
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(Array.isArray(result.data?.plans)).toBe(true);
  });

  it('tells browsers and proxies not to keep answers it gives no ETag (here, with the response cache off)', async () => {
    for (const get of [false, true]) {
      const response = get
        ? await fetch(`${t.server.url}/graphql?query=${encodeURIComponent('{ plans { id } }')}`, {
            headers: { 'apollo-require-preflight': 'true' },
          })
        : await fetch(`${t.server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ plans { id } }' }),
          });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
    }
  });

  it('answers a query sent with GET, as GraphQL over HTTP allows, given a CSRF-safe header', async () => {
    const response = await fetch(`${t.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a GET without a CSRF-safe header, so a page elsewhere cannot make browsers query it', async () => {
    const response = await fetch(`${t.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });

  it('refuses a mutation sent with GET', async () => {
    const response = await fetch(`${t.server.url}/graphql?query=${encodeURIComponent('mutation { x }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('gives a 400 with a code for a query that does not parse', async () => {
    const result = await t.graphql('{ plans { id ');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('gives a 400 for a body that is not JSON', async () => {
    const response = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
  });

  it('refuses to start on a port that is taken, naming PORT', async () => {
    const promise = startHttpServer({
      host: '127.0.0.1',
      port: t.server.port,
      db: t.db,
      logger: pino({ level: 'silent' }),
      limits: { ...DEFAULT_API_LIMITS, defaultLimit: 1, maxLimit: 1 },
    });
    await expect(promise).rejects.toBeInstanceOf(StartupError);
    await expect(promise).rejects.toThrow(/PORT: 127\.0\.0\.1:\d+ is already in use/);
  });
});
