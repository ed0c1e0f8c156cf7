/**
 * Entry point: read the configuration, reach Neo4j (starting the embedded one when NEO4J_URI is
 * unset), apply the schema, seed the Plan on an empty database, then serve HTTP until signalled.
 * With WORKERS > 1 this process does the first steps and several processes serve (runWorkers.ts).
 */
import cluster from 'node:cluster';
import { readConfig, type Config } from './config/readConfig';
import { createLogger } from './logging/createLogger';
import { prepareDatabase } from './startup/prepareDatabase';
import { startHttpServer } from './http/startHttpServer';
import { ConfigError, StartupError } from './errors/errors';
import { PROJECT_ROOT, SCHEMA_DIR } from './paths';
import { loadSchema } from './graphql/loadSchema';
import { servedSourceTexts } from './provenance/servedSourceTexts';
import { runWorkers } from './startup/runWorkers';

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

  const failed = async (error: unknown): Promise<never> => {
    if (error instanceof StartupError || error instanceof ConfigError) {
      logger.fatal(error.message);
      process.stderr.write(`Start-up failed: ${error.message}\n`);
    } else {
      logger.fatal({ err: error }, 'start-up failed');
    }
    return shutdown('start-up failed', 1);
  };
  if (config.http.workers > 1 && cluster.isPrimary) {
    await runWorkers(config, logger, { cleanups, stopping: () => stopping }).catch(failed);
    return;
  }

  try {
    const started = Date.now();
    // A schema fault stops start-up before Neo4j is started for nothing.
    const schema = loadSchema(SCHEMA_DIR);
    const { db, close } = await prepareDatabase(config, logger, config.seedOnStart);
    cleanups.push(close);
    const sourceTexts = await servedSourceTexts(db, config.sourceTextsDir);
    logger.info(
      { folder: config.sourceTextsDir ?? null, sources: [...sourceTexts.keys()] },
      sourceTexts.size > 0 ? 'showing cited words from the source texts' : 'no source texts: citations have no text',
    );
    const server = await startHttpServer({
      host: config.http.host,
      port: config.http.port,
      db,
      logger,
      limits: config.limits,
      exportMaxNodes: config.exportMaxNodes,
      explorerMaxDrawn: config.explorerMaxDrawn,
      adhoc: config.adhoc,
      guards: config.guards,
      shutdownGraceMs: config.timeouts.shutdownGraceMs,
      allowedOperationsDir: config.allowedOperationsDir,
      schema,
      sourceTexts,
      auth: config.auth,
      curation: config.curation,
      responseCache: config.responseCache,
    });
    cleanups.push(() => server.close());
    logger.info(
      { url: `${server.url}/graphql`, health: `${server.url}/health`, startMs: Date.now() - started },
      `Server ready at ${server.url}/graphql`,
    );
  } catch (error) {
    await failed(error);
  }
}

void main();
