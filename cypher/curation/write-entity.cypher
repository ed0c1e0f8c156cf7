// Creates or replaces one entity, keeping its kind label (from the schema's allow-list, a parameter)
// and raising its version; returns it before and after.
MERGE (n:Entity {id: $id})
WITH n, n.name IS NULL AS created, properties(n) AS before, [l IN labels(n) WHERE l <> 'Entity'][0] AS kindBefore
REMOVE n:$($kinds)
SET n = $properties, n:$($kind)
SET n.version = CASE WHEN created THEN 1 ELSE coalesce(before.version, 1) + 1 END
RETURN CASE WHEN created THEN null ELSE before {.*, kind: kindBefore} END AS before, n {.*, kind: $kind} AS after
