// The graph's version: one node that every write raises in its own transaction (with its change set),
// so an answer cached under one version is never served once a write has committed.
CREATE CONSTRAINT graph_version_key IF NOT EXISTS
FOR (v:GraphVersion) REQUIRE v.key IS UNIQUE;
