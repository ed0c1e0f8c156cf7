/**
 * Undo as curators expect it, checked on random histories against the real database and a small model:
 * random change sets (entities and links created, renamed, deleted, links reviewed) and reverts of them.
 * Reverting the newest sets one by one returns the graph to where it stood before them; any other revert
 * proceeds exactly when every target is in the state the set left, and is refused otherwise with the graph
 * and its history untouched; history never loses an entry. The seed is fixed (REVERT_SEED overrides it);
 * a failure prints the shrunk sequence of commands.
 */
import fc from 'fast-check';
import { graphSnapshot } from '../support/graphSnapshot';
import { startTestServer, type TestServer } from '../support/testServer';
import { signToken, testAuth } from '../support/signIn';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';

const SECRET = 'revert-sequences-secret-0123456789abcdef';
const SEED = Number(process.env['REVERT_SEED'] ?? 20261206);
const RUNS = 30;

const TASKS = ['t1', 't2', 't3'] as const;
const GOALS = ['g1', 'g2'] as const;
const NAMES = ['Train builders', 'Dredge the bay', 'Open a school'] as const;
const BASES = ['STATED', 'INFERRED'] as const;
const STATUSES = ['PROPOSED', 'ACCEPTED', 'DISPUTED'] as const;

type Basis = (typeof BASES)[number];
type Status = (typeof STATUSES)[number];

/** What the model keeps of an entity and of a link: everything the commands can vary. */
interface EntityState {
  name: string;
}
interface LinkState {
  basis: Basis;
  status: Status;
  by: string | null;
  note: string | null;
}
type State = EntityState | LinkState;

/** One change of a change set, as a command asks for it. */
type ChangeSpec =
  | { op: 'upsertTask'; task: string; name: string }
  | { op: 'deleteTask'; task: string }
  | { op: 'upsertLink'; task: string; goal: string; basis: Basis }
  | { op: 'deleteLink'; task: string; goal: string };

/** A change set as the model saw it: each target's state before and after it (null: absent). */
interface SetRecord {
  id: string;
  label: string;
  targets: Map<string, { before: State | null; after: State | null }>;
}

/** The graph as the model has it, keyed by target id, and the run's history. */
interface Model {
  ns: string;
  state: Map<string, State>;
  sets: SetRecord[];
  // Sets that a newest-first undo would take back next, with the graph and the model before each.
  stack: Array<{ set: SetRecord; graph: unknown; state: Map<string, State> }>;
  history: string[];
  reviews: number;
}

interface Real {
  t: TestServer;
}

const entityId = (ns: string, task: string) => `${ns}:${task}`;
const linkId = (ns: string, task: string, goal: string) => `${ns}:${task}|ADVANCES|${ns}:${goal}`;
const isLink = (target: string) => target.includes('|');
const CITE = (ns: string) => [{ source: `${ns}:memo`, paragraph: 1, start: 0, end: 4 }];

let t: TestServer;
let curator: Record<string, string>;
let admin: Record<string, string>;
let runs = 0;

beforeAll(async () => {
  t = await startTestServer(undefined, undefined, { auth: testAuth(SECRET) });
  curator = { authorization: `Bearer ${await signToken(SECRET, 'ana', ['curator'])}` };
  admin = { authorization: `Bearer ${await signToken(SECRET, 'root', ['admin'])}` };
});
afterAll(async () => {
  await t.db.write("MATCH (n) WHERE n.id STARTS WITH 'rev' OR n.namespace STARTS WITH 'rev' DETACH DELETE n");
  await t.close();
});

// The model's effect of one change; undefined when the change cannot apply (the command is skipped).
function simulate(ns: string, state: Map<string, State>, change: ChangeSpec): Map<string, State | null> | undefined {
  const effect = new Map<string, State | null>();
  const task = entityId(ns, change.task);
  switch (change.op) {
    case 'upsertTask':
      effect.set(task, { name: change.name });
      return effect;
    case 'deleteTask':
      if (!state.has(task)) return undefined;
      for (const target of state.keys()) if (target.startsWith(`${task}|`)) effect.set(target, null);
      effect.set(task, null);
      return effect;
    case 'upsertLink': {
      if (!state.has(task)) return undefined;
      const id = linkId(ns, change.task, change.goal);
      const old = state.get(id) as LinkState | undefined;
      // A new link, or one whose basis changes, starts its review again; otherwise the review stays.
      const fresh = !old || old.basis !== change.basis;
      const review = fresh
        ? { status: change.basis === 'INFERRED' ? ('PROPOSED' as const) : ('ACCEPTED' as const), by: null, note: null }
        : { status: old.status, by: old.by, note: old.note };
      effect.set(id, { basis: change.basis, ...review });
      return effect;
    }
    case 'deleteLink': {
      const id = linkId(ns, change.task, change.goal);
      if (!state.has(id)) return undefined;
      effect.set(id, null);
      return effect;
    }
  }
}

function applyEffect(state: Map<string, State>, effect: Map<string, State | null>): void {
  for (const [target, after] of effect) {
    if (after === null) state.delete(target);
    else state.set(target, after);
  }
}

// The set's targets with their state before and after, once the whole set is simulated.
function recordOf(
  id: string,
  label: string,
  before: Map<string, State>,
  after: Map<string, State>,
  touched: Iterable<string>,
): SetRecord {
  const targets = new Map<string, { before: State | null; after: State | null }>();
  for (const target of touched)
    targets.set(target, { before: before.get(target) ?? null, after: after.get(target) ?? null });
  return { id, label, targets };
}

const same = (a: State | null | undefined, b: State | null | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// Why the model refuses to revert `set` now; empty when it may.
function refusals(model: Model, set: SetRecord): string[] {
  const reasons: string[] = [];
  for (const [target, { before, after }] of set.targets) {
    if (!same(model.state.get(target), after)) reasons.push(`${target} changed`);
    // Undoing a creation deletes the entity with its links, so they must all be the set's own.
    if (!isLink(target) && before === null && after !== null) {
      for (const other of model.state.keys()) {
        if (other.startsWith(`${target}|`) && !set.targets.has(other)) reasons.push(`${target} has ${other}`);
      }
    }
  }
  return reasons;
}

function changeInput(ns: string, change: ChangeSpec): Record<string, unknown> {
  switch (change.op) {
    case 'upsertTask':
      return {
        upsertEntity: {
          id: entityId(ns, change.task),
          kind: 'TASK',
          name: change.name,
          summary: 'A task to try undo on.',
          citations: CITE(ns),
          properties: { ordinal: TASKS.indexOf(change.task as (typeof TASKS)[number]) + 1 },
        },
      };
    case 'deleteTask':
      return { deleteEntity: { id: entityId(ns, change.task) } };
    case 'upsertLink':
      return {
        upsertLink: {
          type: 'ADVANCES',
          source: entityId(ns, change.task),
          target: entityId(ns, change.goal),
          basis: change.basis,
          citations: CITE(ns),
          rationale: change.basis === 'INFERRED' ? 'Our reading of the memo.' : null,
        },
      };
    case 'deleteLink':
      return { deleteLink: { id: linkId(ns, change.task, change.goal) } };
  }
}

// The graph without versions: a revert restores a state under a new version number.
async function unversionedGraph(): Promise<unknown> {
  const snapshot = await graphSnapshot(t.db);
  const strip = (row: string) => {
    const parsed = JSON.parse(row) as { props: Record<string, unknown> };
    delete parsed.props['version'];
    return JSON.stringify(parsed);
  };
  return { nodes: snapshot.nodes.map(strip).sort(), relationships: snapshot.relationships.map(strip).sort() };
}

// What the database holds of the run's namespace, in the model's terms.
async function readState(ns: string): Promise<Map<string, State>> {
  const rows = await t.db.read(
    `MATCH (n:Task) WHERE n.namespace = $ns RETURN n.id AS id, n.name AS name, null AS link
     UNION ALL
     MATCH (a:Task)-[r:ADVANCES]->(b:Goal) WHERE a.namespace = $ns
     RETURN a.id + '|ADVANCES|' + b.id AS id, null AS name,
       {basis: r.basis, status: r.reviewStatus, by: r.reviewBy, note: r.reviewNote} AS link`,
    { ns },
  );
  return new Map(rows.map((r) => [String(r['id']), (r['link'] as LinkState | null) ?? { name: String(r['name']) }]));
}

async function historyIds(ns: string): Promise<string[]> {
  const answer = await t.graphql<{ changeSets: Array<{ id: string }> }>(
    `{ changeSets(namespace: "${ns}", limit: 500) { id } }`,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.changeSets.map((c) => c.id).sort();
}

// After every command the database holds what the model holds, and history exactly the model's sets.
async function agree(model: Model): Promise<void> {
  const sorted = (state: Map<string, State>) => [...state].sort(([a], [b]) => a.localeCompare(b));
  expect(sorted(await readState(model.ns))).toEqual(sorted(model.state));
  expect(await historyIds(model.ns)).toEqual([...model.history].sort());
}

/** One change set of one to three changes, by a curator; changes that cannot apply are left out. */
class ApplySet implements fc.AsyncCommand<Model, Real> {
  private applied: ChangeSpec[] = [];
  constructor(readonly changes: ChangeSpec[]) {}
  check(model: Readonly<Model>): boolean {
    return this.applicable(model).length > 0;
  }
  async run(model: Model): Promise<void> {
    this.applied = this.applicable(model);
    const graph = await unversionedGraph();
    const before = new Map(model.state);
    const touched = new Set<string>();
    for (const change of this.applied) {
      const effect = simulate(model.ns, model.state, change)!;
      applyEffect(model.state, effect);
      for (const target of effect.keys()) touched.add(target);
    }
    const answer = await t.graphql<{ applyChanges: { id: string } }>(
      'mutation ($changes: [ChangeInput!]!) { applyChanges(message: "random", changes: $changes) { id } }',
      { changes: this.applied.map((c) => changeInput(model.ns, c)) },
      curator,
    );
    expect(answer.errors).toBeUndefined();
    const set = recordOf(answer.data!.applyChanges.id, this.toString(), before, model.state, touched);
    model.sets.push(set);
    model.stack.push({ set, graph, state: before });
    model.history.push(set.id);
    await agree(model);
  }
  toString(): string {
    return `apply(${this.applied.map((c) => Object.values(c).join(' ')).join(', ')})`;
  }
  // The changes that apply one after another on the model's graph.
  private applicable(model: Readonly<Model>): ChangeSpec[] {
    const state = new Map(model.state);
    // A change set changes each target once.
    const targets = new Set<string>();
    return this.changes.filter((change) => {
      const target = 'goal' in change ? linkId(model.ns, change.task, change.goal) : entityId(model.ns, change.task);
      // ... and deletes no entity whose links it changes.
      const clash = [...targets].some((t) => t === target || t.startsWith(`${target}|`));
      const effect = clash ? undefined : simulate(model.ns, state, change);
      if (!effect) return false;
      applyEffect(state, effect);
      targets.add(target);
      return true;
    });
  }
}

/** An admin's review of one of the links there are: a change set of its own. */
class Review implements fc.AsyncCommand<Model, Real> {
  private picked = '?';
  constructor(
    readonly pick: number,
    readonly status: Status,
  ) {}
  check(model: Readonly<Model>): boolean {
    return [...model.state.keys()].some(isLink);
  }
  async run(model: Model): Promise<void> {
    const links = [...model.state.keys()].filter(isLink).sort();
    const id = links[this.pick % links.length]!;
    this.picked = id;
    const graph = await unversionedGraph();
    const before = new Map(model.state);
    const note = `review ${++model.reviews}`;
    const link = model.state.get(id) as LinkState;
    model.state.set(id, { ...link, status: this.status, by: 'root', note });
    const answer = await t.graphql(
      `mutation { reviewLink(id: "${id}", status: ${this.status}, note: "${note}") { status } }`,
      {},
      admin,
    );
    expect(answer.errors).toBeUndefined();
    const [newest] = (await t.graphql<{ history: Array<{ id: string }> }>(`{ history(id: "${id}", limit: 1) { id } }`))
      .data!.history;
    const set = recordOf(newest!.id, this.toString(), before, model.state, [id]);
    model.sets.push(set);
    model.stack.push({ set, graph, state: before });
    model.history.push(set.id);
    await agree(model);
  }
  toString(): string {
    return `review(${this.picked} ${this.status})`;
  }
}

async function revert(model: Model, set: SetRecord) {
  return t.graphql<{ revert: { id: string } }>(
    `mutation { revert(changeSetId: "${set.id}", message: "undo") { id } }`,
    {},
    admin,
  );
}

// The revert set: each target back as it was, so reverting the revert is the original change again.
function recordRevert(model: Model, set: SetRecord, id: string): void {
  const targets = new Map<string, { before: State | null; after: State | null }>();
  for (const [target, { before, after }] of set.targets) {
    targets.set(target, { before: after, after: before });
    if (before === null) model.state.delete(target);
    else model.state.set(target, before);
  }
  model.sets.push({ id, label: `revert of ${set.label}`, targets });
  model.history.push(id);
}

/** Undo the newest set not yet undone: it must succeed and leave the graph as it was before that set. */
class RevertNewest implements fc.AsyncCommand<Model, Real> {
  check(model: Readonly<Model>): boolean {
    return model.stack.length > 0;
  }
  async run(model: Model): Promise<void> {
    const { set, graph, state } = model.stack.pop()!;
    const answer = await revert(model, set);
    expect(answer.errors).toBeUndefined();
    recordRevert(model, set, answer.data!.revert.id);
    expect(model.state).toEqual(state);
    expect(await unversionedGraph()).toEqual(graph);
    await agree(model);
  }
  toString(): string {
    return 'revertNewest';
  }
}

/** Revert any set of the run, reverts included: it proceeds exactly when the model says it may. */
class RevertAny implements fc.AsyncCommand<Model, Real> {
  private picked = '?';
  constructor(readonly pick: number) {}
  check(model: Readonly<Model>): boolean {
    return model.sets.length > 0;
  }
  async run(model: Model): Promise<void> {
    const set = model.sets[this.pick % model.sets.length]!;
    this.picked = set.label;
    const reasons = refusals(model, set);
    const graph = await unversionedGraph();
    const answer = await revert(model, set);
    if (reasons.length > 0) {
      expect({ refused: answer.errors?.[0]?.extensions?.code, because: reasons }).toEqual({
        refused: 'CONFLICT',
        because: reasons,
      });
      expect(await unversionedGraph()).toEqual(graph);
    } else {
      expect(answer.errors).toBeUndefined();
      recordRevert(model, set, answer.data!.revert.id);
      // The undo stack no longer describes the graph once a set other than the newest is taken back.
      model.stack = [];
    }
    await agree(model);
  }
  toString(): string {
    return `revert(#${this.pick}: ${this.picked})`;
  }
}

const task = fc.constantFrom(...TASKS);
const goal = fc.constantFrom(...GOALS);
// Writes more often than deletes, so that graphs grow links to review and delete.
const change: fc.Arbitrary<ChangeSpec> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('upsertTask' as const), task, name: fc.constantFrom(...NAMES) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('upsertLink' as const), task, goal, basis: fc.constantFrom(...BASES) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteTask' as const), task }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteLink' as const), task, goal }) },
);
const applySet = fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => new ApplySet(changes));

const commands = fc.commands(
  [
    applySet,
    applySet,
    applySet,
    fc.tuple(fc.nat(20), fc.constantFrom(...STATUSES)).map(([pick, status]) => new Review(pick, status)),
    fc.constant(new RevertNewest()),
    fc.constant(new RevertNewest()),
    fc.nat(50).map((pick) => new RevertAny(pick)),
  ],
  { maxCommands: 20, size: 'max' },
);

// A namespace of its own per run: a memo to cite and two goals to link to.
async function setup(): Promise<{ model: Model; real: Real }> {
  const ns = `rev${++runs}`;
  const cite = CITE(ns);
  await loadDataset(
    t.db,
    checkDataset(`${ns}.json`, {
      namespace: ns,
      nodes: [
        { id: 'memo', label: 'Source', name: 'Memo', citations: cite, language: 'en', sha256: 'd'.repeat(64) },
        { id: 'g1', label: 'Goal', name: 'Clean harbour', citations: cite, goalKind: 'STAGE', targetYear: 2030 },
        { id: 'g2', label: 'Goal', name: 'Open port', citations: cite, goalKind: 'STAGE', targetYear: 2031 },
      ],
      relationships: [],
    }),
  );
  const model: Model = { ns, state: new Map(), sets: [], stack: [], history: await historyIds(ns), reviews: 0 };
  return { model, real: { t } };
}

describe('Undo on random histories', () => {
  it('takes back the newest sets in turn, refuses exactly the reverts of changed targets, and keeps all history', async () => {
    await fc.assert(
      fc.asyncProperty(commands, (cmds) => fc.asyncModelRun(setup, cmds)),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);
});
