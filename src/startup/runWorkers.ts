/**
 * Several server processes on one port (WORKERS > 1), through Node's cluster module: this process
 * reaches Neo4j (starting the embedded one), applies the schema and seeds once (each server process
 * checks the schema again at its start, which changes nothing), then forks WORKERS
 * processes that each serve HTTP over Bolt to that Neo4j, the port shared between them. Each has its
 * own response cache, which stays never-stale: every cached answer is keyed by the graph's version
 * in the database, which every write raises. One process uses one core; this is how a server uses more.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config/readConfig';
import type { Logger } from '../logging/createLogger';
import { StartupError } from '../errors/errors';
import { loadSchema } from '../graphql/loadSchema';
import { SCHEMA_DIR } from '../paths';
import { prepareDatabase } from './prepareDatabase';

/** What the primary process needs from the entry point: where to register its clean-ups, whether it stops. */
export interface PrimaryLifecycle {
  cleanups: Array<() => Promise<void>>;
  stopping: () => boolean;
}

/** Prepares the database once, forks `config.http.workers` servers and resolves once all listen. */
export async function runWorkers(config: Config, logger: Logger, lifecycle: PrimaryLifecycle): Promise<void> {
  const started = Date.now();
  loadSchema(SCHEMA_DIR);
  const { close } = await prepareDatabase(config, logger, config.seedOnStart);
  lifecycle.cleanups.push(close);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SEED_ON_START: 'false',
    ...(config.neo4j.mode === 'embedded' ? { NEO4J_URI: `bolt://127.0.0.1:${config.neo4j.boltPort}` } : {}),
  };
  let ready = false;
  const fork = (): Worker => {
    const worker = cluster.fork(env);
    worker.once('exit', (code, signal) => {
      // Once serving, a process that dies is replaced; during start-up the start fails instead.
      if (!ready || lifecycle.stopping()) return;
      logger.error({ worker: worker.process.pid, code, signal }, 'a server process exited; starting another in 1 s');
      // A pause, so that a process that cannot start (Neo4j away) is not forked again in a tight loop.
      setTimeout(() => {
        if (!lifecycle.stopping()) fork();
      }, 1000);
    });
    return worker;
  };
  const workers = Array.from({ length: config.http.workers }, fork);
  lifecycle.cleanups.push(() => stopWorkers());
  const ports = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<number>((resolve, reject) => {
          worker.once('listening', (address) => resolve(address.port));
          worker.once('exit', (code) =>
            reject(new StartupError(`a server process exited with ${String(code)} during start-up; see its log above`)),
          );
        }),
    ),
  );
  ready = true;
  const host = config.http.host === '127.0.0.1' || config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
  const url = `http://${host}:${ports[0]!}`;
  logger.info(
    { url: `${url}/graphql`, workers: workers.map((w) => w.process.pid), startMs: Date.now() - started },
    `${config.http.workers} server processes ready at ${url}/graphql`,
  );
}

/** Asks every server process to stop (each lets its requests finish) and waits until all have exited. */
async function stopWorkers(): Promise<void> {
  const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
  await Promise.all(
    running.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}
