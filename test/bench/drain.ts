import type { Database } from '../../src/database/Database';
import { QueryTooComplexError } from '../../src/errors/errors';

/**
 * Waits until Neo4j runs no transaction but the one asking: autocannon stops sending at the end of a
 * step, but servers may still work through queued requests, which would slow the next measurement.
 */
export async function drain(db: Database): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const [row] = await db.read('SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS running');
      if (Number(row?.['running']) <= 1) return;
    } catch (error) {
      // Queued queries can hold all of Neo4j's transaction memory, so that even this one is refused:
      // Neo4j is not idle yet.
      if (!(error instanceof QueryTooComplexError)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.stderr.write('  Neo4j was still busy after 60 s; measuring on regardless\n');
}
