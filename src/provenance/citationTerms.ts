/**
 * How the citation check tells whether a span of a source mentions an entity: by the key terms of
 * the entity's name or of one of its declared aliases. A term is the first six letters of a word, so
 * `capability` and `capabilities`, `technology` and `technological` meet.
 */

const STOP_WORDS = new Set(
  'a an and as at be by for from in into is it its of on or our the their to with that this which who whose s'.split(
    ' ',
  ),
);

/** Lower-case words of a text: runs of ASCII letters and digits. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Every term of a text (stop words included): what a span offers. */
export function termsOf(text: string): Set<string> {
  return new Set(wordsOf(text).map(termOf));
}

/** The terms a name must show to be mentioned: its words of two or more letters, stop words left out. */
export function keyTerms(name: string): string[] {
  return [
    ...new Set(
      wordsOf(name)
        .filter((w) => w.length >= 2 && !STOP_WORDS.has(w))
        .map(termOf),
    ),
  ];
}

function termOf(word: string): string {
  return word.slice(0, 6);
}

/** What the check knows of an entity: its name and the other names the dataset declares for it. */
export interface Named {
  name: string;
  aliases?: readonly string[] | undefined;
}

/**
 * Whether a span with terms `offered` mentions `entity`: at least half (rounded up) of its name's key
 * terms appear, or every key term of one alias does.
 */
export function mentions(offered: ReadonlySet<string>, entity: Named): boolean {
  const name = keyTerms(entity.name);
  const found = name.filter((t) => offered.has(t)).length;
  if (name.length > 0 && found >= Math.ceil(name.length / 2)) return true;
  return (entity.aliases ?? []).some((alias) => {
    const terms = keyTerms(alias);
    return terms.length > 0 && terms.every((t) => offered.has(t));
  });
}

/** The key terms of `entity`'s name that a span lacks, for messages. */
export function missingTerms(offered: ReadonlySet<string>, entity: Named): string[] {
  return keyTerms(entity.name).filter((t) => !offered.has(t));
}
