// Creates a batch of relationships of a namespace no earlier load wrote; the file has no repeats.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties, r.version = 1
RETURN count(*) AS merged, count(*) AS created, 0 AS updated, [] AS changes
