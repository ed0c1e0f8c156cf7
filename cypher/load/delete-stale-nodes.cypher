// Removes nodes an earlier load of this namespace wrote that the file no longer has, with their links
// (those of other namespaces too); returns what each was, links first, for the load's change set.
MATCH (n:Entity {namespace: $namespace})
WHERE NOT n.id IN $ids
WITH collect(n) AS stale
CALL (stale) {
  UNWIND stale AS n
  MATCH (n)-[r]-(:Entity)
  WITH DISTINCT r
  RETURN collect({
    targetId: startNode(r).id + '|' + type(r) + '|' + endNode(r).id,
    op: 'DELETE',
    before: r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id},
    after: null
  }) AS links
}
CALL (stale) {
  UNWIND stale AS n
  RETURN collect({
    targetId: n.id,
    op: 'DELETE',
    before: n {.*, kind: [l IN labels(n) WHERE l <> 'Entity'][0]},
    after: null
  }) AS nodes
}
FOREACH (n IN stale | DETACH DELETE n)
RETURN size(stale) AS deleted, links + nodes AS changes
