// Creates or replaces a batch of nodes by id. The label comes from the dataset's allow-list (schema
// enum), passed as a parameter: Neo4j 5.26 accepts dynamic labels with $(...).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.name IS NULL AS created, properties(n) AS before, labels(n) AS labelsBefore
REMOVE n:Plan:Goal:Task:Industry:Platform:Area:ActionPlan:Source:Framework:Field:Technology:BusinessForm:Aim
SET n = row.properties, n:$(row.label)
RETURN
  count(*) AS merged,
  sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN NOT created AND (before <> properties(n) OR NOT row.label IN labelsBefore) THEN 1 ELSE 0 END) AS updated
