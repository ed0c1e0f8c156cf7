/**
 * Applies the schema statements in `cypher/schema/*.cypher` in file-name order. Each statement is
 * written with IF NOT EXISTS, so applying them again changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../database/Database';

/** Runs every schema statement; returns how many statements were sent. */
export async function applyMigrations(db: Database, dir: string): Promise<number> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  let count = 0;
  for (const file of files) {
    // Schema changes cannot share a transaction with each other on Neo4j, so each runs alone.
    for (const statement of splitStatements(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      await db.write(statement);
      count += 1;
    }
  }
  return count;
}

/** Splits a Cypher file into statements on `;` at the end of a line, dropping `//` comment lines. */
export function splitStatements(source: string): string[] {
  const code = source
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return code
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
