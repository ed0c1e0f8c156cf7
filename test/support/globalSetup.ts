/**
 * Starts a real, empty embedded Neo4j for the test run unless NEO4J_URI points at one already,
 * and publishes its address to the tests through NEO4J_URI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedNeo4j } from '../../src/embedded/EmbeddedNeo4j';
import { LAUNCHER_DIR, PROJECT_ROOT } from '../../src/paths';
import { TEST_BOLT_PORT, TEST_DATA_DIR } from './testNeo4j';

export default async function globalSetup(): Promise<void> {
  if (process.env['NEO4J_URI']) return;
  const dataDir = path.join(PROJECT_ROOT, TEST_DATA_DIR);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const embedded = await startEmbeddedNeo4j({
    launcherDir: LAUNCHER_DIR,
    dataDir,
    boltPort: TEST_BOLT_PORT,
    heap: '1g',
    pageCacheBytes: 128 * 1024 * 1024,
    onProgress: (message) => process.stderr.write(`${message}\n`),
  });
  process.env['NEO4J_URI'] = embedded.uri;
  (globalThis as { testNeo4j?: typeof embedded }).testNeo4j = embedded;
}
