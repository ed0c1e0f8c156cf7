/**
 * `npm run generate -- --size small|medium|large|xl [--plans N] [--loader auto|bulk|transactional] [--out DIR]`:
 * builds a synthetic plan library and loads it. Into an empty embedded database it goes through
 * Neo4j's bulk import (same checks, same graph); otherwise through the transactional loader (into
 * NEO4J_URI, or the embedded Neo4j), one dataset per transaction, showing progress and the load rate.
 * With --out it writes the plan files instead, for `npm run load`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig, type Config } from '../config/readConfig';
import { createLogger, type Logger } from '../logging/createLogger';
import { bulkLoad, type BulkLoad } from '../bulk/bulkLoad';
import { completeBulkLoad } from '../bulk/completeBulkLoad';
import { embeddedStoreExists, removeEmbeddedStore } from '../embedded/EmbeddedNeo4j';
import { openDatabase } from '../startup/openDatabase';
import { applyMigrations } from '../migrations/applyMigrations';
import { sizeOf, SIZES, type LibraryShape } from '../synthetic/generateLibrary';
import { checkedLibrary, libraryDatasets, loadLibrary } from '../synthetic/loadLibrary';
import { CYPHER_DIR, LAUNCHER_DIR, PROJECT_ROOT } from '../paths';
import { runCli } from './runCli';

const USAGE =
  'usage: npm run generate -- --size small|medium|large|xl [--plans N] [--seed N] ' +
  '[--loader auto|bulk|transactional] [--out DIR]\n';
const LOADERS = ['auto', 'bulk', 'transactional'] as const;

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: 'small' },
      plans: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      loader: { type: 'string', default: 'auto' },
    },
  });
  const loader = LOADERS.find((l) => l === values.loader);
  const base = SIZES[values.size as keyof typeof SIZES] as LibraryShape | undefined;
  const plans = values.plans === undefined ? undefined : Number(values.plans);
  if (!base || !loader || (plans !== undefined && !(Number.isInteger(plans) && plans >= 1 && plans <= 1_000_000))) {
    process.stderr.write(USAGE);
    return 2;
  }
  const shape: LibraryShape = {
    ...base,
    ...(plans !== undefined ? { plans } : {}),
    ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
  };
  const size = sizeOf(shape);
  process.stderr.write(`Library: ${shape.plans} plans, ${size.nodes} nodes, ${size.relationships} relationships\n`);
  if (values.out) {
    const datasets = libraryDatasets(shape);
    fs.mkdirSync(values.out, { recursive: true });
    for (const dataset of datasets)
      fs.writeFileSync(path.join(values.out, `${dataset.namespace}.json`), JSON.stringify(dataset));
    process.stderr.write(
      `Wrote ${datasets.length} files to ${values.out}; ` +
        `load them with npm run load -- ${values.out}/${datasets[0]!.namespace}.json ${values.out}/lib-*.json\n`,
    );
    return 0;
  }
  const config = readConfig(process.env, PROJECT_ROOT);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 2);
  const started = Date.now();
  const bulk = await bulkLoadIfEmpty(config, logger, shape, loader, started);
  if (bulk === 'refused') return 2;
  const { db, close } = await openDatabase(config, logger).catch((error: unknown) => {
    if (bulk && config.neo4j.mode === 'embedded') removeEmbeddedStore(config.neo4j.dataDir);
    throw error;
  });
  let finished = false;
  try {
    await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
    let relationships = size.relationships;
    if (bulk) {
      progress(started, 'Neo4j is up on the imported store');
      await completeBulkLoad(db, bulk.completions);
    } else {
      relationships = 0;
      await loadLibrary(db, shape, (dataset, i, total) => {
        relationships += dataset.relationships.length;
        const seconds = (Date.now() - started) / 1000;
        const width = 30;
        const filled = Math.round((width * (i + 1)) / total);
        process.stderr.write(
          `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${i + 1}/${total} datasets, ` +
            `${relationships} relationships, ${Math.round(relationships / Math.max(seconds, 0.001))} relationships/s`,
        );
      });
      process.stderr.write('\n');
    }
    // Loaded means searchable and found by id: the indexes the migrations made are populated.
    progress(started, 'Waiting for the indexes');
    await db.write('CALL db.awaitIndexes($seconds)', { seconds: 600 });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `Loaded ${size.nodes} nodes and ${relationships} relationships ${bulk ? 'by bulk import' : 'transactionally'} ` +
        `in ${seconds.toFixed(1)} s, indexes online: ${Math.round(relationships / seconds)} relationships/s, ` +
        `${((100_000 * seconds) / Math.max(relationships, 1)).toFixed(1)} s per 100k relationships\n`,
    );
    finished = true;
  } finally {
    await close();
    // An imported store that did not get its schema or its last properties is not a loaded library.
    if (bulk && !finished && config.neo4j.mode === 'embedded') {
      removeEmbeddedStore(config.neo4j.dataDir);
      process.stderr.write('The imported database was removed; the next start makes an empty one\n');
    }
  }
  return 0;
}

// Bulk-loads the library when the embedded database is empty (and the loader allows it); null means
// the transactional loader is to load it, 'refused' that --loader bulk cannot be honoured.
async function bulkLoadIfEmpty(
  config: Config,
  logger: Logger,
  shape: LibraryShape,
  loader: (typeof LOADERS)[number],
  started: number,
): Promise<BulkLoad | null | 'refused'> {
  if (loader === 'transactional') return null;
  const target = config.neo4j;
  if (target.mode !== 'embedded') {
    if (loader === 'auto') return null;
    process.stderr.write('--loader bulk needs the embedded Neo4j: unset NEO4J_URI, or use --loader transactional\n');
    return 'refused';
  }
  if (embeddedStoreExists(target.dataDir)) {
    const { db, close } = await openDatabase(config, logger);
    // The version node alone, which every start creates, still makes an empty database.
    const [row] = await db.read('MATCH (n) WHERE NOT n:GraphVersion RETURN count(n) AS nodes').finally(close);
    if (row?.['nodes'] !== 0) {
      if (loader === 'auto') return null;
      process.stderr.write(
        `--loader bulk needs an empty database; ${target.dataDir} holds ${String(row?.['nodes'])} nodes\n`,
      );
      return 'refused';
    }
    // Empty and stopped: the import writes a new store in its place.
    removeEmbeddedStore(target.dataDir);
  }
  return bulkLoad(checkedLibrary(shape), {
    launcherDir: LAUNCHER_DIR,
    dataDir: target.dataDir,
    heap: target.heap,
    onProgress: (message) => progress(started, message),
  });
}

// One line of progress, with the seconds since the command started.
function progress(started: number, message: string): void {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
}

runCli(run, { failure: 'Generate failed', hint: USAGE });
