/**
 * How the citation check tells whether a span of a source mentions an entity: by the key terms of
 * the entity's name, by one of its declared aliases, or by one of its names in another language
 * written out in the span. A term is the first six letters of a word, so `capability` and
 * `capabilities`, `technology` and `technological` meet. Chinese has no spaces between words, so a
 * name in Chinese script is looked for as a whole, inside the span's text with its spaces removed.
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

/** What a span offers to the check: the terms of its words, and its words as written. */
export interface SpanTerms {
  terms: ReadonlySet<string>;
  /** Words with their case kept: an alias must appear as written ("Plan" the document, not "plan" the verb). */
  written: ReadonlySet<string>;
  /** The span's text without white space, where names in unspaced scripts are looked for. */
  unspaced: string;
}

/** The terms of a span's text. */
export function termsOf(text: string): SpanTerms {
  return {
    terms: new Set(wordsOf(text).map(termOf)),
    written: new Set(text.match(/[A-Za-z0-9]+/g) ?? []),
    unspaced: unspaced(text),
  };
}

/** Scripts written without spaces between words: a word boundary can fall between any two characters. */
export const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Whether `text` is written, at least in part, in a script without word spaces. */
export function isUnspaced(text: string): boolean {
  return UNSPACED_SCRIPT.test(text);
}

function unspaced(text: string): string {
  return text.replace(/\s+/g, '');
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
  aliases?: readonly string[] | null | undefined;
  /** Its names in other languages, each as a source writes it. */
  names?: readonly { text: string; language: string }[] | null | undefined;
}

/** How many of a name's `k` key terms a span must show: more than half (one of one, two of two, two of three). */
export function termsNeeded(k: number): number {
  return Math.floor(k / 2) + 1;
}

/**
 * Whether a span mentions `entity`: by its name or by one of its aliases. Which alias a dataset may
 * declare at all is the citation check's rule (an alias needs a span that shows it beside the name).
 */
export function mentions(span: SpanTerms, entity: Named): boolean {
  return (
    mentionsName(span, entity.name) ||
    (entity.names ?? []).some((name) => mentionsName(span, name.text)) ||
    (entity.aliases ?? []).some((alias) => mentionsAlias(span, alias))
  );
}

/**
 * Whether the span mentions `name`: a name in an unspaced script when the span holds it whole
 * (spaces aside), any other when more than half of its key terms appear in the span.
 */
export function mentionsName(span: SpanTerms, name: string): boolean {
  if (isUnspaced(name)) return span.unspaced.includes(unspaced(name));
  const terms = keyTerms(name);
  const found = terms.filter((t) => span.terms.has(t)).length;
  return terms.length > 0 && found >= termsNeeded(terms.length);
}

/**
 * Whether every word of `alias` (small words aside) appears in the span as written, case kept; an
 * alias in an unspaced script must appear whole.
 */
export function mentionsAlias(span: SpanTerms, alias: string): boolean {
  if (isUnspaced(alias)) return span.unspaced.includes(unspaced(alias));
  const words = (alias.match(/[A-Za-z0-9]+/g) ?? []).filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  return words.length > 0 && words.every((w) => span.written.has(w));
}

/** The key terms of `entity`'s name that a span lacks, for messages. */
export function missingTerms(span: SpanTerms, entity: Named): string[] {
  return keyTerms(entity.name).filter((t) => !span.terms.has(t));
}
