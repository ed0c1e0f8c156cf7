// Whether an earlier load wrote this namespace; a fresh one can be created without MERGE.
OPTIONAL MATCH (n:Entity {namespace: $namespace})
WITH n LIMIT 1
RETURN n IS NOT NULL AS exists
