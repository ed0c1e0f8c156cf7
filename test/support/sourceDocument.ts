/** The source news report, read the way its README numbers it: paragraph N is the N-th non-empty line. */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

const FILE = path.join(PROJECT_ROOT, '..', 'shared', 'source', 'zhongguancun-14th-fyp-plan-article.txt');

/** Paragraph texts; index 0 is paragraph 1. */
export function sourceParagraphs(): string[] {
  return fs
    .readFileSync(FILE, 'utf8')
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
