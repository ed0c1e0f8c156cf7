/**
 * The test run's Neo4j: which database the tests may use, how they connect to it, and the guard that
 * keeps them off any other. Tests never read the server's variables (`NEO4J_URI`, ...): a shell that
 * exports them for a live database must not lead a test run to empty it. They use the embedded Neo4j
 * that globalSetup starts, or the database a test-only variable names, and only once that database
 * carries the test marker.
 */
import { Database, type QueryEvent } from '../../src/database/Database';

/** The server's own database variables: the test run removes them from its environment and never reads them. */
export const SERVER_DATABASE_VARIABLES = ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'] as const;

/** Test-only variables naming a database the tests may use instead of starting their own. */
export const TEST_DATABASE_VARIABLES = {
  uri: 'TEST_NEO4J_URI',
  username: 'TEST_NEO4J_USERNAME',
  password: 'TEST_NEO4J_PASSWORD',
  database: 'TEST_NEO4J_DATABASE',
} as const;

/**
 * The name of the index that marks a database as the tests' own. An index, not a node, so that it
 * survives the tests emptying the graph and shows in no count of nodes they make.
 */
export const TEST_MARKER_INDEX = 'zgc_test_database_marker';

/** Where the tests' database is: started here, or reached at a URI a test-only variable names. */
export type TestDatabaseTarget =
  | { kind: 'embedded' }
  | { kind: 'external'; uri: string; username: string | undefined; password: string | undefined; database: string };

/** Reads the test-only variables; the server's variables are deliberately not consulted. */
export function testDatabaseTarget(env: NodeJS.ProcessEnv): TestDatabaseTarget {
  const uri = env[TEST_DATABASE_VARIABLES.uri];
  if (!uri) return { kind: 'embedded' };
  return {
    kind: 'external',
    uri,
    username: env[TEST_DATABASE_VARIABLES.username],
    password: env[TEST_DATABASE_VARIABLES.password],
    database: env[TEST_DATABASE_VARIABLES.database] ?? 'neo4j',
  };
}

/** A refusal to touch a database that is not the tests' own. */
export class NotATestDatabaseError extends Error {
  override name = 'NotATestDatabaseError';
}

/** Connects to the run's database without checking the marker: for globalSetup and the guard's own tests. */
export async function connectUncheckedTestDatabase(
  onQuery?: (event: QueryEvent) => void,
  options: { readTimeoutMs?: number } = {},
): Promise<Database> {
  const target = testDatabaseTarget(process.env);
  if (target.kind !== 'external') {
    throw new Error(`${TEST_DATABASE_VARIABLES.uri} is unset: the jest globalSetup should have started Neo4j`);
  }
  return Database.connect({
    uri: target.uri,
    auth: target.username && target.password ? { username: target.username, password: target.password } : undefined,
    database: target.database,
    connectTimeoutMs: 10_000,
    ...(onQuery ? { onQuery } : {}),
    ...options,
  });
}

/** Connects to the run's database, refusing one that does not carry the test marker. */
export async function connectTestDatabase(
  onQuery?: (event: QueryEvent) => void,
  options: { readTimeoutMs?: number } = {},
): Promise<Database> {
  const db = await connectUncheckedTestDatabase(onQuery, options);
  try {
    await assertTestDatabase(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Throws unless `db` carries the test marker. */
export async function assertTestDatabase(db: Database): Promise<void> {
  if (!(await hasTestMarker(db))) {
    throw new NotATestDatabaseError(
      `Refusing to change ${describeTarget()}: it has no index named ${TEST_MARKER_INDEX}, so it is not a database ` +
        'the tests created. Tests use the embedded Neo4j they start, or an empty database named by ' +
        `${TEST_DATABASE_VARIABLES.uri}; ${SERVER_DATABASE_VARIABLES[0]} is ignored.`,
    );
  }
}

/**
 * Marks `db` as the tests' own when it is empty, and refuses it when it holds data without the marker:
 * a database with a graph in it that the tests did not create is somebody's work.
 */
export async function claimTestDatabase(db: Database): Promise<void> {
  if (await hasTestMarker(db)) return;
  const [row] = await db.read('MATCH (n) RETURN count(n) AS nodes');
  const nodes = Number(row?.['nodes'] ?? 0);
  if (nodes > 0) {
    throw new NotATestDatabaseError(
      `Refusing to run the tests on ${describeTarget()}: it holds ${nodes} nodes and no index named ` +
        `${TEST_MARKER_INDEX}, so it is not a test database. The tests delete everything in their database: ` +
        `point ${TEST_DATABASE_VARIABLES.uri} at an empty one, or unset it to use the embedded Neo4j.`,
    );
  }
  await markTestDatabase(db);
}

/** Gives `db` the test marker. Only for a database known to be the tests' own. */
export async function markTestDatabase(db: Database): Promise<void> {
  await db.write(`CREATE INDEX ${TEST_MARKER_INDEX} IF NOT EXISTS FOR (n:ZgcTestDatabaseMarker) ON (n.claimedAt)`);
}

function describeTarget(): string {
  const target = testDatabaseTarget(process.env);
  return target.kind === 'external' ? `database "${target.database}" at ${target.uri}` : 'the test database';
}

async function hasTestMarker(db: Database): Promise<boolean> {
  const rows = await db.read('SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) AS n', {
    name: TEST_MARKER_INDEX,
  });
  return Number(rows[0]?.['n'] ?? 0) > 0;
}

/**
 * The environment for a command-line tool a test starts (the loader, the exporter): the test run's
 * environment with the tool's database variables pointed at the test database.
 */
export function toolEnvironment(): NodeJS.ProcessEnv {
  const target = testDatabaseTarget(process.env);
  if (target.kind !== 'external') throw new Error(`${TEST_DATABASE_VARIABLES.uri} is unset`);
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: target.uri, NEO4J_DATABASE: target.database };
  delete env['NEO4J_USERNAME'];
  delete env['NEO4J_PASSWORD'];
  if (target.username && target.password) {
    env['NEO4J_USERNAME'] = target.username;
    env['NEO4J_PASSWORD'] = target.password;
  }
  return env;
}
