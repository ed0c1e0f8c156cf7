/**
 * Loading plan files other than the bundled one: namespaces, edits, and files that must be refused
 * without touching the database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Database } from '../../src/database/Database';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset, readDataset } from '../../src/dataset/readDataset';
import { BUNDLED_PLAN_FILE } from '../../src/dataset/seedPlan';
import { DatasetError } from '../../src/errors/errors';
import { CYPHER_DIR, PROJECT_ROOT } from '../../src/paths';
import { connectTestDatabase, toolEnvironment } from '../support/testNeo4j';
import { emptyGraph, graphSnapshot } from '../support/graphSnapshot';

let db: Database;
let dir: string;

// The demo claims cite the Zhongguancun report's first words: a source another namespace holds.
const CITE = [{ source: 'zgc14:source-article', paragraph: 1, start: 0, end: 13 }];
const ZGC14_NODES = readDataset(BUNDLED_PLAN_FILE).dataset.nodes.length;

/** A small valid plan in namespace `demo` that shares an industry of the Zhongguancun Plan. */
function demoPlan(): Record<string, unknown> {
  return {
    namespace: 'demo',
    nodes: [
      {
        id: 'plan',
        label: 'Plan',
        name: 'Demo plan',
        summary: 'A plan for tests.',
        citations: CITE,
        zone: 'Demo zone',
        periodStart: 2021,
        periodEnd: 2025,
      },
      { id: 'goal', label: 'Goal', name: 'Demo goal', citations: CITE, goalKind: 'STAGE', targetYear: 2025 },
      { id: 'task', label: 'Task', name: 'Demo task', citations: CITE, ordinal: 1 },
    ],
    relationships: [
      { type: 'SETS', from: 'plan', to: 'goal', basis: 'STATED', citations: CITE },
      { type: 'ADVANCES', from: 'task', to: 'goal', basis: 'INFERRED', rationale: 'For the test.', citations: CITE },
      { type: 'DEVELOPS', from: 'task', to: 'zgc14:industry-new-materials', basis: 'STATED', citations: CITE },
    ],
  };
}

function writeFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Runs `check`, expecting a DatasetError, and returns its problems as "entry | field | message" lines. */
function problemsOf(check: () => unknown): string[] {
  try {
    check();
  } catch (error) {
    if (error instanceof DatasetError) return error.problems.map((p) => `${p.entry} | ${p.field} | ${p.message}`);
    throw error;
  }
  throw new Error('the dataset was accepted');
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-datasets-'));
  db = await connectTestDatabase();
  await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
  await emptyGraph(db);
  await loadDataset(db, readDataset(BUNDLED_PLAN_FILE));
});
afterAll(async () => {
  await db.write("MATCH (n:Entity {namespace: 'demo'}) DETACH DELETE n");
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Loading another plan next to the Zhongguancun Plan', () => {
  afterEach(async () => {
    await db.write("MATCH (n:Entity {namespace: 'demo'}) DETACH DELETE n");
  });

  it('keeps both plans apart by namespace while sharing an industry by qualified id', async () => {
    const report = await loadDataset(db, readDataset(writeFile('demo.json', demoPlan())));
    expect(report).toEqual({
      namespace: 'demo',
      nodes: { total: 3, created: 3, updated: 0, deleted: 0 },
      relationships: { total: 3, created: 3, updated: 0, deleted: 0 },
    });
    expect(await db.read('MATCH (p:Plan) RETURN p.id AS id ORDER BY id')).toEqual([
      { id: 'demo:plan' },
      { id: 'zgc14:plan' },
    ]);
    expect(await db.read("MATCH (t:Task {id: 'demo:task'})-[:DEVELOPS]->(i:Industry) RETURN i.id AS id")).toEqual([
      { id: 'zgc14:industry-new-materials' },
    ]);
    expect(await db.read("MATCH (n:Entity {namespace: 'zgc14'}) RETURN count(n) AS n")).toEqual([{ n: ZGC14_NODES }]);
  });

  it('applies an edited file: changed entries are updated, removed ones deleted', async () => {
    await loadDataset(db, readDataset(writeFile('demo.json', demoPlan())));
    const edited = demoPlan() as {
      nodes: Array<Record<string, unknown>>;
      relationships: Array<Record<string, unknown>>;
    };
    edited.nodes[1]!['summary'] = 'Now with a summary.';
    edited.nodes.splice(2, 1);
    edited.relationships.splice(1, 2);
    const report = await loadDataset(db, readDataset(writeFile('demo-edited.json', edited)));
    expect(report.nodes).toEqual({ total: 2, created: 0, updated: 1, deleted: 1 });
    expect(report.relationships).toEqual({ total: 1, created: 0, updated: 0, deleted: 2 });
    expect(await db.read("MATCH (g:Goal {id: 'demo:goal'}) RETURN g.summary AS summary")).toEqual([
      { summary: 'Now with a summary.' },
    ]);
    expect(await db.read("MATCH (i:Industry {id: 'zgc14:industry-new-materials'}) RETURN count(i) AS n")).toEqual([
      { n: 1 },
    ]);
  });

  it('rolls back the whole load when the database refuses a statement part way through', async () => {
    const before = await graphSnapshot(db);
    const checked = checkDataset('demo.json', demoPlan());
    // Maps are not valid property values: the last batch fails after two batches were written.
    checked.dataset.nodes[2]!['nested'] = { not: 'allowed' };
    await expect(loadDataset(db, checked, { batchSize: 1 })).rejects.toThrow(
      /Property values can only be of primitive types|nested/i,
    );
    expect(await graphSnapshot(db)).toEqual(before);
  });
});

describe('Refusing malformed plan files, with nothing written', () => {
  let before: Awaited<ReturnType<typeof graphSnapshot>>;
  beforeAll(async () => {
    before = await graphSnapshot(db);
  });
  afterEach(async () => {
    expect(await graphSnapshot(db)).toEqual(before);
  });

  const cases: Array<[string, (plan: ReturnType<typeof demoPlan>) => unknown, RegExp]> = [
    [
      'a reference to a node the file lacks',
      (p) => (((p['relationships'] as Array<Record<string, unknown>>)[0]!['to'] = 'gaol'), p),
      /relationships\[0\] \(plan -SETS-> gaol\) \| to \| names no node of this file, got "gaol"/,
    ],
    [
      'a missing required field',
      (p) => (delete (p['nodes'] as Array<Record<string, unknown>>)[1]!['targetYear'], p),
      /nodes\[1\] \(id "goal"\) \| targetYear \| must have required property 'targetYear'/,
    ],
    [
      'a duplicate id',
      (p) => (((p['nodes'] as Array<Record<string, unknown>>)[2]!['id'] = 'goal'), p),
      /nodes\[2\] \(id "goal"\) \| id \| duplicates the id of nodes\[1\]/,
    ],
    [
      'a value of the wrong type',
      (p) => (((p['nodes'] as Array<Record<string, unknown>>)[2]!['ordinal'] = 'first'), p),
      /nodes\[2\] \(id "task"\) \| ordinal \| must be integer, got "first"/,
    ],
    [
      'an unknown label',
      (p) => (((p['nodes'] as Array<Record<string, unknown>>)[2]!['label'] = 'Person'), p),
      /nodes\[2\] \(id "task"\) \| label \| must be equal to one of the allowed values \(one of Plan, .*\), got "Person"/,
    ],
    [
      'an unknown field',
      (p) => (((p['nodes'] as Array<Record<string, unknown>>)[0]!['budget'] = 5), p),
      /nodes\[0\] \(id "plan"\) \| budget \| is not a known field/,
    ],
    [
      'an inferred link without rationale',
      (p) => (delete (p['relationships'] as Array<Record<string, unknown>>)[1]!['rationale'], p),
      /relationships\[1\] \(task -ADVANCES-> goal\) \| rationale \| must have required property/,
    ],
    [
      'a repeated relationship',
      (p) => (
        (p['relationships'] as unknown[]).push({
          type: 'SETS',
          from: 'plan',
          to: 'goal',
          basis: 'STATED',
          citations: CITE,
        }),
        p
      ),
      /relationships\[3\] \(plan -SETS-> goal\) \| type \| repeats relationships\[0\]/,
    ],
    [
      'an unknown relationship type',
      (p) => (((p['relationships'] as Array<Record<string, unknown>>)[0]!['type'] = 'DELETES'), p),
      /relationships\[0\] \(plan -DELETES-> goal\) \| type \| must be equal to one of the allowed values/,
    ],
    [
      'a period that ends before it starts',
      (p) => (((p['nodes'] as Array<Record<string, unknown>>)[0]!['periodEnd'] = 2019), p),
      /nodes\[0\] \(id "plan"\) \| periodEnd \| must not be before periodStart \(2021\), got 2019/,
    ],
    [
      'a paragraph number that is not a positive integer',
      (p) => (((p['nodes'] as Array<Record<string, unknown>>)[0]!['citations'] = [{ ...CITE[0], paragraph: 0 }]), p),
      /nodes\[0\] \(id "plan"\) \| citations.0.paragraph \| must be >= 1, got 0/,
    ],
    [
      'an alias shared by two entities (a group word, not a name)',
      (p) => {
        const nodes = p['nodes'] as Array<Record<string, unknown>>;
        nodes[1]!['aliases'] = ['demo items'];
        nodes[2]!['aliases'] = ['Demo items'];
        return p;
      },
      /nodes\[2\] \(id "task"\) \| aliases \| "Demo items" is also an alias of nodes\[1\]: an alias names one entity/,
    ],
    [
      'a claim without citations',
      (p) => (((p['relationships'] as Array<Record<string, unknown>>)[0]!['citations'] = []), p),
      /relationships\[0\] \(plan -SETS-> goal\) \| citations \| must NOT have fewer than 1 items/,
    ],
    [
      'a locator that names no Source',
      (p) => (((p['nodes'] as Array<Record<string, unknown>>)[2]!['citations'] = [{ ...CITE[0], source: 'goal' }]), p),
      /nodes\[2\] \(id "task"\) \| citations\[0\].source \| names no Source node of this file, got "goal" \(a Goal\)/,
    ],
    [
      'a locator that ends before it starts',
      (p) => (
        ((p['nodes'] as Array<Record<string, unknown>>)[1]!['citations'] = [{ ...CITE[0], start: 9, end: 3 }]),
        p
      ),
      /nodes\[1\] \(id "goal"\) \| citations\[0\] \| end must be after start, got \[9, 3\)/,
    ],
    [
      'a node citing a whole paragraph rather than its words',
      (p) => (((p['nodes'] as Array<Record<string, unknown>>)[1]!['citations'] = [{ ...CITE[0], end: 900 }]), p),
      /nodes\[1\] \(id "goal"\) \| citations\[0\] \| spans 900 characters; a node cites at most 300/,
    ],
    ['a namespace with a colon', (p) => ((p['namespace'] = 'a:b'), p), /file \| namespace \| must match pattern/],
    [
      'a date that is not ISO 8601',
      (p) => (((p['nodes'] as Array<Record<string, unknown>>)[0]!['issued'] = '29/11/2021'), p),
      /nodes\[0\] \(id "plan"\) \| issued \| must match pattern .*, got "29\/11\/2021"/,
    ],
    [
      'a name whose language tag is not BCP 47',
      (p) => (
        ((p['nodes'] as Array<Record<string, unknown>>)[0]!['names'] = [{ text: '演示规划', language: 'Chinese' }]),
        p
      ),
      /nodes\[0\] \(id "plan"\) \| names.0.language \| must match pattern .*, got "Chinese"/,
    ],
  ];

  it.each(cases)('refuses %s, naming the file, the entry and the field', (_name, breakIt, expected) => {
    const file = writeFile('broken.json', breakIt(demoPlan()));
    const problems = problemsOf(() => readDataset(file));
    expect(problems.join('\n')).toMatch(expected);
    expect(() => readDataset(file)).toThrow(file);
  });

  it('names only the missing field when a label-specific field is absent, not its siblings', () => {
    const plan = demoPlan();
    delete (plan['nodes'] as Array<Record<string, unknown>>)[1]!['targetYear'];
    expect(problemsOf(() => readDataset(writeFile('one-missing.json', plan)))).toEqual([
      `nodes[1] (id "goal") | targetYear | must have required property 'targetYear'`,
    ]);
  });

  it('refuses a link between kinds its type never joins, naming the kinds it does join', () => {
    const plan = demoPlan();
    const links = plan['relationships'] as Array<Record<string, unknown>>;
    links[1] = { ...links[1], from: 'goal', to: 'task' };
    expect(problemsOf(() => checkDataset('wrong-way.json', plan))).toEqual([
      'relationships[1] (goal -ADVANCES-> task) | type | ADVANCES links Task -> Goal, not Goal "goal" -> Task "task"',
    ]);
  });

  it('refuses a file that is not JSON', () => {
    const file = writeFile('not-json.json', '{ "namespace": ');
    expect(problemsOf(() => readDataset(file)).join('\n')).toMatch(/file \| - \| is not valid JSON/);
  });

  it('refuses, before writing, a file whose cross-namespace reference is not in the graph', async () => {
    const plan = demoPlan();
    (plan['relationships'] as Array<Record<string, unknown>>)[2]!['to'] = 'zgc14:industry-teleportation';
    const checked = readDataset(writeFile('dangling.json', plan));
    await expect(loadDataset(db, checked)).rejects.toThrow(
      /refers to "zgc14:industry-teleportation", which is not in the graph/,
    );
  });
  it('lists every problem of a file at once', () => {
    const plan = demoPlan();
    const nodes = plan['nodes'] as Array<Record<string, unknown>>;
    nodes[0]!['issued'] = 'November 2021';
    nodes[1]!['names'] = [{ text: '演示目标', language: 'zh_CN' }];
    nodes[2]!['ordinal'] = 'first';
    expect(problemsOf(() => readDataset(writeFile('many.json', plan)))).toHaveLength(3);
  });

  it('refuses, before writing, a link into a namespace the graph does not hold', async () => {
    const plan = demoPlan();
    (plan['relationships'] as Array<Record<string, unknown>>)[2]!['to'] = 'nowhere:industry-new-materials';
    const checked = readDataset(writeFile('no-namespace.json', plan));
    await expect(loadDataset(db, checked)).rejects.toThrow(
      /"nowhere:industry-new-materials", which is not in the graph/,
    );
  });
});

describe('npm run load', () => {
  function runLoad(...files: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/load.ts', ...files], {
      cwd: PROJECT_ROOT,
      env: toolEnvironment(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  afterAll(async () => {
    await db.write("MATCH (n:Entity {namespace: 'demo'}) DETACH DELETE n");
  });

  it('loads a file and prints what it created, then nothing new on a second run', () => {
    const file = writeFile('demo.json', demoPlan());
    const first = runLoad(file);
    expect(first.stderr).toContain('relationships [##############################] 3/3 (100%)');
    expect(first.stdout).toContain('as namespace "demo"');
    expect(first.stdout).toMatch(/nodes\s+3 in file: 3 created, 0 updated, 0 deleted/);
    expect(first.status).toBe(0);
    const second = runLoad('--by', 'data-team', file);
    expect(second.stdout).toMatch(/nodes\s+3 in file: 0 created, 0 updated, 0 deleted/);
    expect(second.stdout).toMatch(/relationships\s+3 in file: 0 created, 0 updated, 0 deleted/);
  });

  it('records who loaded: the name given with --by, else the user running it', async () => {
    const plan = demoPlan();
    (plan['nodes'] as Array<Record<string, unknown>>)[0]!['name'] = 'Demo plan, renamed';
    expect(runLoad('--by', 'data-team', writeFile('demo-renamed.json', plan)).status).toBe(0);
    expect(runLoad(writeFile('demo-again.json', demoPlan())).status).toBe(0);
    const sets = await db.read(
      "MATCH (c:ChangeSet {via: 'LOADER'}) WHERE 'demo' IN c.namespaces RETURN c.by AS by ORDER BY c.at DESC LIMIT 2",
    );
    expect(sets).toEqual([{ by: os.userInfo().username }, { by: 'data-team' }]);
  });

  it('refuses a broken file with exit code 1 and a message naming file, entry and field', () => {
    const plan = demoPlan();
    delete (plan['nodes'] as Array<Record<string, unknown>>)[0]!['name'];
    const file = writeFile('broken-cli.json', plan);
    const run = runLoad(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}: 1 problem(s), nothing was written`);
    expect(run.stderr).toContain(`nodes[0] (id "plan") name: must have required property 'name'`);
  });

  it('prints usage without a file', () => {
    const run = runLoad();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run load -- [--by NAME] FILE');
  });
});
