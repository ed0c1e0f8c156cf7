/**
 * Prepares the test run's Neo4j: the database TEST_NEO4J_URI names, or a real, empty embedded Neo4j
 * started here on a free port in a temporary folder. Either way the database must carry the test
 * marker (an empty one is given it) before any test runs. The server's own variables (NEO4J_URI, ...)
 * are removed from the run's environment first, so no test or tool it starts can reach that database.
 * Also says, once, which checks this machine cannot run and why.
 */
import fs from 'node:fs';
import os from 'node:os';
import { startEmbeddedNeo4j } from '../../src/embedded/EmbeddedNeo4j';
import { LAUNCHER_DIR } from '../../src/paths';
import {
  SERVER_DATABASE_VARIABLES,
  TEST_DATABASE_VARIABLES,
  claimTestDatabase,
  connectUncheckedTestDatabase,
  testDatabaseTarget,
} from './testNeo4j';
import { freePort } from './freePort';
import { optionalPrerequisites } from './optionalPrerequisites';
import { JVM_PID_VARIABLE } from './jvmCpu';

export default async function globalSetup(): Promise<void> {
  const ignored = SERVER_DATABASE_VARIABLES.filter((name) => process.env[name] !== undefined);
  for (const name of SERVER_DATABASE_VARIABLES) delete process.env[name];
  if (ignored.length > 0) {
    process.stderr.write(
      `\nThe tests ignore ${ignored.join(', ')}: ` +
        `they use their own database (${TEST_DATABASE_VARIABLES.uri} names one).\n`,
    );
  }

  if (testDatabaseTarget(process.env).kind === 'embedded') {
    const dataDir = fs.mkdtempSync(`${os.tmpdir()}/zgc-plan-graph-test-neo4j-`);
    const embedded = await startEmbeddedNeo4j({
      launcherDir: LAUNCHER_DIR,
      dataDir,
      boltPort: await freePort(),
      heap: '1g',
      pageCacheBytes: 128 * 1024 * 1024,
      onProgress: (message) => process.stderr.write(`${message}\n`),
    });
    process.env[TEST_DATABASE_VARIABLES.uri] = embedded.uri;
    process.env[JVM_PID_VARIABLE] = String(embedded.pid);
    (globalThis as { testNeo4j?: { embedded: typeof embedded; dataDir: string } }).testNeo4j = { embedded, dataDir };
  }

  const db = await connectUncheckedTestDatabase();
  try {
    await claimTestDatabase(db);
  } finally {
    await db.close();
  }

  for (const missing of optionalPrerequisites().filter((p) => !p.available)) {
    process.stderr.write(`Skipping ${missing.skips}: ${missing.reason}\n`);
  }
}
