/** Loads the bundled datasets (the Plan, related plans, follow-through) into a database that holds no plan yet. */
import type { Database } from '../database/Database';
import { readCypher } from '../cypher/readCypher';
import { bundledFiles } from './bundledDatasets';
import { loadDataset, type LoadReport } from './loadDataset';
import { readDataset } from './readDataset';

export { BUNDLED_PLAN_FILE } from './bundledDatasets';

const COUNT_PLANS = readCypher('load/count-plans.cypher');

/**
 * Loads every bundled file, in dependency order, if no :Plan node exists; returns one report per file,
 * or null when it did nothing. Every file is read and checked (against the texts in `sourceTextsDir`
 * where they are) before the first is written; each file loads all or nothing.
 */
export async function seedPlan(db: Database, sourceTextsDir?: string): Promise<LoadReport[] | null> {
  const [row] = await db.read(COUNT_PLANS);
  if (row?.['plans'] !== 0) return null;
  const checked = bundledFiles().map((file) => readDataset(file, { sourceTextsDir }));
  const reports: LoadReport[] = [];
  for (const dataset of checked) reports.push(await loadDataset(db, dataset));
  return reports;
}
