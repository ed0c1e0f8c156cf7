/**
 * Bulk import into an empty database writes exactly the graph the transactional loader writes: the
 * same entities, links, property values and value types, the same history and graph version. It
 * refuses what the transactional loader refuses, and a failed import leaves no store behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bulkLoad } from '../../src/bulk/bulkLoad';
import { completeBulkLoad } from '../../src/bulk/completeBulkLoad';
import { Database } from '../../src/database/Database';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset, readDataset, type CheckedDataset } from '../../src/dataset/readDataset';
import { BUNDLED_PLAN_FILE } from '../../src/dataset/seedPlan';
import { embeddedStoreExists, startEmbeddedNeo4j } from '../../src/embedded/EmbeddedNeo4j';
import { runImportTool } from '../../src/embedded/runImportTool';
import { DatasetError, StartupError } from '../../src/errors/errors';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { CYPHER_DIR, LAUNCHER_DIR } from '../../src/paths';
import { SIZES } from '../../src/synthetic/generateLibrary';
import { checkedLibrary } from '../../src/synthetic/loadLibrary';
import { freePort } from '../support/freePort';
import { emptyGraph, typedGraphSnapshot } from '../support/graphSnapshot';
import { connectTestDatabase } from '../support/testNeo4j';

const SCHEMA_DIR = path.join(CYPHER_DIR, 'schema');
const CITE = [{ source: 'zgc14:source-article', paragraph: 1, start: 0, end: 13 }];
let db: Database;
let scratch: string;

/** A dataset with what CSV makes hard: empty lists, lines, quotes, commas, non-Latin text, a review. */
function awkwardDataset(): CheckedDataset {
  return checkDataset('awkward.json', {
    namespace: 'awkward',
    title: 'Awkward, "quoted" plan',
    nodes: [
      {
        id: 'plan',
        label: 'Plan',
        name: '中关村 "plan", with commas',
        summary: 'First line;\nsecond line, "quoted"\r\nthird line ',
        aliases: [],
        citations: CITE,
        zone: ' Zone with spaces ',
        periodStart: 2021,
        periodEnd: 2025,
      },
      {
        id: 'goal',
        label: 'Goal',
        name: 'Goal \\ with\ttab',
        summary: '',
        aliases: ['目标', 'a, b', 'say "goal"', ' padded ', 'back\\slash'],
        citations: [...CITE, { source: 'zgc14:source-article', paragraph: 2, start: 0, end: 5 }],
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
        rationale: 'Because,\n"we" read it so',
        citations: CITE,
        review: { status: 'DISPUTED', by: 'ana', at: '2026-01-02T03:04:05.000Z', note: 'Not, "quite"' },
      },
      {
        type: 'ADVANCES',
        from: 'zgc14:task-self-reliance',
        to: 'goal',
        basis: 'INFERRED',
        rationale: 'Test.',
        citations: CITE,
      },
    ],
  });
}

/** Imports `datasets` into a new embedded database of its own and returns its snapshot. */
async function bulkSnapshot(
  datasets: readonly CheckedDataset[],
): Promise<Awaited<ReturnType<typeof typedGraphSnapshot>>> {
  const dataDir = fs.mkdtempSync(path.join(scratch, 'bulk-'));
  const { completions } = await bulkLoad(datasets, {
    launcherDir: LAUNCHER_DIR,
    dataDir,
    heap: '512m',
  });
  const neo4j = await startEmbeddedNeo4j({
    launcherDir: LAUNCHER_DIR,
    dataDir,
    boltPort: await freePort(),
    heap: '512m',
    pageCacheBytes: 64 * 1024 * 1024,
  });
  const imported = await Database.connect({ uri: neo4j.uri, database: 'neo4j', connectTimeoutMs: 10_000 });
  try {
    await applyMigrations(imported, SCHEMA_DIR);
    await completeBulkLoad(imported, completions);
    // History lists change sets by time: the loads' times must keep their order.
    const times = (await imported.read('MATCH (cs:ChangeSet) RETURN cs.at AS at ORDER BY cs.graphVersion')).map((row) =>
      String(row['at']),
    );
    expect(times).toEqual([...new Set(times)].sort());
    return await typedGraphSnapshot(imported);
  } finally {
    await imported.close();
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Loads `datasets` one by one into the tests' database and returns its snapshot. */
async function transactionalSnapshot(
  datasets: readonly CheckedDataset[],
): Promise<Awaited<ReturnType<typeof typedGraphSnapshot>>> {
  await emptyGraph(db);
  for (const checked of datasets) await loadDataset(db, checked, { batchSize: 5000 });
  return typedGraphSnapshot(db);
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'zgc-plan-graph-bulk-'));
  db = await connectTestDatabase();
  await applyMigrations(db, SCHEMA_DIR);
});
afterAll(async () => {
  await emptyGraph(db);
  await db.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('Bulk import into an empty database', () => {
  it('writes the graph the transactional loader writes for the Plan and an awkward dataset', async () => {
    const datasets = [readDataset(BUNDLED_PLAN_FILE), awkwardDataset()];
    const expected = await transactionalSnapshot(datasets);
    const actual = await bulkSnapshot(datasets);
    expect(actual).toEqual(expected);
    // The comparison sees what matters: the awkward values arrived intact, with their types.
    expect(expected.nodes.join('\n')).toContain('"aliases",[],"LIST<NOTHING> NOT NULL"');
    expect(expected.nodes.join('\n')).toContain('"periodStart",2021,"INTEGER NOT NULL"');
    expect(expected.nodes.join('\n')).toContain('"summary","","STRING NOT NULL"');
    expect(expected.nodes.join('\n')).toContain('" padded "');
    expect(expected.relationships.join('\n')).toContain('"reviewNote","Not, \\"quite\\"","STRING NOT NULL"');
    expect(expected.graphVersion).toEqual({ versions: [2], epochs: 1 });
  }, 180_000);

  it('writes the graph the transactional loader writes for the medium synthetic library', async () => {
    const datasets = checkedLibrary(SIZES.medium);
    const expected = await transactionalSnapshot(datasets);
    const actual = await bulkSnapshot(datasets);
    expect(actual.nodes).toHaveLength(expected.nodes.length);
    expect(actual.relationships).toHaveLength(expected.relationships.length);
    expect(actual).toEqual(expected);
    expect(expected.relationships.length).toBeGreaterThan(50_000);
  }, 300_000);

  it('refuses a dataset the transactional loader refuses, writing no store', async () => {
    const dataDir = fs.mkdtempSync(path.join(scratch, 'refused-'));
    const dangling = checkDataset('dangling.json', {
      namespace: 'dangling',
      nodes: [{ id: 'task', label: 'Task', name: 'Task', citations: CITE, ordinal: 1 }],
      relationships: [
        { type: 'DEVELOPS', from: 'task', to: 'zgc14:industry-new-materials', basis: 'STATED', citations: CITE },
      ],
    });
    // Without the Plan's namespace before it, both its reference and its citation point nowhere.
    const attempt = bulkLoad([dangling], { launcherDir: LAUNCHER_DIR, dataDir, heap: '512m' });
    await expect(attempt).rejects.toThrow(DatasetError);
    await expect(attempt).rejects.toThrow(/refers to "zgc14:industry-new-materials", which is not in the graph/);
    await expect(attempt).rejects.toThrow(/cites "zgc14:source-article", which is no Source in the graph/);
    expect(embeddedStoreExists(dataDir)).toBe(false);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('removes the store when the import tool fails, so the next start makes an empty database', async () => {
    const dataDir = fs.mkdtempSync(path.join(scratch, 'failed-'));
    const nodes = path.join(scratch, 'repeated-ids.csv');
    fs.writeFileSync(nodes, 'id:ID,name\na,First\na,Again\n');
    const attempt = runImportTool({
      launcherDir: LAUNCHER_DIR,
      dataDir,
      heap: '512m',
      nodes: [{ labels: ['Entity', 'Task'], file: nodes }],
      relationships: [],
      arrayDelimiter: ';',
      multiline: false,
      reportFile: path.join(scratch, 'failed.report'),
    });
    await expect(attempt).rejects.toThrow(StartupError);
    await expect(attempt).rejects.toThrow(/import tool failed[\s\S]*Id 'a' is defined more than once/);
    expect(embeddedStoreExists(dataDir)).toBe(false);
  }, 120_000);

  it('refuses to write over a database that exists, leaving it as it was', async () => {
    const dataDir = fs.mkdtempSync(path.join(scratch, 'existing-'));
    const store = path.join(dataDir, 'data', 'databases', 'neo4j');
    fs.mkdirSync(store, { recursive: true });
    fs.writeFileSync(path.join(store, 'neostore'), 'kept');
    const attempt = bulkLoad([readDataset(BUNDLED_PLAN_FILE)], { launcherDir: LAUNCHER_DIR, dataDir, heap: '512m' });
    await expect(attempt).rejects.toThrow(StartupError);
    await expect(attempt).rejects.toThrow(/writes only a new database, and .* already holds one/);
    expect(fs.readFileSync(path.join(store, 'neostore'), 'utf8')).toBe('kept');
    expect(fs.readdirSync(dataDir)).toEqual(['data']);
  });
});
