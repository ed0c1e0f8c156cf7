// One link's own properties (what a review keeps while it changes the review).
MATCH (a:Entity {id: $source})-[r]->(b:Entity {id: $target})
WHERE type(r) = $type
RETURN r {.*, version: null, reviewStatus: null, reviewBy: null, reviewAt: null, reviewNote: null} AS properties
