/** The test run's Neo4j: where it is, and a connected Database for a test file. */
import { Database, type QueryEvent } from '../../src/database/Database';

/** Bolt port of the embedded test database; apart from the development default (7687). */
export const TEST_BOLT_PORT = 17687;
/** Data folder of the embedded test database, wiped at the start of every run. */
export const TEST_DATA_DIR = '.neo4j-data/test';

/** Connects to the run's Neo4j (globalSetup's, or the one NEO4J_URI names). */
export async function connectTestDatabase(
  onQuery?: (event: QueryEvent) => void,
  options: { readTimeoutMs?: number } = {},
): Promise<Database> {
  const uri = process.env['NEO4J_URI'];
  if (!uri) throw new Error('NEO4J_URI is unset: the jest globalSetup should have started Neo4j');
  const username = process.env['NEO4J_USERNAME'];
  const password = process.env['NEO4J_PASSWORD'];
  return Database.connect({
    uri,
    auth: username && password ? { username, password } : undefined,
    database: process.env['NEO4J_DATABASE'] ?? 'neo4j',
    connectTimeoutMs: 10_000,
    ...(onQuery ? { onQuery } : {}),
    ...options,
  });
}
