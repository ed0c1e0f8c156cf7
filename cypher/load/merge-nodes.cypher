// Creates or replaces a batch of nodes by id. The label comes from the dataset's allow-list (schema
// enum), passed as a parameter: Neo4j 5.26 accepts dynamic labels with $(...). A node the file changes
// gets its next version; the changed ones are returned, before and after, for the load's change set.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.name IS NULL AS created, properties(n) AS before, labels(n) AS labelsBefore
REMOVE n:Plan:Goal:Task:Industry:Platform:Area:ActionPlan:Source:Framework:Field:Technology:BusinessForm:Aim:Evidence:Assessment
SET n = row.properties, n:$(row.label)
WITH n, row, created, before, labelsBefore, properties(n) AS written
WITH n, row, created, before, labelsBefore,
  NOT created AND (before {.*, version: 0} <> written {.*, version: 0} OR NOT row.label IN labelsBefore) AS changed
SET n.version = CASE WHEN created THEN 1 WHEN changed THEN coalesce(before.version, 0) + 1 ELSE coalesce(before.version, 1) END
RETURN
  count(*) AS merged,
  sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
  collect(CASE WHEN created OR changed THEN {
    targetId: n.id,
    op: CASE WHEN created THEN 'CREATE' ELSE 'UPDATE' END,
    before: CASE WHEN created THEN null ELSE before {.*, kind: [l IN labelsBefore WHERE l <> 'Entity'][0]} END,
    after: n {.*, kind: row.label}
  } END) AS changes
