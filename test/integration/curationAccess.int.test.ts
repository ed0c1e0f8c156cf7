/**
 * Who may do what, on every surface: the roles matrix (anonymous, reader, curator, admin against every
 * read, write, review, revert, ad-hoc Cypher, export and the IDE), sign-in required for everything,
 * mutations in the cost estimate and in allow-list mode, and hostile values for every argument the
 * curation fields add. Every refusal leaves the graph and its history as they were.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { emptyGraph, graphSnapshot } from '../support/graphSnapshot';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';
import { startHttpServer, type HttpServerOptions, type RunningHttpServer } from '../../src/http/startHttpServer';
import { signToken, testAuth } from '../support/signIn';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import type { PlanDataset } from '../../src/dataset/PlanDataset';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';
import { DEFAULT_GUARDS } from '../../src/config/readConfig';
import { CHANGE_COST } from '../../src/config/readConfig';

const SECRET = 'access-test-secret-0123456789abcdef';
const AUTH = testAuth(SECRET);
const ADHOC = { apiKey: undefined, timeoutMs: 5000, maxRows: 100, maxConcurrent: 2, maxConcurrentPerKey: 2 };

const token = (sub: string | undefined, roles: unknown): Promise<string> => signToken(SECRET, sub, roles);

const CITE = [{ source: 'acc:memo', paragraph: 1, start: 0, end: 4 }];
const base: PlanDataset = {
  namespace: 'acc',
  nodes: [
    { id: 'memo', label: 'Source', name: 'Memo', citations: CITE, language: 'en', sha256: 'b'.repeat(64) },
    { id: 'goal', label: 'Goal', name: 'Clean harbour', citations: CITE, goalKind: 'STAGE', targetYear: 2030 },
    { id: 'task', label: 'Task', name: 'Train builders', citations: CITE, ordinal: 1 },
  ],
  relationships: [{ type: 'ADVANCES', from: 'task', to: 'goal', basis: 'STATED', citations: CITE }],
};

const APPLY = `mutation ($message: String!, $changes: [ChangeInput!]!) {
  applyChanges(message: $message, changes: $changes) { id }
}`;
const task = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  upsertEntity: {
    id,
    kind: 'TASK',
    name: 'A task',
    summary: 'One task.',
    citations: CITE,
    properties: { ordinal: 1 },
    ...extra,
  },
});

let t: TestServer;
let headers: Record<'anonymous' | 'reader' | 'curator' | 'admin', Record<string, string>>;

beforeAll(async () => {
  t = await startTestServer({ ...DEFAULT_API_LIMITS }, ADHOC, {
    auth: AUTH,
    prepare: async (db) => {
      await emptyGraph(db);
      await loadDataset(db, checkDataset('acc.json', base));
    },
  });
  const bearer = async (sub: string, roles: string[]) => ({ authorization: `Bearer ${await token(sub, roles)}` });
  headers = {
    anonymous: {},
    reader: await bearer('rita', ['reader']),
    curator: await bearer('ana', ['curator']),
    admin: await bearer('root', ['admin']),
  };
});
afterAll(async () => {
  await emptyGraph(t.db);
  await t.close();
});

/** A change set made for the occasion, by a curator, to have something to revert. */
async function freshChangeSet(): Promise<string> {
  const id = `acc:made-${crypto.randomUUID()}`;
  const made = await t.graphql<{ applyChanges: { id: string } }>(
    APPLY,
    { message: 'to revert', changes: [task(id)] },
    headers.curator,
  );
  expect(made.errors).toBeUndefined();
  return made.data!.applyChanges.id;
}

/** A second server on the same database, with the same sign-in unless `options` say otherwise. */
function anotherServer(options: Partial<HttpServerOptions>): Promise<RunningHttpServer> {
  return startHttpServer({
    host: '127.0.0.1',
    port: 0,
    db: t.db,
    logger: pino({ level: 'silent' }),
    limits: { ...DEFAULT_API_LIMITS },
    auth: AUTH,
    ...options,
  });
}

/** What the history and the graph hold, to compare before and after a refusal. */
async function state(): Promise<unknown> {
  const [sets] = await t.db.read('MATCH (c:ChangeSet) RETURN count(c) AS n');
  return { graph: await graphSnapshot(t.db), changeSets: sets };
}

type Who = keyof typeof headers;
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** Each operation, run as a caller, answers with its HTTP status and error code (none when it ran). */
const OPERATIONS: Record<string, (who: Who) => Promise<{ status: number; code: string | undefined }>> = {
  'read the graph': async (who) => coded(await t.graphql('{ goals { id tasks { id } } }', {}, headers[who])),
  'read history': async (who) => coded(await t.graphql('{ changeSets(limit: 1) { id } }', {}, headers[who])),
  'read one history': async (who) => coded(await t.graphql('{ history(id: "acc:goal") { id } }', {}, headers[who])),
  'apply changes': async (who) =>
    coded(await t.graphql(APPLY, { message: 'm', changes: [task(`acc:by-${who}`)] }, headers[who])),
  'review a link': async (who) =>
    coded(
      await t.graphql(
        'mutation { reviewLink(id: "acc:task|ADVANCES|acc:goal", status: DISPUTED) { status } }',
        {},
        headers[who],
      ),
    ),
  'revert a change set': async (who) => {
    const id = who === 'admin' ? await freshChangeSet() : 'any';
    return coded(
      await t.graphql(`mutation { revert(changeSetId: "${id}", message: "undo") { id } }`, {}, headers[who]),
    );
  },
  'run ad-hoc Cypher': async (who) =>
    coded(await t.graphql('{ cypher(query: "RETURN 1 AS one") { rows } }', {}, headers[who])),
  'export the graph': async (who) => {
    const response = await fetch(`${t.server.url}/export.cyjs`, { headers: headers[who] });
    const body = (await response.json()) as { errors?: Array<{ extensions: { code: string } }> };
    return { status: response.status, code: body.errors?.[0]?.extensions.code };
  },
  'open the IDE': async (who) => {
    const response = await fetch(`${t.server.url}/graphql`, { headers: { accept: 'text/html', ...headers[who] } });
    return { status: response.status, code: (await response.text()).includes('graphiql') ? undefined : 'NO_PAGE' };
  },
};

function coded(result: GraphQLResponse<unknown>): { status: number; code: string | undefined } {
  return { status: result.status, code: result.errors?.[0]?.extensions?.code };
}

// anonymous, reader, curator, admin
const MATRIX: Record<keyof typeof OPERATIONS, [Outcome, Outcome, Outcome, Outcome]> = {
  'read the graph': ['ok', 'ok', 'ok', 'ok'],
  'read history': ['ok', 'ok', 'ok', 'ok'],
  'read one history': ['ok', 'ok', 'ok', 'ok'],
  'apply changes': ['UNAUTHENTICATED', 'FORBIDDEN', 'ok', 'ok'],
  'review a link': ['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'ok'],
  'revert a change set': ['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'ok'],
  'run ad-hoc Cypher': ['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'ok'],
  'export the graph': ['ok', 'ok', 'ok', 'ok'],
  'open the IDE': ['ok', 'ok', 'ok', 'ok'],
};
const STATUS: Record<Outcome, number> = { ok: 200, UNAUTHENTICATED: 401, FORBIDDEN: 403 };
const WHO: Who[] = ['anonymous', 'reader', 'curator', 'admin'];

describe('The roles matrix (ANONYMOUS_ROLE=reader)', () => {
  const cases = Object.entries(MATRIX).flatMap(([operation, outcomes]) =>
    WHO.map((who, i) => [operation, who, outcomes[i]!] as const),
  );
  it.each(cases)('%s as %s: %s', async (operation, who, outcome) => {
    const before = outcome === 'ok' ? undefined : await state();
    const answer = await OPERATIONS[operation]!(who);
    // A refusal of the caller ends the request with its status, on the ad-hoc cypher field as on the
    // mutations.
    expect(answer).toEqual({ status: STATUS[outcome], code: outcome === 'ok' ? undefined : outcome });
    if (before) expect(await state()).toEqual(before);
  });
});

describe('Sign-in required for everything (ANONYMOUS_ROLE=none)', () => {
  let closed: RunningHttpServer;
  beforeAll(async () => {
    closed = await anotherServer({ auth: { ...AUTH, anonymousRole: null } });
  });
  afterAll(async () => {
    await closed.close();
  });

  it('refuses anonymous reads and exports with 401 but serves the IDE page, where a token can be given', async () => {
    const read = await fetch(`${closed.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ goals { id } }' }),
    });
    expect([
      read.status,
      ((await read.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code,
    ]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await fetch(`${closed.url}/export.graphml`)).status).toBe(401);
    // A GET naming a persisted query by its hash is a read, not the IDE's page.
    const byHash = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } }));
    const persisted = await fetch(`${closed.url}/graphql?extensions=${byHash}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(persisted.status).toBe(401);
    const page = await fetch(`${closed.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
  });

  it('answers a reader who signed in', async () => {
    const read = await fetch(`${closed.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers.reader },
      body: JSON.stringify({ query: '{ goals { id } }' }),
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ data: { goals: [{ id: 'acc:goal' }] } });
  });
});

describe("Sign-in with an identity provider's keys (AUTH_JWKS_URL)", () => {
  let keys: http.Server;
  let jwksUrl: string;
  let privateKey: KeyLike;
  let provider: RunningHttpServer;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    keys = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/jwks.json`;
    provider = await anotherServer({
      auth: { ...AUTH, jwtSecret: undefined, jwksUrl, audience: 'zgc-plan-graph', issuer: 'https://id.example' },
    });
  });
  afterAll(async () => {
    await provider.close();
    await new Promise((resolve) => keys.close(resolve));
  });

  const issued = (claims: { aud?: string; iss?: string; key?: KeyLike }) =>
    new SignJWT({ roles: ['curator'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('ines')
      .setAudience(claims.aud ?? 'zgc-plan-graph')
      .setIssuer(claims.iss ?? 'https://id.example')
      .setExpirationTime('5m')
      .sign(claims.key ?? privateKey);
  const write = async (server: RunningHttpServer, token: string, id: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: APPLY, variables: { message: 'm', changes: [task(id)] } }),
    });
    const body = (await response.json()) as GraphQLResponse<{ applyChanges: { id: string } }>;
    return [response.status, body.errors?.[0]?.extensions?.code ?? 'ok'];
  };

  it('accepts a token the provider signed for this API, with its audience and issuer', async () => {
    expect(await write(provider, await issued({}), 'acc:by-provider')).toEqual([200, 'ok']);
  });

  it.each([
    ['another audience', { aud: 'another-app' }],
    ['another issuer', { iss: 'https://elsewhere.example' }],
  ])('refuses a token for %s with 401, writing nothing', async (_name, claims) => {
    const before = await state();
    expect(await write(provider, await issued(claims), 'acc:wrong-claims')).toEqual([401, 'UNAUTHENTICATED']);
    expect(await state()).toEqual(before);
  });

  it('refuses a token signed with a key the provider does not publish', async () => {
    const stranger = (await generateKeyPair('RS256')).privateKey;
    expect(await write(provider, await issued({ key: stranger }), 'acc:stranger')).toEqual([401, 'UNAUTHENTICATED']);
  });

  it("answers 503, not 401, while the provider's keys cannot be fetched", async () => {
    const dead = await anotherServer({
      auth: { ...AUTH, jwtSecret: undefined, jwksUrl: 'http://127.0.0.1:9/jwks.json' },
    });
    try {
      expect(await write(dead, await issued({}), 'acc:no-keys')).toEqual([503, 'SERVICE_UNAVAILABLE']);
    } finally {
      await dead.close();
    }
  });
});

describe('Mutations and the request guards', () => {
  it('counts each change in the cost estimate, so one document cannot hide many writes behind aliases', async () => {
    const small = await anotherServer({ guards: { ...DEFAULT_GUARDS, maxComplexity: 3 * CHANGE_COST } });
    try {
      const post = async (changes: unknown[]) => {
        const response = await fetch(`${small.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers.curator },
          body: JSON.stringify({
            query: `mutation ($c: [ChangeInput!]!) { a: applyChanges(message: "a", changes: $c) { id }
              b: applyChanges(message: "b", changes: $c) { id } }`,
            variables: { c: changes },
          }),
        });
        return { status: response.status, body: (await response.json()) as GraphQLResponse<unknown> };
      };
      const before = await state();
      const refused = await post([task('acc:cost-1'), task('acc:cost-2')]);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(refused.body.errors?.[0]?.message).toMatch(/estimated cost is 40\d, the limit is 300 /);
      expect(await state()).toEqual(before);
      // One change in each of the two mutations fits: both run, one after the other.
      const fits = await post([task('acc:cost-1')]);
      expect(fits.body.errors).toBeUndefined();
      expect(Object.keys(fits.body.data as object)).toEqual(['a', 'b']);
    } finally {
      await small.close();
    }
  });

  it('runs only registered mutations in allow-list mode, and still asks who sends them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'operations-'));
    const registered =
      'mutation Add($changes: [ChangeInput!]!) {\n  applyChanges(message: "registered", changes: $changes) { id }\n}\n';
    fs.writeFileSync(path.join(dir, 'add.graphql'), registered);
    const locked = await anotherServer({ allowedOperationsDir: dir });
    const hash = crypto.createHash('sha256').update(registered).digest('hex');
    const post = async (body: Record<string, unknown>, who: Who) => {
      const response = await fetch(`${locked.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers[who] },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse<unknown> };
    };
    try {
      const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
      const anonymous = await post({ ...byHash, variables: { changes: [task('acc:listed')] } }, 'anonymous');
      expect([anonymous.status, anonymous.body.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
      const ran = await post({ ...byHash, variables: { changes: [task('acc:listed')] } }, 'curator');
      expect(ran.body.errors).toBeUndefined();
      const before = await state();
      const other = await post({ query: APPLY, variables: { message: 'x', changes: [task('acc:unlisted')] } }, 'admin');
      expect(other.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_ALLOWED');
      expect(await state()).toEqual(before);
    } finally {
      await locked.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('The log of writes', () => {
  it('has one JSON line per write with the request id, the caller, the change set and counts, and no credential', async () => {
    const lines: string[] = [];
    const logged = await anotherServer({
      logger: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }),
    });
    const post = async (query: string, variables: Record<string, unknown>, who: Who) => {
      const response = await fetch(`${logged.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers[who] },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: Record<string, { id?: string }> };
      return { requestId: response.headers.get('x-request-id'), data: body.data };
    };
    try {
      const applied = await post(APPLY, { message: 'logged', changes: [task('acc:logged')] }, 'curator');
      const reviewed = await post(
        'mutation { reviewLink(id: "acc:task|ADVANCES|acc:goal", status: ACCEPTED) { status } }',
        {},
        'admin',
      );
      const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const writes = records.filter((r) => r['msg'] === 'change set written' || r['msg'] === 'link reviewed');
      expect(writes).toEqual([
        expect.objectContaining({
          requestId: applied.requestId,
          by: 'ana',
          changeSet: applied.data['applyChanges']!.id,
          counts: { CREATE: 1, UPDATE: 0, DELETE: 0 },
        }),
        expect.objectContaining({
          requestId: reviewed.requestId,
          by: 'root',
          changeSet: expect.any(String) as unknown,
          counts: { UPDATE: 1 },
        }),
      ]);
      const text = lines.join('\n');
      for (const secret of [SECRET, headers.curator.authorization!.slice(7), headers.admin.authorization!.slice(7)])
        expect(text).not.toContain(secret);
    } finally {
      await logged.close();
    }
  });
});

describe('Hostile values for every curation argument', () => {
  const long = 'x'.repeat(2001);
  const apply = (changes: unknown[], message = 'm') => ({ query: APPLY, variables: { message, changes } });
  const REVIEW =
    'mutation ($id: ID!, $s: ReviewStatus!, $n: String) { reviewLink(id: $id, status: $s, note: $n) { status } }';
  const review = (variables: Record<string, unknown>) => ({
    query: REVIEW,
    variables: { id: 'acc:task|ADVANCES|acc:goal', s: 'ACCEPTED', ...variables },
  });
  const REVERT = 'mutation ($id: ID!, $m: String!) { revert(changeSetId: $id, message: $m) { id } }';
  const cases: Array<{
    name: string;
    request: { query: string; variables: Record<string, unknown> };
    who: Who;
    code: string;
    says: RegExp;
  }> = [
    {
      name: 'an empty message',
      request: apply([task('acc:h')], '  '),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /message -: must be 1 to 2000 characters/,
    },
    {
      name: 'a message too long',
      request: apply([task('acc:h')], long),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /got 2001/,
    },
    {
      name: 'no changes',
      request: apply([]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /must hold 1 to 200 changes, got 0/,
    },
    {
      name: 'more changes than allowed',
      request: apply(Array.from({ length: 201 }, (_, i) => task(`acc:h${i}`))),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /got 201/,
    },
    {
      name: 'a change with two operations',
      request: apply([{ ...task('acc:h'), deleteEntity: { id: 'acc:goal' } }]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /changes\[0\] -: must give exactly one .* got 2/,
    },
    { name: 'a change with none', request: apply([{}]), who: 'curator', code: 'BAD_USER_INPUT', says: /got 0/ },
    {
      name: 'an id without a namespace',
      request: apply([task('nonamespace')]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /nonamespace/,
    },
    {
      name: 'properties that are no object',
      request: apply([task('acc:h', { properties: [1, 2] })]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /properties/,
    },
    {
      name: 'properties too large',
      request: apply([task('acc:h', { properties: { ordinal: 1, note: 'y'.repeat(30_000) } })]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /properties.*20000/,
    },
    {
      name: 'properties overriding the id',
      request: apply([task('acc:h', { properties: { ordinal: 1, id: 'acc:goal' } })]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /\bid\b/,
    },
    {
      name: 'a negative ifVersion',
      request: apply([task('acc:h', { ifVersion: -1 })]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /ifVersion/,
    },
    {
      name: 'a kind that does not exist',
      request: apply([task('acc:h', { kind: 'DRAGON' })]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /DRAGON/,
    },
    {
      name: 'a citation out of range',
      request: apply([task('acc:h', { citations: [{ ...CITE[0], start: 9, end: 2 }] })]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /citations\[0\]/,
    },
    {
      name: 'a deletion expecting version 0',
      request: apply([{ deleteEntity: { id: 'acc:goal', ifVersion: 0 } }]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /a deletion expects the version it deletes, 1 or more, got 0/,
    },
    {
      name: 'a deletion of nothing',
      request: apply([{ deleteEntity: { id: 'acc:nowhere' } }]),
      who: 'curator',
      code: 'BAD_USER_INPUT',
      says: /acc:nowhere/,
    },
    {
      name: 'a malformed link id to review',
      request: review({ id: 'acc:task|acc:goal' }),
      who: 'admin',
      code: 'BAD_USER_INPUT',
      says: /source\|TYPE\|target/,
    },
    {
      name: 'a link id of an unknown type',
      request: review({ id: 'acc:task|LIKES|acc:goal' }),
      who: 'admin',
      code: 'BAD_USER_INPUT',
      says: /LIKES/,
    },
    {
      name: 'a review of a link that is not there',
      request: review({ id: 'acc:goal|ADVANCES|acc:task' }),
      who: 'admin',
      code: 'NOT_FOUND',
      says: /no link has the id/,
    },
    {
      name: 'a review status that does not exist',
      request: review({ s: 'FINE' }),
      who: 'admin',
      code: 'BAD_USER_INPUT',
      says: /FINE/,
    },
    {
      name: 'a review note too long',
      request: review({ n: long }),
      who: 'admin',
      code: 'BAD_USER_INPUT',
      says: /note must be at most 2000 characters, got 2001/,
    },
    {
      name: 'a revert of an unknown change set',
      request: { query: REVERT, variables: { id: 'no-such-set', m: 'undo' } },
      who: 'admin',
      code: 'NOT_FOUND',
      says: /no-such-set/,
    },
    {
      name: 'a revert without a reason',
      request: { query: REVERT, variables: { id: 'no-such-set', m: '' } },
      who: 'admin',
      code: 'BAD_USER_INPUT',
      says: /message must be 1 to 2000/,
    },
    {
      name: 'a since that is no instant',
      request: { query: '{ changeSets(since: "yesterday") { id } }', variables: {} },
      who: 'reader',
      code: 'GRAPHQL_VALIDATION_FAILED',
      says: /yesterday/,
    },
    {
      name: 'a since in variables that is no instant',
      request: { query: 'query ($s: DateTime) { changeSets(since: $s) { id } }', variables: { s: '2026-13-45' } },
      who: 'reader',
      code: 'BAD_USER_INPUT',
      says: /2026-13-45/,
    },
    {
      name: 'a negative limit',
      request: { query: '{ changeSets(limit: -1) { id } }', variables: {} },
      who: 'reader',
      code: 'BAD_USER_INPUT',
      says: /limit/,
    },
    {
      name: 'a limit above the cap',
      request: { query: '{ changeSets(limit: 100000) { id } }', variables: {} },
      who: 'reader',
      code: 'BAD_USER_INPUT',
      says: /limit/,
    },
    {
      name: 'a negative offset',
      request: { query: '{ history(id: "acc:goal", offset: -5) { id } }', variables: {} },
      who: 'reader',
      code: 'BAD_USER_INPUT',
      says: /offset/,
    },
  ];
  it.each(cases)(
    'refuses $name with a coded error saying why, and changes nothing',
    async ({ request, who, code, says }) => {
      const before = await state();
      const result = await t.graphql(request.query, request.variables, headers[who]);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.errors?.[0]?.message).toMatch(says);
      expect(await state()).toEqual(before);
    },
  );

  it.each([
    ['a Basic authorization', () => Promise.resolve('Basic cm9vdDpyb290'), 401],
    ['an empty bearer', () => Promise.resolve('Bearer '), 401],
    ['a token of 8 KB', () => Promise.resolve(`Bearer a.${'b'.repeat(8_000)}.c`), 401],
    ['a token that names nobody', async () => `Bearer ${await token(undefined, ['admin'])}`, 401],
    ['a token whose sub is 300 characters', async () => `Bearer ${await token('s'.repeat(300), ['admin'])}`, 401],
    ['a token whose roles are a string', async () => `Bearer ${await token('eve', 'admin')}`, 403],
    ['a token with a role this server does not know', async () => `Bearer ${await token('eve', ['root'])}`, 403],
  ])('refuses a change set sent with %s, writing nothing', async (_name, authorization, status) => {
    const before = await state();
    const result = await t.graphql(
      APPLY,
      { message: 'm', changes: [task('acc:sneaky')] },
      { authorization: await authorization() },
    );
    expect([result.status, result.errors?.[0]?.extensions?.code]).toEqual([
      status,
      status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    ]);
    expect(await state()).toEqual(before);
  });

  it('answers an empty history for an id nothing ever touched', async () => {
    const result = await t.graphql('{ history(id: "acc:never") { id } }', {}, headers.reader);
    expect(result.data).toEqual({ history: [] });
  });
});
