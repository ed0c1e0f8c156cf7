// Change sets, newest first, optionally since an instant, of a namespace, or by someone; with their changes.
MATCH (cs:ChangeSet)
WHERE ($since IS NULL OR cs.at >= $since)
  AND ($namespace IS NULL OR $namespace IN cs.namespaces)
  AND ($by IS NULL OR cs.by = $by)
WITH cs ORDER BY cs.at DESC, cs.id SKIP $offset LIMIT $limit
RETURN cs {.*, changes: COLLECT { MATCH (c:Change {changeSet: cs.id}) RETURN c {.*} ORDER BY c.seq }} AS changeSet
