// The change sets that touched one entity or link, newest first: those with a change to it, and the
// first load of the namespaces it lives in (a first load lists no changes one by one).
CALL () {
  MATCH (c:Change {targetId: $id})
  MATCH (cs:ChangeSet {id: c.changeSet})
  RETURN cs
  UNION
  MATCH (cs:ChangeSet)
  WHERE cs.createdNamespace IN $namespaces
  RETURN cs
}
WITH DISTINCT cs ORDER BY cs.at DESC, cs.id SKIP $offset LIMIT $limit
RETURN cs {.*, changes: COLLECT { MATCH (c:Change {changeSet: cs.id}) RETURN c {.*} ORDER BY c.seq }} AS changeSet
