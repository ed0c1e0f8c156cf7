/** Stops the embedded Neo4j that globalSetup started, if it started one, and removes its data folder. */
import fs from 'node:fs';
import type { EmbeddedNeo4j } from '../../src/embedded/EmbeddedNeo4j';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { testNeo4j?: { embedded: EmbeddedNeo4j; dataDir: string } }).testNeo4j;
  if (!started) return;
  await started.embedded.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
