/**
 * How a link's review is kept on its relationship: four properties, one fact each. A link without a
 * status (written before reviews existed) counts as ACCEPTED, as loaded links do.
 */

/** The review statuses, as the API names them. */
export const REVIEW_STATUSES = ['PROPOSED', 'ACCEPTED', 'DISPUTED'] as const;
/** One of `REVIEW_STATUSES`. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The property holding each part of a review. */
export const REVIEW_PROPERTIES = {
  status: 'reviewStatus',
  by: 'reviewBy',
  at: 'reviewAt',
  note: 'reviewNote',
} as const;

/** A review as a link carries it. */
export interface LinkReview {
  status: ReviewStatus;
  by: string | null;
  at: string | null;
  note: string | null;
}

/** The properties that store `review` on a relationship. */
export function storedReview(review: LinkReview): Record<string, unknown> {
  return {
    [REVIEW_PROPERTIES.status]: review.status,
    [REVIEW_PROPERTIES.by]: review.by,
    [REVIEW_PROPERTIES.at]: review.at,
    [REVIEW_PROPERTIES.note]: review.note,
  };
}

/** A Cypher expression of the review status of relationship `r`. */
export function reviewStatusExpression(r: string): string {
  return `coalesce(${r}.${REVIEW_PROPERTIES.status}, 'ACCEPTED')`;
}

/** A Cypher map expression of the review stored on relationship `r`. */
export function reviewExpression(r: string): string {
  const p = REVIEW_PROPERTIES;
  return `{status: ${reviewStatusExpression(r)}, by: ${r}.${p.by}, at: ${r}.${p.at}, note: ${r}.${p.note}}`;
}
