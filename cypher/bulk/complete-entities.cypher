// Sets on imported entities the properties a CSV cell cannot hold (empty lists).
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.properties
RETURN count(n) AS completed
