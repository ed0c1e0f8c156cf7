/**
 * The source texts a server shows cited words from: those of the sources in the graph that the
 * configured folder holds. A file there whose checksum differs from its source's stops start-up.
 */
import type { Database } from '../database/Database';
import { readCypher } from '../cypher/readCypher';
import { StartupError } from '../errors/errors';
import { readSourceTexts } from './readSourceTexts';
import type { SourceTexts } from './checkCitations';

const SOURCE_FILES = readCypher('provenance/source-files.cypher');

/** Reads the texts of the graph's sources from `folder`; none without a folder. */
export async function servedSourceTexts(db: Database, folder: string | undefined): Promise<SourceTexts> {
  if (!folder) return new Map();
  const rows = await db.read(SOURCE_FILES);
  const sources = rows.flatMap((row) =>
    typeof row['id'] === 'string' && typeof row['sha256'] === 'string'
      ? [
          {
            id: row['id'],
            sha256: row['sha256'],
            textFile: typeof row['textFile'] === 'string' ? row['textFile'] : null,
          },
        ]
      : [],
  );
  const { texts, mismatches } = readSourceTexts(folder, sources);
  if (mismatches.length > 0) {
    throw new StartupError(`SOURCE_TEXTS_DIR: ${mismatches.join('; ')}`);
  }
  return texts;
}
