/**
 * The `basis` and `review` of an export (`?basis=STATED&review=ACCEPTED`, `--basis STATED,INFERRED`):
 * which links it walks and holds.
 */
import { BASES, type WalkFilter } from '../compiler/walkFilter';
import { REVIEW_STATUSES } from '../curation/storedReview';
import { parseCommaList } from './parseCommaList';

const CHOICES = { basis: BASES, review: REVIEW_STATUSES } as const;

/** Parses each given comma-separated list; BAD_USER_INPUT names the argument and the bad text. */
export function parseWalkFilter(texts: { basis?: string | undefined; review?: string | undefined }): WalkFilter {
  const walk: WalkFilter = {};
  for (const argument of ['basis', 'review'] as const) {
    const text = texts[argument];
    if (text !== undefined) walk[argument] = parseCommaList({ argument, text, allowed: CHOICES[argument] });
  }
  return walk;
}
