/**
 * Exports for visualization tools, read back with an independent parser (fast-xml-parser, JSON.parse)
 * and compared with what the GraphQL API says about the same graph.
 */
import { spawnSync } from 'node:child_process';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import { PROJECT_ROOT } from '../../src/paths';
import { startPlanServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';
import { toolEnvironment } from '../support/testNeo4j';
import { readExportGraph } from '../../src/export/readExportGraph';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';

let t: TestServer;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['node', 'edge', 'data', 'key', 'attvalue', 'attribute', 'attributes'].includes(name),
});

const TRICKY = 'Q&A "quoted" <tag> \'apostrophe\' 中关村论坛';
// The tricky claims cite the Zhongguancun report's first words: a source another namespace holds.
const CITE = [{ source: 'zgc14:source-article', paragraph: 1, start: 0, end: 13 }];
beforeAll(async () => {
  t = await startPlanServer();
  await loadDataset(
    t.db,
    checkDataset('tricky.json', {
      namespace: 'tricky',
      nodes: [
        {
          id: 'plan',
          label: 'Plan',
          name: TRICKY,
          summary: 'Control \u0001 character & more',
          citations: CITE,
          zone: 'Z',
          periodStart: 2021,
          periodEnd: 2025,
        },
        {
          id: 'goal',
          label: 'Goal',
          name: 'Goal <1>',
          citations: [...CITE, { ...CITE[0]!, paragraph: 2 }],
          goalKind: 'STAGE',
          targetYear: 2025,
        },
      ],
      relationships: [
        {
          type: 'SETS',
          from: 'plan',
          to: 'goal',
          basis: 'INFERRED',
          rationale: 'Because "A & B" < C',
          citations: CITE,
          review: { status: 'DISPUTED', by: 'a reviewer', at: '2026-11-27T10:00:00.000Z', note: 'Not <so>.' },
        },
      ],
    }),
  );
});
afterAll(async () => {
  await t.db.write("MATCH (n:Entity {namespace: 'tricky'}) DETACH DELETE n");
  await t.close();
});

async function apiGraph(focus?: string, depth?: number, basis = ''): Promise<{ nodes: string[]; edges: string[] }> {
  const query = focus
    ? `{ g: neighborhood(id: "${focus}", depth: ${depth ?? 1}, limit: 500${basis}) { nodes { id } edges { id } } }`
    : `{ g: graph(limit: 500${basis}) { nodes { id } edges { id } } }`;
  const result = await t.graphql<{ g: { nodes: Array<{ id: string }>; edges: Array<{ id: string }> } }>(query);
  return { nodes: result.data!.g.nodes.map((n) => n.id).sort(), edges: result.data!.g.edges.map((e) => e.id).sort() };
}

async function download(
  path: string,
): Promise<{ status: number; type: string | null; disposition: string | null; body: string }> {
  const response = await fetch(`${t.server.url}${path}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    body: await response.text(),
  };
}

interface CyNode {
  id: string;
  kind: string;
  namespace: string;
  tier?: string;
}

/** The nodes and edges of a Cytoscape.js export. */
function elements(file: { body: string }): {
  nodes: Array<{ data: CyNode }>;
  edges: Array<{ data: { id: string; source: string; target: string } }>;
} {
  return (
    JSON.parse(file.body) as {
      elements: ReturnType<typeof elements>;
    }
  ).elements;
}

type XmlNode = Record<string, unknown> & {
  data?: Array<{ '@key': string; '#text': unknown }>;
  attvalues?: { attvalue: Array<{ '@for': string; '@value': unknown }> };
};

describe('Exports for visualization tools', () => {
  it('counts match between the GraphQL graph field and the database', async () => {
    const api = await apiGraph();
    const [counts] = await t.db.read(
      'MATCH (n:Entity) WITH count(n) AS nodes MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS edges',
    );
    expect({ nodes: api.nodes.length, edges: api.edges.length }).toEqual(counts);
  });

  it.each([
    [undefined, undefined],
    ['zgc14:platform-zgc-forum', 2],
  ] as const)('writes valid GraphML with typed attributes (focus %s)', async (focus, depth) => {
    const file = await download(
      focus ? `/export.graphml?focus=${encodeURIComponent(focus)}&depth=${depth}` : '/export.graphml',
    );
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/graphml+xml; charset=utf-8');
    expect(file.disposition).toBe(
      focus
        ? 'attachment; filename="zgc-plan-graph-zgc14-platform-zgc-forum-depth2.graphml"'
        : 'attachment; filename="zgc-plan-graph.graphml"',
    );
    expect(XMLValidator.validate(file.body)).toBe(true);
    const doc = parser.parse(file.body) as {
      graphml: {
        key: Array<Record<string, string>>;
        graph: { '@edgedefault': string; node: XmlNode[]; edge?: XmlNode[] };
      };
    };
    const api = await apiGraph(focus, depth);
    expect(doc.graphml.graph.node.map((n) => n['@id']).sort()).toEqual(api.nodes);
    expect((doc.graphml.graph.edge ?? []).map((e) => e['@id']).sort()).toEqual(api.edges);
    expect(doc.graphml.graph['@edgedefault']).toBe('directed');
    expect(doc.graphml.key.map((k) => `${k['@for']}:${k['@attr.name']}:${k['@attr.type']}`)).toEqual(
      expect.arrayContaining([
        'node:kind:string',
        'node:label:string',
        'node:sources:string',
        'node:citations:string',
        'edge:basis:string',
        'edge:citations:string',
        'edge:type:string',
      ]),
    );
  });

  it('writes valid GEXF that Gephi reads, with node labels and edge attributes', async () => {
    const file = await download('/export.gexf');
    expect(file.type).toBe('application/gexf+xml; charset=utf-8');
    expect(file.disposition).toBe('attachment; filename="zgc-plan-graph.gexf"');
    expect(XMLValidator.validate(file.body)).toBe(true);
    const doc = parser.parse(file.body) as {
      gexf: {
        '@version': string;
        graph: {
          nodes: { node: XmlNode[] };
          edges: { edge: XmlNode[] };
          attributes: Array<{ '@class': string; attribute: Array<Record<string, string>> }>;
        };
      };
    };
    const api = await apiGraph();
    expect(doc.gexf['@version']).toBe('1.3');
    expect(doc.gexf.graph.nodes.node.map((n) => n['@id']).sort()).toEqual(api.nodes);
    expect(doc.gexf.graph.edges.edge.map((e) => e['@id']).sort()).toEqual(api.edges);
    const edgeAttributes = doc.gexf.graph.attributes
      .find((a) => a['@class'] === 'edge')!
      .attribute.map((a) => `${a['@title']}:${a['@type']}`);
    expect(edgeAttributes).toEqual(['basis:string', 'rationale:string', 'sources:liststring', 'citations:string']);
  });

  it('writes Cytoscape.js elements JSON', async () => {
    const file = await download('/export.cyjs?focus=zgc14%3Agoal-2035&depth=1');
    expect(file.type).toBe('application/json; charset=utf-8');
    const doc = JSON.parse(file.body) as {
      elements: {
        nodes: Array<{ data: { id: string; kind: string; label: string; citations: unknown[] } }>;
        edges: Array<{ data: { id: string; source: string; target: string; basis: string; sources: number[] } }>;
      };
    };
    const api = await apiGraph('zgc14:goal-2035', 1);
    expect(doc.elements.nodes.map((n) => n.data.id).sort()).toEqual(api.nodes);
    expect(doc.elements.edges.map((e) => e.data.id).sort()).toEqual(api.edges);
    expect(doc.elements.nodes.find((n) => n.data.id === 'zgc14:goal-2035')).toMatchObject({
      data: { kind: 'GOAL', label: 'Important engine of global technological innovation by 2035' },
    });
    expect(
      doc.elements.edges.every((e) => ['STATED', 'INFERRED'].includes(e.data.basis) && e.data.sources.length > 0),
    ).toBe(true);
    // Citations as the API gives them: the same spans, and the same words (or null without the report).
    const cited = await t.graphql<{ node: { citations: unknown[] } }>(
      '{ node(id: "zgc14:goal-2035") { citations { source { id } paragraph start end sha256 text } } }',
    );
    const fromApi = cited.data!.node.citations.map((c) => {
      const { source, ...rest } = c as { source: { id: string } };
      return { source: source.id, ...rest };
    });
    expect(doc.elements.nodes.find((n) => n.data.id === 'zgc14:goal-2035')!.data.citations).toEqual(fromApi);
  });

  it("carries each dated node's date, as the API gives it, and none for undated kinds", async () => {
    const cyjs = JSON.parse((await download('/export.cyjs?focus=zgc14%3Aplan&depth=1')).body) as {
      elements: { nodes: Array<{ data: { id: string; kind: string; date?: string } }> };
    };
    const graphml = parser.parse((await download('/export.graphml?focus=zgc14%3Aplan&depth=1')).body) as {
      graphml: { graph: { node: XmlNode[] } };
    };
    const api = await t.graphql<{ node: { issued: string; reports: Array<{ id: string; date: string }> } }>(
      '{ node(id: "zgc14:plan") { ... on Plan { issued reports { id date } } } }',
    );
    const expected = new Map([
      ['zgc14:plan', api.data!.node.issued],
      ...api.data!.node.reports.map((r) => [r.id, r.date] as [string, string]),
    ]);
    expect(expected.get('zgc14:source-article')).toBe('2021-11-29');
    const dated = (pairs: Array<[unknown, unknown]>) => pairs.filter(([, date]) => date !== undefined);
    expect(new Map(dated(cyjs.elements.nodes.map((n) => [n.data.id, n.data.date])))).toEqual(expected);
    expect(
      new Map(
        dated(
          graphml.graphml.graph.node.map((n) => [n['@id'], n.data?.find((d) => d['@key'] === 'n_date')?.['#text']]),
        ),
      ),
    ).toEqual(expected);
    expect(cyjs.elements.nodes.filter((n) => n.data.kind === 'GOAL').every((n) => n.data.date === undefined)).toBe(
      true,
    );
  });

  it('carries the tier of each industry, and none for other kinds, in every format', async () => {
    const focus = 'export.%s?focus=zgc14%3Aindustry-modern-services&depth=1';
    const stored = new Map(
      (await t.db.read('MATCH (n:Entity) RETURN n.id AS id, n:Industry AS industry, n.tier AS tier')).map((r) => [
        r['id'] as string,
        r['industry'] ? (r['tier'] as string) : undefined,
      ]),
    );
    const graphml = parser.parse((await download(`/${focus.replace('%s', 'graphml')}`)).body) as {
      graphml: { graph: { node: XmlNode[] } };
    };
    const gexf = parser.parse((await download(`/${focus.replace('%s', 'gexf')}`)).body) as {
      gexf: { graph: { nodes: { node: XmlNode[] }; attributes: Array<{ '@class': string; attribute: XmlNode[] }> } };
    };
    const tierId = gexf.gexf.graph.attributes
      .find((a) => a['@class'] === 'node')!
      .attribute.find((a) => a['@title'] === 'tier')!['@id'];
    const cyjs = JSON.parse((await download(`/${focus.replace('%s', 'cyjs')}`)).body) as {
      elements: { nodes: Array<{ data: { id: string; tier?: string } }> };
    };
    const written = {
      graphml: graphml.graphml.graph.node.map((n) => [
        n['@id'],
        n.data?.find((d) => d['@key'] === 'n_tier')?.['#text'],
      ]),
      gexf: gexf.gexf.graph.nodes.node.map((n) => [
        n['@id'],
        n.attvalues?.attvalue.find((v) => v['@for'] === tierId)?.['@value'],
      ]),
      cyjs: cyjs.elements.nodes.map((n) => [n.data.id, n.data.tier]),
    };
    for (const pairs of Object.values(written)) {
      expect(pairs.map(([id]) => [id, stored.get(id as string)])).toEqual(pairs);
      expect(pairs.filter(([, tier]) => tier === undefined).length).toBeGreaterThan(0);
    }
    expect(written.cyjs).toContainEqual(['zgc14:industry-modern-services', 'SERVICE']);
  });

  it(
    'keeps quotes, ampersands, angle brackets and non-Latin text intact, ' + 'and drops characters XML cannot hold',
    async () => {
      for (const format of ['graphml', 'gexf']) {
        const file = await download(`/export.${format}?focus=tricky%3Aplan`);
        expect(XMLValidator.validate(file.body)).toBe(true);
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(file.body) as unknown;
        const text = JSON.stringify(doc);
        expect(text).toContain(JSON.stringify(TRICKY).slice(1, -1));
        expect(text).toContain('Control  character & more');
        expect(text).toContain(JSON.stringify('Because "A & B" < C').slice(1, -1));
      }
    },
  );

  it.each([
    ['/export.graphml?focus=zgc14%3Anowhere', 404, 'NOT_FOUND'],
    ['/export.gexf?focus=zgc14%3Aplan&depth=9', 400, 'BAD_USER_INPUT'],
    ['/export.gexf?focus=zgc14%3Aplan&depth=two', 400, 'BAD_USER_INPUT'],
    ['/export.cyjs?depth=2', 400, 'BAD_USER_INPUT'],
    ['/export.cyjs?focus=a&focus=b', 400, 'BAD_USER_INPUT'],
    ['/export.cyjs?basis=SAID', 400, 'BAD_USER_INPUT'],
    ['/export.cyjs?review=MAYBE', 400, 'BAD_USER_INPUT'],
    ['/export.cyjs?review=ACCEPTED&review=DISPUTED', 400, 'BAD_USER_INPUT'],
    ['/export.cyjs?review=', 400, 'BAD_USER_INPUT'],
  ])('refuses %s with %d', async (path, status, code) => {
    const response = await fetch(`${t.server.url}${path}`);
    expect(response.status).toBe(status);
    expect(
      ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code,
    ).toBe(code);
  });

  it.each([
    ['the whole graph', '/export.cyjs?basis=STATED', undefined],
    [
      'a neighbourhood',
      '/export.cyjs?focus=zgc14%3Aplatform-zgc-forum&depth=2&basis=STATED',
      'zgc14:platform-zgc-forum',
    ],
  ])('keeps %s to the links the source states with basis=STATED, as the API does', async (_name, url, focus) => {
    const file = await download(url);
    expect(file.disposition).toMatch(/-stated\.cyjs"$/);
    const doc = JSON.parse(file.body) as {
      elements: { nodes: Array<{ data: { id: string } }>; edges: Array<{ data: { id: string; basis: string } }> };
    };
    const api = await apiGraph(focus, focus ? 2 : undefined, ', basis: [STATED]');
    expect(doc.elements.nodes.map((n) => n.data.id).sort()).toEqual(api.nodes);
    expect(doc.elements.edges.map((e) => e.data.id).sort()).toEqual(api.edges);
    expect(doc.elements.edges.every((e) => e.data.basis === 'STATED')).toBe(true);
    const all = await apiGraph(focus, focus ? 2 : undefined);
    expect(api.edges.length).toBeLessThan(all.edges.length);
  });

  it('keeps the graph to the links of the review statuses asked for, as the API does', async () => {
    const disputed = await download('/export.cyjs?review=DISPUTED,PROPOSED');
    expect(disputed.disposition).toMatch(/-disputed-proposed\.cyjs"$/);
    const edges = (file: { body: string }): string[] =>
      (JSON.parse(file.body) as { elements: { edges: Array<{ data: { id: string } }> } }).elements.edges
        .map((e) => e.data.id)
        .sort();
    expect(edges(disputed)).toEqual(['tricky:plan|SETS|tricky:goal']);
    expect(edges(disputed)).toEqual((await apiGraph(undefined, undefined, ', review: [DISPUTED, PROPOSED]')).edges);
    const accepted = edges(await download('/export.cyjs?review=ACCEPTED'));
    expect(accepted).toEqual((await apiGraph(undefined, undefined, ', review: [ACCEPTED]')).edges);
    expect(accepted).not.toContain('tricky:plan|SETS|tricky:goal');
    expect(accepted.length).toBe((await apiGraph()).edges.length - 1);
  });

  it('exports several foci as the union of their neighbourhoods, each node and link once', async () => {
    const foci = ['zgc14:plan', 'zgc14:goal-2035'];
    const union = await download(`/export.cyjs?focus=${foci.map(encodeURIComponent).join(',')}&depth=1`);
    expect(union.status).toBe(200);
    expect(union.disposition).toBe('attachment; filename="zgc-plan-graph-2-foci-depth1.cyjs"');
    const [plan, goal] = await Promise.all(
      foci.map(async (focus) => elements(await download(`/export.cyjs?focus=${encodeURIComponent(focus)}&depth=1`))),
    );
    const both = elements(union);
    const ids = (list: Array<{ data: { id: string } }>): string[] => list.map((e) => e.data.id).sort();
    expect(ids(both.nodes)).toEqual([...new Set([...ids(plan!.nodes), ...ids(goal!.nodes)])].sort());
    expect(ids(both.edges)).toEqual([...new Set([...ids(plan!.edges), ...ids(goal!.edges)])].sort());
    // The two neighbourhoods overlap, and each has nodes the other lacks: the union is neither.
    expect(both.nodes.length).toBeLessThan(plan!.nodes.length + goal!.nodes.length);
    expect(both.nodes.length).toBeGreaterThan(Math.max(plan!.nodes.length, goal!.nodes.length));
    expect(both.nodes.slice(0, 2).map((n) => n.data.id)).toEqual(foci);
  });

  it('cuts a union to the largest export, nearest nodes first, and drops the links it cut', async () => {
    const selection = { foci: ['zgc14:plan', 'zgc14:platform-zgc-forum'], depth: 2 };
    const whole = await readExportGraph(t.db, DEFAULT_API_LIMITS, selection, 1000, new Map());
    const cut = await readExportGraph(t.db, DEFAULT_API_LIMITS, selection, 6, new Map());
    expect(whole.truncated).toBe(false);
    expect(whole.nodes.length).toBeGreaterThan(6);
    expect(cut.truncated).toBe(true);
    expect(cut.nodes.slice(0, 2).map((n) => n.id)).toEqual(selection.foci);
    expect(cut.nodes).toHaveLength(6);
    expect(whole.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(cut.nodes.map((n) => n.id)));
    const inside = new Set(cut.nodes.map((n) => n.id));
    expect(cut.edges.map((e) => e.id)).toEqual(
      whole.edges.filter((e) => inside.has(e.source) && inside.has(e.target)).map((e) => e.id),
    );
  });

  it.each([
    ['kinds', '/export.cyjs?kinds=GOAL,TASK', '-goal-task', (n: CyNode) => ['GOAL', 'TASK'].includes(n.kind)],
    [
      'tiers',
      '/export.cyjs?tiers=LEADING,KEY',
      '-leading-key',
      (n: CyNode) => n.kind !== 'INDUSTRY' || ['LEADING', 'KEY'].includes(n.tier!),
    ],
    ['namespace', '/export.cyjs?namespace=tricky', '-tricky', (n: CyNode) => n.namespace === 'tricky'],
    [
      'all three, around two foci',
      '/export.cyjs?focus=zgc14%3Aplan,zgc14%3Aindustry-modern-services&depth=2' +
        '&kinds=INDUSTRY,TASK&tiers=SERVICE_BRANCH&namespace=zgc14',
      '-2-foci-depth2-industry-task-service-branch-zgc14',
      (n: CyNode) =>
        ['INDUSTRY', 'TASK'].includes(n.kind) &&
        n.namespace === 'zgc14' &&
        (n.kind !== 'INDUSTRY' || n.tier === 'SERVICE_BRANCH'),
    ],
  ])(
    'filters by %s: keeps the nodes a plain filter of the whole export keeps, and the links among them',
    async (_name, url, suffix, keeps) => {
      const filtered = await download(url);
      expect(filtered.status).toBe(200);
      expect(filtered.disposition).toMatch(new RegExp(`${suffix}\\.cyjs"$`));
      const all = elements(await download(url.replace(/&?(kinds|tiers|namespace)=[^&]*/g, '').replace('?&', '?')));
      const kept = all.nodes.filter((n) => keeps(n.data)).map((n) => n.data.id);
      const got = elements(filtered);
      expect(got.nodes.map((n) => n.data.id).sort()).toEqual([...kept].sort());
      // Something is dropped and something is kept, or the comparison says little.
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(all.nodes.length);
      const inside = new Set(kept);
      expect(got.edges.map((e) => e.data.id).sort()).toEqual(
        all.edges
          .filter((e) => inside.has(e.data.source) && inside.has(e.data.target))
          .map((e) => e.data.id)
          .sort(),
      );
      expect(got.edges.every((e) => inside.has(e.data.source) && inside.has(e.data.target))).toBe(true);
    },
  );

  it.each([
    ['/export.cyjs?kinds=GOALS', 400, 'BAD_USER_INPUT', 'kinds must be one or more of PLAN, GOAL'],
    ['/export.cyjs?kinds=', 400, 'BAD_USER_INPUT', 'got ""'],
    ['/export.cyjs?tiers=TOP', 400, 'BAD_USER_INPUT', 'tiers must be one or more of LEADING, KEY'],
    ['/export.cyjs?tiers=LEADING,', 400, 'BAD_USER_INPUT', 'got "LEADING,"'],
    ['/export.cyjs?namespace=', 400, 'BAD_USER_INPUT', 'namespace must be one or more namespaces'],
    ['/export.cyjs?kinds=GOAL&kinds=TASK', 400, 'BAD_USER_INPUT', 'kinds may be given only once'],
    ['/export.cyjs?tiers=KEY&tiers=KEY', 400, 'BAD_USER_INPUT', 'tiers may be given only once'],
    ['/export.cyjs?namespace=a&namespace=b', 400, 'BAD_USER_INPUT', 'namespace may be given only once'],
    ['/export.cyjs?focus=zgc14%3Aplan,', 400, 'BAD_USER_INPUT', 'got "zgc14:plan,"'],
    [
      `/export.cyjs?focus=${Array.from({ length: 31 }, (_, i) => `x${i}`).join(',')}`,
      400,
      'BAD_USER_INPUT',
      'focus may list at most 30 entity ids, got 31',
    ],
    ['/export.cyjs?focus=zgc14%3Aplan,zgc14%3Anowhere', 404, 'NOT_FOUND', 'no entity has the id "zgc14:nowhere"'],
  ])('refuses %s with %d %s, saying why', async (path, status, code, says) => {
    const response = await fetch(`${t.server.url}${path}`);
    expect(response.status).toBe(status);
    const error = ((await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> })
      .errors[0];
    expect(error?.extensions.code).toBe(code);
    expect(error?.message).toContain(says);
  });

  it('answers 404 for a namespace that holds no entity, naming those that do', async () => {
    for (const format of ['cyjs', 'graphml', 'gexf']) {
      const response = await fetch(`${t.server.url}/export.${format}?namespace=zgc14,nowhere`);
      expect(response.status).toBe(404);
      const body = (await response.json()) as {
        errors: Array<{ message: string; extensions: { code: string; namespaces: string[] } }>;
      };
      expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
      expect(body.errors[0]?.extensions.namespaces).toContain('zgc14');
      expect(body.errors[0]?.message).toMatch(/^namespace: no entity is in "nowhere"; the namespaces are .*"zgc14"/);
    }
  });

  it('writes the same files from the command line', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/export.ts',
        'graphml',
        '--focus',
        'zgc14:platform-zgc-forum',
        '--depth',
        '2',
        '--basis',
        'STATED',
      ],
      { cwd: PROJECT_ROOT, env: toolEnvironment(), encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(0);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const doc = parser.parse(run.stdout) as { graphml: { graph: { node: XmlNode[] } } };
    expect(doc.graphml.graph.node.length).toBeGreaterThan(1);
    expect(run.stdout).not.toContain('INFERRED');
    expect(run.stderr).toMatch(/^\d+ nodes, \d+ edges\n$/);
  });
});
