/** Loads the bundled Zhongguancun Plan into a database that holds no plan yet. */
import path from 'node:path';
import type { Database } from '../database/Database';
import { readCypher } from '../cypher/readCypher';
import { PROJECT_ROOT } from '../paths';
import { loadDataset, type LoadReport } from './loadDataset';
import { readDataset } from './readDataset';

/** The canonical dataset of the Plan, shipped with the project. */
export const BUNDLED_PLAN_FILE = path.join(
  PROJECT_ROOT,
  'src',
  'dataset',
  'plans',
  'zhongguancun-14th-five-year-plan.json',
);

const COUNT_PLANS = readCypher('load/count-plans.cypher');

/**
 * Loads the bundled Plan if no :Plan node exists; returns the report, or null when it did nothing.
 * With the report's text in `sourceTextsDir`, its citations are checked first.
 */
export async function seedPlan(db: Database, sourceTextsDir?: string): Promise<LoadReport | null> {
  const [row] = await db.read(COUNT_PLANS);
  if (row?.['plans'] !== 0) return null;
  return loadDataset(db, readDataset(BUNDLED_PLAN_FILE, { sourceTextsDir }));
}
