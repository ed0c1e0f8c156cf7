// Sets on imported links the properties a CSV cell cannot hold (empty lists).
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:$(row.type)]->(:Entity {id: row.to})
SET r += row.properties
RETURN count(r) AS completed
