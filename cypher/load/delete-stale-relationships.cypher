// Removes relationships an earlier load of this namespace wrote that the file no longer has. Every
// relationship of a file touches one of its nodes, so the namespace index finds them all.
MATCH (a:Entity {namespace: $namespace})-[r]-(b:Entity)
WHERE r.namespace = $namespace
  AND NOT (type(r) + ' ' + startNode(r).id + ' ' + endNode(r).id) IN $keys
WITH DISTINCT r
DELETE r
RETURN count(r) AS deleted
