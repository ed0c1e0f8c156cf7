// Sources an earlier load of this namespace wrote, that the file no longer has, and that claims of
// other namespaces still cite: removing them would leave those citations pointing nowhere.
MATCH (s:Source {namespace: $namespace})
WHERE NOT s.id IN $ids
  AND (
    EXISTS { MATCH (n:Entity) WHERE n.namespace <> $namespace AND s.id IN n.citationSources }
    OR EXISTS { MATCH ()-[r]->() WHERE r.namespace <> $namespace AND s.id IN r.citationSources }
  )
RETURN collect(s.id) AS cited
