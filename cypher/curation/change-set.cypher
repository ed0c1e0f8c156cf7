// One change set with its changes, for a revert.
MATCH (cs:ChangeSet {id: $id})
RETURN cs {.*, changes: COLLECT { MATCH (c:Change {changeSet: cs.id}) RETURN c {.*} ORDER BY c.seq }} AS changeSet
