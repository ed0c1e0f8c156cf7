// Removes relationships an earlier load of this namespace wrote that the file no longer has; returns
// what each was, for the load's change set. Every relationship of a file touches one of its nodes, so
// the namespace index finds them all.
MATCH (a:Entity {namespace: $namespace})-[r]-(b:Entity)
WHERE r.namespace = $namespace
  AND NOT (type(r) + ' ' + startNode(r).id + ' ' + endNode(r).id) IN $keys
WITH DISTINCT r
WITH r, startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS id,
  r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS before
DELETE r
RETURN count(r) AS deleted, collect({targetId: id, op: 'DELETE', before: before, after: null}) AS changes
