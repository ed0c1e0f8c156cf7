/**
 * The analyst API against the real Neo4j loaded with the Plan. Answers are checked against the graph
 * itself through hand-written Cypher, not against copies of expected output.
 */
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import { startPlanServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';

let t: TestServer;

beforeAll(async () => {
  t = await startPlanServer();
});
afterAll(async () => {
  await t.close();
});

/** Runs a query that must succeed and returns its data. */
async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await t.graphql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** Runs a query that must fail and returns its first error. */
async function failure(
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ message: string; code: string | undefined; status: number }> {
  const result = await t.graphql(query, variables);
  expect(result.errors?.length).toBeGreaterThan(0);
  return { message: result.errors![0]!.message, code: result.errors![0]!.extensions?.code, status: result.status };
}

async function ids(cypher: string, params: Record<string, unknown> = {}): Promise<string[]> {
  return (await t.db.read(cypher, params)).map((r) => r['id'] as string);
}

const sorted = (list: string[]): string[] => [...list].sort();

describe('Analyst question: which tasks serve this goal, and what do they develop and build?', () => {
  it('lists the tasks of every goal with their industries and platforms, as the graph links them', async () => {
    const result = await data<{
      goals: Array<{
        id: string;
        tasks: Array<{ id: string; industries: Array<{ id: string }>; platforms: Array<{ id: string }> }>;
      }>;
    }>('{ goals { id tasks { id industries { id } platforms { id } } } }');
    expect(result.goals).toHaveLength(7);
    for (const goal of result.goals) {
      expect(sorted(goal.tasks.map((x) => x.id))).toEqual(
        sorted(await ids('MATCH (t:Task)-[:ADVANCES]->(:Goal {id: $id}) RETURN t.id AS id', { id: goal.id })),
      );
      for (const task of goal.tasks) {
        expect(sorted(task.industries.map((x) => x.id))).toEqual(
          sorted(await ids('MATCH (:Task {id: $id})-[:DEVELOPS]->(i:Industry) RETURN i.id AS id', { id: task.id })),
        );
        expect(sorted(task.platforms.map((x) => x.id))).toEqual(
          sorted(await ids('MATCH (:Task {id: $id})-[:BUILDS]->(p:Platform) RETURN p.id AS id', { id: task.id })),
        );
      }
    }
  });

  it('reports the whole impact chain of the 2025 industry goal', async () => {
    const { goalImpact } = await data<{
      goalImpact: {
        goal: { id: string };
        goals: Array<{ id: string }>;
        tasks: Array<{ id: string }>;
        industries: Array<{ id: string; tier: string }>;
        platforms: Array<{ id: string }>;
      };
    }>(
      '{ goalImpact(id: "zgc14:goal-2025-industry") { goal { id } ' +
        'goals { id } tasks { id } industries { id tier } platforms { id } } }',
    );
    expect(goalImpact.goal.id).toBe('zgc14:goal-2025-industry');
    expect(goalImpact.goals.map((g) => g.id)).toEqual(['zgc14:goal-2025-industry']);
    expect(goalImpact.tasks.map((x) => x.id)).toEqual(['zgc14:task-digital-economy']);
    const expected = await ids(
      'MATCH (:Task {id: "zgc14:task-digital-economy"})-[:DEVELOPS]->(:Industry|Framework)<-[:PART_OF*0..]-(i:Industry) ' +
        'RETURN DISTINCT i.id AS id',
    );
    expect(sorted(goalImpact.industries.map((i) => i.id))).toEqual(sorted(expected));
    expect(goalImpact.industries.map((i) => i.tier)).toContain('LEADING');
    expect(goalImpact.platforms).toEqual([]);
  });

  it('counts every task for the 2035 goal, since every goal feeds into it', async () => {
    const { goalImpact } = await data<{
      goalImpact: { goals: unknown[]; tasks: Array<{ id: string }>; platforms: Array<{ id: string }> };
    }>('{ goalImpact(id: "zgc14:goal-2035") { goals { id } tasks { id } platforms { id } } }');
    expect(goalImpact.goals).toHaveLength(7);
    expect(goalImpact.tasks).toHaveLength(7);
    expect(sorted(goalImpact.platforms.map((p) => p.id))).toEqual(
      sorted(await ids('MATCH (:Task)-[:BUILDS]->(p:Platform) RETURN DISTINCT p.id AS id')),
    );
  });

  it('shows why each task is linked, through the connection form', async () => {
    const { node } = await data<{
      node: {
        tasksConnection: {
          totalCount: number;
          edges: Array<{
            type: string;
            basis: string;
            rationale: string | null;
            sources: number[];
            node: { id: string };
          }>;
        };
      };
    }>(
      '{ node(id: "zgc14:goal-2025-ecosystem") { ... on Goal { ' +
        'tasksConnection { totalCount edges { type basis rationale sources node { id } } } } } }',
    );
    const stored = await t.db.read(
      'MATCH (t:Task)-[r:ADVANCES]->(:Goal {id: "zgc14:goal-2025-ecosystem"}) RETURN t.id AS id, ' +
        'r.basis AS basis, r.rationale AS rationale, r.sources AS sources ORDER BY t.ordinal',
    );
    expect(node.tasksConnection.totalCount).toBe(stored.length);
    expect(
      node.tasksConnection.edges.map((e) => ({
        id: e.node.id,
        basis: e.basis,
        rationale: e.rationale,
        sources: e.sources,
      })),
    ).toEqual(stored);
    expect(node.tasksConnection.edges.every((e) => e.type === 'ADVANCES')).toBe(true);
  });
});

describe('Analyst question: how is the Zhongguancun Forum connected to the 2035 goal?', () => {
  it('returns a shortest path whose edges join consecutive nodes and exist in the graph', async () => {
    const { shortestPath } = await data<{
      shortestPath: {
        length: number;
        nodes: Array<{ id: string; kind: string; name: string }>;
        edges: Array<{ id: string; type: string; source: string; target: string; basis: string }>;
      };
    }>(
      '{ shortestPath(from: "zgc14:platform-zgc-forum", to: "zgc14:goal-2035") ' +
        '{ length nodes { id kind name } edges { id type source target basis } } }',
    );
    const [expected] = await t.db.read(
      'MATCH p = shortestPath((:Entity {id: "zgc14:platform-zgc-forum"})-[*..6]-' +
        '(:Entity {id: "zgc14:goal-2035"})) RETURN length(p) AS length',
    );
    expect(shortestPath.length).toBe(expected!['length']);
    expect(shortestPath.nodes).toHaveLength(shortestPath.length + 1);
    expect(shortestPath.nodes[0]).toMatchObject({
      id: 'zgc14:platform-zgc-forum',
      kind: 'PLATFORM',
      name: 'Zhongguancun Forum',
    });
    expect(shortestPath.nodes[shortestPath.nodes.length - 1]!.id).toBe('zgc14:goal-2035');
    for (const [i, edge] of shortestPath.edges.entries()) {
      expect(sorted([edge.source, edge.target])).toEqual(
        sorted([shortestPath.nodes[i]!.id, shortestPath.nodes[i + 1]!.id]),
      );
      const [stored] = await t.db.read(
        `MATCH (a:Entity {id: $a})-[r:${edge.type}]->(b:Entity {id: $b}) RETURN r.basis AS basis`,
        { a: edge.source, b: edge.target },
      );
      expect(stored).toEqual({ basis: edge.basis });
      expect(edge.id).toBe(`${edge.source}|${edge.type}|${edge.target}`);
    }
  });

  it('returns a path of length 0 from an entity to itself', async () => {
    const { shortestPath } = await data<{
      shortestPath: { length: number; nodes: Array<{ id: string }>; edges: unknown[] };
    }>('{ shortestPath(from: "zgc14:goal-2035", to: "zgc14:goal-2035") { length nodes { id } edges { id } } }');
    expect(shortestPath).toEqual({ length: 0, nodes: [{ id: 'zgc14:goal-2035' }], edges: [] });
  });

  it('returns null when no path is short enough', async () => {
    const result = await data<{ shortestPath: unknown }>(
      '{ shortestPath(from: "zgc14:industry-future-materials", ' +
        'to: "zgc14:platform-forum-venue", maxHops: 2) { length } }',
    );
    expect(result.shortestPath).toBeNull();
  });

  it('refuses an unknown id with NOT_FOUND, naming the argument', async () => {
    const error = await failure('{ shortestPath(from: "zgc14:platform-zgc-forum", to: "zgc14:nowhere") { length } }');
    expect(error).toEqual({
      code: 'NOT_FOUND',
      message: 'shortestPath: no entity has the id "zgc14:nowhere" (argument to)',
      status: 200,
    });
  });
});

describe('Analyst question: which goals have no task behind them?', () => {
  // The demo cites the Zhongguancun report's first words: a source another namespace holds.
  const CITE = [{ source: 'zgc14:source-article', paragraph: 1, start: 0, end: 13 }];
  const demo = {
    namespace: 'gapdemo',
    nodes: [
      {
        id: 'plan',
        label: 'Plan',
        name: 'Gap demo plan',
        citations: CITE,
        zone: 'Z',
        periodStart: 2021,
        periodEnd: 2025,
      },
      { id: 'goal-served', label: 'Goal', name: 'Served goal', citations: CITE, goalKind: 'STAGE', targetYear: 2025 },
      { id: 'goal-orphan', label: 'Goal', name: 'Orphan goal', citations: CITE, goalKind: 'STAGE', targetYear: 2030 },
      { id: 'task', label: 'Task', name: 'Only task', citations: CITE, ordinal: 1 },
      { id: 'platform', label: 'Platform', name: 'Unbuilt platform', citations: CITE, platformKind: 'OTHER' },
    ],
    relationships: [{ type: 'ADVANCES', from: 'task', to: 'goal-served', basis: 'STATED', citations: CITE }],
  };
  afterAll(async () => {
    await t.db.write("MATCH (n:Entity {namespace: 'gapdemo'}) DETACH DELETE n");
  });

  it('finds none in the Zhongguancun Plan, and names the industries no task stands behind', async () => {
    const { gaps } = await data<{
      gaps: {
        goalsWithoutTasks: unknown[];
        industriesWithoutTasks: Array<{ id: string }>;
        platformsWithoutTasks: unknown[];
      };
    }>(
      '{ gaps(namespace: "zgc14") { goalsWithoutTasks { id } ' +
        'industriesWithoutTasks { id } platformsWithoutTasks { id } } }',
    );
    expect(gaps.goalsWithoutTasks).toEqual(
      await t.db.read('MATCH (g:Goal) WHERE NOT EXISTS { (:Task)-[:ADVANCES]->(g) } RETURN g.id AS id'),
    );
    expect(gaps.goalsWithoutTasks).toEqual([]);
    expect(gaps.industriesWithoutTasks.map((i) => i.id)).toEqual(['zgc14:industry-traditional']);
    expect(gaps.platformsWithoutTasks).toEqual([]);
  });

  it('reports a goal and a platform that no task serves in another plan', async () => {
    await loadDataset(t.db, checkDataset('gapdemo.json', demo));
    const { gaps } = await data<{
      gaps: { goalsWithoutTasks: Array<{ id: string; name: string }>; platformsWithoutTasks: Array<{ id: string }> };
    }>('{ gaps(namespace: "gapdemo") { goalsWithoutTasks { id name } platformsWithoutTasks { id } } }');
    expect(gaps.goalsWithoutTasks).toEqual([{ id: 'gapdemo:goal-orphan', name: 'Orphan goal' }]);
    expect(gaps.platformsWithoutTasks).toEqual([{ id: 'gapdemo:platform' }]);
  });
});

describe('Root lists: filters, sorting and paging', () => {
  it('filters by id list, name fragment (any case) and kind-specific properties', async () => {
    expect(await data('{ goals(where: {id: {in: ["zgc14:goal-2035", "zgc14:goal-2025"]}}) { id } }')).toEqual({
      goals: [{ id: 'zgc14:goal-2025' }, { id: 'zgc14:goal-2035' }],
    });
    expect(await data('{ platforms(where: {name: {contains: "FORUM", caseInsensitive: true}}) { name } }')).toEqual({
      platforms: [{ name: 'Permanent venue of the Zhongguancun Forum' }, { name: 'Zhongguancun Forum' }],
    });
    const specific = await data<{ goals: Array<{ goalKind: string; targetYear: number }> }>(
      '{ goals(where: {goalKind: {eq: SPECIFIC}, targetYear: {eq: 2025}}) { goalKind targetYear } }',
    );
    expect(specific.goals).toHaveLength(5);
    expect(await data('{ tasks(where: {ordinal: {eq: 4}}) { id } }')).toEqual({
      tasks: [{ id: 'zgc14:task-digital-economy' }],
    });
    const leading = await data<{ industries: Array<{ id: string }> }>(
      '{ industries(where: {tier: {eq: LEADING}}) { id } }',
    );
    expect(leading.industries.map((i) => i.id)).toEqual(
      await ids("MATCH (i:Industry {tier: 'LEADING'}) RETURN i.id AS id ORDER BY id"),
    );
    expect(
      await data('{ industries(where: {category: {contains: "FUTURE INDUSTRY", caseInsensitive: true}}) { id } }'),
    ).toMatchObject({
      industries: { length: 5 },
    });
    expect(
      await data('{ businessForms(where: {formKind: {eq: MODEL}, name: {endsWith: "technology"}}) { id } }'),
    ).toMatchObject({
      businessForms: { length: 4 },
    });
    expect(await data('{ platforms(where: {platformKind: {eq: VENUE}}) { id } }')).toEqual({
      platforms: [{ id: 'zgc14:platform-forum-venue' }],
    });
    expect(await data('{ plans(where: {horizon: {eq: 2035}}) { id } }')).toEqual({
      plans: [{ id: 'zgc14:plan' }],
    });
  });

  it('sorts by the chosen keys and directions, breaking ties by id', async () => {
    const byOrdinalDesc = await data<{ tasks: Array<{ ordinal: number }> }>(
      '{ tasks(sort: [{field: ORDINAL, direction: DESC}]) { ordinal } }',
    );
    expect(byOrdinalDesc.tasks.map((x) => x.ordinal)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const goals = await data<{ goals: Array<{ id: string; targetYear: number }> }>(
      '{ goals(sort: [{field: TARGET_YEAR, direction: DESC}, {field: NAME}]) { id targetYear } }',
    );
    expect(goals.goals[0]!.targetYear).toBe(2035);
    expect(goals.goals.map((g) => g.id)).toEqual(
      await ids('MATCH (g:Goal) RETURN g.id AS id ORDER BY g.targetYear DESC, g.name, g.id'),
    );
    const byName = await data<{ industries: Array<{ name: string }> }>(
      '{ industries(sort: [{field: NAME}]) { name } }',
    );
    expect(byName.industries.map((i) => i.name)).toEqual(
      (await t.db.read('MATCH (i:Industry) RETURN i.name AS name ORDER BY name')).map((r) => r['name']),
    );
  });

  it('pages with limit and offset, and returns an empty list past the end', async () => {
    const all = await ids('MATCH (i:Industry) RETURN i.id AS id ORDER BY id');
    const page = await data<{ industries: Array<{ id: string }> }>('{ industries(limit: 5, offset: 10) { id } }');
    expect(page.industries.map((i) => i.id)).toEqual(all.slice(10, 15));
    expect(await data('{ industries(limit: 5, offset: 500) { id } }')).toEqual({ industries: [] });
    expect(await data('{ industries(limit: 0) { id } }')).toEqual({ industries: [] });
  });

  it('walks a connection page by page with cursors and a total count', async () => {
    const all = await ids('MATCH (i:Industry) RETURN i.id AS id ORDER BY id');
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const {
        industriesConnection: c,
      }: {
        industriesConnection: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
          edges: Array<{ cursor: string; node: { id: string } }>;
        };
      } = await data(
        'query($after: String) { industriesConnection(first: 10, after: $after) { totalCount ' +
          'pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }',
        { after },
      );
      expect(c.totalCount).toBe(all.length);
      expect(c.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...c.edges.map((e) => e.node.id));
      pages += 1;
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 10));
  });

  it('filters and sorts connections like lists, and gives an empty page past the end', async () => {
    const { tasksConnection } = await data<{
      tasksConnection: { totalCount: number; edges: Array<{ node: { ordinal: number } }> };
    }>(
      '{ tasksConnection(where: {name: {contains: "global", caseInsensitive: true}}, ' +
        'sort: [{field: ORDINAL, direction: DESC}], first: 1) { totalCount edges { node { ordinal } } } }',
    );
    expect(tasksConnection.totalCount).toBe(
      (await ids("MATCH (t:Task) WHERE toLower(t.name) CONTAINS 'global' RETURN t.id AS id")).length,
    );
    expect(tasksConnection.edges).toEqual([{ node: { ordinal: 7 } }]);
    const past = Buffer.from('offset:99').toString('base64');
    expect(
      await data(
        'query($a: String) { goalsConnection(after: $a) { totalCount ' +
          'edges { cursor } pageInfo { hasNextPage endCursor } } }',
        { a: past },
      ),
    ).toEqual({
      goalsConnection: { totalCount: 7, edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    });
  });
});

describe('Relationship fields in both directions', () => {
  it('answers each relationship field from both ends alike', async () => {
    const { tasks } = await data<{
      tasks: Array<{
        id: string;
        goals: Array<{ id: string; tasks: Array<{ id: string }> }>;
        industries: Array<{ id: string; tasks: Array<{ id: string }> }>;
        platforms: Array<{ id: string; tasks: Array<{ id: string }> }>;
      }>;
    }>('{ tasks { id goals { id tasks { id } } industries { id tasks { id } } platforms { id tasks { id } } } }');
    for (const task of tasks) {
      for (const other of [...task.goals, ...task.industries, ...task.platforms])
        expect(other.tasks.map((x) => x.id)).toContain(task.id);
    }
    expect(tasks.flatMap((x) => x.goals)).toHaveLength(9);
    expect(tasks.flatMap((x) => x.platforms)).toHaveLength(6);
  });

  it('walks the industry hierarchy up and down', async () => {
    const { industries } = await data<{
      industries: Array<{
        parent: null;
        frameworks: Array<{ name: string; industries: unknown[] }>;
        businessForms: Array<{ formKind: string }>;
        children: Array<{ name: string }>;
        childrenConnection: { totalCount: number };
      }>;
    }>(
      '{ industries(where: {name: {contains: "modern service", caseInsensitive: true}}) { parent { name } ' +
        'frameworks { name industries { id } } businessForms { formKind } ' +
        'children { name } childrenConnection { totalCount edges { basis } } } }',
    );
    expect(industries).toHaveLength(1);
    expect(industries[0]!.parent).toBeNull();
    expect(industries[0]!.frameworks).toEqual([
      { name: "'241' high-precision industry system", industries: expect.any(Array) as unknown },
    ]);
    expect(industries[0]!.frameworks[0]!.industries).toHaveLength(7);
    expect(industries[0]!.businessForms).toEqual([1, 2, 3, 4].map(() => ({ formKind: 'MODEL' })));
    expect(industries[0]!.children.map((c) => c.name)).toEqual(
      (
        await t.db.read(
          'MATCH (c:Industry)-[:PART_OF]->(:Industry {id: "zgc14:industry-modern-services"}) ' +
            'RETURN c.name AS name ORDER BY c.id',
        )
      ).map((r) => r['name']),
    );
    expect(industries[0]!.childrenConnection.totalCount).toBe(2);
  });

  it('links the goals: specific goals detail 2025, which leads to 2035', async () => {
    const { goals } = await data<{
      goals: Array<{
        targetYear: number;
        specificGoals: unknown[];
        leadsTo: { targetYear: number } | null;
        ledFrom: unknown;
        stageGoal: unknown;
        plans: Array<{ id: string }>;
      }>;
    }>(
      '{ goals(where: {goalKind: {eq: STAGE}}) { targetYear specificGoals { id } ' +
        'leadsTo { targetYear } ledFrom { id } stageGoal { id } plans { id } } }',
    );
    expect(goals).toEqual([
      {
        targetYear: 2025,
        specificGoals: expect.any(Array) as unknown,
        leadsTo: { targetYear: 2035 },
        ledFrom: null,
        stageGoal: null,
        plans: [{ id: 'zgc14:plan' }],
      },
      {
        targetYear: 2035,
        specificGoals: [],
        leadsTo: null,
        ledFrom: { id: 'zgc14:goal-2025' },
        stageGoal: null,
        plans: [{ id: 'zgc14:plan' }],
      },
    ]);
    expect(goals[0]!.specificGoals).toHaveLength(5);
  });

  it('gives the Plan its goals, tasks, areas and action plans, and every entity its kind and namespace', async () => {
    const { plans } = await data<{
      plans: Array<{
        kind: string;
        namespace: string;
        goals: unknown[];
        tasks: Array<{ ordinal: number }>;
        areas: Array<{ areaKind: string; locatedIn: Array<{ name: string }> }>;
        actionPlans: Array<{ fields: Array<{ name: string }> }>;
      }>;
    }>(
      '{ plans { kind namespace goals { id } tasks { ordinal } ' +
        'areas { areaKind locatedIn { name } } actionPlans { fields { name } } } }',
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      kind: 'PLAN',
      namespace: 'zgc14',
      areas: [{ areaKind: 'DEMONSTRATION_ZONE', locatedIn: [{ name: 'Beijing' }] }],
      actionPlans: [{ fields: [{ name: 'Digital economy' }] }],
    });
    expect(plans[0]!.goals).toHaveLength(7);
    expect(plans[0]!.tasks.map((x) => x.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('node, search, neighborhood and rankings', () => {
  it('finds any entity by id through the Entity interface, and null for an unknown id', async () => {
    expect(
      await data('{ node(id: "zgc14:task-talent") { __typename id name kind sources ... on Task { ordinal } } }'),
    ).toEqual({
      node: {
        __typename: 'Task',
        id: 'zgc14:task-talent',
        name: expect.any(String) as unknown,
        kind: 'TASK',
        sources: [6],
        ordinal: 6,
      },
    });
    expect(
      await data('{ node(id: "zgc14:source-article") { __typename ... on Source { publisher plans { id } } } }'),
    ).toEqual({ node: { __typename: 'Source', publisher: 'Chinanews.com', plans: [{ id: 'zgc14:plan' }] } });
    expect(await data('{ node(id: "nothing:here") { id } }')).toEqual({ node: null });
  });

  it('ranks an exact name match first and filters by kind', async () => {
    const { search } = await data<{ search: Array<{ score: number; entity: { id: string; kind: string } }> }>(
      '{ search(text: "Zhongguancun Forum") { score entity { id kind } } }',
    );
    expect(search[0]!.entity.id).toBe('zgc14:platform-zgc-forum');
    // After the exact name match, hits come by descending relevance.
    const rest = search.slice(1).map((h) => h.score);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
    expect(rest.length).toBeGreaterThan(0);
    const goalsOnly = await data<{ search: Array<{ entity: { kind: string } }> }>(
      '{ search(text: "innovation", kinds: [GOAL], limit: 3) { entity { kind } } }',
    );
    expect(goalsOnly.search).toHaveLength(3);
    expect(goalsOnly.search.every((h) => h.entity.kind === 'GOAL')).toBe(true);
    const prefix = await data<{ search: Array<{ entity: { id: string } }> }>(
      '{ search(text: "biotech") { entity { id } } }',
    );
    expect(prefix.search.map((h) => h.entity.id)).toContain('zgc14:industry-biotech-health');
  });

  it('treats Lucene syntax and Cypher in search text as plain words', async () => {
    // Text with a letter or digit is searched for its words; text with none is refused.
    for (const text of [
      'forum AND (',
      '"unbalanced',
      'name:* OR summary:*',
      'x~2^9',
      "') RETURN 1 //",
      'a/b',
      '中关村',
    ]) {
      const result = await t.graphql('query($text: String!) { search(text: $text) { score } }', { text });
      expect({ text, errors: result.errors }).toEqual({ text, errors: undefined });
      expect((result.data as { search: unknown[] }).search).toEqual(expect.any(Array));
    }
    const forum = await t.graphql<{ search: Array<{ entity: { id: string } }> }>(
      'query($text: String!) { search(text: $text) { entity { id } } }',
      { text: 'forum AND (' },
    );
    expect(forum.data?.search.map((h) => h.entity.id)).toContain('zgc14:platform-zgc-forum');
    const bare = await t.graphql('query($text: String!) { search(text: $text) { score } }', { text: '\\' });
    expect(bare.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await failure('{ search(text: "  ?! ") { score } }')).code).toBe('BAD_USER_INPUT');
  });

  it('draws the neighbourhood of the Forum: nodes within depth and the links among them', async () => {
    const { neighborhood } = await data<{
      neighborhood: {
        nodes: Array<{ id: string; kind: string; name: string }>;
        edges: Array<{ source: string; target: string; type: string; basis: string }>;
        truncated: boolean;
      };
    }>(
      '{ neighborhood(id: "zgc14:platform-zgc-forum", depth: 2) ' +
        '{ nodes { id kind name } edges { source target type basis } truncated } }',
    );
    const expected = await ids(
      'MATCH (:Entity {id: "zgc14:platform-zgc-forum"})-[*0..2]-(n:Entity) RETURN DISTINCT n.id AS id',
    );
    expect(sorted(neighborhood.nodes.map((n) => n.id))).toEqual(sorted(expected));
    expect(neighborhood.nodes[0]!.id).toBe('zgc14:platform-zgc-forum');
    const inside = new Set(neighborhood.nodes.map((n) => n.id));
    const [count] = await t.db.read(
      'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS n',
      { ids: [...inside] },
    );
    expect(neighborhood.edges).toHaveLength(count!['n'] as number);
    expect(neighborhood.edges.every((e) => inside.has(e.source) && inside.has(e.target))).toBe(true);
    expect(neighborhood.truncated).toBe(false);
  });

  it('follows only the relationship types asked for, and truncates at the limit', async () => {
    const { neighborhood } = await data<{
      neighborhood: { nodes: Array<{ kind: string }>; edges: Array<{ type: string }> };
    }>(
      // Variables carry enum values as JSON strings.
      'query ($types: [RelationType!]) { neighborhood(id: "zgc14:industry-modern-services", depth: 3, ' +
        'relationTypes: $types) { nodes { kind } edges { type } } }',
      { types: ['PART_OF'] },
    );
    // Modern services are part of the '241' framework, and four business models of them (our reading).
    expect(new Set(neighborhood.nodes.map((n) => n.kind))).toEqual(new Set(['INDUSTRY', 'FRAMEWORK', 'BUSINESS_FORM']));
    expect(neighborhood.edges.every((e) => e.type === 'PART_OF')).toBe(true);
    expect(neighborhood.nodes).toHaveLength(
      1 +
        (
          await ids(
            'MATCH (i:Entity)-[:PART_OF*1..3]-(:Industry {id: "zgc14:industry-modern-services"}) ' +
              'RETURN DISTINCT i.id AS id',
          )
        ).length,
    );
    const cut = await data<{ neighborhood: { nodes: unknown[]; truncated: boolean } }>(
      '{ neighborhood(id: "zgc14:plan", depth: 1, limit: 3) { nodes { id } truncated } }',
    );
    expect(cut.neighborhood).toEqual({ nodes: expect.any(Array) as unknown, truncated: true });
    expect(cut.neighborhood.nodes).toHaveLength(3);
  });

  it('gives a graph or neighbourhood node its tier when it is an industry, and null for every other kind', async () => {
    const stored = new Map(
      (await t.db.read('MATCH (n:Entity) RETURN n.id AS id, n:Industry AS industry, n.tier AS tier')).map((r) => [
        r['id'] as string,
        r['industry'] ? (r['tier'] as string) : null,
      ]),
    );
    const { graph, neighborhood } = await data<{
      graph: { nodes: Array<{ id: string; tier: string | null }> };
      neighborhood: { nodes: Array<{ id: string; kind: string; tier: string | null }> };
    }>(
      '{ graph(limit: 500) { nodes { id tier } } ' +
        'neighborhood(id: "zgc14:industry-modern-services", depth: 1) { nodes { id kind tier } } }',
    );
    expect(graph.nodes).toHaveLength(stored.size);
    for (const node of [...graph.nodes, ...neighborhood.nodes]) expect(node.tier).toBe(stored.get(node.id));
    // Both cases occur: industries with their tier, and other kinds without one.
    const kinds = neighborhood.nodes.map((n) => `${n.kind}:${n.tier === null ? 'null' : 'tier'}`);
    expect(kinds).toEqual(expect.arrayContaining(['INDUSTRY:tier', 'FRAMEWORK:null']));
    expect(neighborhood.nodes.find((n) => n.id === 'zgc14:industry-modern-services')?.tier).toBe('SERVICE');
  });

  it('ranks entities by their number of links', async () => {
    const { mostConnected } = await data<{
      mostConnected: Array<{ degree: number; inDegree: number; outDegree: number; entity: { id: string } }>;
    }>('{ mostConnected(limit: 5) { degree inDegree outDegree entity { id } } }');
    const expected = await t.db.read(
      'MATCH (n:Entity) RETURN n.id AS id, COUNT { (n)--() } AS degree ORDER BY degree DESC, id LIMIT 5',
    );
    expect(mostConnected.map((m) => ({ id: m.entity.id, degree: m.degree }))).toEqual(expected);
    expect(mostConnected.every((m) => m.degree === m.inDegree + m.outDegree)).toBe(true);
    const tasksOnly = await data<{ mostConnected: Array<{ entity: { __typename: string } }> }>(
      '{ mostConnected(kinds: [TASK], limit: 2) { entity { __typename } } }',
    );
    expect(tasksOnly.mostConnected).toEqual([{ entity: { __typename: 'Task' } }, { entity: { __typename: 'Task' } }]);
  });

  it('keeps aliases apart, even for the same field with different selections', async () => {
    const result = await data<{ a: Array<{ x: string }>; b: Array<{ y: number; z: Array<{ w: string }> }> }>(
      '{ a: tasks(limit: 1) { x: id } b: tasks(limit: 1, offset: 1) { y: ordinal z: goals { w: id } } }',
    );
    const [first, second] = await t.db.read(
      'MATCH (t:Task) RETURN t.id AS id, t.ordinal AS ordinal, ' +
        'COLLECT { MATCH (t)-[:ADVANCES]->(g:Goal) RETURN g.id ORDER BY g.id } AS goals ORDER BY t.id LIMIT 2',
    );
    expect(result).toEqual({
      a: [{ x: first!['id'] }],
      b: [{ y: second!['ordinal'], z: (second!['goals'] as string[]).map((w) => ({ w })) }],
    });
  });
});

describe('One database round trip per root field', () => {
  it('sends one query for a three-level nested selection, whatever the number of results', async () => {
    const query =
      'query($limit: Int) { goals(limit: $limit) { id tasks { id ' +
      'industries { id children { id } } platforms { id } } } }';
    const counts: number[] = [];
    for (const limit of [1, 3, 7]) {
      t.queries.length = 0;
      const result = await data<{ goals: unknown[] }>(query, { limit });
      expect(result.goals).toHaveLength(limit);
      counts.push(t.queries.length);
    }
    expect(counts).toEqual([1, 1, 1]);
  });

  it('sends one query per root field when a request has several', async () => {
    t.queries.length = 0;
    await data('{ goals { id } tasksConnection { totalCount } search(text: "forum") { score } }');
    expect(t.queries).toHaveLength(3);
  });
});

describe('Bad arguments', () => {
  it.each([
    [
      'a negative limit',
      '{ goals(limit: -1) { id } }',
      'BAD_USER_INPUT',
      'limit must be a whole number from 0 to 500, got -1',
    ],
    [
      'a limit past the cap',
      '{ goals(limit: 501) { id } }',
      'BAD_USER_INPUT',
      'limit must be a whole number from 0 to 500, got 501',
    ],
    [
      'a link limit past the cap',
      '{ neighborhood(id: "zgc14:plan", linkLimit: 501) { truncated } }',
      'BAD_USER_INPUT',
      'linkLimit must be a whole number from 0 to 500, got 501',
    ],
    [
      'a negative link limit on the whole graph',
      '{ graph(linkLimit: -1) { truncated } }',
      'BAD_USER_INPUT',
      'linkLimit must be a whole number from 0 to 500, got -1',
    ],
    [
      'a negative offset',
      '{ goals(offset: -5) { id } }',
      'BAD_USER_INPUT',
      'offset must be a whole number of 0 or more, got -5',
    ],
    [
      'a first past the cap',
      '{ goalsConnection(first: 1000) { totalCount } }',
      'BAD_USER_INPUT',
      'first must be a whole number from 0 to 500, got 1000',
    ],
    [
      'a cursor not from this API',
      '{ goalsConnection(after: "bogus") { totalCount } }',
      'BAD_USER_INPUT',
      'after must be a cursor this API returned',
    ],
    [
      'a depth past the cap',
      '{ neighborhood(id: "zgc14:plan", depth: 4) { truncated } }',
      'BAD_USER_INPUT',
      'depth must be a whole number from 1 to 3, got 4',
    ],
    [
      'a depth of zero',
      '{ neighborhood(id: "zgc14:plan", depth: 0) { truncated } }',
      'BAD_USER_INPUT',
      'depth must be a whole number from 1 to 3, got 0',
    ],
    [
      'maxHops past the cap',
      '{ shortestPath(from: "zgc14:plan", to: "zgc14:goal-2035", maxHops: 7) { length } }',
      'BAD_USER_INPUT',
      'maxHops must be a whole number from 1 to 6, got 7',
    ],
    [
      'an unknown relationship type',
      '{ neighborhood(id: "zgc14:plan", relationTypes: [ADVANCES, KNOWS]) { truncated } }',
      'GRAPHQL_VALIDATION_FAILED',
      'Value "KNOWS" does not exist in "RelationType" enum',
    ],
    [
      'an unknown id in a neighbourhood',
      '{ neighborhood(id: "zgc14:atlantis") { truncated } }',
      'NOT_FOUND',
      'neighborhood: no entity has the id "zgc14:atlantis"',
    ],
    [
      'an unknown goal in an impact report',
      '{ goalImpact(id: "zgc14:task-talent") { goal { id } } }',
      'NOT_FOUND',
      'goalImpact: no goal has the id "zgc14:task-talent"',
    ],
    [
      'an unknown id at the start of a path',
      '{ shortestPath(from: "x:y", to: "zgc14:plan") { length } }',
      'NOT_FOUND',
      '"x:y" (argument from)',
    ],
  ])('refuses %s', async (_name, query, code, fragment) => {
    const error = await failure(query);
    expect(error.code).toBe(code);
    expect(error.message).toContain(fragment);
    // A refusal before execution fails the request; one during execution answers beside the data.
    expect(error.status).toBe(code === 'GRAPHQL_VALIDATION_FAILED' ? 400 : 200);
  });

  it('refuses an unknown kind given in a variable as BAD_USER_INPUT', async () => {
    const error = await failure('query($k: [EntityKind!]) { search(text: "forum", kinds: $k) { score } }', {
      k: ['PERSON'],
    });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('PERSON');
  });

  it('refuses an unknown kind written in the query as a validation error', async () => {
    const error = await failure('{ search(text: "forum", kinds: [PERSON]) { score } }');
    expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('passes an id with Cypher in it as a value, not as code', async () => {
    const before = await t.db.read('MATCH (n) RETURN count(n) AS n');
    const id = "x'}) MATCH (n) DETACH DELETE n //";
    expect(await data('query($id: ID!) { node(id: $id) { id } }', { id })).toEqual({ node: null });
    expect((await failure('query($id: ID!) { neighborhood(id: $id) { truncated } }', { id })).code).toBe('NOT_FOUND');
    expect(await t.db.read('MATCH (n) RETURN count(n) AS n')).toEqual(before);
  });
});

describe("The README's analyst questions, each one request, with the answers the README gives", () => {
  it('which tasks develop a future-tier industry', async () => {
    expect(await data('{ tasks(where: {industries: {some: {tier: {eq: FUTURE}}}}) { id } }')).toEqual({
      tasks: [{ id: 'zgc14:task-digital-economy' }],
    });
  });

  it('which goals no task advances through a stated link: all seven', async () => {
    const { goals } = await data<{ goals: unknown[] }>(
      '{ goals(where: {tasksConnection: {none: {edge: {basis: {eq: STATED}}}}}) { id } }',
    );
    expect(goals).toHaveLength(7);
  });

  it('industries by tier, with counts', async () => {
    expect(await data('{ industriesCountBy(by: TIER) { key count } }')).toEqual({
      industriesCountBy: [
        { key: 'FUTURE', count: 5 },
        { key: 'SERVICE_BRANCH', count: 5 },
        { key: 'KEY', count: 4 },
        { key: 'LEADING', count: 2 },
        { key: 'SERVICE', count: 1 },
        { key: 'TRADITIONAL', count: 1 },
      ],
    });
  });

  it('goals of 2025 or stage goals: seven', async () => {
    const { goals } = await data<{ goals: Array<{ targetYear: number; goalKind: string }> }>(
      '{ goals(where: {OR: [{targetYear: {eq: 2025}}, {goalKind: {eq: STAGE}}]}) { targetYear goalKind } }',
    );
    expect(goals).toHaveLength(7);
    expect(goals.every((g) => g.targetYear === 2025 || g.goalKind === 'STAGE')).toBe(true);
  });

  it('the path from the Forum to the 2035 goal: none on stated links, two links otherwise, one at least inferred', async () => {
    const ask = (basis: string): string =>
      `{ shortestPath(from: "zgc14:platform-zgc-forum", to: "zgc14:goal-2035"${basis}) ` +
      '{ length nodes { id } edges { type basis } } }';
    expect(await data(ask(', basis: [STATED]'))).toEqual({ shortestPath: null });
    // Two paths are shortest; either may come back.
    const through = (middle: string, first: string, second: { type: string; basis: string }) => ({
      shortestPath: {
        length: 2,
        nodes: [{ id: 'zgc14:platform-zgc-forum' }, { id: middle }, { id: 'zgc14:goal-2035' }],
        edges: [{ type: first, basis: 'INFERRED' }, second],
      },
    });
    expect([
      through('zgc14:task-open-zhongguancun', 'BUILDS', { type: 'ADVANCES', basis: 'INFERRED' }),
      through('zgc14:plan', 'PROPOSES', { type: 'SETS', basis: 'STATED' }),
    ]).toContainEqual(await data(ask('')));
  });

  it('the more examples: counts, none, and an aggregate', async () => {
    expect(
      await data(
        '{ tasks(where: {industriesCount: {gte: 1}}) { id industriesConnection { aggregate { count { nodes } } } } }',
      ),
    ).toEqual({
      tasks: [{ id: 'zgc14:task-digital-economy', industriesConnection: { aggregate: { count: { nodes: 1 } } } }],
    });
    const { industries } = await data<{ industries: unknown[] }>(
      '{ industries(where: {tier: {eq: SERVICE_BRANCH}, tasks: {none: {}}}) { id } }',
    );
    expect(industries).toHaveLength(5);
    expect(
      await data(
        '{ goalsConnection(where: {goalKind: {eq: SPECIFIC}}) { aggregate { count { nodes } node { targetYear { min max } } } } }',
      ),
    ).toEqual({
      goalsConnection: { aggregate: { count: { nodes: 5 }, node: { targetYear: { min: 2025, max: 2025 } } } },
    });
  });
});
