// Names, aliases and names in other languages of entities of other namespaces that a dataset's links join, for its citation check.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.name AS name, n.aliases AS aliases,
  n.nameTexts AS nameTexts, n.nameLanguages AS nameLanguages
