/** Stops the embedded Neo4j that globalSetup started, if it started one. */
import type { EmbeddedNeo4j } from '../../src/embedded/EmbeddedNeo4j';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testNeo4j?: EmbeddedNeo4j }).testNeo4j?.stop();
}
