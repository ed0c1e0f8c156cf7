// Creates or replaces a batch of relationships between nodes found by id. Both ends exist: the
// loader checked every reference first. The type comes from the schema enum, as a parameter. A link
// the file changes gets its next version; the changed ones are returned for the load's change set. A
// link the file gives no review keeps the one it has (an admin's review outlives a reload).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
WITH r, row, r.basis IS NULL AS created, properties(r) AS before
SET r = row.properties
FOREACH (_ IN CASE WHEN NOT created AND row.keepReview THEN [1] ELSE [] END |
  SET r.reviewStatus = coalesce(before.reviewStatus, 'ACCEPTED'), r.reviewBy = before.reviewBy,
    r.reviewAt = before.reviewAt, r.reviewNote = before.reviewNote)
WITH r, row, created, before, properties(r) AS written
WITH r, row, created, before, NOT created AND before {.*, version: 0} <> written {.*, version: 0} AS changed
SET r.version = CASE WHEN created THEN 1 WHEN changed THEN coalesce(before.version, 0) + 1 ELSE coalesce(before.version, 1) END
RETURN
  count(*) AS merged,
  sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
  collect(CASE WHEN created OR changed THEN {
    targetId: row.from + '|' + row.type + '|' + row.to,
    op: CASE WHEN created THEN 'CREATE' ELSE 'UPDATE' END,
    before: CASE WHEN created THEN null ELSE before {.*, type: row.type, source: row.from, target: row.to} END,
    after: r {.*, type: row.type, source: row.from, target: row.to}
  } END) AS changes
