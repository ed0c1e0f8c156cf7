/**
 * The steps before anything is served, shared by the server and the first of several server
 * processes: reach Neo4j (starting the embedded one), apply the schema, and seed the bundled datasets
 * into an empty database when asked to.
 */
import path from 'node:path';
import type { Config } from '../config/readConfig';
import type { Logger } from '../logging/createLogger';
import { applyMigrations } from '../migrations/applyMigrations';
import { seedPlan } from '../dataset/seedPlan';
import { CYPHER_DIR } from '../paths';
import { openDatabase, type OpenDatabase } from './openDatabase';

/** Opens the configured database with its schema applied and, on an empty one, the bundled datasets loaded. */
export async function prepareDatabase(config: Config, logger: Logger, seed: boolean): Promise<OpenDatabase> {
  const opened = await openDatabase(config, logger);
  try {
    const statements = await applyMigrations(opened.db, path.join(CYPHER_DIR, 'schema'));
    logger.debug({ statements }, 'schema applied');
    if (seed) {
      const report = await seedPlan(opened.db, config.sourceTextsDir);
      if (report) logger.info({ report }, 'loaded the bundled datasets into the empty database');
    }
    return opened;
  } catch (error) {
    await opened.close();
    throw error;
  }
}
