/** Reads a Cypher file from `cypher/` once, at module load, so requests never touch the disk. */
import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../paths';

/** Returns the text of `cypher/<relativePath>`. */
export function readCypher(relativePath: string): string {
  return fs.readFileSync(path.join(CYPHER_DIR, relativePath), 'utf8');
}
