/** A test server over a database holding exactly the bundled Plan. */
import { loadDataset } from '../../src/dataset/loadDataset';
import { readDataset } from '../../src/dataset/readDataset';
import { BUNDLED_PLAN_FILE } from '../../src/dataset/seedPlan';
import type { ApiLimits } from '../../src/config/ApiLimits';
import type { AdhocCypherSettings } from '../../src/adhoc/runAdhocCypher';
import { emptyGraph } from './graphSnapshot';
import { startTestServer, type TestServer } from './testServer';

/** Empties the database, loads the Plan, and starts a server on it. */
export async function startPlanServer(limits?: ApiLimits, adhoc?: AdhocCypherSettings): Promise<TestServer> {
  const t = await startTestServer(limits, adhoc);
  await emptyGraph(t.db);
  await loadDataset(t.db, readDataset(BUNDLED_PLAN_FILE));
  t.queries.length = 0;
  return t;
}
