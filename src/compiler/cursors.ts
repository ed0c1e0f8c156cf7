/** Relay cursors: opaque to clients, an offset into the ordered list to us. */
import { BadUserInputError } from '../errors/errors';

const CURSOR_PREFIX = 'offset:';

/** The cursor of the row at `offset`. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64');
}

/** The offset a cursor stands for; BAD_USER_INPUT for text this API did not hand out. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const offset = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new BadUserInputError(
      `after must be a cursor this API returned (an endCursor or edge cursor), got "${cursor}"`,
      { argument: 'after' },
    );
  }
  return offset;
}
