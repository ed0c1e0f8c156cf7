/** Runs a compiled query as a read and returns its rows with the type the compiler gave them. */
import type { Database } from '../database/Database';
import type { CompiledQuery } from './CompiledQuery';

/**
 * The one place rows become typed: `compiledQuery` built the RETURN clause from `Row`'s columns, so
 * the rows Neo4j returns have exactly those columns.
 */
export async function runCompiled<Row>(db: Database, query: CompiledQuery<Row>): Promise<Row[]> {
  return (await db.read(query.cypher, query.params)) as Row[];
}
