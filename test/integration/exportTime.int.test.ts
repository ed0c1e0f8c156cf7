/**
 * The GEXF export's time, read back with an independent parser (fast-xml-parser) and checked against
 * what the GraphQL API says of every plan's period and commitments, every evidence's date, assessment's
 * asOf and source's date: each node's and link's start and end follow the rules of
 * src/export/exportLifetimes.ts, recomputed here from the API's answers by a small reference of their
 * own. The document is checked against GEXF 1.3 as well: declared attributes, xsd:date bounds, start
 * before end, links between declared nodes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import { startBundleServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';

let t: TestServer;

// A plan known only by its issue date, one whose period ended before its successor's began, and one
// with no date at all, each with a goal: the cases the bundled plans do not have.
const CITE = [{ source: 'zgc14:source-article', paragraph: 1, start: 0, end: 13 }];
const link = (type: string, from: string, to: string) => ({ type, from, to, basis: 'STATED', citations: CITE });
const goal = (id: string, targetYear: number) => ({
  id,
  label: 'Goal',
  name: id,
  citations: CITE,
  goalKind: 'STAGE',
  targetYear,
});
const TIMED = {
  namespace: 'timed',
  nodes: [
    { id: 'issued-only', label: 'Plan', name: 'Issued only', citations: CITE, zone: 'Z', issued: '2019-06' },
    { id: 'earlier', label: 'Plan', name: 'Earlier', citations: CITE, zone: 'Z', periodStart: 2011, periodEnd: 2015 },
    { id: 'later', label: 'Plan', name: 'Later', citations: CITE, zone: 'Z', periodStart: 2016, periodEnd: 2020 },
    { id: 'undated', label: 'Plan', name: 'Undated', citations: CITE, zone: 'Z' },
    goal('goal-issued', 2020),
    goal('goal-shared', 2030),
    goal('goal-undated', 2030),
  ],
  relationships: [
    link('SETS', 'issued-only', 'goal-issued'),
    link('SETS', 'issued-only', 'goal-shared'),
    link('SETS', 'later', 'goal-shared'),
    link('SETS', 'undated', 'goal-undated'),
    link('CONTINUES', 'later', 'earlier'),
  ],
};

beforeAll(async () => {
  t = await startBundleServer((db) => loadDataset(db, checkDataset('timed.json', TIMED)));
});
afterAll(async () => {
  await t.db.write("MATCH (n:Entity {namespace: 'timed'}) DETACH DELETE n");
  await t.close();
});

interface Bounds {
  start: string | null;
  end: string | null;
}

interface GexfElement {
  '@id': string;
  '@label'?: string;
  '@source'?: string;
  '@target'?: string;
  '@start'?: string;
  '@end'?: string;
  attvalues?: { attvalue: Array<{ '@for': string; '@value': string }> };
}

interface GexfDocument {
  gexf: {
    '@xmlns': string;
    '@version': string;
    graph: {
      '@mode': string;
      '@timeformat'?: string;
      '@defaultedgetype': string;
      attributes: Array<{ '@class': string; attribute: Array<{ '@id': string; '@title': string; '@type': string }> }>;
      nodes: { node: GexfElement[] };
      edges?: { edge: GexfElement[] };
    };
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Keep every value a string: a date such as 2021 must not turn into a number.
  parseAttributeValue: false,
  isArray: (name) => ['node', 'edge', 'attvalue', 'attribute', 'attributes'].includes(name),
});

async function gexf(query = ''): Promise<GexfDocument> {
  const response = await fetch(`${t.server.url}/export.gexf${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('x-export-truncated')).toBeNull();
  const body = await response.text();
  expect(XMLValidator.validate(body)).toBe(true);
  return parser.parse(body) as GexfDocument;
}

const boundsOf = (e: GexfElement): Bounds => ({ start: e['@start'] ?? null, end: e['@end'] ?? null });

// The reference: a date names a period, and a thing it dates starts on the period's first day.
function firstDayOf(date: string | null): string | null {
  const m = /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?$/.exec(date ?? '');
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1))).toISOString().slice(0, 10);
}
const lastDayOfYear = (year: number): string => new Date(Date.UTC(year + 1, 0, 0)).toISOString().slice(0, 10);
const OPEN: Bounds = { start: null, end: null };

interface ApiPlan {
  id: string;
  periodStart: number | null;
  periodEnd: number | null;
  issued: string | null;
}

/** What the API says about time, and the lifetimes the rules give each node, by id. */
async function expectedNodes(): Promise<{ lifetimes: Map<string, Bounds>; kinds: Map<string, string> }> {
  const answer = await t.graphql<{
    graph: { nodes: Array<{ id: string; kind: string; date: string | null }> };
    plans: ApiPlan[];
    evidence: Array<{ id: string; date: string }>;
    assessments: Array<{ id: string; asOf: string }>;
  }>(
    `{ graph(limit: 500, linkLimit: 0) { nodes { id kind date } }
       plans(limit: 500) { id periodStart periodEnd issued }
       evidence(limit: 500) { id date }
       assessments(limit: 500) { id asOf } }`,
  );
  expect(answer.errors).toBeUndefined();
  const { graph, plans, evidence, assessments } = answer.data!;
  const planStart = (p: ApiPlan): string | null =>
    p.periodStart !== null ? `${p.periodStart}-01-01` : firstDayOf(p.issued);
  const lifetimes = new Map<string, Bounds>();
  for (const p of plans) {
    lifetimes.set(p.id, { start: planStart(p), end: p.periodEnd === null ? null : lastDayOfYear(p.periodEnd) });
  }
  // A commitment starts with the earliest plan committing to it; one plan with no start makes it open.
  const committedBy = new Map<string, ApiPlan[]>();
  for (const p of plans) {
    const c = await t.graphql<{ commitments: Array<{ entity: { id: string } }> }>(
      'query ($plan: ID!) { commitments(plan: $plan) { entity { id } } }',
      { plan: p.id },
    );
    for (const { entity } of c.data!.commitments)
      committedBy.set(entity.id, [...(committedBy.get(entity.id) ?? []), p]);
  }
  for (const [id, committing] of committedBy) {
    const starts = committing.map(planStart);
    lifetimes.set(id, starts.includes(null) ? OPEN : { start: [...(starts as string[])].sort()[0]!, end: null });
  }
  for (const e of evidence) lifetimes.set(e.id, { start: firstDayOf(e.date), end: null });
  for (const a of assessments) lifetimes.set(a.id, { start: firstDayOf(a.asOf), end: null });
  for (const n of graph.nodes) {
    if (n.kind === 'SOURCE') lifetimes.set(n.id, { start: firstDayOf(n.date), end: null });
    else if (!lifetimes.has(n.id)) lifetimes.set(n.id, OPEN);
  }
  return { lifetimes, kinds: new Map(graph.nodes.map((n) => [n.id, n.kind])) };
}

// The reference for a link: while both ends exist, or the day the later starts when they never coexist.
function expectedEdge(a: Bounds, b: Bounds): Bounds {
  const starts = [a.start, b.start].filter((d): d is string => d !== null).sort();
  const ends = [a.end, b.end].filter((d): d is string => d !== null).sort();
  const start = starts.at(-1) ?? null;
  const end = ends[0] ?? null;
  return start !== null && end !== null && end < start ? { start, end: start } : { start, end };
}

/** Every way the document breaks GEXF 1.3 as a dynamic graph of days; empty when it breaks none. */
function gexfProblems(doc: GexfDocument): string[] {
  const problems: string[] = [];
  const { graph } = doc.gexf;
  if (doc.gexf['@version'] !== '1.3') problems.push(`version ${doc.gexf['@version']}`);
  if (doc.gexf['@xmlns'] !== 'http://gexf.net/1.3') problems.push(`namespace ${doc.gexf['@xmlns']}`);
  const TYPES = ['integer', 'long', 'double', 'float', 'boolean', 'string', 'liststring', 'anyURI'];
  const declared = new Map<string, Set<string>>();
  for (const block of graph.attributes) {
    if (!['node', 'edge'].includes(block['@class'])) problems.push(`attributes of class ${block['@class']}`);
    const ids = new Set<string>();
    for (const a of block.attribute) {
      if (!a['@id'] || !a['@title'] || !TYPES.includes(a['@type'])) problems.push(`attribute ${JSON.stringify(a)}`);
      if (ids.has(a['@id'])) problems.push(`attribute id ${a['@id']} twice`);
      ids.add(a['@id']);
    }
    declared.set(block['@class'], ids);
  }
  const isDay = (d: string): boolean => firstDayOf(d) === d;
  const nodeIds = new Set<string>();
  const check = (cls: 'node' | 'edge', e: GexfElement): void => {
    for (const v of e.attvalues?.attvalue ?? []) {
      if (!declared.get(cls)?.has(v['@for'])) problems.push(`${cls} ${e['@id']}: undeclared attvalue ${v['@for']}`);
    }
    const { start, end } = boundsOf(e);
    for (const d of [start, end]) if (d !== null && !isDay(d)) problems.push(`${cls} ${e['@id']}: bound ${d}`);
    if (start !== null && end !== null && start > end)
      problems.push(`${cls} ${e['@id']}: starts ${start} after ${end}`);
  };
  for (const n of graph.nodes.node) {
    if (nodeIds.has(n['@id'])) problems.push(`node ${n['@id']} twice`);
    nodeIds.add(n['@id']);
    check('node', n);
  }
  for (const e of graph.edges?.edge ?? []) {
    if (!nodeIds.has(e['@source']!) || !nodeIds.has(e['@target']!)) problems.push(`edge ${e['@id']}: no such end`);
    check('edge', e);
  }
  return problems;
}

describe('GEXF exports that carry time', () => {
  let doc: GexfDocument;
  let expected: Awaited<ReturnType<typeof expectedNodes>>;
  beforeAll(async () => {
    doc = await gexf();
    expected = await expectedNodes();
  });

  it('declare a dynamic graph timed in days, and stay valid GEXF 1.3', () => {
    expect(doc.gexf.graph['@mode']).toBe('dynamic');
    expect(doc.gexf.graph['@timeformat']).toBe('date');
    expect(gexfProblems(doc)).toEqual([]);
  });

  it("give every node the lifetime the API's dates make: plans their period, commitments their plan's start", () => {
    const written = new Map(doc.gexf.graph.nodes.node.map((n) => [n['@id'], boundsOf(n)]));
    expect([...written.keys()].sort()).toEqual([...expected.lifetimes.keys()].sort());
    expect(written).toEqual(expected.lifetimes);
    // The rules' cases all occur: a plan spanning its period, one known by its issue date, commitments
    // started by their plans, dated follow-through, and nodes open at both ends.
    expect(written.get('zgc14:plan')).toEqual({ start: '2021-01-01', end: '2025-12-31' });
    expect(written.get('timed:issued-only')).toEqual({ start: '2019-06-01', end: null });
    expect(written.get('timed:goal-shared')).toEqual({ start: '2016-01-01', end: null });
    expect(written.get('timed:goal-undated')).toEqual(OPEN);
    const kindsWith = (test: (b: Bounds) => boolean): Set<string> =>
      new Set([...written].filter(([, b]) => test(b)).map(([id]) => expected.kinds.get(id)!));
    expect(kindsWith((b) => b.start !== null)).toEqual(
      new Set(['PLAN', 'GOAL', 'TASK', 'PLATFORM', 'FRAMEWORK', 'ACTION_PLAN', 'EVIDENCE', 'ASSESSMENT', 'SOURCE']),
    );
    expect(kindsWith((b) => b.end !== null)).toEqual(new Set(['PLAN']));
    for (const kind of ['INDUSTRY', 'AREA', 'FIELD', 'TECHNOLOGY', 'AIM', 'BUSINESS_FORM']) {
      expect(kindsWith((b) => b.start === null && b.end === null)).toContain(kind);
    }
  });

  it('keep goals on the timeline past their target year, so later follow-through still reaches them', async () => {
    const goals = await t.graphql<{
      goals: Array<{ id: string; targetYear: number; assessments: Array<{ asOf: string }> }>;
    }>('{ goals(limit: 500) { id targetYear assessments { asOf } } }');
    const written = new Map(doc.gexf.graph.nodes.node.map((n) => [n['@id'], boundsOf(n)]));
    expect(goals.data!.goals.length).toBeGreaterThan(0);
    for (const g of goals.data!.goals) expect(written.get(g.id)!.end).toBeNull();
    expect(goals.data!.goals.some((g) => g.assessments.length > 0)).toBe(true);
  });

  it('give every link the time both its ends exist, or the day the later begins when they never coexist', () => {
    const nodes = new Map(doc.gexf.graph.nodes.node.map((n) => [n['@id'], boundsOf(n)]));
    const edges = doc.gexf.graph.edges!.edge;
    for (const e of edges) {
      expect({ id: e['@id'], ...boundsOf(e) }).toEqual({
        id: e['@id'],
        ...expectedEdge(nodes.get(e['@source']!)!, nodes.get(e['@target']!)!),
      });
    }
    const continues = edges.find((e) => e['@id'] === 'timed:later|CONTINUES|timed:earlier')!;
    expect(boundsOf(continues)).toEqual({ start: '2016-01-01', end: '2016-01-01' });
    // No link of evidence or an assessment ends: follow-through read after a target year or a plan's
    // period still reaches what it is about.
    const kinds = expected.kinds;
    const followThrough = edges.filter((e) => ['EVIDENCE', 'ASSESSMENT'].includes(kinds.get(e['@source']!)!));
    expect(followThrough.length).toBeGreaterThan(0);
    expect(followThrough.filter((e) => e['@end'] !== undefined)).toEqual([]);
  });

  it('keep the static attributes, the date among them as the API writes it', () => {
    const nodeAttributes = doc.gexf.graph.attributes.find((a) => a['@class'] === 'node')!.attribute;
    // The unit tests pin the whole list and its order; here, that time took none of them away.
    expect(nodeAttributes.map((a) => a['@title'])).toEqual(
      expect.arrayContaining(['kind', 'names', 'date', 'verdict']),
    );
    const dateId = nodeAttributes.find((a) => a['@title'] === 'date')!['@id'];
    const evidence = doc.gexf.graph.nodes.node.find((n) => expected.kinds.get(n['@id']) === 'EVIDENCE')!;
    const date = evidence.attvalues!.attvalue.find((v) => v['@for'] === dateId)!['@value'];
    expect(evidence['@start']).toBe(firstDayOf(date));
  });

  it('time a commitment by its plan even when the export leaves the plan out', async () => {
    const goals = await gexf('?kinds=GOAL');
    expect(goals.gexf.graph.nodes.node.every((n) => expected.kinds.get(n['@id']) === 'GOAL')).toBe(true);
    expect(new Map(goals.gexf.graph.nodes.node.map((n) => [n['@id'], boundsOf(n)]))).toEqual(
      new Map(goals.gexf.graph.nodes.node.map((n) => [n['@id'], expected.lifetimes.get(n['@id'])])),
    );
    expect(gexfProblems(goals)).toEqual([]);
  });

  it('stay static, with no timeformat and no bounds, when nothing exported has a date', async () => {
    const industries = await gexf('?kinds=INDUSTRY,FIELD');
    expect(industries.gexf.graph.nodes.node.length).toBeGreaterThan(0);
    expect(industries.gexf.graph['@mode']).toBe('static');
    expect(industries.gexf.graph['@timeformat']).toBeUndefined();
    const elements = [...industries.gexf.graph.nodes.node, ...(industries.gexf.graph.edges?.edge ?? [])];
    expect(elements.filter((e) => e['@start'] !== undefined || e['@end'] !== undefined)).toEqual([]);
    expect(gexfProblems(industries)).toEqual([]);
  });
});
