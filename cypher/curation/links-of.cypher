// The ids of the links of each entity in $ids, either way.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, [(n)-[r]-(:Entity) | startNode(r).id + '|' + type(r) + '|' + endNode(r).id] AS links
