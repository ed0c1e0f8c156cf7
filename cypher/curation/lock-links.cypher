// Takes the write locks of the links a change set writes and reads their versions and states.
UNWIND $links AS link
MATCH (a:Entity {id: link.source})-[r]->(b:Entity {id: link.target})
WHERE type(r) = link.type
SET r.version = coalesce(r.version, 1)
RETURN link.id AS id, r.version AS version, r.basis AS basis,
  r {.*, type: link.type, source: link.source, target: link.target} AS state
