/**
 * `npm run load -- [--by NAME] FILE [FILE ...]`: checks plan dataset files, then loads each into the
 * configured Neo4j (NEO4J_URI, or the embedded one), printing progress on stderr and counts on stdout.
 * Every file is checked before anything is written; each file loads all or nothing. History records
 * each load as made by NAME (by default the user running the command).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config/readConfig';
import { createLogger } from '../logging/createLogger';
import { openDatabase } from '../startup/openDatabase';
import { applyMigrations } from '../migrations/applyMigrations';
import { loadDataset, type LoadProgress, type LoadReport } from '../dataset/loadDataset';
import { readDataset, type CheckedDataset } from '../dataset/readDataset';
import { CYPHER_DIR, PROJECT_ROOT } from '../paths';
import { runCli } from './runCli';

async function run(argv: string[]): Promise<number> {
  const { values, positionals: files } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { by: { type: 'string' } },
  });
  if (files.length === 0 || values.by?.trim() === '') {
    process.stderr.write(
      'usage: npm run load -- [--by NAME] FILE [FILE ...]   (plan dataset files; see schema/plan-dataset.schema.json)\n',
    );
    return 2;
  }
  const by = values.by ?? userName();
  const config = readConfig(process.env, PROJECT_ROOT);
  const checked: CheckedDataset[] = files.map((file) =>
    readDataset(path.resolve(file), { sourceTextsDir: config.sourceTextsDir }),
  );
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 2);
  const { db, close } = await openDatabase(config, logger);
  try {
    await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
    for (const dataset of checked) {
      const started = Date.now();
      const report = await loadDataset(db, dataset, { onProgress: showProgress, by });
      process.stderr.write('\n');
      process.stdout.write(describe(dataset.file, report, Date.now() - started));
    }
  } finally {
    await close();
  }
  return 0;
}

// A container may run as a user with no name; history then says nobody rather than failing the load.
function userName(): string | null {
  try {
    return os.userInfo().username;
  } catch {
    return process.env['USER'] ?? null;
  }
}

let lastPhase: LoadProgress['phase'] | undefined;

function showProgress(progress: LoadProgress): void {
  if (lastPhase !== undefined && lastPhase !== progress.phase) process.stderr.write('\n');
  lastPhase = progress.phase;
  const percent = progress.total === 0 ? 100 : Math.floor((100 * progress.done) / progress.total);
  const width = 30;
  const filled = Math.round((width * percent) / 100);
  process.stderr.write(
    `\r${progress.phase.padEnd(13)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` +
      `${progress.done}/${progress.total} (${percent}%)`,
  );
}

function describe(file: string, report: LoadReport, ms: number): string {
  const line = (what: string, c: LoadReport['nodes']): string =>
    `  ${what.padEnd(14)} ${c.total} in file: ${c.created} created, ` +
    `${c.updated} updated, ${c.deleted} deleted (no longer in the file)\n`;
  return (
    `Loaded ${file} as namespace "${report.namespace}" in ${ms} ms\n` +
    `${line('nodes', report.nodes)}${line('relationships', report.relationships)}`
  );
}

runCli(run, { failure: 'Load failed, nothing was written' });
