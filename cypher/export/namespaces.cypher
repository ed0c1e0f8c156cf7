// The namespaces that hold entities, in order: what an export's `namespace` may name.
MATCH (n:Entity)
WHERE n.namespace IS NOT NULL
RETURN DISTINCT n.namespace AS namespace
ORDER BY namespace
