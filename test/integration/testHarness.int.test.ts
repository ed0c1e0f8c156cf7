/**
 * The test harness keeps off every database that is not its own: it ignores the server's variables,
 * marks the database it uses, and refuses to change one without the mark.
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Database } from '../../src/database/Database';
import { loadDataset } from '../../src/dataset/loadDataset';
import { readDataset } from '../../src/dataset/readDataset';
import { BUNDLED_PLAN_FILE } from '../../src/dataset/seedPlan';
import { PROJECT_ROOT } from '../../src/paths';
import { emptyGraph, graphSnapshot } from '../support/graphSnapshot';
import {
  NotATestDatabaseError,
  TEST_DATABASE_VARIABLES,
  TEST_MARKER_INDEX,
  claimTestDatabase,
  connectTestDatabase,
  markTestDatabase,
  testDatabaseTarget,
} from '../support/testNeo4j';

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await markTestDatabase(db);
  await db.close();
});

describe('The test harness: which database it uses', () => {
  it('ignores the server variables and reads only the test-only ones', () => {
    const live = { NEO4J_URI: 'bolt://live.example:7687', NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: 'secret' };
    expect(testDatabaseTarget(live)).toEqual({ kind: 'embedded' });
    expect(
      testDatabaseTarget({
        ...live,
        TEST_NEO4J_URI: 'bolt://test.example:7687',
        TEST_NEO4J_USERNAME: 'tester',
        TEST_NEO4J_PASSWORD: 'pw',
      }),
    ).toEqual({
      kind: 'external',
      uri: 'bolt://test.example:7687',
      username: 'tester',
      password: 'pw',
      database: 'neo4j',
    });
  });

  it('has taken the server variables out of the environment the tests and their tools see', () => {
    expect(process.env['NEO4J_URI']).toBeUndefined();
    expect(process.env[TEST_DATABASE_VARIABLES.uri]).toMatch(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//);
  });
});

describe('The test harness on a database without the test marker', () => {
  const dropMarker = (): Promise<unknown> => db.write(`DROP INDEX ${TEST_MARKER_INDEX} IF EXISTS`);

  beforeEach(async () => {
    await emptyGraph(db);
    await db.write("CREATE (:HarnessProbe {id: 'someone-elses-work'})");
    await dropMarker();
  });
  afterEach(async () => {
    await markTestDatabase(db);
    await emptyGraph(db);
  });

  it('refuses to empty it, and leaves it as it was', async () => {
    const before = await graphSnapshot(db);
    await expect(emptyGraph(db)).rejects.toThrow(NotATestDatabaseError);
    await expect(emptyGraph(db)).rejects.toThrow(`it has no index named ${TEST_MARKER_INDEX}`);
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('refuses to connect a test to it', async () => {
    await expect(connectTestDatabase()).rejects.toThrow(/Refusing to change .* not a database the tests created/);
  });

  it('refuses to claim it while it holds data, naming the variable to use instead', async () => {
    await expect(claimTestDatabase(db)).rejects.toThrow(/holds 1 nodes .* point TEST_NEO4J_URI at an empty one/);
    expect(await db.read('MATCH (n:HarnessProbe) RETURN n.id AS id')).toEqual([{ id: 'someone-elses-work' }]);
  });

  it('claims it once it is empty, and then lets a test connect', async () => {
    await db.write('MATCH (n:HarnessProbe) DELETE n');
    await claimTestDatabase(db);
    const connected = await connectTestDatabase();
    await connected.close();
    expect(
      await db.read('SHOW INDEXES YIELD name WHERE name = $name RETURN name', { name: TEST_MARKER_INDEX }),
    ).toEqual([{ name: TEST_MARKER_INDEX }]);
  });
});

describe('A test run in a shell where NEO4J_URI names a live database', () => {
  it('leaves that database untouched', async () => {
    // The live database here is this run's own, holding the Plan and one more node. A nested test run
    // that followed NEO4J_URI would pass the marker check and empty it, so this fails if the variable is used.
    await emptyGraph(db);
    await loadDataset(db, readDataset(BUNDLED_PLAN_FILE));
    await db.write("CREATE (:HarnessProbe {id: 'live-work'})");
    const before = await graphSnapshot(db);
    const live = process.env[TEST_DATABASE_VARIABLES.uri]!;
    const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: live };
    for (const name of Object.values(TEST_DATABASE_VARIABLES)) delete env[name];
    delete env['JEST_WORKER_ID'];

    const run = spawnSync(
      process.execPath,
      [
        path.join(PROJECT_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
        '--ci',
        'test/integration/planGraph.int.test.ts',
      ],
      { cwd: PROJECT_ROOT, env, encoding: 'utf8', timeout: 240_000 },
    );

    const failure = run.status === 0 ? '' : `exit ${String(run.status)}\n${run.stderr.slice(-3000)}`;
    expect(failure).toBe('');
    expect(run.stderr).toContain('The tests ignore NEO4J_URI');
    expect(run.stderr).toMatch(/Tests: .*\d+ passed/);
    expect(await graphSnapshot(db)).toEqual(before);
    await db.write('MATCH (n:HarnessProbe) DELETE n');
  }, 300_000);
});
