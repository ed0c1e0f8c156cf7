/**
 * Finds the Chromium the browser tests drive (Debian's `chromium` package; no browser is downloaded).
 * CHROMIUM_PATH names one (`none`: go without, as on a machine that has none); otherwise `chromium` on PATH is
 * used; without either the browser tests are skipped.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The variable naming the Chromium executable. */
export const CHROMIUM_VARIABLE = 'CHROMIUM_PATH';

/** Where Chromium is, or why the browser tests cannot run. */
export type ChromiumLookup = { found: true; executable: string } | { found: false; reason: string };

/** Looks Chromium up. A CHROMIUM_PATH that names no file is an error, not a skip. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const named = env[CHROMIUM_VARIABLE];
  if (named === 'none')
    return { found: false, reason: `${CHROMIUM_VARIABLE}=none: the browser tests go without Chromium` };
  if (named) {
    if (!fs.existsSync(named)) throw new Error(`${CHROMIUM_VARIABLE}=${named}: no such file`);
    return { found: true, executable: named };
  }
  const onPath = (env['PATH'] ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'chromium'))
    .find((file) => fs.existsSync(file));
  if (onPath) return { found: true, executable: onPath };
  return { found: false, reason: `Chromium is not installed: apt-get install chromium, or set ${CHROMIUM_VARIABLE}` };
}
