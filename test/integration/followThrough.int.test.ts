/**
 * The follow-through reports over three small namespaces: an earlier plan, a later plan that continues
 * it and moves one of its goals, and dated evidence with assessments. What each answer must be is
 * written out from the fixture by hand; the stated-only switch and review filters must change them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/database/Database';
import { loadDataset } from '../../src/dataset/loadDataset';
import { readDataset } from '../../src/dataset/readDataset';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
let dir: string;

const NAMESPACES = ['ft-early', 'ft-late', 'ft-evidence'];
const cite = (source: string) => [{ source, paragraph: 1, start: 0, end: 4 }];
const source = (id: string, publisher: string, extra: Record<string, unknown> = {}) => ({
  id,
  label: 'Source',
  name: `Report ${id}`,
  citations: cite(id),
  publisher,
  language: 'en',
  sha256: '0'.repeat(64),
  ...extra,
});

const EARLY = {
  namespace: 'ft-early',
  nodes: [
    source('src', 'Early Daily'),
    {
      id: 'plan',
      label: 'Plan',
      name: 'Early plan',
      citations: cite('src'),
      zone: 'Demo zone',
      periodStart: 2021,
      periodEnd: 2025,
      level: 'ZONE',
      status: 'EXPIRED',
      issued: '2021-11',
    },
    {
      id: 'goal-2025',
      label: 'Goal',
      name: 'Lead by 2025',
      citations: cite('src'),
      goalKind: 'STAGE',
      targetYear: 2025,
    },
    { id: 'task', label: 'Task', name: 'Build things', citations: cite('src'), ordinal: 1 },
    {
      id: 'forum',
      label: 'Platform',
      name: 'Demo forum',
      platformKind: 'FORUM',
      names: [{ text: '演示论坛', language: 'zh-Hans' }],
      citations: cite('src'),
    },
    { id: 'venue', label: 'Platform', name: 'Demo venue', platformKind: 'VENUE', citations: cite('src') },
  ],
  relationships: [
    { type: 'SETS', from: 'plan', to: 'goal-2025', basis: 'STATED', citations: cite('src') },
    { type: 'DEPLOYS', from: 'plan', to: 'task', basis: 'STATED', citations: cite('src') },
    { type: 'PROPOSES', from: 'plan', to: 'forum', basis: 'STATED', citations: cite('src') },
    { type: 'PROPOSES', from: 'plan', to: 'venue', basis: 'INFERRED', rationale: 'Read in.', citations: cite('src') },
  ],
};

const LATE = {
  namespace: 'ft-late',
  nodes: [
    source('src', 'Late Gazette'),
    {
      id: 'plan',
      label: 'Plan',
      name: 'Late plan',
      citations: cite('src'),
      zone: 'Demo zone',
      periodStart: 2024,
      periodEnd: 2027,
      level: 'ZONE',
    },
    {
      id: 'goal-2027',
      label: 'Goal',
      name: 'Lead by 2027',
      citations: cite('src'),
      goalKind: 'STAGE',
      targetYear: 2027,
    },
    {
      id: 'goal-2030',
      label: 'Goal',
      name: 'Lead by 2030',
      citations: cite('src'),
      goalKind: 'STAGE',
      targetYear: 2030,
    },
  ],
  relationships: [
    { type: 'SETS', from: 'plan', to: 'goal-2027', basis: 'STATED', citations: cite('src') },
    { type: 'CONTINUES', from: 'plan', to: 'ft-early:plan', basis: 'STATED', citations: cite('src') },
    {
      type: 'REVISES',
      from: 'goal-2027',
      to: 'ft-early:goal-2025',
      basis: 'INFERRED',
      rationale: 'Same aim, two years later.',
      citations: cite('src'),
    },
    { type: 'REVISES', from: 'goal-2030', to: 'goal-2027', basis: 'STATED', citations: cite('src') },
  ],
};

const EVIDENCE = {
  namespace: 'ft-evidence',
  nodes: [
    source('wire', 'Wire Service'),
    source('copy', 'Aggregator', { originalPublisher: 'Wire Service' }),
    source('paper', 'City Paper'),
    {
      id: 'forum-2022',
      label: 'Evidence',
      name: 'Forum held 2022',
      citations: [...cite('wire'), ...cite('copy')],
      date: '2022-09-01',
      evidenceKind: 'EVENT',
    },
    {
      id: 'forum-2024',
      label: 'Evidence',
      name: 'Forum held 2024',
      citations: [...cite('wire'), ...cite('paper')],
      date: '2024-04',
      evidenceKind: 'EVENT',
    },
    {
      id: 'forum-2024-other',
      label: 'Evidence',
      name: 'Forum held 2024, other date',
      citations: cite('paper'),
      date: '2024-05',
      evidenceKind: 'EVENT',
    },
    {
      id: 'a-2023',
      label: 'Assessment',
      name: 'Forum as of 2023',
      citations: cite('wire'),
      verdict: 'UNDER_WAY',
      asOf: '2023-01-01',
    },
    {
      id: 'a-2025',
      label: 'Assessment',
      name: 'Forum as of 2025',
      citations: cite('paper'),
      verdict: 'DELIVERED',
      asOf: '2025-01-01',
    },
    {
      id: 'a-task',
      label: 'Assessment',
      name: 'Task as of 2025',
      citations: cite('paper'),
      verdict: 'NO_EVIDENCE_FOUND',
      asOf: '2025-06',
    },
  ],
  relationships: [
    { type: 'BEARS_ON', from: 'forum-2022', to: 'ft-early:forum', basis: 'STATED', citations: cite('wire') },
    {
      type: 'BEARS_ON',
      from: 'forum-2024',
      to: 'ft-early:forum',
      basis: 'INFERRED',
      rationale: 'Same forum.',
      citations: cite('wire'),
    },
    {
      type: 'CONTRADICTS',
      from: 'forum-2024-other',
      to: 'forum-2024',
      basis: 'INFERRED',
      rationale: 'Another month.',
      citations: cite('paper'),
    },
    ...[
      ['a-2023', 'ft-early:forum'],
      ['a-2025', 'ft-early:forum'],
      ['a-task', 'ft-early:task'],
    ].map(([from, to]) => ({
      type: 'ASSESSES',
      from,
      to,
      basis: 'INFERRED',
      rationale: 'Our reading.',
      citations: cite('paper'),
      review: { status: from === 'a-2025' ? 'ACCEPTED' : 'PROPOSED' },
    })),
    { type: 'BASED_ON', from: 'a-2023', to: 'forum-2022', basis: 'STATED', citations: cite('wire') },
    { type: 'BASED_ON', from: 'a-2025', to: 'forum-2024', basis: 'STATED', citations: cite('paper') },
  ],
};

async function load(db: Database): Promise<void> {
  await db.write('MATCH (n:Entity) WHERE n.namespace IN $namespaces DETACH DELETE n', { namespaces: NAMESPACES });
  for (const dataset of [EARLY, LATE, EVIDENCE]) {
    const file = path.join(dir, `${dataset.namespace}.json`);
    fs.writeFileSync(file, JSON.stringify(dataset));
    await loadDataset(db, readDataset(file));
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'follow-through-'));
  server = await startTestServer(undefined, undefined, { prepare: load });
});

afterAll(async () => {
  await server.db.write('MATCH (n:Entity) WHERE n.namespace IN $namespaces DETACH DELETE n', {
    namespaces: NAMESPACES,
  });
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await server.graphql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const COMMITMENTS = `query ($basis: [Basis!], $review: [ReviewStatus!]) {
  commitments(plan: "ft-early:plan", basis: $basis, review: $review) {
    entity { id kind }
    latestEvidence { id date year }
    latestAssessment { id verdict }
    evidenceCount
  }
}`;

describe('A plan’s commitments', () => {
  it('lists goals, tasks and platforms in kind order, each with its newest evidence and assessment', async () => {
    const { commitments } = await data<{ commitments: unknown[] }>(COMMITMENTS);
    expect(commitments).toEqual([
      {
        entity: { id: 'ft-early:goal-2025', kind: 'GOAL' },
        latestEvidence: null,
        latestAssessment: null,
        evidenceCount: 0,
      },
      {
        entity: { id: 'ft-early:task', kind: 'TASK' },
        latestEvidence: null,
        latestAssessment: { id: 'ft-evidence:a-task', verdict: 'NO_EVIDENCE_FOUND' },
        evidenceCount: 0,
      },
      {
        entity: { id: 'ft-early:forum', kind: 'PLATFORM' },
        latestEvidence: { id: 'ft-evidence:forum-2024', date: '2024-04', year: 2024 },
        latestAssessment: { id: 'ft-evidence:a-2025', verdict: 'DELIVERED' },
        evidenceCount: 2,
      },
      {
        entity: { id: 'ft-early:venue', kind: 'PLATFORM' },
        latestEvidence: null,
        latestAssessment: null,
        evidenceCount: 0,
      },
    ]);
  });

  it('stated links only: the inferred commitment, evidence link and every assessment drop out', async () => {
    const { commitments } = await data<{ commitments: unknown[] }>(COMMITMENTS, { basis: ['STATED'] });
    expect(commitments).toEqual([
      {
        entity: { id: 'ft-early:goal-2025', kind: 'GOAL' },
        latestEvidence: null,
        latestAssessment: null,
        evidenceCount: 0,
      },
      { entity: { id: 'ft-early:task', kind: 'TASK' }, latestEvidence: null, latestAssessment: null, evidenceCount: 0 },
      {
        entity: { id: 'ft-early:forum', kind: 'PLATFORM' },
        latestEvidence: { id: 'ft-evidence:forum-2022', date: '2022-09-01', year: 2022 },
        latestAssessment: null,
        evidenceCount: 1,
      },
    ]);
  });

  it('accepted links only: a proposed assessment is not yet an answer', async () => {
    const { commitments } = await data<{
      commitments: Array<{ entity: { id: string }; latestAssessment: { id: string } | null }>;
    }>(COMMITMENTS, { review: ['ACCEPTED'] });
    expect(commitments.map((c) => [c.entity.id, c.latestAssessment?.id ?? null])).toEqual([
      ['ft-early:goal-2025', null],
      ['ft-early:task', null],
      ['ft-early:forum', 'ft-evidence:a-2025'],
      ['ft-early:venue', null],
    ]);
  });

  it('an unknown plan is NOT_FOUND, naming it', async () => {
    const response = await server.graphql('{ commitments(plan: "ft-early:nope") { evidenceCount } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(response.errors?.[0]?.message).toContain('"ft-early:nope"');
  });
});

describe('One commitment’s follow-through', () => {
  const QUERY = `query ($id: ID!, $basis: [Basis!]) {
    followThrough(id: $id, basis: $basis) {
      commitment { id }
      plans { id }
      evidence { id date corroborated publishers contradictedBy { id } }
      assessments { id verdict asOf }
      revisedBy { id }
      revises { id }
      laterPlans { id }
    }
  }`;

  it('gives evidence oldest first, assessments newest first, and the later plan', async () => {
    const { followThrough } = await data<{ followThrough: unknown }>(QUERY, { id: 'ft-early:forum' });
    expect(followThrough).toEqual({
      commitment: { id: 'ft-early:forum' },
      plans: [{ id: 'ft-early:plan' }],
      evidence: [
        // A copy of the wire's report does not corroborate it; a second publisher does.
        {
          id: 'ft-evidence:forum-2022',
          date: '2022-09-01',
          corroborated: false,
          publishers: ['Wire Service'],
          contradictedBy: [],
        },
        {
          id: 'ft-evidence:forum-2024',
          date: '2024-04',
          corroborated: true,
          publishers: ['City Paper', 'Wire Service'],
          contradictedBy: [{ id: 'ft-evidence:forum-2024-other' }],
        },
      ],
      assessments: [
        { id: 'ft-evidence:a-2025', verdict: 'DELIVERED', asOf: '2025-01-01' },
        { id: 'ft-evidence:a-2023', verdict: 'UNDER_WAY', asOf: '2023-01-01' },
      ],
      revisedBy: [],
      revises: [],
      laterPlans: [{ id: 'ft-late:plan' }],
    });
  });

  it('follows a goal through its revisions, nearest first', async () => {
    const { followThrough } = await data<{ followThrough: { revisedBy: unknown } }>(QUERY, {
      id: 'ft-early:goal-2025',
    });
    expect(followThrough.revisedBy).toEqual([{ id: 'ft-late:goal-2027' }, { id: 'ft-late:goal-2030' }]);
    const stated = await data<{ followThrough: { revisedBy: unknown } }>(QUERY, {
      id: 'ft-early:goal-2025',
      basis: ['STATED'],
    });
    expect(stated.followThrough.revisedBy).toEqual([]);
    const late = await data<{ followThrough: { revises: unknown } }>(QUERY, { id: 'ft-late:goal-2030' });
    expect(late.followThrough.revises).toEqual([{ id: 'ft-late:goal-2027' }, { id: 'ft-early:goal-2025' }]);
  });

  it('an id that is no commitment is NOT_FOUND', async () => {
    const response = await server.graphql('{ followThrough(id: "ft-evidence:forum-2022") { commitment { id } } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('A plan’s scorecard', () => {
  it('counts commitments by kind and the verdict of their newest assessment, unassessed last', async () => {
    const { scorecard } = await data<{ scorecard: unknown }>(
      '{ scorecard(plan: "ft-early:plan") { plan { id } commitments assessed rows { kind verdict count } } }',
    );
    expect(scorecard).toEqual({
      plan: { id: 'ft-early:plan' },
      commitments: 4,
      assessed: 2,
      rows: [
        { kind: 'GOAL', verdict: null, count: 1 },
        { kind: 'TASK', verdict: 'NO_EVIDENCE_FOUND', count: 1 },
        { kind: 'PLATFORM', verdict: 'DELIVERED', count: 1 },
        { kind: 'PLATFORM', verdict: null, count: 1 },
      ],
    });
  });
});

describe('Goals whose target moved', () => {
  const QUERY = `query ($basis: [Basis!]) { movedGoals(basis: $basis) {
    from { id } to { id } fromYear toYear yearsMoved basis rationale review { status }
  } }`;

  it('finds each move as one change, with both years', async () => {
    const { movedGoals } = await data<{ movedGoals: Array<{ from: { id: string } }> }>(QUERY);
    expect(movedGoals.filter((m) => m.from.id.startsWith('ft-'))).toEqual([
      {
        from: { id: 'ft-early:goal-2025' },
        to: { id: 'ft-late:goal-2027' },
        fromYear: 2025,
        toYear: 2027,
        yearsMoved: 2,
        basis: 'INFERRED',
        rationale: 'Same aim, two years later.',
        review: { status: 'ACCEPTED' },
      },
      {
        from: { id: 'ft-late:goal-2027' },
        to: { id: 'ft-late:goal-2030' },
        fromYear: 2027,
        toYear: 2030,
        yearsMoved: 3,
        basis: 'STATED',
        rationale: null,
        review: { status: 'ACCEPTED' },
      },
    ]);
    const stated = await data<{ movedGoals: Array<{ from: { id: string } }> }>(QUERY, { basis: ['STATED'] });
    expect(stated.movedGoals.filter((m) => m.from.id.startsWith('ft-')).map((m) => m.from.id)).toEqual([
      'ft-late:goal-2027',
    ]);
  });
});

describe('Evidence through the filter language', () => {
  it('filters by year, counts by verdict, and finds disagreements', async () => {
    const result = await data<{
      evidence: Array<{ id: string }>;
      assessmentsCountBy: Array<{ key: string; count: number }>;
      disputed: Array<{ id: string }>;
    }>(`{
      evidence(where: { namespace: { eq: "ft-evidence" }, year: { eq: 2024 } }, sort: [{ field: DATE }]) { id }
      assessmentsCountBy(by: VERDICT, where: { namespace: { eq: "ft-evidence" } }) { key count }
      disputed: evidence(where: { namespace: { eq: "ft-evidence" }, contradictsCount: { gt: 0 } }) { id }
    }`);
    expect(result.evidence.map((e) => e.id)).toEqual(['ft-evidence:forum-2024', 'ft-evidence:forum-2024-other']);
    expect(result.assessmentsCountBy).toEqual(
      expect.arrayContaining([
        { key: 'DELIVERED', count: 1 },
        { key: 'NO_EVIDENCE_FOUND', count: 1 },
        { key: 'UNDER_WAY', count: 1 },
      ]),
    );
    expect(result.disputed.map((e) => e.id)).toEqual(['ft-evidence:forum-2024-other']);
  });
});

describe('Names in Chinese', () => {
  it('are served with their language tags', async () => {
    const { node } = await data<{ node: unknown }>('{ node(id: "ft-early:forum") { names { text language } } }');
    expect(node).toEqual({ names: [{ text: '演示论坛', language: 'zh-Hans' }] });
  });

  it('find an entity by a part of its Chinese name, and by its English one', async () => {
    const ids = async (text: string): Promise<string[]> =>
      (
        await data<{ search: Array<{ entity: { id: string } }> }>(
          'query ($t: String!) { search(text: $t) { entity { id } } }',
          { t: text },
        )
      ).search
        .map((hit) => hit.entity.id)
        .filter((id) => id.startsWith('ft-'));
    expect(await ids('论坛')).toEqual(['ft-early:forum']);
    expect(await ids('演示论坛')).toEqual(['ft-early:forum']);
    expect(await ids('Demo forum')).toContain('ft-early:forum');
    expect(await ids('forum 论坛')).toContain('ft-early:forum');
    expect(await ids('会址')).toEqual([]);
  });
});
