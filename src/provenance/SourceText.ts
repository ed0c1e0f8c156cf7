/**
 * A source document as locators count it: paragraph N is its N-th non-empty line, trimmed, and a
 * locator's offsets count UTF-16 code units of that paragraph from 0, end exclusive.
 */
import { createHash } from 'node:crypto';

/** Where a claim's supporting words are: a span of one paragraph of one source. */
export interface Locator {
  /** Id of the `Source` node the span belongs to. */
  source: string;
  /** Paragraph number, from 1. */
  paragraph: number;
  /** First character of the span, from 0. */
  start: number;
  /** One past the last character of the span. */
  end: number;
  /** SHA-256 (hex) of the cited words as UTF-8, so anyone holding the text can check the span. */
  sha256?: string | null | undefined;
}

/** The exact text of one source, split into the paragraphs its locators count. */
export class SourceText {
  /** Paragraph texts; index 0 is paragraph 1. */
  readonly paragraphs: readonly string[];

  constructor(
    /** The text's SHA-256, hex. */
    readonly sha256: string,
    text: string,
  ) {
    this.paragraphs = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  }

  /** The text from raw bytes, with their SHA-256. */
  static fromBytes(bytes: Buffer): SourceText {
    return new SourceText(sha256Of(bytes), bytes.toString('utf8'));
  }

  /** The words a locator points at, or undefined when it points outside this text. */
  span(locator: Omit<Locator, 'source'>): string | undefined {
    const paragraph = this.paragraphs[locator.paragraph - 1];
    if (paragraph === undefined || locator.start < 0 || locator.end > paragraph.length) return undefined;
    if (locator.start >= locator.end) return undefined;
    return paragraph.slice(locator.start, locator.end);
  }
}

/** The fingerprint of cited words: the SHA-256 of their UTF-8 bytes, hex. */
export function fingerprintOf(words: string): string {
  return sha256Of(Buffer.from(words, 'utf8'));
}

/** The SHA-256 of some bytes, as lower-case hex. */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
