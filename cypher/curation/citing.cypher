// What cites each of $sources, leaving out entities in $deleted (and their links) and targets in
// $skipped: a few examples each, for the refusal to delete a cited Source.
UNWIND $sources AS source
CALL (source) {
  MATCH (n:Entity)
  WHERE source IN n.citationSources AND NOT n.id IN $deleted AND NOT n.id IN $skipped
  RETURN n.id AS citing
  UNION
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE source IN r.citationSources AND NOT a.id IN $deleted AND NOT b.id IN $deleted
    AND NOT (a.id + '|' + type(r) + '|' + b.id) IN $skipped
  RETURN a.id + '|' + type(r) + '|' + b.id AS citing
}
WITH source, citing ORDER BY citing
WITH source, collect(citing) AS citing
RETURN source, citing[..5] AS citing
