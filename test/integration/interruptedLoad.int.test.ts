/**
 * A load killed part way: `npm run load` is stopped with SIGKILL while it is writing a large file,
 * and the database must be exactly as it was before, since a file loads in one transaction that
 * Neo4j rolls back when its client goes away.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectTestDatabase, toolEnvironment } from '../support/testNeo4j';
import { emptyGraph, graphSnapshot } from '../support/graphSnapshot';
import type { Database } from '../../src/database/Database';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import { planDatasets, sharedDataset, type LibraryShape } from '../../src/synthetic/generateLibrary';
import { CYPHER_DIR, PROJECT_ROOT } from '../../src/paths';

// One file of 400 plans: about 4,000 nodes and 45,000 relationships, several seconds to load.
const SHAPE: LibraryShape = {
  plans: 400,
  industries: 300,
  platforms: 60,
  tasksPerPlan: 10,
  industriesPerTask: 10,
  platformsPerTask: 4,
  plansPerFile: 400,
  seed: 7,
};

describe('A load killed part way', () => {
  let db: Database;
  let dir: string;

  beforeAll(async () => {
    db = await connectTestDatabase();
    await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
    await emptyGraph(db);
    // The shared industries and platforms are in place, as after an earlier successful load.
    const shared = sharedDataset(SHAPE);
    await loadDataset(db, checkDataset('shared', shared));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interrupted-load-'));
  });

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await emptyGraph(db);
    await db.close();
  });

  it('leaves the database exactly as before', async () => {
    const [plans] = [...planDatasets(SHAPE)];
    const file = path.join(dir, 'plans.json');
    fs.writeFileSync(file, JSON.stringify(plans));
    const before = await graphSnapshot(db);

    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/load.ts', file], {
      cwd: PROJECT_ROOT,
      env: toolEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    // Kill it once it is writing relationships, the last and longest phase.
    for (let i = 0; i < 600 && !/relationships\s+\[/.test(stderr); i++) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toMatch(/relationships\s+\[/);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stdout).not.toContain('Loaded');

    // Neo4j notices the dropped connection and rolls the transaction back.
    let after = await graphSnapshot(db);
    for (let i = 0; i < 50 && JSON.stringify(after) !== JSON.stringify(before); i++) {
      await new Promise((r) => setTimeout(r, 200));
      after = await graphSnapshot(db);
    }
    expect(after).toEqual(before);
    // The uncommitted writes were never visible, so the graph matches at once; the transaction itself
    // ends when Neo4j notices the connection is gone, which may take a moment longer.
    const running = async (): Promise<unknown> =>
      (
        await db.read(
          "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'UNWIND' " +
            "AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS running",
        )
      )[0]?.['running'];
    let open = await running();
    for (let i = 0; i < 100 && open !== 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      open = await running();
    }
    expect(open).toBe(0);
  }, 120_000);
});
