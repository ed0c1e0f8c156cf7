// Raises the graph's version (its epoch names the node's life, so a graph emptied and filled again
// never repeats a version), then writes one change set and its changes (before and after as JSON
// text): the history of every write.
MERGE (v:GraphVersion {key: 'graph'})
  ON CREATE SET v.epoch = randomUUID(), v.version = 0
SET v.version = v.version + 1
WITH v
CREATE (cs:ChangeSet)
SET cs = $changeSet, cs.graphVersion = v.version
WITH cs
UNWIND range(0, size($changes) - 1) AS seq
WITH cs, seq, $changes[seq] AS change
CREATE (c:Change)
SET c = change, c.changeSet = cs.id, c.seq = seq
RETURN count(c) AS recorded
