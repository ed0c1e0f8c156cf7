// Full-text search over names and summaries, used by the `search` field.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.summary];
