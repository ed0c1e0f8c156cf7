/**
 * The `basis` and `review` of an export (`?basis=STATED&review=ACCEPTED`, `--basis STATED,INFERRED`):
 * which links it walks and holds.
 */
import { BadUserInputError } from '../errors/errors';
import { BASES, type WalkFilter } from '../compiler/walkFilter';
import { REVIEW_STATUSES } from '../curation/storedReview';

const CHOICES = { basis: BASES, review: REVIEW_STATUSES } as const;

/** Parses each given comma-separated list; BAD_USER_INPUT names the argument and the bad text. */
export function parseWalkFilter(texts: { basis?: string | undefined; review?: string | undefined }): WalkFilter {
  const walk: WalkFilter = {};
  for (const argument of ['basis', 'review'] as const) {
    const text = texts[argument];
    if (text === undefined) continue;
    const allowed: readonly string[] = CHOICES[argument];
    const values = text.split(',').map((v) => v.trim());
    if (values.some((v) => !allowed.includes(v))) {
      throw new BadUserInputError(
        `${argument} must be one or more of ${allowed.join(', ')}, comma-separated, got ${JSON.stringify(text)}`,
        { argument },
      );
    }
    walk[argument] = values;
  }
  return walk;
}
