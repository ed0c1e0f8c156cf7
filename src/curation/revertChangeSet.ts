/**
 * `revert`: applies the inverse of a change set as a new change set (via REVERT), last change first.
 * Each target must still be as the change set left it: in the same state (properties, citations,
 * review; whatever its version, so undoing newest first works), or still absent. Otherwise nothing is
 * written and CONFLICT names each target and each field that differs. History keeps both sets.
 */
import { randomUUID } from 'node:crypto';
import type { Database, WriteTransaction } from '../database/Database';
import { readCypher } from '../cypher/readCypher';
import type { NodeLabel, RelationshipType } from '../dataset/PlanDataset';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/errors';
import { deleteEntity, deleteLink, parseLinkId, writeEntity, writeLink, type LinkKey } from './graphWrites';
import {
  namespacesOf,
  recordChangeSet,
  type ChangeRecord,
  type ChangeSetRecord,
  type Snapshot,
} from './recordChangeSet';
import { readChangeSet } from './readHistory';
import { stateDifferences } from './stateDifferences';
import type { CurationLimits } from './applyChanges';
import type { LinkReview, ReviewStatus } from './storedReview';

const LOCK_ENTITIES = readCypher('curation/lock-entities.cypher');
const LOCK_LINKS = readCypher('curation/lock-links.cypher');
const LINKS_OF = readCypher('curation/links-of.cypher');

/** Reverts change set `changeSetId` by `by`, saying why in `message`; returns the new change set. */
export async function revertChangeSet(
  db: Database,
  by: string | null,
  changeSetId: string,
  message: string,
  limits: Pick<CurationLimits, 'maxMessageLength'>,
): Promise<ChangeSetRecord> {
  if (message.trim() === '' || message.length > limits.maxMessageLength) {
    throw new BadUserInputError(
      `message must be 1 to ${limits.maxMessageLength} characters saying why, got ${message.length}`,
      { argument: 'message' },
    );
  }
  const id = randomUUID();
  return db.writeTransaction(async (tx) => {
    // A retry after a commit whose answer was lost finds the revert written: it is the answer.
    const written = await readChangeSet(tx, id);
    if (written) return written;
    const original = await readChangeSet(tx, changeSetId);
    if (!original) {
      throw new NotFoundError(`revert: no change set has the id ${JSON.stringify(changeSetId)}`, {
        argument: 'changeSetId',
      });
    }
    if (original.createdNamespace) {
      throw new BadUserInputError(
        `change set ${changeSetId} is the first load of namespace ${original.createdNamespace}, which lists no ` +
          'changes one by one; load the file again without what should go, or delete the entities',
        { argument: 'changeSetId' },
      );
    }
    const undo = [...original.changes].reverse();
    await checkUnchanged(tx, undo);
    const records: ChangeRecord[] = [];
    for (const change of undo) records.push(...(await inverse(tx, change)));
    const record: ChangeSetRecord = {
      id,
      at: new Date().toISOString(),
      by,
      via: 'REVERT',
      message,
      namespaces: namespacesOf([...original.changes, ...records]),
      reverts: changeSetId,
      changes: records,
    };
    await recordChangeSet(tx, record);
    return record;
  });
}

// Every target must stand where the change set left it.
async function checkUnchanged(tx: WriteTransaction, changes: readonly ChangeRecord[]): Promise<void> {
  const entities = changes.filter((c) => !c.targetId.includes('|')).map((c) => c.targetId);
  const links = changes.flatMap((c) => {
    const key = parseLinkId(c.targetId);
    return key ? [{ id: c.targetId, ...key }] : [];
  });
  const states = new Map<string, Snapshot>([
    ...(await tx.run(LOCK_ENTITIES, { ids: [...new Set(entities)].sort() })).map(
      (r) => [String(r['id']), r['state'] as Snapshot] as const,
    ),
    ...(await tx.run(LOCK_LINKS, { links })).map((r) => [String(r['id']), r['state'] as Snapshot] as const),
  ]);
  const conflicts: string[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    // Only the last change to a target says where the change set left it.
    if (seen.has(change.targetId)) continue;
    seen.add(change.targetId);
    const now = states.get(change.targetId);
    const left = change.after;
    if (left === null || now === undefined) {
      if (left !== null || now !== undefined) {
        conflicts.push(
          `${change.targetId} is ${now === undefined ? 'absent' : 'present'}, ` +
            `but the change set left it ${left === null ? 'absent' : 'present'}`,
        );
      }
      continue;
    }
    const differences = stateDifferences(left, now);
    if (differences.length > 0) {
      const fields = differences.map(
        (d) => `${d.field} is ${JSON.stringify(d.now)} (the change set left ${JSON.stringify(d.left)})`,
      );
      conflicts.push(`${change.targetId} changed since: ${fields.join(', ')}`);
    }
  }
  // Undoing an entity's creation deletes it with its links: only with the links that change set made.
  const created = changes.filter((c) => c.op === 'CREATE' && !c.targetId.includes('|')).map((c) => c.targetId);
  if (created.length > 0) {
    const own = new Set(changes.map((c) => c.targetId));
    for (const row of await tx.run(LINKS_OF, { ids: created })) {
      const since = (row['links'] as string[]).filter((link) => !own.has(link)).sort();
      if (since.length > 0) {
        conflicts.push(
          `${String(row['id'])} has links made since, which undoing its creation would delete: ${since.slice(0, 5).join(', ')}`,
        );
      }
    }
  }
  if (conflicts.length > 0) throw new ConflictError(`nothing was reverted: ${conflicts.join('; ')}`, { conflicts });
}

async function inverse(tx: WriteTransaction, change: ChangeRecord): Promise<ChangeRecord[]> {
  const key = parseLinkId(change.targetId);
  if (change.before === null) {
    return key ? [await deleteLink(tx, linkKey(key))] : deleteEntity(tx, change.targetId);
  }
  const restored = key
    ? await restoreLink(tx, key, change.before)
    : await restoreEntity(tx, change.targetId, change.before);
  // Bringing back what the change set deleted: it was absent when checked, and must still have been.
  if (change.after === null && restored.op !== 'CREATE') {
    throw new ConflictError(`nothing was reverted: ${change.targetId} was created again meanwhile`, {
      conflicts: [`${change.targetId} was created again meanwhile`],
    });
  }
  return [restored];
}

function restoreLink(
  tx: WriteTransaction,
  key: { source: string; type: string; target: string },
  snapshot: Snapshot,
): Promise<ChangeRecord> {
  const { properties, review } = linkState(snapshot);
  return writeLink(tx, linkKey(key), properties, { initial: review, replace: review });
}

function restoreEntity(tx: WriteTransaction, id: string, snapshot: Snapshot): Promise<ChangeRecord> {
  const { kind, ...properties } = entityState(snapshot);
  return writeEntity(tx, id, kind, properties);
}

function linkKey(key: { source: string; type: string; target: string }): LinkKey {
  return { ...key, type: key.type as RelationshipType };
}

// An entity's properties as history kept them, without what the graph sets itself.
function entityState(snapshot: Snapshot): Record<string, unknown> & { kind: NodeLabel } {
  return without(snapshot, ['version']) as Record<string, unknown> & { kind: NodeLabel };
}

const REVIEW_KEYS = ['reviewStatus', 'reviewBy', 'reviewAt', 'reviewNote'];

function linkState(snapshot: Snapshot): { properties: Record<string, unknown>; review: LinkReview } {
  const text = (key: string): string | null => (typeof snapshot[key] === 'string' ? snapshot[key] : null);
  return {
    properties: without(snapshot, ['version', 'type', 'source', 'target', ...REVIEW_KEYS]),
    review: {
      status: (text('reviewStatus') as ReviewStatus | null) ?? 'ACCEPTED',
      by: text('reviewBy'),
      at: text('reviewAt'),
      note: text('reviewNote'),
    },
  };
}

function without(snapshot: Snapshot, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(snapshot).filter(([k]) => !keys.includes(k)));
}
