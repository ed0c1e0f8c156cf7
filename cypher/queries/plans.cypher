// Every loaded plan, ordered by id.
MATCH (p:Plan)
RETURN p { .id, .name, .summary, .sources, .zone, .periodStart, .periodEnd, .horizon } AS plan
ORDER BY p.id
