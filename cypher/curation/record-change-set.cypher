// Raises the graph's version when the write changed anything (its epoch names the node's life, so a
// graph emptied and filled again never repeats a version), then writes one change set and its changes
// (before and after as JSON text): the history of every write. A write that changed nothing (a reload
// of an unchanged file) keeps the version, and with it every server's cached answers.
OPTIONAL MATCH (current:GraphVersion {key: 'graph'})
FOREACH (_ IN CASE WHEN $changed OR current IS NULL THEN [1] ELSE [] END |
  MERGE (v:GraphVersion {key: 'graph'})
    ON CREATE SET v.epoch = randomUUID(), v.version = 0
  SET v.version = v.version + 1
)
WITH count(*) AS done
MATCH (v:GraphVersion {key: 'graph'})
CREATE (cs:ChangeSet)
SET cs = $changeSet, cs.graphVersion = v.version
WITH cs
UNWIND range(0, size($changes) - 1) AS seq
WITH cs, seq, $changes[seq] AS change
CREATE (c:Change)
SET c = change, c.changeSet = cs.id, c.seq = seq
RETURN count(c) AS recorded
