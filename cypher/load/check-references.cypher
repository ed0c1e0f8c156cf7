// Which of the ids a dataset points at outside its own namespace are missing from the graph.
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
WITH id, n
WHERE n IS NULL
RETURN collect(id) AS missing
