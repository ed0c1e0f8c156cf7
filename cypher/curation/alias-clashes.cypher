// For each entity a change set writes, the other entities of its namespace whose name or aliases
// match one of its aliases, or whose aliases match its name (case aside): an alias names one entity.
UNWIND $entities AS e
MATCH (n:Entity {namespace: e.namespace})
WHERE NOT n.id IN $written
WITH e, n, [a IN e.aliases WHERE toLower(a) = toLower(n.name) OR any(b IN coalesce(n.aliases, []) WHERE toLower(b) = toLower(a))] AS shared
WHERE size(shared) > 0 OR any(b IN coalesce(n.aliases, []) WHERE toLower(b) = toLower(e.name))
WITH e, n, shared ORDER BY n.id
WITH e, collect(n.id) AS clashes, collect(shared) AS shares
RETURN e.id AS id, clashes[..3] AS clashes, reduce(all = [], s IN shares | all + [a IN s WHERE NOT a IN all]) AS aliases
