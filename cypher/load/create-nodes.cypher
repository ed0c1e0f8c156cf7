// Creates a batch of nodes of a namespace no earlier load wrote: ids are namespaced, so none exists
// yet and CREATE (no lookup, no lock on an existing node) is safe. The id constraint still guards it.
UNWIND $rows AS row
CREATE (n:Entity)
SET n = row.properties, n:$(row.label), n.version = 1
RETURN count(*) AS merged, count(*) AS created, 0 AS updated, [] AS changes
