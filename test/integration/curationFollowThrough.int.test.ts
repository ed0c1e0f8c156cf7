/**
 * Curators add and correct follow-through the way they edit the Plan: evidence with its date, the
 * commitment it bears on, an assessment of it, with the loader's checks, one change set each, a review
 * before an assessment counts, and the analyst's root fields reading the result at once.
 */
import { emptyGraph } from '../support/graphSnapshot';
import { startCurationServer } from '../support/curationServer';
import type { TestServer } from '../support/testServer';
import type { PlanDataset } from '../../src/dataset/PlanDataset';

const SECRET = 'follow-through-curation-secret-0123456789';

const CITE = [{ source: 'old:memo', paragraph: 1, start: 0, end: 4 }];
const NEWS = [{ source: 'news:wire', paragraph: 1, start: 0, end: 4 }];
const old: PlanDataset = {
  namespace: 'old',
  nodes: [
    { id: 'memo', label: 'Source', name: 'Memo', citations: CITE, language: 'en', sha256: 'c'.repeat(64) },
    { id: 'plan', label: 'Plan', name: 'Harbour plan', citations: CITE, zone: 'Harbour', periodStart: 2021 },
    { id: 'goal', label: 'Goal', name: 'Clean harbour', citations: CITE, goalKind: 'STAGE', targetYear: 2025 },
  ],
  relationships: [{ type: 'SETS', from: 'plan', to: 'goal', basis: 'STATED', citations: CITE }],
};
const news: PlanDataset = {
  namespace: 'news',
  nodes: [
    {
      id: 'wire',
      label: 'Source',
      name: 'Wire',
      citations: NEWS,
      language: 'zh-Hans',
      sha256: 'd'.repeat(64),
      date: '2024-03-01',
    },
  ],
  relationships: [],
};

let t: TestServer;
let curator: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  ({ t, curator, admin } = await startCurationServer(SECRET, [old, news]));
});
afterAll(async () => {
  await emptyGraph(t.db);
  await t.close();
});

const APPLY = `mutation ($changes: [ChangeInput!]!) {
  applyChanges(message: "follow-through", changes: $changes) { id changes { op targetId } }
}`;
const apply = (changes: unknown[]) => t.graphql(APPLY, { changes }, curator);
const evidence = (date: string, names: unknown[] = []) => ({
  upsertEntity: {
    id: 'news:cleanup',
    kind: 'EVIDENCE',
    name: 'Harbour cleanup finished',
    summary: 'The cleanup was reported finished.',
    names,
    citations: NEWS,
    properties: { date, evidenceKind: 'EVENT' },
  },
});
const assessment = {
  upsertEntity: {
    id: 'news:verdict',
    kind: 'ASSESSMENT',
    name: 'Clean harbour: assessment',
    summary: 'Done, as the wire reports.',
    citations: NEWS,
    properties: { verdict: 'DELIVERED', asOf: '2024-03' },
  },
};
const link = (type: string, source: string, target: string) => ({
  upsertLink: { type, source, target, basis: 'INFERRED', rationale: 'Our reading.', citations: NEWS },
});

describe('Curating follow-through', () => {
  it('refuses a date that is not ISO 8601 and a language tag that is not BCP 47, both at once, writing nothing', async () => {
    const refused = await apply([evidence('1 March 2024', [{ text: '港口清理', language: 'chinese' }])]);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/1 March 2024/);
    expect(refused.errors?.[0]?.message).toMatch(/chinese/);
    expect(await t.db.read("MATCH (e:Entity {id: 'news:cleanup'}) RETURN e")).toEqual([]);
  });

  it('refuses a link into a namespace that does not exist, naming it', async () => {
    const refused = await apply([evidence('2024-03-01'), link('BEARS_ON', 'news:cleanup', 'nowhere:goal')]);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/nowhere:goal/);
    expect(await t.db.read("MATCH (e:Entity {id: 'news:cleanup'}) RETURN e")).toEqual([]);
  });

  it('adds dated evidence, what it bears on and an assessment in one change set; the assessment counts once accepted', async () => {
    const applied = await apply([
      evidence('2024-03-01', [{ text: '港口清理完成', language: 'zh-Hans' }]),
      assessment,
      link('BEARS_ON', 'news:cleanup', 'old:goal'),
      link('ASSESSES', 'news:verdict', 'old:goal'),
      link('BASED_ON', 'news:verdict', 'news:cleanup'),
    ]);
    expect(applied.errors).toBeUndefined();

    const FOLLOW = `{ followThrough(id: "old:goal") {
      evidence { name date year names { text language } }
      assessments { verdict asOf }
    } }`;
    const read = (review: string[]) =>
      t.graphql(`{ scorecard(plan: "old:plan", review: [${review.join(', ')}]) { rows { kind verdict count } } }`);
    expect((await t.graphql(FOLLOW)).data).toEqual({
      followThrough: {
        evidence: [
          {
            name: 'Harbour cleanup finished',
            date: '2024-03-01',
            year: 2024,
            names: [{ text: '港口清理完成', language: 'zh-Hans' }],
          },
        ],
        assessments: [{ verdict: 'DELIVERED', asOf: '2024-03' }],
      },
    });
    // Made through the API, an assessment is PROPOSED: an answer on accepted links only does not count it.
    expect((await read(['ACCEPTED'])).data).toEqual({
      scorecard: { rows: [{ kind: 'GOAL', verdict: null, count: 1 }] },
    });
    const reviewed = await t.graphql(
      'mutation { reviewLink(id: "news:verdict|ASSESSES|old:goal", status: ACCEPTED) { status by } }',
      {},
      admin,
    );
    expect(reviewed.data).toEqual({ reviewLink: { status: 'ACCEPTED', by: 'root' } });
    expect((await read(['ACCEPTED'])).data).toEqual({
      scorecard: { rows: [{ kind: 'GOAL', verdict: 'DELIVERED', count: 1 }] },
    });
  });

  it('corrects a date through the same validator; the year follows it and history keeps both', async () => {
    const corrected = await apply([evidence('2024-02')]);
    expect(corrected.errors).toBeUndefined();
    const found = await t.graphql(
      '{ evidence(where: { year: { eq: 2024 }, date: { startsWith: "2024-02" } }) { id date year } }',
    );
    expect(found.data).toEqual({ evidence: [{ id: 'news:cleanup', date: '2024-02', year: 2024 }] });
    const history = await t.graphql<{ history: Array<{ changes: Array<{ op: string }> }> }>(
      '{ history(id: "news:cleanup") { changes { op } } }',
    );
    expect(history.data?.history.map((h) => h.changes.map((c) => c.op)[0])).toEqual(['UPDATE', 'CREATE']);
  });
});
