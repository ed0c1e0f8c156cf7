/**
 * Finishes a bulk load once the database runs: sets what the import files could not say, in one write
 * transaction, and checks that every entity and link it names was there to take it.
 */
import type { Database } from '../database/Database';
import { readCypher } from '../cypher/readCypher';
import { InternalError } from '../errors/errors';
import type { Completions } from './writeImportFiles';

const COMPLETE_ENTITIES = readCypher('bulk/complete-entities.cypher');
const COMPLETE_LINKS = readCypher('bulk/complete-links.cypher');
const ROWS_PER_STATEMENT = 5000;

/** Applies `completions`; a no-op when there are none. */
export async function completeBulkLoad(db: Database, completions: Completions): Promise<void> {
  if (completions.entities.length === 0 && completions.links.length === 0) return;
  await db.writeTransaction(async (tx) => {
    const apply = async (cypher: string, rows: readonly unknown[]): Promise<void> => {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
        const [row] = await tx.run(cypher, { rows: batch });
        if (row?.['completed'] !== batch.length) {
          throw new InternalError(
            `Expected to complete ${batch.length} imported rows, completed ${String(row?.['completed'])}`,
          );
        }
      }
    };
    await apply(COMPLETE_ENTITIES, completions.entities);
    await apply(COMPLETE_LINKS, completions.links);
  });
}
