// Writes one change set and its changes (before and after as JSON text): the history of every write.
CREATE (cs:ChangeSet)
SET cs = $changeSet
WITH cs
UNWIND range(0, size($changes) - 1) AS seq
WITH cs, seq, $changes[seq] AS change
CREATE (c:Change)
SET c = change, c.changeSet = cs.id, c.seq = seq
RETURN count(c) AS recorded
