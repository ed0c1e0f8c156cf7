/**
 * Reaches the configured Neo4j: the one NEO4J_URI names, or an embedded one started here. Shared by
 * the server and the CLI so both treat configuration and failures alike.
 */
import type { Config } from '../config/readConfig';
import { Database } from '../database/Database';
import { startEmbeddedNeo4j } from '../embedded/EmbeddedNeo4j';
import { StartupError } from '../errors/errors';
import type { Logger } from '../logging/createLogger';
import { LAUNCHER_DIR } from '../paths';

/** A connected database and how to let go of it (and of the embedded JVM, if one was started). */
export interface OpenDatabase {
  db: Database;
  close: () => Promise<void>;
}

/** Connects, starting the embedded Neo4j first when `config.neo4j.mode` is `embedded`. */
export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  const target = config.neo4j;
  if (target.mode === 'external') {
    try {
      const db = await Database.connect({
        uri: target.uri,
        auth:
          target.username !== undefined && target.password !== undefined
            ? { username: target.username, password: target.password }
            : undefined,
        database: target.database,
        ...requestTimeouts(config),
      });
      return { db, close: () => db.close() };
    } catch (error) {
      throw new StartupError(
        `NEO4J_URI: cannot reach Neo4j at ${target.uri} (database "${target.database}"): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  logger.info({ dataDir: target.dataDir, boltPort: target.boltPort }, 'starting embedded Neo4j');
  const embedded = await startEmbeddedNeo4j({
    launcherDir: LAUNCHER_DIR,
    dataDir: target.dataDir,
    boltPort: target.boltPort,
    heap: target.heap,
    pageCacheBytes: target.pageCacheBytes,
    onProgress: (message) => logger.info(message),
    onWatchdog: (message) => logger.warn({ component: 'neo4j-watchdog' }, message),
  });
  logger.info({ uri: embedded.uri, neo4jPid: embedded.pid }, 'embedded Neo4j is up');
  try {
    const db = await Database.connect({ uri: embedded.uri, database: target.database, ...requestTimeouts(config) });
    return {
      db,
      close: async () => {
        await db.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

function requestTimeouts(config: Config): { connectTimeoutMs: number; readTimeoutMs: number; retryMs: number } {
  return {
    connectTimeoutMs: config.connectTimeoutMs,
    readTimeoutMs: config.timeouts.transactionMs,
    retryMs: config.timeouts.unavailableMs,
  };
}
