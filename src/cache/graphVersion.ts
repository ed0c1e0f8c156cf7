/**
 * The graph's version, as the database holds it: every write raises it in its own transaction (see
 * `cypher/curation/record-change-set.cypher`), so any server on the same database sees a write the
 * moment it commits. Read at most once per request; requests arriving together share one read, which
 * starts only after all of them arrived, so each still sees every write committed before it came.
 */
import type { ServerResponse } from 'node:http';
import DataLoader from 'dataloader';
import type { Database } from '../database/Database';
import { readCypher } from '../cypher/readCypher';

const GRAPH_VERSION = readCypher('cache/graph-version.cypher');

/** `epoch:version`, or null while nothing was ever written through this project's writers. */
export type GraphVersion = string | null;

/** Reads the graph's version for the requests of one server. */
export class GraphVersionReader {
  // No memo: each batch is a fresh read, dispatched after the tick in which its requests joined it.
  private readonly loader: DataLoader<'graph', GraphVersion>;

  constructor(db: Database) {
    this.loader = new DataLoader<'graph', GraphVersion>(
      async (keys) => {
        const [row] = await db.read(GRAPH_VERSION);
        const version = (row?.['version'] as string | null) ?? null;
        return keys.map(() => version);
      },
      { cache: false },
    );
  }

  /** The version of the graph for the request answered by `res`, read on the first call. */
  versionFor(res: ServerResponse): Promise<GraphVersion> {
    const holder = res as ServerResponse & { locals?: { graphVersion?: Promise<GraphVersion> } };
    holder.locals ??= {};
    holder.locals.graphVersion ??= this.loader.load('graph');
    return holder.locals.graphVersion;
  }
}
