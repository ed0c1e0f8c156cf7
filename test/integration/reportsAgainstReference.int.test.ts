/**
 * The walking queries (`goalImpact`, `gaps`, `mostConnected`, `graph`, `shortestPath`) held against a
 * plain TypeScript reference on generated plans: each property run loads a random plan (goals and
 * tasks with clashing ordinals, industry systems, goal chains, every link optional) through the loader
 * and compares the API's answers with what the reference computes from the same dataset, with and
 * without a `basis` (about a third of the links are inferred) and a `review` (links are proposed,
 * accepted, disputed or never reviewed). Seeded, so a failure names a case that fails again.
 */
import fc from 'fast-check';
import { DEFAULT_GUARDS } from '../../src/config/readConfig';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import type { DatasetNode, DatasetRelationship, PlanDataset, RelationshipType } from '../../src/dataset/PlanDataset';
import type { ReviewStatus } from '../../src/curation/storedReview';
import { emptyGraph } from '../support/graphSnapshot';
import { startTestServer, type TestServer } from '../support/testServer';

const NS = 'gen';
// A link's review as the generated file gives it; undefined: none given.
const REVIEWS: Array<ReviewStatus | undefined> = [undefined, 'PROPOSED', 'ACCEPTED', 'DISPUTED', undefined];
const SEED = 20261127;
const RUNS = 25;
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await emptyGraph(t.db);
  await t.close();
});

// Every generated claim cites the first character of the generated source, which has no text here.
const CITED = [{ source: 'source', paragraph: 1, start: 0, end: 1 }];

interface Link {
  type: RelationshipType;
  from: string;
  to: string;
  basis: 'STATED' | 'INFERRED';
  /** ACCEPTED for a link the file gives no review. */
  review: ReviewStatus;
}

/** A generated plan: the dataset to load and its links with qualified ids, for the reference. */
interface Generated {
  dataset: PlanDataset;
  nodes: Array<{ id: string; label: string; ordinal?: number }>;
  links: Link[];
}

const sizes = fc.record({
  goals: fc.integer({ min: 1, max: 5 }),
  tasks: fc.integer({ min: 1, max: 5 }),
  industries: fc.integer({ min: 1, max: 5 }),
  platforms: fc.integer({ min: 0, max: 3 }),
});

const plans: fc.Arbitrary<Generated> = sizes.chain((n) => {
  const pairs = (a: number, b: number): fc.Arbitrary<boolean[]> =>
    fc.array(fc.boolean(), { minLength: a * b, maxLength: a * b });
  const ordinals = (k: number): fc.Arbitrary<number[]> =>
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: k, maxLength: k });
  return fc
    .record({
      goalOrdinals: ordinals(n.goals),
      taskOrdinals: ordinals(n.tasks),
      advances: pairs(n.tasks, n.goals),
      develops: pairs(n.tasks, n.industries),
      builds: pairs(n.tasks, n.platforms),
      partOf: pairs(n.industries, n.industries),
      details: pairs(n.goals, n.goals),
      leadsTo: pairs(n.goals, n.goals),
    })
    .map((choice) => build(n, choice));
});

function build(
  n: { goals: number; tasks: number; industries: number; platforms: number },
  c: Record<'goalOrdinals' | 'taskOrdinals', number[]> &
    Record<'advances' | 'develops' | 'builds' | 'partOf' | 'details' | 'leadsTo', boolean[]>,
): Generated {
  const nodes: DatasetNode[] = [
    {
      id: 'source',
      label: 'Source',
      name: 'Generated source',
      citations: CITED,
      language: 'en',
      sha256: '0'.repeat(64),
    },
    { id: 'plan', label: 'Plan', name: 'Plan', citations: CITED, zone: 'Z', periodStart: 2021, periodEnd: 2025 },
  ];
  const range = (k: number): number[] => Array.from({ length: k }, (_, i) => i);
  for (const i of range(n.goals))
    nodes.push({
      id: `g${i}`,
      label: 'Goal',
      name: `Goal ${i}`,
      citations: CITED,
      goalKind: 'SPECIFIC',
      targetYear: 2025,
      ordinal: c.goalOrdinals[i],
    });
  for (const i of range(n.tasks))
    nodes.push({ id: `t${i}`, label: 'Task', name: `Task ${i}`, citations: CITED, ordinal: c.taskOrdinals[i] });
  // Every third one is a framework: tasks develop it and industries are part of it, but it is no industry.
  const framework = (i: number): boolean => i % 3 === 2;
  for (const i of range(n.industries))
    nodes.push(
      framework(i)
        ? { id: `i${i}`, label: 'Framework', name: `Framework ${i}`, citations: CITED }
        : { id: `i${i}`, label: 'Industry', name: `Industry ${i}`, citations: CITED, tier: 'KEY' },
    );
  for (const i of range(n.platforms))
    nodes.push({ id: `p${i}`, label: 'Platform', name: `Platform ${i}`, citations: CITED, platformKind: 'OTHER' });
  const relationships: DatasetRelationship[] = [];
  // About one link in three is our reading rather than the source's, so `basis` has something to keep
  // out; reviews cycle through the statuses and none (which reads as ACCEPTED), apart from the bases.
  const link = (type: RelationshipType, from: string, to: string): void => {
    const inferred = (relationships.length * 7 + from.length) % 3 === 0;
    const status = REVIEWS[(relationships.length * 3 + to.length) % REVIEWS.length];
    relationships.push({
      ...(inferred
        ? { type, from, to, basis: 'INFERRED', rationale: 'Generated.', citations: CITED }
        : { type, from, to, basis: 'STATED', citations: CITED }),
      ...(status ? { review: { status } } : {}),
    });
  };
  for (const g of range(n.goals)) link('SETS', 'plan', `g${g}`);
  for (const k of range(n.tasks)) link('DEPLOYS', 'plan', `t${k}`);
  const each = (a: number, b: number, chosen: boolean[], add: (x: number, y: number) => void): void => {
    for (const x of range(a)) for (const y of range(b)) if (chosen[x * b + y]) add(x, y);
  };
  each(n.tasks, n.goals, c.advances, (k, g) => link('ADVANCES', `t${k}`, `g${g}`));
  each(n.tasks, n.industries, c.develops, (k, i) => link('DEVELOPS', `t${k}`, `i${i}`));
  each(n.tasks, n.platforms, c.builds, (k, p) => link('BUILDS', `t${k}`, `p${p}`));
  // Parts and goal chains point to an earlier node only, as a plan's would: no cycles.
  each(n.industries, n.industries, c.partOf, (a, b) => b < a && !framework(a) && link('PART_OF', `i${a}`, `i${b}`));
  each(n.goals, n.goals, c.details, (a, b) => b < a && link('DETAILS', `g${a}`, `g${b}`));
  each(n.goals, n.goals, c.leadsTo, (a, b) => b < a && link('LEADS_TO', `g${a}`, `g${b}`));
  const q = (id: string): string => `${NS}:${id}`;
  return {
    dataset: { namespace: NS, nodes, relationships },
    nodes: nodes.map((node) => ({
      id: q(node.id),
      label: node.label,
      ...(typeof node['ordinal'] === 'number' ? { ordinal: node['ordinal'] } : {}),
    })),
    links: relationships.map((r) => ({
      type: r.type,
      from: q(r.from),
      to: q(r.to),
      basis: r.basis,
      review: r.review?.status ?? 'ACCEPTED',
    })),
  };
}

async function load(plan: Generated): Promise<void> {
  await emptyGraph(t.db);
  await loadDataset(t.db, checkDataset('generated', plan.dataset));
}

async function data<T>(query: string): Promise<T> {
  const result = await t.graphql<T>(query);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

// ---- the reference ----

/** Ids in the API's order for goals and tasks: ordinal (missing last), then id. */
function ordered(plan: Generated, ids: Iterable<string>): string[] {
  const ordinal = new Map(plan.nodes.map((n) => [n.id, n.ordinal ?? Infinity]));
  return [...new Set(ids)].sort((a, b) => ordinal.get(a)! - ordinal.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}

function ofLabel(plan: Generated, label: string): string[] {
  return plan.nodes.filter((n) => n.label === label).map((n) => n.id);
}

/** Every node that reaches `start` by following `types` forwards, `start` included. */
function reaching(plan: Generated, start: string, types: RelationshipType[]): Set<string> {
  const seen = new Set([start]);
  for (let grew = true; grew;) {
    grew = false;
    for (const l of plan.links)
      if (types.includes(l.type) && seen.has(l.to) && !seen.has(l.from)) grew = seen.add(l.from).size > 0;
  }
  return seen;
}

function targets(plan: Generated, type: RelationshipType, from: Iterable<string>): string[] {
  const sources = new Set(from);
  return plan.links.filter((l) => l.type === type && sources.has(l.from)).map((l) => l.to);
}

function referenceImpact(plan: Generated, goal: string) {
  const goals = reaching(plan, goal, ['DETAILS', 'LEADS_TO']);
  const tasks = plan.links.filter((l) => l.type === 'ADVANCES' && goals.has(l.to)).map((l) => l.from);
  const developed = targets(plan, 'DEVELOPS', tasks);
  const industry = new Set(ofLabel(plan, 'Industry'));
  const industries = developed.flatMap((i) => [...reaching(plan, i, ['PART_OF'])]).filter((i) => industry.has(i));
  return {
    goal: { id: goal },
    goals: ordered(plan, goals).map((id) => ({ id })),
    tasks: ordered(plan, tasks).map((id) => ({ id })),
    industries: ordered(plan, industries).map((id) => ({ id })),
    platforms: ordered(plan, targets(plan, 'BUILDS', tasks)).map((id) => ({ id })),
  };
}

function referenceGaps(plan: Generated) {
  const advanced = new Set(plan.links.filter((l) => l.type === 'ADVANCES').map((l) => l.to));
  const developed = targets(
    plan,
    'DEVELOPS',
    plan.links.filter((l) => l.type === 'DEVELOPS').map((l) => l.from),
  );
  const covered = new Set(developed.flatMap((i) => [...reaching(plan, i, ['PART_OF'])]));
  const built = new Set(plan.links.filter((l) => l.type === 'BUILDS').map((l) => l.to));
  const without = (label: string, has: Set<string>) =>
    ordered(
      plan,
      ofLabel(plan, label).filter((id) => !has.has(id)),
    ).map((id) => ({ id }));
  return {
    goalsWithoutTasks: without('Goal', advanced),
    industriesWithoutTasks: without('Industry', covered),
    platformsWithoutTasks: without('Platform', built),
  };
}

function referenceMostConnected(plan: Generated, labels: string[] | null, limit: number) {
  const degree = (id: string) => ({
    outDegree: plan.links.filter((l) => l.from === id).length,
    inDegree: plan.links.filter((l) => l.to === id).length,
  });
  return plan.nodes
    .filter((n) => labels === null || labels.includes(n.label))
    .map((n) => ({ entity: { id: n.id }, ...degree(n.id) }))
    .map((x) => ({ ...x, degree: x.inDegree + x.outDegree }))
    .sort((a, b) => b.degree - a.degree || (a.entity.id < b.entity.id ? -1 : 1))
    .slice(0, limit);
}

function referenceGraph(plan: Generated, limit: number, linkLimit?: number) {
  const all = plan.nodes.map((n) => n.id).sort();
  const nodes = all.slice(0, limit);
  const inside = new Set(nodes);
  const edges = plan.links
    .filter((l) => inside.has(l.from) && inside.has(l.to))
    .map((l) => ({ id: `${l.from}|${l.type}|${l.to}`, source: l.from, type: l.type, target: l.to }))
    .sort((a, b) =>
      a.source + '\u0000' + a.type + '\u0000' + a.target < b.source + '\u0000' + b.type + '\u0000' + b.target ? -1 : 1,
    );
  const kept = linkLimit === undefined ? edges : edges.slice(0, linkLimit);
  return {
    nodes: nodes.map((id) => ({ id })),
    edges: kept,
    truncated: all.length > limit || kept.length < edges.length,
  };
}

/** A link cap, or none. */
const linkLimits = fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined });

/** The `linkLimit` argument, when there is one. */
function linkLimitArg(linkLimit: number | undefined): string {
  return linkLimit === undefined ? '' : `, linkLimit: ${linkLimit}`;
}

/** Orders ASCII text as Neo4j does. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Length of the shortest undirected path, or undefined when none is within `maxHops`. */
function distance(plan: Generated, from: string, to: string, maxHops: number): number | undefined {
  let frontier = new Set([from]);
  const seen = new Set([from]);
  for (let hops = 0; hops <= maxHops; hops++) {
    if (frontier.has(to)) return hops;
    const next = new Set<string>();
    for (const l of plan.links) {
      for (const [a, b] of [
        [l.from, l.to],
        [l.to, l.from],
      ] as const)
        if (frontier.has(a) && !seen.has(b)) next.add(b);
    }
    next.forEach((id) => seen.add(id));
    frontier = next;
  }
  return undefined;
}

/** Orders lists of text element by element, a shorter prefix first, as Neo4j orders lists. */
function byList(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = byText(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** A path as the reference walks it: its entity ids and its links, in path order. */
interface RefPath {
  ids: string[];
  links: Link[];
}

/**
 * The shortest path the API promises among ties: fewest inferred links, then ids along the path in text
 * order, then the links' types and start ids. Every shortest path is enumerated, each step going to an
 * entity one hop nearer to `to`.
 */
function chosenPath(plan: Generated, from: string, to: string, length: number): RefPath {
  const toward = new Map<string, number>();
  for (const n of plan.nodes) {
    const d = distance(plan, n.id, to, length);
    if (d !== undefined) toward.set(n.id, d);
  }
  const all: RefPath[] = [];
  const walk = (path: RefPath): void => {
    const here = path.ids.at(-1)!;
    if (here === to) {
      all.push(path);
      return;
    }
    for (const l of plan.links) {
      for (const [a, b] of [
        [l.from, l.to],
        [l.to, l.from],
      ] as const)
        if (a === here && toward.get(b) === toward.get(here)! - 1)
          walk({ ids: [...path.ids, b], links: [...path.links, l] });
    }
  };
  walk({ ids: [from], links: [] });
  const key = (p: RefPath): [number, string[], string[]] => [
    p.links.filter((l) => l.basis === 'INFERRED').length,
    p.ids,
    p.links.map((l) => `${l.type} ${l.from}`),
  ];
  return all.sort((p, q) => {
    const [pi, pn, pl] = key(p);
    const [qi, qn, ql] = key(q);
    return pi - qi || byList(pn, qn) || byList(pl, ql);
  })[0]!;
}

/** The plan as a walk with `basis` and `review` sees it: only the links of those bases and statuses. */
function keeping(plan: Generated, walk: Walk): Generated {
  const links = plan.links.filter(
    (l) => (!walk.basis || walk.basis.includes(l.basis)) && (!walk.review || walk.review.includes(l.review)),
  );
  return { ...plan, links };
}

interface Walk {
  basis: Array<'STATED' | 'INFERRED'> | null;
  review: ReviewStatus[] | null;
}
const bases = fc.record<Walk>({
  basis: fc.constantFrom<Walk['basis']>(null, ['STATED'], ['INFERRED'], ['STATED', 'INFERRED']),
  review: fc.constantFrom<Walk['review']>(
    null,
    null,
    ['ACCEPTED'],
    ['PROPOSED', 'DISPUTED'],
    ['ACCEPTED', 'PROPOSED', 'DISPUTED'],
  ),
});
const basisArg = (walk: Walk): string =>
  (walk.basis ? `, basis: [${walk.basis.join(', ')}]` : '') +
  (walk.review ? `, review: [${walk.review.join(', ')}]` : '');

// ---- the properties ----

const options = { seed: SEED, numRuns: RUNS, endOnFailure: true };

describe('Reports, graph and paths match a plain reference on generated plans', () => {
  it('goalImpact: the goals feeding a goal, their tasks, and what those develop and build', async () => {
    await fc.assert(
      fc.asyncProperty(plans, fc.nat(), bases, async (plan, pick, basis) => {
        await load(plan);
        const goals = ofLabel(plan, 'Goal');
        const goal = goals[pick % goals.length]!;
        const { goalImpact } = await data<{ goalImpact: unknown }>(
          `{ goalImpact(id: "${goal}"${basisArg(basis)}) ` +
            '{ goal { id } goals { id } tasks { id } industries { id } platforms { id } } }',
        );
        expect(goalImpact).toEqual(referenceImpact(keeping(plan, basis), goal));
      }),
      options,
    );
  });

  it('gaps: goals, industries and platforms that no task stands behind', async () => {
    await fc.assert(
      fc.asyncProperty(plans, bases, async (plan, basis) => {
        await load(plan);
        const { gaps } = await data<{ gaps: unknown }>(
          `{ gaps(namespace: "${NS}"${basisArg(basis)}) ` +
            '{ goalsWithoutTasks { id } industriesWithoutTasks { id } platformsWithoutTasks { id } } }',
        );
        expect(gaps).toEqual(referenceGaps(keeping(plan, basis)));
      }),
      options,
    );
  });

  it('mostConnected: degrees counted both ways, most first, ties by id, optionally of some kinds', async () => {
    await fc.assert(
      fc.asyncProperty(
        plans,
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        bases,
        async (plan, limit, someKinds, basis) => {
          await load(plan);
          const kinds = someKinds ? 'kinds: [TASK, INDUSTRY], ' : '';
          const { mostConnected } = await data<{ mostConnected: unknown }>(
            `{ mostConnected(${kinds}limit: ${limit}${basisArg(basis)}) { entity { id } degree inDegree outDegree } }`,
          );
          expect(mostConnected).toEqual(
            referenceMostConnected(keeping(plan, basis), someKinds ? ['Task', 'Industry'] : null, limit),
          );
        },
      ),
      options,
    );
  });

  it('graph: the first nodes by id and the first links among them by id, with truncation said', async () => {
    await fc.assert(
      fc.asyncProperty(
        plans,
        fc.integer({ min: 1, max: 25 }),
        linkLimits,
        bases,
        async (plan, limit, linkLimit, basis) => {
          await load(plan);
          const { graph } = await data<{ graph: unknown }>(
            `{ graph(namespace: "${NS}", limit: ${limit}${linkLimitArg(linkLimit)}${basisArg(basis)}) ` +
              '{ nodes { id } edges { id source type target } truncated } }',
          );
          expect(graph).toEqual(referenceGraph(keeping(plan, basis), limit, linkLimit));
        },
      ),
      options,
    );
  });

  it('neighborhood: everything within depth links, either way, and the links among it', async () => {
    await fc.assert(
      fc.asyncProperty(plans, fc.nat(), fc.integer({ min: 1, max: 3 }), bases, async (plan, pick, depth, basis) => {
        await load(plan);
        const start = plan.nodes[pick % plan.nodes.length]!.id;
        const { neighborhood } = await data<{
          neighborhood: { nodes: Array<{ id: string }>; edges: Array<{ id: string }>; truncated: boolean };
        }>(
          `{ neighborhood(id: "${start}", depth: ${depth}, limit: 500${basisArg(basis)}) ` +
            '{ nodes { id } edges { id } truncated } }',
        );
        const seen = keeping(plan, basis);
        const inside = new Set(
          plan.nodes.map((n) => n.id).filter((id) => (distance(seen, start, id, depth) ?? Infinity) <= depth),
        );
        const edges = seen.links
          .filter((l) => inside.has(l.from) && inside.has(l.to))
          .map((l) => `${l.from}|${l.type}|${l.to}`)
          .sort();
        expect({
          nodes: neighborhood.nodes.map((n) => n.id).sort(),
          edges: neighborhood.edges.map((e) => e.id).sort(),
          truncated: neighborhood.truncated,
        }).toEqual({ nodes: [...inside].sort(), edges, truncated: false });
      }),
      options,
    );
  });

  it("neighborhood with limits: the nearest nodes, by id among equally near ones, and the start's own links, then those from the first nodes, first", async () => {
    await fc.assert(
      fc.asyncProperty(
        plans,
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        linkLimits,
        bases,
        async (plan, pick, depth, limit, linkLimit, basis) => {
          await load(plan);
          const start = plan.nodes[pick % plan.nodes.length]!.id;
          const { neighborhood } = await data<{
            neighborhood: { nodes: Array<{ id: string }>; edges: Array<{ id: string }>; truncated: boolean };
          }>(
            `{ neighborhood(id: "${start}", depth: ${depth}, limit: ${limit}${linkLimitArg(linkLimit)}` +
              `${basisArg(basis)}) { nodes { id } edges { id } truncated } }`,
          );
          const seen = keeping(plan, basis);
          const near = plan.nodes
            .map((n) => ({ id: n.id, hops: distance(seen, start, n.id, depth) ?? Infinity }))
            .filter((n) => n.hops <= depth)
            .sort((a, b) => a.hops - b.hops || byText(a.id, b.id));
          const kept = near.slice(0, limit);
          const position = new Map(kept.map((n, i) => [n.id, i]));
          // The start's own links first, by their other end's place, type and source; then the others
          // by their source's place, type and target.
          const links = seen.links
            .filter((l) => position.has(l.from) && position.has(l.to))
            .map((l) => {
              const own = l.from === start || l.to === start;
              const place = own ? position.get(l.from === start ? l.to : l.from)! : position.get(l.from)!;
              return {
                id: `${l.from}|${l.type}|${l.to}`,
                key: [own ? 0 : 1, place, l.type, own ? l.from : l.to] as const,
              };
            })
            .sort(
              (a, b) =>
                a.key[0] - b.key[0] || a.key[1] - b.key[1] || byText(a.key[2], b.key[2]) || byText(a.key[3], b.key[3]),
            );
          const keptLinks = linkLimit === undefined ? links : links.slice(0, linkLimit);
          expect({
            nodes: neighborhood.nodes.map((n) => n.id),
            edges: neighborhood.edges.map((e) => e.id).sort(),
            truncated: neighborhood.truncated,
          }).toEqual({
            nodes: kept.map((n) => n.id),
            edges: keptLinks.map((l) => l.id).sort(),
            truncated: near.length > limit || keptLinks.length < links.length,
          });
        },
      ),
      options,
    );
  });

  it('shortestPath: between every two entities, the shortest path within maxHops that the tie rule picks, or null', async () => {
    type Answer = {
      length: number;
      nodes: Array<{ id: string }>;
      edges: Array<{ source: string; type: string; target: string }>;
    } | null;
    await fc.assert(
      fc.asyncProperty(plans, fc.integer({ min: 1, max: 6 }), bases, async (plan, maxHops, basis) => {
        await load(plan);
        const seen = keeping(plan, basis);
        const links = new Set(seen.links.map((l) => `${l.from}|${l.type}|${l.to}`));
        const pairs = plan.nodes.flatMap((a) => plan.nodes.map((b) => [a.id, b.id] as const));
        // Every pair of the plan, in requests of as many aliased fields as the server allows.
        const size = DEFAULT_GUARDS.maxAliases;
        for (let first = 0; first < pairs.length; first += size) {
          const batch = pairs.slice(first, first + size);
          const answers = await data<Record<string, Answer>>(
            '{ ' +
              batch
                .map(
                  ([from, to], i) =>
                    `p${i}: shortestPath(from: "${from}", to: "${to}", maxHops: ${maxHops}${basisArg(basis)}) ` +
                    '{ length nodes { id } edges { source type target } }',
                )
                .join(' ') +
              ' }',
          );
          batch.forEach(([from, to], i) => {
            const path = answers[`p${i}`] ?? null;
            const expected = distance(seen, from, to, maxHops);
            if (expected === undefined) {
              expect([from, to, path]).toEqual([from, to, null]);
              return;
            }
            expect([from, to, path?.length]).toEqual([from, to, expected]);
            if (path === null) return;
            const ids = path.nodes.map((n) => n.id);
            path.edges.forEach((e, j) => {
              expect(links.has(`${e.source}|${e.type}|${e.target}`)).toBe(true);
              expect([e.source, e.target].sort()).toEqual([ids[j], ids[j + 1]].sort());
            });
            const chosen = chosenPath(seen, from, to, expected);
            expect({ ids, edges: path.edges }).toEqual({
              ids: chosen.ids,
              edges: chosen.links.map((l) => ({ source: l.from, type: l.type, target: l.to })),
            });
          });
        }
      }),
      options,
    );
  });
});
