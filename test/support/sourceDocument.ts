/**
 * The source news report, read the way its README numbers it: paragraph N is the N-th non-empty line.
 * The report is not part of the repository: SOURCE_TEXTS_DIR names its folder (as it does for the
 * server), and `../shared/source` beside the checkout is used when that variable is unset. Without it
 * the checks that read it are skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

/** The report's file name inside its folder. */
export const SOURCE_FILE_NAME = 'zhongguancun-14th-fyp-plan-article.txt';
/** The variable naming the folder that holds the report. */
export const SOURCE_DIR_VARIABLE = 'SOURCE_TEXTS_DIR';
const BESIDE_CHECKOUT = path.join(PROJECT_ROOT, '..', 'shared', 'source');

/** Where the report is, or why it cannot be read. */
export type SourceLookup = { found: true; file: string } | { found: false; reason: string };

/**
 * Finds the report. A folder named by SOURCE_TEXTS_DIR that lacks it is an error, not a skip: whoever
 * set the variable meant the checks to run.
 */
export function findSourceReport(env: NodeJS.ProcessEnv = process.env): SourceLookup {
  const named = env[SOURCE_DIR_VARIABLE];
  // As for the server: `none` says there is no folder of texts.
  if (named === 'none')
    return { found: false, reason: `${SOURCE_DIR_VARIABLE}=none: the source texts are switched off` };
  if (named) {
    const file = path.resolve(named, SOURCE_FILE_NAME);
    if (!fs.existsSync(file)) throw new Error(`${SOURCE_DIR_VARIABLE}=${named}: there is no ${SOURCE_FILE_NAME} in it`);
    return { found: true, file };
  }
  const beside = path.join(BESIDE_CHECKOUT, SOURCE_FILE_NAME);
  if (fs.existsSync(beside)) return { found: true, file: beside };
  return {
    found: false,
    reason: `the source report is not here: set ${SOURCE_DIR_VARIABLE} to the folder holding ${SOURCE_FILE_NAME}`,
  };
}

/** Paragraph texts of the report at `file`; index 0 is paragraph 1. */
export function sourceParagraphs(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The folder holding the report, or undefined when it is not here (the checks that need it skip). */
export function sourceTextsDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = findSourceReport(env);
  return found.found ? path.dirname(found.file) : undefined;
}
