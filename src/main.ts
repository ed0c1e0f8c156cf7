/**
 * Entry point: read the configuration, reach Neo4j (starting the embedded one when NEO4J_URI is
 * unset), apply the schema, seed the Plan on an empty database, then serve HTTP until signalled.
 */
import { readConfig, type Config } from './config/readConfig';
import { createLogger, type Logger } from './logging/createLogger';
import { Database } from './database/Database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded/EmbeddedNeo4j';
import { applyMigrations } from './migrations/applyMigrations';
import { startHttpServer } from './http/startHttpServer';
import { ConfigError, StartupError } from './errors/errors';
import { CYPHER_DIR, LAUNCHER_DIR, PROJECT_ROOT } from './paths';
import path from 'node:path';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig(process.env, PROJECT_ROOT);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const cleanups: Array<() => Promise<void>> = [];
  const shutdown = async (reason: string, code: number): Promise<never> => {
    logger.info({ reason }, 'shutting down');
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => logger.error({ err: error }, 'error during shutdown'));
    }
    logger.info('stopped');
    logger.flush();
    process.exit(code);
  };
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void shutdown(signal, 0);
    });
  }

  try {
    const started = Date.now();
    const db = await connect(config, logger, cleanups);
    cleanups.push(() => db.close());
    const statements = await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
    logger.debug({ statements }, 'schema applied');
    const server = await startHttpServer({ host: config.http.host, port: config.http.port, db, logger });
    cleanups.push(() => server.close());
    logger.info({ url: `${server.url}/graphql`, health: `${server.url}/health`, startMs: Date.now() - started }, `Server ready at ${server.url}/graphql`);
  } catch (error) {
    if (error instanceof StartupError || error instanceof ConfigError) {
      logger.fatal(error.message);
      process.stderr.write(`Start-up failed: ${error.message}\n`);
    } else {
      logger.fatal({ err: error }, 'start-up failed');
    }
    await shutdown('start-up failed', 1);
  }
}

async function connect(config: Config, logger: Logger, cleanups: Array<() => Promise<void>>): Promise<Database> {
  const target = config.neo4j;
  if (target.mode === 'external') {
    try {
      return await Database.connect({
        uri: target.uri,
        auth: target.username !== undefined && target.password !== undefined ? { username: target.username, password: target.password } : undefined,
        database: target.database,
        connectTimeoutMs: config.connectTimeoutMs,
      });
    } catch (error) {
      throw new StartupError(`NEO4J_URI: cannot reach Neo4j at ${target.uri} (database "${target.database}"): ${(error as Error).message}`, { cause: error });
    }
  }
  logger.info({ dataDir: target.dataDir, boltPort: target.boltPort }, 'starting embedded Neo4j');
  const embedded: EmbeddedNeo4j = await startEmbeddedNeo4j({
    launcherDir: LAUNCHER_DIR,
    dataDir: target.dataDir,
    boltPort: target.boltPort,
    heap: target.heap,
    pageCacheBytes: target.pageCacheBytes,
    onProgress: (message) => logger.info(message),
  });
  cleanups.push(() => embedded.stop());
  logger.info({ uri: embedded.uri, pid: embedded.pid }, 'embedded Neo4j is up');
  return Database.connect({ uri: embedded.uri, database: target.database, connectTimeoutMs: config.connectTimeoutMs });
}

void main();
