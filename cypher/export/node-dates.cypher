// The dates an export's timeline needs beyond each node's own `date`, for the nodes $ids: a plan's
// period and issue date, and for a commitment the same of every plan that commits to it. $commitments
// lists the [link type, kind label] pairs that make a commitment. Nodes with neither give no row.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (p:Plan)-[r]->(n)
WHERE [type(r), head([l IN labels(n) WHERE l <> 'Entity'])] IN $commitments
WITH n, collect({periodStart: p.periodStart, periodEnd: p.periodEnd, issued: p.issued}) AS committedBy, count(p) AS plans
WHERE n:Plan OR plans > 0
RETURN
  n.id AS id,
  CASE WHEN n:Plan THEN {periodStart: n.periodStart, periodEnd: n.periodEnd, issued: n.issued} END AS plan,
  CASE WHEN plans > 0 THEN committedBy ELSE [] END AS committedBy
