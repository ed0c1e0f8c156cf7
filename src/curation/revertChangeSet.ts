/**
 * `revert`: applies the inverse of a change set as a new change set (via REVERT), last change first.
 * Each target must still be as the change set left it (same version, or still absent); otherwise
 * nothing is written and CONFLICT names the target and where it stands. History keeps both sets.
 */
import { randomUUID } from 'node:crypto';
import type { Database, WriteTransaction } from '../database/Database';
import { readCypher } from '../cypher/readCypher';
import type { NodeLabel, RelationshipType } from '../dataset/PlanDataset';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/errors';
import { deleteEntity, deleteLink, parseLinkId, writeEntity, writeLink, type LinkKey } from './graphWrites';
import { recordChangeSet, type ChangeRecord, type ChangeSetRecord, type Snapshot } from './recordChangeSet';
import { readChangeSet } from './readHistory';
import type { CurationLimits } from './applyChanges';
import type { LinkReview, ReviewStatus } from './storedReview';

const LOCK_ENTITIES = readCypher('curation/lock-entities.cypher');
const LOCK_LINKS = readCypher('curation/lock-links.cypher');

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
      namespaces: original.namespaces,
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
  const versions = new Map<string, number>([
    ...(await tx.run(LOCK_ENTITIES, { ids: [...new Set(entities)].sort() })).map(
      (r) => [String(r['id']), Number(r['version'])] as const,
    ),
    ...(await tx.run(LOCK_LINKS, { links })).map((r) => [String(r['id']), Number(r['version'])] as const),
  ]);
  const conflicts: string[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    // Only the last change to a target says where the change set left it.
    if (seen.has(change.targetId)) continue;
    seen.add(change.targetId);
    const current = versions.get(change.targetId);
    const left = change.after === null ? undefined : Number(change.after['version']);
    if (current !== left) {
      conflicts.push(
        `${change.targetId} is ${current === undefined ? 'absent' : `at version ${current}`}, ` +
          `but the change set left it ${left === undefined ? 'absent' : `at version ${left}`}`,
      );
    }
  }
  if (conflicts.length > 0) throw new ConflictError(`nothing was reverted: ${conflicts.join('; ')}`, { conflicts });
}

async function inverse(tx: WriteTransaction, change: ChangeRecord): Promise<ChangeRecord[]> {
  const key = parseLinkId(change.targetId);
  if (change.before === null) {
    return key ? [await deleteLink(tx, linkKey(key))] : deleteEntity(tx, change.targetId);
  }
  if (key) {
    const { properties, review } = linkState(change.before);
    return [await writeLink(tx, linkKey(key), properties, { initial: review, replace: review })];
  }
  const { kind, ...properties } = entityState(change.before);
  return [await writeEntity(tx, change.targetId, kind, properties)];
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
