/** Where a benchmark keeps the library of one size, and the embedded Neo4j settings it runs with. */
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

/** The data folder of the `size` library and the environment that starts the embedded Neo4j on it. */
export function benchLibrary(size: string): { dataDir: string; env: NodeJS.ProcessEnv } {
  const dataDir = path.join(PROJECT_ROOT, '.neo4j-data', `bench-${size}`);
  return {
    dataDir,
    env: {
      ...process.env,
      NEO4J_EMBEDDED_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_BOLT_PORT: process.env['NEO4J_EMBEDDED_BOLT_PORT'] ?? '7696',
      NEO4J_EMBEDDED_HEAP: process.env['NEO4J_EMBEDDED_HEAP'] ?? '2g',
      NEO4J_EMBEDDED_PAGECACHE: process.env['NEO4J_EMBEDDED_PAGECACHE'] ?? '1g',
    },
  };
}
