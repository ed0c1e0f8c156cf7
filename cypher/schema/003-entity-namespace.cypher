// Each loaded plan file owns a namespace; reloading a file finds its earlier nodes by it.
CREATE INDEX entity_namespace IF NOT EXISTS
FOR (n:Entity) ON (n.namespace);
