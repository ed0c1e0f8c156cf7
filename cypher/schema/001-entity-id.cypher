// Every node of the graph carries :Entity and a unique id, so any node is found by id through one index.
CREATE CONSTRAINT entity_id IF NOT EXISTS
FOR (n:Entity) REQUIRE n.id IS UNIQUE;
