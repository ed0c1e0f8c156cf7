// Takes the write locks of the entities a change set writes, in id order, and reads them: a state read
// under the lock is the one the change replaces, so no concurrent change is lost.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.version = coalesce(n.version, 1)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.version AS version,
  n {.*, kind: [l IN labels(n) WHERE l <> 'Entity'][0]} AS state
