/** Reads the SDL files in `schema/` into one document, in file-name order. */
import fs from 'node:fs';
import path from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** Parses every `.graphql` file under `dir` (but those named in `exclude`) into one document. */
export function loadTypeDefs(dir: string, exclude: readonly string[] = []): DocumentNode {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql') && !exclude.includes(f))
    .sort();
  const sdl = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  return parse(sdl);
}
