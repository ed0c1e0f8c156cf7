// Every source the graph cites, with the file and checksum of the text its locators count in.
MATCH (s:Source)
RETURN s.id AS id, s.textFile AS textFile, s.sha256 AS sha256
ORDER BY id
