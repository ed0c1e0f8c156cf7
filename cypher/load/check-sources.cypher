// Which of the ids a dataset's citations name outside its own namespace are not Source nodes.
UNWIND $ids AS id
OPTIONAL MATCH (s:Entity {id: id})
WITH id, s
WHERE s IS NULL OR NOT s:Source
RETURN collect(id) AS missing
