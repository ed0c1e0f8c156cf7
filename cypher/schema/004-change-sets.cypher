// History: change sets by id and time, changes by the change set and the entity or link they touch.
CREATE CONSTRAINT change_set_id IF NOT EXISTS
FOR (cs:ChangeSet) REQUIRE cs.id IS UNIQUE;
CREATE INDEX change_set_at IF NOT EXISTS
FOR (cs:ChangeSet) ON (cs.at);
CREATE INDEX change_target IF NOT EXISTS
FOR (c:Change) ON (c.targetId);
CREATE INDEX change_change_set IF NOT EXISTS
FOR (c:Change) ON (c.changeSet);
