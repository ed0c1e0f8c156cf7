// The change sets that touched one entity or link, newest first: those with a change to it, and the
// first load of the namespaces it lives in (a first load lists no changes one by one) when that load
// made it: its earliest recorded change found it there already, or, never changed since, it is there now.
CALL () {
  MATCH (c:Change {targetId: $id})
  MATCH (cs:ChangeSet {id: c.changeSet})
  RETURN cs
  UNION
  MATCH (cs:ChangeSet)
  WHERE cs.createdNamespace IN $namespaces
  WITH cs, head(COLLECT {
    MATCH (c:Change {targetId: $id})
    MATCH (changed:ChangeSet {id: c.changeSet})
    RETURN c.op ORDER BY changed.at, c.seq
  }) AS earliest
  WHERE CASE
    WHEN earliest IS NOT NULL THEN earliest <> 'CREATE'
    WHEN $link IS NULL THEN EXISTS { MATCH (:Entity {id: $id}) }
    ELSE EXISTS { MATCH (a:Entity {id: $link.source})-[r]->(:Entity {id: $link.target}) WHERE type(r) = $link.type }
  END
  RETURN cs
}
WITH DISTINCT cs ORDER BY cs.at DESC, cs.id SKIP $offset LIMIT $limit
RETURN cs {.*, changes: COLLECT { MATCH (c:Change {changeSet: cs.id}) RETURN c {.*} ORDER BY c.seq }} AS changeSet
