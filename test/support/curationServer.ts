/** A test server with sign-in over exactly the given datasets, with a curator's and an admin's headers. */
import type { PlanDataset } from '../../src/dataset/PlanDataset';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import { emptyGraph } from './graphSnapshot';
import { signToken, testAuth } from './signIn';
import { startTestServer, type TestServer } from './testServer';

/** The server and the headers of `ana` (curator) and `root` (admin). */
export interface CurationServer {
  t: TestServer;
  curator: Record<string, string>;
  admin: Record<string, string>;
}

/** Empties the database, loads `datasets` in order, and starts a server signing tokens with `secret`. */
export async function startCurationServer(secret: string, datasets: PlanDataset[]): Promise<CurationServer> {
  const t = await startTestServer(undefined, undefined, {
    auth: testAuth(secret),
    prepare: async (db) => {
      await emptyGraph(db);
      for (const d of datasets) await loadDataset(db, checkDataset(`${d.namespace}.json`, d));
    },
  });
  const bearer = async (sub: string, role: string) => ({
    authorization: `Bearer ${await signToken(secret, sub, [role])}`,
  });
  return { t, curator: await bearer('ana', 'curator'), admin: await bearer('root', 'admin') };
}
