/**
 * The source news report, read the way its README numbers it: paragraph N is the N-th non-empty line.
 * The report is not part of the repository: PLAN_SOURCE_DIR names its folder, and `../shared/source`
 * beside the checkout is used when that variable is unset. Without it the checks that read it are skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

/** The report's file name inside its folder. */
export const SOURCE_FILE_NAME = 'zhongguancun-14th-fyp-plan-article.txt';
/** The variable naming the folder that holds the report. */
export const SOURCE_DIR_VARIABLE = 'PLAN_SOURCE_DIR';
const BESIDE_CHECKOUT = path.join(PROJECT_ROOT, '..', 'shared', 'source');

/** Where the report is, or why it cannot be read. */
export type SourceLookup = { found: true; file: string } | { found: false; reason: string };

/**
 * Finds the report. A folder named by PLAN_SOURCE_DIR that lacks it is an error, not a skip: whoever
 * set the variable meant the checks to run.
 */
export function findSourceReport(env: NodeJS.ProcessEnv = process.env): SourceLookup {
  const named = env[SOURCE_DIR_VARIABLE];
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

const STOP_WORDS = new Set([
  'with',
  'from',
  'into',
  'that',
  'this',
  'their',
  'more',
  'much',
  'major',
  'level',
  'high',
  'part',
  'over',
]);

/** Word stems (first five letters of each word of four or more) used to tell whether a paragraph mentions a name. */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]{4,}/g) ?? []).filter((w) => !STOP_WORDS.has(w)).map((w) => w.slice(0, 5));
}

/** True when `paragraph` contains a word that begins with one of `name`'s stems. */
export function mentions(paragraph: string, name: string): boolean {
  const words = new Set((paragraph.toLowerCase().match(/[a-z0-9]{4,}/g) ?? []).map((w) => w.slice(0, 5)));
  return stems(name).some((stem) => words.has(stem));
}

/** Lower-case words (runs of letters and digits) of a text, as the copy check compares them. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The runs of `n` or more consecutive words that `text` shares with any of `paragraphs`, overlaps merged. */
export function sharedRuns(text: string, paragraphs: readonly string[], n = 8): string[] {
  const grams = new Set<string>();
  for (const paragraph of paragraphs) {
    const w = words(paragraph);
    for (let i = 0; i + n <= w.length; i++) grams.add(w.slice(i, i + n).join(' '));
  }
  const w = words(text);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i + n <= w.length; i++) {
    if (!grams.has(w.slice(i, i + n).join(' '))) continue;
    const last = ranges[ranges.length - 1];
    if (last && i <= last[1]) last[1] = i + n;
    else ranges.push([i, i + n]);
  }
  return ranges.map(([from, to]) => w.slice(from, to).join(' '));
}
