/**
 * What curation must never do to the graph or its history: lose a link without a record, overwrite a
 * review or a namespace it was not asked to, let a Source go while something cites it, undo more than
 * a change set did, or let two creations of one target both succeed.
 */
import { emptyGraph } from '../support/graphSnapshot';
import { startTestServer, type TestServer } from '../support/testServer';
import { signToken, testAuth } from '../support/signIn';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import { dumpNamespace } from '../../src/curation/dumpNamespace';
import type { PlanDataset } from '../../src/dataset/PlanDataset';

const SECRET = 'integrity-test-secret-0123456789abcdef';
const AUTH = testAuth(SECRET);
const sign = (sub: string, roles: string[]): Promise<string> => signToken(SECRET, sub, roles);

// Two namespaces: `own` holds a source, a goal and a task; `other` links into it both ways.
const OWN_CITE = [{ source: 'own:memo', paragraph: 1, start: 0, end: 4 }];
const own: PlanDataset = {
  namespace: 'own',
  nodes: [
    { id: 'memo', label: 'Source', name: 'Memo', citations: OWN_CITE, language: 'en', sha256: 'c'.repeat(64) },
    { id: 'goal', label: 'Goal', name: 'Clean harbour', citations: OWN_CITE, goalKind: 'STAGE', targetYear: 2030 },
    { id: 'task', label: 'Task', name: 'Train builders', citations: OWN_CITE, ordinal: 1 },
    { id: 'gone', label: 'Task', name: 'Dredge the bay', citations: OWN_CITE, ordinal: 2 },
    { id: 'spare', label: 'Goal', name: 'Quiet quays', citations: OWN_CITE, goalKind: 'STAGE', targetYear: 2032 },
  ],
  relationships: [{ type: 'ADVANCES', from: 'task', to: 'goal', basis: 'STATED', citations: OWN_CITE }],
};
const other: PlanDataset = {
  namespace: 'other',
  nodes: [{ id: 'goal', label: 'Goal', name: 'Open port', citations: OWN_CITE, goalKind: 'STAGE', targetYear: 2031 }],
  // A link of `other` whose source lives in `own`.
  relationships: [{ type: 'ADVANCES', from: 'own:task', to: 'goal', basis: 'STATED', citations: OWN_CITE }],
};

let t: TestServer;
let curator: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await startTestServer(undefined, undefined, {
    auth: AUTH,
    prepare: async (db) => {
      await emptyGraph(db);
      await loadDataset(db, checkDataset('own.json', own));
      await loadDataset(db, checkDataset('other.json', other));
    },
  });
  curator = { authorization: `Bearer ${await sign('ana', ['curator'])}` };
  admin = { authorization: `Bearer ${await sign('root', ['admin'])}` };
});
afterAll(async () => {
  await emptyGraph(t.db);
  await t.close();
});

const APPLY = `mutation ($message: String!, $changes: [ChangeInput!]!) {
  applyChanges(message: $message, changes: $changes) { id namespaces changes { op targetId } }
}`;
interface Applied {
  applyChanges: { id: string; namespaces: string[]; changes: Array<{ op: string; targetId: string }> };
}
const apply = (changes: unknown[], headers = curator) =>
  t.graphql<Applied>(APPLY, { message: 'integrity', changes }, headers);
const task = (id: string, extra: Record<string, unknown> = {}) => ({
  upsertEntity: {
    id,
    kind: 'TASK',
    name: 'A task',
    summary: 'One task.',
    citations: OWN_CITE,
    properties: { ordinal: 3 },
    ...extra,
  },
});
const link = (source: string, target: string, extra: Record<string, unknown> = {}) => ({
  upsertLink: { type: 'ADVANCES', source, target, basis: 'STATED', citations: OWN_CITE, ...extra },
});

async function stored(query: string, params: Record<string, unknown> = {}): Promise<unknown[]> {
  return t.db.read(query, params);
}

describe('Integrity of curated writes', () => {
  it('gives exactly one CONFLICT when two curators create the same entity with ifVersion 0 at once', async () => {
    for (let round = 0; round < 5; round++) {
      const id = `own:twin-${round}`;
      const results = await Promise.all([
        apply([task(id, { ifVersion: 0, name: 'First' })]),
        apply([task(id, { ifVersion: 0, name: 'Second' })]),
      ]);
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'ok').sort();
      expect(codes).toEqual(['CONFLICT', 'ok']);
      expect(await stored('MATCH (n:Entity {id: $id}) RETURN n.version AS version', { id })).toEqual([{ version: 1 }]);
    }
  });

  it('gives exactly one CONFLICT when two curators create the same link with ifVersion 0 at once', async () => {
    for (let round = 0; round < 5; round++) {
      const made = await apply([task(`own:pair-${round}`)]);
      expect(made.errors).toBeUndefined();
      const source = `own:pair-${round}`;
      const results = await Promise.all([
        apply([link(source, 'own:goal', { ifVersion: 0 })]),
        apply([link(source, 'own:goal', { ifVersion: 0, citations: [{ ...OWN_CITE[0], end: 3 }] })]),
      ]);
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'ok').sort();
      expect(codes).toEqual(['CONFLICT', 'ok']);
      expect(
        await stored(
          'MATCH (:Entity {id: $source})-[r:ADVANCES]->(:Entity {id: "own:goal"}) RETURN r.version AS version',
          {
            source,
          },
        ),
      ).toEqual([{ version: 1 }]);
    }
  });

  it('keeps a link in the namespace that owns it when a curator edits it, so dumps and reloads keep it', async () => {
    const result = await apply([link('own:task', 'other:goal', { citations: [{ ...OWN_CITE[0], end: 3 }] })]);
    expect(result.errors).toBeUndefined();
    expect(result.data?.applyChanges.namespaces).toEqual(['other']);
    expect(
      await stored(
        "MATCH (:Entity {id: 'own:task'})-[r:ADVANCES]->(:Entity {id: 'other:goal'}) RETURN r.namespace AS ns",
      ),
    ).toEqual([{ ns: 'other' }]);
    const dumped = await dumpNamespace(t.db, 'other');
    expect(dumped.relationships.map((r) => `${r.from}|${r.to}`)).toEqual(['own:task|goal']);
    const report = await loadDataset(t.db, checkDataset('other-dump.json', dumped));
    expect(report.relationships).toMatchObject({ created: 0, updated: 0, deleted: 0 });
  });

  it('asks a link changed to INFERRED for review again', async () => {
    const result = await apply([link('own:task', 'own:goal', { basis: 'INFERRED', rationale: 'Our reading now.' })]);
    expect(result.errors).toBeUndefined();
    expect(
      await stored(
        "MATCH (:Entity {id: 'own:task'})-[r:ADVANCES]->(:Entity {id: 'own:goal'}) RETURN r.reviewStatus AS s",
      ),
    ).toEqual([{ s: 'PROPOSED' }]);
  });

  it('keeps an admin review when the file is loaded again without one', async () => {
    const reviewed = await t.graphql(
      'mutation { reviewLink(id: "own:task|ADVANCES|other:goal", status: DISPUTED, note: "unsure") { status } }',
      {},
      admin,
    );
    expect(reviewed.errors).toBeUndefined();
    await loadDataset(t.db, checkDataset('other.json', other));
    expect(
      await stored(
        "MATCH (:Entity {id: 'own:task'})-[r:ADVANCES]->(:Entity {id: 'other:goal'}) RETURN r.reviewStatus AS s, r.reviewNote AS note",
      ),
    ).toEqual([{ s: 'DISPUTED', note: 'unsure' }]);
  });

  it('refuses to delete a Source something else still cites, naming what cites it', async () => {
    const result = await apply([{ deleteEntity: { id: 'own:memo' } }]);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/own:memo is cited by what stays: .*own:goal/);
    expect(await stored("MATCH (n:Entity {id: 'own:memo'}) RETURN count(n) AS n")).toEqual([{ n: 1 }]);
  });

  it('refuses a change set that deletes a link whose end it deletes too', async () => {
    const result = await apply([
      { deleteEntity: { id: 'own:gone' } },
      { deleteLink: { id: 'own:gone|ADVANCES|own:goal' } },
    ]);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('goes with own:gone, which changes[0].deleteEntity deletes');
  });

  it('records, in the reload that drops an entity, the links of other namespaces that went with it', async () => {
    // A link of `other` (its source is there) to an entity of `own` that the next load of `own` drops.
    const made = await apply([task('other:helper'), link('other:helper', 'own:spare')]);
    expect(made.errors).toBeUndefined();
    const reload = {
      ...own,
      nodes: own.nodes
        .filter((n) => n.id !== 'spare')
        .map((n) => (n.id === 'gone' ? { ...n, name: 'Dredge the whole bay' } : n)),
    };
    await loadDataset(t.db, checkDataset('own.json', reload), { by: 'data-team' });
    const [latest] = (
      await t.graphql<{
        changeSets: Array<{
          by: string;
          via: string;
          changes: Array<{
            op: string;
            targetId: string;
            before: { name?: string } | null;
            after: { name?: string } | null;
          }>;
        }>;
      }>('{ changeSets(limit: 1) { by via changes { op targetId before after } } }')
    ).data!.changeSets;
    expect([latest!.by, latest!.via]).toEqual(['data-team', 'LOADER']);
    const summary = latest!.changes.map((c) => [c.op, c.targetId, c.before?.name ?? null, c.after?.name ?? null]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['UPDATE', 'own:gone', 'Dredge the bay', 'Dredge the whole bay'],
        ['DELETE', 'other:helper|ADVANCES|own:spare', null, null],
        ['DELETE', 'own:spare', 'Quiet quays', null],
      ]),
    );
    // The file is the namespace's truth: what curators added to `own` and the file lacks goes, recorded.
    expect(summary).toContainEqual(['DELETE', 'own:twin-0', expect.stringMatching(/^(First|Second)$/), null]);
  });

  it('refuses a file whose review time is no instant, which no read could serve', () => {
    const rel = { ...other.relationships[0]!, review: { status: 'DISPUTED' as const, at: 'last week' } };
    expect(() => checkDataset('other.json', { ...other, relationships: [rel] })).toThrow(
      /review.at: must match pattern/,
    );
  });

  it('refuses aliases that name another entity of the namespace, and a plan ending before it starts', async () => {
    const clash = await apply([task('own:alias-clash', { aliases: ['Train builders'] })]);
    expect(clash.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(clash.errors?.[0]?.message).toContain('"Train builders" is the name or an alias of own:task');
    const plan = await apply([
      {
        upsertEntity: {
          id: 'own:plan',
          kind: 'PLAN',
          name: 'A plan',
          summary: 'A plan.',
          citations: OWN_CITE,
          properties: { zone: 'Z', periodStart: 2025, periodEnd: 2021 },
        },
      },
    ]);
    expect(plan.errors?.[0]?.message).toContain('periodEnd: must not be before periodStart (2025), got 2021');
  });

  it('refuses to revert the creation of an entity that has links made since', async () => {
    const created = await apply([task('own:later')]);
    expect(created.errors).toBeUndefined();
    expect((await apply([link('own:later', 'own:goal')])).errors).toBeUndefined();
    const revert = await t.graphql(
      `mutation { revert(changeSetId: "${created.data!.applyChanges.id}", message: "undo") { id } }`,
      {},
      admin,
    );
    expect(revert.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(revert.errors?.[0]?.message).toContain('own:later has links made since');
    expect(await stored("MATCH (n:Entity {id: 'own:later'}) RETURN count(n) AS n")).toEqual([{ n: 1 }]);
  });

  it('undoes newest first: create, edit, revert the edit, revert the create leaves the graph as before', async () => {
    const revert = (id: string) =>
      t.graphql<{ revert: { id: string } }>(
        `mutation { revert(changeSetId: "${id}", message: "undo") { id } }`,
        {},
        admin,
      );
    const graph = () => stored("MATCH (n:Entity {id: 'own:undone'}) RETURN n.name AS name, n.version AS version");
    const created = await apply([task('own:undone', { name: 'First name' })]);
    const edited = await apply([task('own:undone', { name: 'Second name' })]);
    expect((await revert(edited.data!.applyChanges.id)).errors).toBeUndefined();
    // The entity is back where the create left it, under a newer version: the revert proceeds.
    expect(await graph()).toEqual([{ name: 'First name', version: 3 }]);
    expect((await revert(created.data!.applyChanges.id)).errors).toBeUndefined();
    expect(await graph()).toEqual([]);
    const history = await t.graphql<{ history: Array<{ via: string }> }>(
      '{ history(id: "own:undone") { via } }',
      {},
      admin,
    );
    expect(history.data!.history).toHaveLength(4);
  });

  it('refuses to revert a set whose target changed since, naming the field, its value now and the one left', async () => {
    const created = await apply([task('own:moved', { name: 'Old name' })]);
    expect((await apply([task('own:moved', { name: 'New name' })])).errors).toBeUndefined();
    const revert = await t.graphql(
      `mutation { revert(changeSetId: "${created.data!.applyChanges.id}", message: "undo") { id } }`,
      {},
      admin,
    );
    expect(revert.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(revert.errors?.[0]?.message).toContain(
      'own:moved changed since: name is "New name" (the change set left "Old name")',
    );
    expect(await stored("MATCH (n:Entity {id: 'own:moved'}) RETURN n.name AS name")).toEqual([{ name: 'New name' }]);
  });
});
