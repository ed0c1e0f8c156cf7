// Removes nodes an earlier load of this namespace wrote that the file no longer has, with their links.
MATCH (n:Entity {namespace: $namespace})
WHERE NOT n.id IN $ids
DETACH DELETE n
RETURN count(n) AS deleted
