/**
 * The graph's version, as the database holds it: every write raises it in its own transaction (see
 * `cypher/curation/record-change-set.cypher`), so any server on the same database sees a write the
 * moment it commits. Read at most once per request; requests arriving together share one read, which
 * starts only after all of them arrived, so each still sees every write committed before it came, and
 * no more than one read runs at a time.
 */
import type { ServerResponse } from 'node:http';
import DataLoader from 'dataloader';
import type { Database } from '../database/Database';
import { readCypher } from '../cypher/readCypher';

const GRAPH_VERSION = readCypher('cache/graph-version.cypher');

/** `epoch:version`, or null when the database has no version node (emptied by hand since the server started). */
export type GraphVersion = string | null;

/** Reads the graph's version for the requests of one server. */
export class GraphVersionReader {
  // No memo: each batch is a fresh read. At most one read is in flight: requests that arrive while it
  // runs cannot use it (it may have read before a write they must see), so they join the next one,
  // which starts when it ends. Under load, one read serves every request that arrived meanwhile.
  private readonly loader: DataLoader<'graph', GraphVersion>;
  private reading = false;
  private waiting: Array<() => void> = [];

  constructor(db: Database) {
    this.loader = new DataLoader<'graph', GraphVersion>(
      async (keys) => {
        this.reading = true;
        try {
          const [row] = await db.read(GRAPH_VERSION);
          const version = (row?.['version'] as string | null) ?? null;
          return keys.map(() => version);
        } finally {
          this.reading = false;
          const next = this.waiting;
          this.waiting = [];
          for (const dispatch of next) dispatch();
        }
      },
      {
        cache: false,
        batchScheduleFn: (dispatch) => {
          if (this.reading) this.waiting.push(dispatch);
          else process.nextTick(dispatch);
        },
      },
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
