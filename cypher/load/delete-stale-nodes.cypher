// Removes nodes an earlier load of this namespace wrote that the file no longer has, with their links;
// returns what each was, for the load's change set.
MATCH (n:Entity {namespace: $namespace})
WHERE NOT n.id IN $ids
WITH n, n.id AS id, n {.*, kind: [l IN labels(n) WHERE l <> 'Entity'][0]} AS before
DETACH DELETE n
RETURN count(n) AS deleted, collect({targetId: id, op: 'DELETE', before: before, after: null}) AS changes
