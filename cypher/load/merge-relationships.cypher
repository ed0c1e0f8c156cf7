// Creates or replaces a batch of relationships between nodes found by id. Both ends exist: the
// loader checked every reference first. The type comes from the schema enum, as a parameter.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
WITH r, row, r.basis IS NULL AS created, properties(r) AS before
SET r = row.properties
RETURN
  count(*) AS merged,
  sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN NOT created AND before <> properties(r) THEN 1 ELSE 0 END) AS updated
