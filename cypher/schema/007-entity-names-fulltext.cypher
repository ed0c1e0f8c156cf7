// Full-text search over names in other languages (all of an entity's names in one text). The cjk
// analyzer indexes Chinese, Japanese and Korean by character pairs, since those scripts put no spaces
// between words; the `search` field asks it when the text is written in such a script.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.namesText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
