// What the checks of a change set need of the entities it names without writing them: kind, name, aliases, names.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.name AS name, n.aliases AS aliases,
  n.nameTexts AS nameTexts, n.nameLanguages AS nameLanguages
