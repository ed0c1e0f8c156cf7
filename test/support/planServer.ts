/** A test server over a database holding exactly the bundled Plan, or every bundled dataset. */
import { loadDataset } from '../../src/dataset/loadDataset';
import { readDataset } from '../../src/dataset/readDataset';
import { BUNDLED_PLAN_FILE, seedPlan } from '../../src/dataset/seedPlan';
import type { ApiLimits } from '../../src/config/ApiLimits';
import type { AdhocCypherSettings } from '../../src/adhoc/runAdhocCypher';
import type { Database } from '../../src/database/Database';
import { emptyGraph } from './graphSnapshot';
import { startTestServer, type TestServer } from './testServer';
import { sourceTextsDir } from './sourceDocument';

/**
 * Empties the database, loads the Plan (its citations checked when the report is here), and starts a
 * server on it that shows cited words when it can.
 */
export async function startPlanServer(limits?: ApiLimits, adhoc?: AdhocCypherSettings): Promise<TestServer> {
  const folder = sourceTextsDir();
  const t = await startTestServer(limits, adhoc, {
    sourceTextsDir: folder,
    prepare: async (db) => {
      await emptyGraph(db);
      await loadDataset(db, readDataset(BUNDLED_PLAN_FILE, { sourceTextsDir: folder }));
    },
  });
  t.queries.length = 0;
  return t;
}

/**
 * Empties the database, loads every bundled dataset as the server does on an empty database (the Plan,
 * the related plans, the follow-through) and what `alsoLoad` loads, and starts a server on it that shows
 * cited words when it can.
 */
export async function startBundleServer(alsoLoad?: (db: Database) => Promise<unknown>): Promise<TestServer> {
  const folder = sourceTextsDir();
  const t = await startTestServer(undefined, undefined, {
    sourceTextsDir: folder,
    prepare: async (db) => {
      await emptyGraph(db);
      await seedPlan(db, folder);
      await alsoLoad?.(db);
    },
  });
  t.queries.length = 0;
  return t;
}
