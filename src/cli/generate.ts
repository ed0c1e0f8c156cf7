/**
 * `npm run generate -- --size small|medium|large|xl [--plans N] [--out DIR]`: builds a synthetic plan
 * library and loads it through the project's loader (into NEO4J_URI, or the embedded Neo4j), one
 * dataset per transaction, showing progress and the load rate; with --out it writes the plan files
 * instead, for `npm run load`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config/readConfig';
import { createLogger } from '../logging/createLogger';
import { openDatabase } from '../startup/openDatabase';
import { applyMigrations } from '../migrations/applyMigrations';
import { sizeOf, SIZES, type LibraryShape } from '../synthetic/generateLibrary';
import { libraryDatasets, loadLibrary } from '../synthetic/loadLibrary';
import { CYPHER_DIR, PROJECT_ROOT } from '../paths';
import { runCli } from './runCli';

const USAGE = 'usage: npm run generate -- --size small|medium|large|xl [--plans N] [--seed N] [--out DIR]\n';

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: 'small' },
      plans: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const base = SIZES[values.size as keyof typeof SIZES] as LibraryShape | undefined;
  const plans = values.plans === undefined ? undefined : Number(values.plans);
  if (!base || (plans !== undefined && !(Number.isInteger(plans) && plans >= 1 && plans <= 1_000_000))) {
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
  const { db, close } = await openDatabase(
    config,
    createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 2),
  );
  try {
    await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
    const started = Date.now();
    let relationships = 0;
    let nodes = 0;
    await loadLibrary(db, shape, (dataset, i, total) => {
      relationships += dataset.relationships.length;
      nodes += dataset.nodes.length;
      const seconds = (Date.now() - started) / 1000;
      const width = 30;
      const filled = Math.round((width * (i + 1)) / total);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${i + 1}/${total} datasets, ` +
          `${relationships} relationships, ${Math.round(relationships / Math.max(seconds, 0.001))} relationships/s`,
      );
    });
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write('\n');
    process.stdout.write(
      `Loaded ${nodes} nodes and ${relationships} relationships in ` +
        `${seconds.toFixed(1)} s: ${Math.round(relationships / seconds)} relationships/s, ` +
        `${((100_000 * seconds) / Math.max(relationships, 1)).toFixed(1)} s per 100k relationships\n`,
    );
  } finally {
    await close();
  }
  return 0;
}

runCli(run, { failure: 'Generate failed', hint: USAGE });
