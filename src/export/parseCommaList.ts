/** A comma-separated list in a query parameter or command-line option: `?kinds=GOAL,TASK`. */
import { BadUserInputError } from '../errors/errors';

/** What to parse: the argument's name, its text and, for a closed set, the values it may hold. */
export interface CommaListOptions {
  argument: string;
  text: string;
  /** The values allowed; any non-empty value when omitted. */
  allowed?: readonly string[];
  /** What the values are, for the message when `allowed` is omitted: `namespaces`. */
  noun?: string;
}

/**
 * The values of the list, each trimmed. An empty value (an empty list, or `a,,b`) or one outside
 * `allowed` is BAD_USER_INPUT naming the argument and showing the text.
 */
export function parseCommaList({ argument, text, allowed, noun = 'values' }: CommaListOptions): string[] {
  const values = text.split(',').map((v) => v.trim());
  if (values.some((v) => v === '' || (allowed !== undefined && !allowed.includes(v)))) {
    throw new BadUserInputError(
      `${argument} must be one or more ${allowed ? `of ${allowed.join(', ')}` : noun}, comma-separated, ` +
        `got ${JSON.stringify(text)}`,
      { argument },
    );
  }
  return values;
}
