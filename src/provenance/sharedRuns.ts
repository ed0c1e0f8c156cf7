/** Finds where our own words repeat a source's: runs of consecutive words shared with its paragraphs. */

/** The longest run of shared words allowed in a summary or rationale is one less than this. */
export const COPIED_RUN_WORDS = 8;

/** Lower-case words (runs of letters and digits) of a text, as the copy check compares them. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every run of `n` consecutive words of `paragraphs`, for `sharedRuns`. */
export function wordRuns(paragraphs: readonly string[], n = COPIED_RUN_WORDS): Set<string> {
  const grams = new Set<string>();
  for (const paragraph of paragraphs) {
    const w = words(paragraph);
    for (let i = 0; i + n <= w.length; i++) grams.add(w.slice(i, i + n).join(' '));
  }
  return grams;
}

/** The runs of `n` or more consecutive words that `text` shares with `runs`, overlaps merged. */
export function sharedRuns(text: string, runs: ReadonlySet<string>, n = COPIED_RUN_WORDS): string[] {
  const w = words(text);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i + n <= w.length; i++) {
    if (!runs.has(w.slice(i, i + n).join(' '))) continue;
    const last = ranges[ranges.length - 1];
    if (last && i <= last[1]) last[1] = i + n;
    else ranges.push([i, i + n]);
  }
  return ranges.map(([from, to]) => w.slice(from, to).join(' '));
}
