// Deletes one link; returns what it was, or no row when there is none.
MATCH (a:Entity {id: $source})-[r]->(b:Entity {id: $target})
WHERE type(r) = $type
WITH r, r {.*, type: type(r), source: a.id, target: b.id} AS before
DELETE r
RETURN before
