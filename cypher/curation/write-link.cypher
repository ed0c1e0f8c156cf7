// Creates or replaces one link between existing entities (type from the schema's enum, a parameter),
// raising its version and keeping the namespace it belongs to. A new link takes the review $initial, as
// does one whose basis changes; an existing one keeps its own, unless $review replaces it. Returns it
// before and after; no row when an end is missing.
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MERGE (a)-[r:$($type)]->(b)
WITH r, r.basis IS NULL AS created, properties(r) AS before
SET r = $properties
WITH r, created, before,
  CASE WHEN $review IS NOT NULL THEN $review WHEN created OR before.basis <> $properties.basis THEN $initial
    ELSE {status: before.reviewStatus, by: before.reviewBy, at: before.reviewAt, note: before.reviewNote} END AS review
SET r.version = CASE WHEN created THEN 1 ELSE coalesce(before.version, 1) + 1 END,
  r.namespace = coalesce(before.namespace, $properties.namespace),
  r.reviewStatus = review.status,
  r.reviewBy = review.by,
  r.reviewAt = review.at,
  r.reviewNote = review.note
RETURN
  CASE WHEN created THEN null ELSE before {.*, type: $type, source: $source, target: $target} END AS before,
  r {.*, type: $type, source: $source, target: $target} AS after
