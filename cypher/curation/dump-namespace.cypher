// Everything a namespace holds, as a dataset file would give it: its entities, then its links.
MATCH (n:Entity {namespace: $namespace})
RETURN 'node' AS part, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS properties,
  null AS type, null AS source, null AS target, n.id AS sortKey
UNION ALL
MATCH (a:Entity {namespace: $namespace})-[r]-(:Entity)
WHERE r.namespace = $namespace
WITH DISTINCT r
RETURN 'link' AS part, null AS label, properties(r) AS properties,
  type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
  type(r) + ' ' + startNode(r).id + ' ' + endNode(r).id AS sortKey
