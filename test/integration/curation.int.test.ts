/**
 * Curation through the API against the real database: sign-in and roles, validated all-or-nothing
 * change sets, versions and conflicts, history, review and revert.
 */
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { emptyGraph, graphSnapshot } from '../support/graphSnapshot';
import { dumpNamespace } from '../../src/curation/dumpNamespace';
import { startTestServer, type TestServer } from '../support/testServer';
import type { AuthSettings } from '../../src/auth/Authenticator';
import { testAuth } from '../support/signIn';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import type { PlanDataset } from '../../src/dataset/PlanDataset';

const SECRET = 'curation-test-secret-0123456789abcdef';
const SCRIPT_KEY = 'script-key-0123456789abcdef';
const AUTH: AuthSettings = {
  ...testAuth(SECRET),
  apiKeys: [
    { name: 'nightly-script', sha256: createHash('sha256').update(SCRIPT_KEY).digest('hex'), roles: ['curator'] },
  ],
};

async function token(
  sub: string,
  roles: string[],
  options: { secret?: string; expires?: string } = {},
): Promise<string> {
  return new SignJWT({ roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}
const bearer = (value: string): Record<string, string> => ({ authorization: `Bearer ${value}` });

let t: TestServer;
let curator: Record<string, string>;
let admin: Record<string, string>;
let reader: Record<string, string>;

// A small namespace to curate: a source, a goal and a task.
const CITE = [{ source: 'cur:memo', paragraph: 1, start: 0, end: 4 }];
const base: PlanDataset = {
  namespace: 'cur',
  nodes: [
    { id: 'memo', label: 'Source', name: 'Memo', citations: CITE, language: 'en', sha256: 'a'.repeat(64) },
    { id: 'goal', label: 'Goal', name: 'Clean harbour', citations: CITE, goalKind: 'STAGE', targetYear: 2030 },
    { id: 'task', label: 'Task', name: 'Train builders', citations: CITE, ordinal: 1 },
  ],
  relationships: [],
};

beforeAll(async () => {
  t = await startTestServer(undefined, undefined, {
    auth: AUTH,
    prepare: async (db) => {
      await emptyGraph(db);
      await loadDataset(db, checkDataset('cur.json', base));
    },
  });
  curator = bearer(await token('ana', ['curator']));
  admin = bearer(await token('root', ['admin']));
  reader = bearer(await token('rita', ['reader']));
});
afterAll(async () => {
  await emptyGraph(t.db);
  await t.close();
});

const APPLY = `mutation ($message: String!, $changes: [ChangeInput!]!) {
  applyChanges(message: $message, changes: $changes) { id by via message namespaces changes { op targetId before after } }
}`;

function entity(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    upsertEntity: {
      id,
      kind: 'TASK',
      name: 'Open a maritime school',
      summary: 'A school for boat builders.',
      citations: CITE,
      properties: { ordinal: 2 },
      ...extra,
    },
  };
}
const link = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  upsertLink: {
    type: 'ADVANCES',
    source: 'cur:school',
    target: 'cur:goal',
    basis: 'INFERRED',
    rationale: 'A school would serve the harbour; our reading.',
    citations: CITE,
    ...extra,
  },
});

interface Applied {
  applyChanges: {
    id: string;
    by: string;
    via: string;
    changes: Array<{ op: string; targetId: string; after: { version: number } | null }>;
  };
}

describe('Who may change the graph', () => {
  it('refuses an anonymous change set with 401 and a reader with 403; nothing is written', async () => {
    const anonymous = await t.graphql(APPLY, { message: 'try', changes: [entity('cur:school')] });
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const asReader = await t.graphql(APPLY, { message: 'try', changes: [entity('cur:school')] }, reader);
    expect(asReader.status).toBe(403);
    expect(asReader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await t.db.read('MATCH (n:Entity {id: "cur:school"}) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });

  it.each([
    [
      'a token signed with another secret',
      async () => token('eve', ['admin'], { secret: 'another-secret-0123456789abcdefghij' }),
    ],
    ['an expired token', async () => token('ana', ['curator'], { expires: '-1m' })],
    [
      'an unsigned token (alg: none)',
      () => {
        const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
        return Promise.resolve(`${part({ alg: 'none' })}.${part({ sub: 'eve', roles: ['admin'] })}.`);
      },
    ],
    ['an API key nobody issued', () => Promise.resolve('not-a-key-0123456789')],
  ])('refuses %s with 401, for reads too', async (_name, make) => {
    const headers = bearer(await make());
    for (const query of ['{ plans { id } }', APPLY]) {
      const result = await t.graphql(query, { message: 'x', changes: [entity('cur:school')] }, headers);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets a script write with an API key from the keys file, named by the key', async () => {
    const result = await t.graphql<Applied>(
      APPLY,
      { message: 'script', changes: [entity('cur:script-task')] },
      {
        'x-api-key': SCRIPT_KEY,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.applyChanges.by).toBe('nightly-script');
  });

  it('keeps review and revert for admins', async () => {
    const review = await t.graphql(
      'mutation { reviewLink(id: "cur:task|ADVANCES|cur:goal", status: ACCEPTED) { status } }',
      {},
      curator,
    );
    expect(review.status).toBe(403);
    expect(review.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('A curator changes the graph, and history remembers', () => {
  it('creates an entity and a link that reads return, versioned, the inferred link proposed for review', async () => {
    const result = await t.graphql<Applied>(
      APPLY,
      { message: 'add the school', changes: [entity('cur:school'), link()] },
      curator,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.applyChanges).toMatchObject({
      by: 'ana',
      via: 'API',
      changes: [
        { op: 'CREATE', targetId: 'cur:school', after: expect.objectContaining({ version: 1 }) as unknown },
        { op: 'CREATE', targetId: 'cur:school|ADVANCES|cur:goal' },
      ],
    });
    const read = await t.graphql<{ node: unknown }>(
      '{ node(id: "cur:school") { name version ... on Task { ordinal goalsConnection { edges { id version basis review { status by } node { id } } } } } }',
    );
    expect(read.data?.node).toEqual({
      name: 'Open a maritime school',
      version: 1,
      ordinal: 2,
      goalsConnection: {
        edges: [
          {
            id: 'cur:school|ADVANCES|cur:goal',
            version: 1,
            basis: 'INFERRED',
            review: { status: 'PROPOSED', by: null },
            node: { id: 'cur:goal' },
          },
        ],
      },
    });
  });

  it('refuses a change with a stale ifVersion with CONFLICT naming the target and its version; nothing is written', async () => {
    const update = entity('cur:school', { name: 'Open a maritime academy' });
    (update['upsertEntity'] as Record<string, unknown>)['ifVersion'] = 1;
    const first = await t.graphql<Applied>(APPLY, { message: 'rename', changes: [update] }, curator);
    expect(first.errors).toBeUndefined();
    const stale = await t.graphql(APPLY, { message: 'rename again', changes: [update] }, curator);
    expect(stale.status).toBe(409);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain('cur:school is at version 2, not 1');
  });

  it('lists the changes in history, by whom, and an admin reverts the rename', async () => {
    const history = async () =>
      (
        await t.graphql<{ history: Array<{ id: string; by: string; via: string; message: string }> }>(
          '{ history(id: "cur:school") { id by via message } }',
        )
      ).data!.history;
    const before = await history();
    expect(before.map((h) => [h.message, h.by, h.via])).toEqual([
      ['rename', 'ana', 'API'],
      ['add the school', 'ana', 'API'],
    ]);
    const revert = await t.graphql<{ revert: { via: string; changes: Array<{ op: string }> } }>(
      `mutation { revert(changeSetId: "${before[0]!.id}", message: "the old name was right") { via changes { op } } }`,
      {},
      admin,
    );
    expect(revert.errors).toBeUndefined();
    expect(revert.data?.revert).toEqual({ via: 'REVERT', changes: [{ op: 'UPDATE' }] });
    const node = await t.graphql<{ node: { name: string; version: number } }>(
      '{ node(id: "cur:school") { name version } }',
    );
    expect(node.data?.node).toEqual({ name: 'Open a maritime school', version: 3 });
    expect((await history()).map((h) => h.via)).toEqual(['REVERT', 'API', 'API']);
  });

  it('records an admin review as a change of the link, which reads can filter on', async () => {
    const withReview = async (status: string) =>
      (
        await t.graphql<{ goals: Array<{ id: string }> }>(
          `{ goals(where: {tasksConnection: {some: {edge: {review: {eq: ${status}}}}}}) { id } }`,
        )
      ).data?.goals;
    // Reports, paths and relation fields can be kept to what review accepted.
    const acceptedOnly = async () =>
      (
        await t.graphql<{ goalImpact: { tasks: Array<{ id: string }> }; node: { tasks: Array<{ id: string }> } }>(
          '{ goalImpact(id: "cur:goal", review: [ACCEPTED]) { tasks { id } } ' +
            'node(id: "cur:goal") { ... on Goal { tasks(review: [ACCEPTED]) { id } } } }',
        )
      ).data;
    expect(await withReview('PROPOSED')).toEqual([{ id: 'cur:goal' }]);
    expect(await acceptedOnly()).toEqual({ goalImpact: { tasks: [] }, node: { tasks: [] } });
    const result = await t.graphql<{ reviewLink: { status: string; by: string; note: string } }>(
      'mutation { reviewLink(id: "cur:school|ADVANCES|cur:goal", status: ACCEPTED, note: "fits") { status by note } }',
      {},
      admin,
    );
    expect(result.data?.reviewLink).toEqual({ status: 'ACCEPTED', by: 'root', note: 'fits' });
    expect(await withReview('PROPOSED')).toEqual([]);
    expect(await withReview('ACCEPTED')).toEqual([{ id: 'cur:goal' }]);
    const school = [{ id: 'cur:school' }];
    expect(await acceptedOnly()).toEqual({ goalImpact: { tasks: school }, node: { tasks: school } });
    const history = await t.graphql<{ history: Array<{ message: string }> }>(
      '{ history(id: "cur:school|ADVANCES|cur:goal") { message } }',
    );
    // The link was made after the namespace's first load, so that load is no part of its history.
    expect(history.data?.history.map((h) => h.message)).toEqual(['review ACCEPTED: fits', 'add the school']);
    // What the first load made has it as the start of its history (it lists no changes one by one).
    const loaded = await t.graphql<{ history: Array<{ message: string; via: string }> }>(
      '{ history(id: "cur:goal") { message via } }',
    );
    expect(loaded.data?.history).toEqual([
      { via: 'LOADER', message: expect.stringMatching(/^first load of cur\.json/) as unknown },
    ]);
  });
  it('refuses to revert a change set whose targets changed since, naming each field; nothing is written', async () => {
    const history = async () =>
      (
        await t.graphql<{ changeSets: Array<{ id: string; message: string }> }>(
          '{ changeSets(namespace: "cur", by: "ana") { id message } }',
        )
      ).data!.changeSets;
    const before = await history();
    const added = before.find((c) => c.message === 'add the school')!;
    // The rename was reverted, so cur:school is as the set left it; the link's review is not.
    const result = await t.graphql(
      `mutation { revert(changeSetId: "${added.id}", message: "undo") { id } }`,
      {},
      admin,
    );
    expect(result.status).toBe(409);
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toMatch(
      /^nothing was reverted: cur:school\|ADVANCES\|cur:goal changed since: review/,
    );
    expect(result.errors?.[0]?.message).not.toContain('cur:school changed');
    expect(await history()).toEqual(before);
  });
});

describe('What a change set may not do', () => {
  it('reports every problem at once, with the change index and field, and writes nothing', async () => {
    const result = await t.graphql(
      APPLY,
      {
        message: 'broken',
        changes: [
          entity('cur:bad', { kind: 'GOAL' }),
          link({ source: 'cur:nowhere', basis: 'INFERRED', rationale: null }),
          { deleteEntity: { id: 'cur:goal' }, upsertLink: link()['upsertLink'] },
          link({ type: 'SETS', source: 'cur:task', target: 'cur:goal', basis: 'STATED', rationale: null }),
        ],
      },
      curator,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = (result.errors?.[0]?.extensions?.['problems'] as Array<{ entry: string; field: string }>).map(
      (p) => `${p.entry} ${p.field}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining(['changes[0].upsertEntity goalKind', 'changes[1].upsertLink rationale', 'changes[2] -']),
    );
    expect(await t.db.read('MATCH (n:Entity {id: "cur:bad"}) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });

  it('refuses links between kinds their type never joins, and citations of what is no Source', async () => {
    const result = await t.graphql(
      APPLY,
      {
        message: 'wrong kinds',
        changes: [
          link({ type: 'SETS', source: 'cur:task', target: 'cur:goal', basis: 'STATED', rationale: null }),
          entity('cur:other', { citations: [{ ...CITE[0], source: 'cur:goal' }] }),
        ],
      },
      curator,
    );
    expect(result.errors?.[0]?.message).toContain(
      'changes[0].upsertLink type: SETS links Plan -> Goal, not Task -> Goal',
    );
    expect(result.errors?.[0]?.message).toContain(
      'changes[1].upsertEntity citations[0].source: names no Source: "cur:goal"',
    );
  });
});

describe('Concurrent curators', () => {
  it('land 20 change sets on distinct entities, all of them', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.graphql(APPLY, { message: `parallel ${i}`, changes: [entity(`cur:parallel-${i}`)] }, curator),
      ),
    );
    expect(results.map((r) => r.errors?.[0]?.message)).toEqual(Array.from({ length: 20 }, () => undefined));
    expect(await t.db.read('MATCH (n:Entity) WHERE n.id STARTS WITH "cur:parallel-" RETURN count(n) AS n')).toEqual([
      { n: 20 },
    ]);
  });

  it('give exactly one CONFLICT when two race on one entity with the same ifVersion', async () => {
    const racer = (name: string) => {
      const change = entity('cur:task', { name, properties: { ordinal: 1 } });
      (change['upsertEntity'] as Record<string, unknown>)['ifVersion'] = 1;
      return t.graphql(APPLY, { message: name, changes: [change] }, curator);
    };
    const outcomes = await Promise.all([racer('Train builders, first'), racer('Train builders, second')]);
    expect(outcomes.map((o) => o.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });
});

describe('Round trip to files', () => {
  it('dumps the curated namespace; loading the dump back changes nothing', async () => {
    const dump = await dumpNamespace(t.db, 'cur');
    expect(dump.nodes.length).toBeGreaterThan(20);
    expect(dump.relationships.find((r) => r.from === 'school')?.review).toMatchObject({
      status: 'ACCEPTED',
      by: 'root',
    });
    const before = await graphSnapshot(t.db);
    const report = await loadDataset(t.db, checkDataset('cur-dump.json', JSON.parse(JSON.stringify(dump))));
    expect(report.nodes).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(report.relationships).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(await graphSnapshot(t.db)).toEqual(before);
  });
});
