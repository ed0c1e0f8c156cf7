// Deletes one entity with its links; returns what it and each link were.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r]-()
WITH n, collect(DISTINCT r) AS rs
WITH n, n {.*, kind: [l IN labels(n) WHERE l <> 'Entity'][0]} AS before,
  [r IN rs | {
    targetId: startNode(r).id + '|' + type(r) + '|' + endNode(r).id,
    before: r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}
  }] AS links
DETACH DELETE n
RETURN before, links
