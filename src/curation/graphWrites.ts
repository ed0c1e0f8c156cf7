/**
 * The four writes a change can make, each returning what it changed for the change set: the only
 * statements that change entities and links outside the loader. Each runs in the caller's transaction.
 */
import type { WriteTransaction } from '../database/Database';
import { readCypher } from '../cypher/readCypher';
import { NODE_LABELS, type NodeLabel, type RelationshipType } from '../dataset/PlanDataset';
import { ConflictError } from '../errors/errors';
import { linkId, type ChangeRecord, type Snapshot } from './recordChangeSet';
import type { LinkReview } from './storedReview';

const WRITE_ENTITY = readCypher('curation/write-entity.cypher');
const DELETE_ENTITY = readCypher('curation/delete-entity.cypher');
const WRITE_LINK = readCypher('curation/write-link.cypher');
const DELETE_LINK = readCypher('curation/delete-link.cypher');

/** A link by its ends and type. */
export interface LinkKey {
  type: RelationshipType;
  source: string;
  target: string;
}

/** Creates or replaces entity `id` of `kind` with `properties` (its version is raised). */
export async function writeEntity(
  tx: WriteTransaction,
  id: string,
  kind: NodeLabel,
  properties: Record<string, unknown>,
): Promise<ChangeRecord> {
  const [row] = await tx.run(WRITE_ENTITY, { id, kind, kinds: [...NODE_LABELS], properties: { ...properties, id } });
  const before = (row?.['before'] as Snapshot | null) ?? null;
  return { op: before ? 'UPDATE' : 'CREATE', targetId: id, before, after: row?.['after'] as Snapshot };
}

/** Deletes entity `id` and its links; the links' deletions come first. */
export async function deleteEntity(tx: WriteTransaction, id: string): Promise<ChangeRecord[]> {
  const [row] = await tx.run(DELETE_ENTITY, { id });
  if (!row) throw new ConflictError(`${id} was deleted meanwhile`, { target: id });
  const links = row['links'] as Array<{ targetId: string; before: Snapshot }>;
  return [
    ...links.map((l): ChangeRecord => ({ op: 'DELETE', targetId: l.targetId, before: l.before, after: null })),
    { op: 'DELETE', targetId: id, before: row['before'] as Snapshot, after: null },
  ];
}

/**
 * Creates or replaces a link; a new one takes `review.initial`, an existing one keeps its own unless
 * `review.replace` is given.
 */
export async function writeLink(
  tx: WriteTransaction,
  key: LinkKey,
  properties: Record<string, unknown>,
  review: { initial: LinkReview; replace?: LinkReview },
): Promise<ChangeRecord> {
  const [row] = await tx.run(WRITE_LINK, {
    ...key,
    properties,
    initial: review.initial,
    review: review.replace ?? null,
  });
  const id = linkId(key.source, key.type, key.target);
  if (!row) throw new ConflictError(`an end of ${id} was deleted meanwhile`, { target: id });
  const before = (row['before'] as Snapshot | null) ?? null;
  return { op: before ? 'UPDATE' : 'CREATE', targetId: id, before, after: row['after'] as Snapshot };
}

/** Deletes a link. */
export async function deleteLink(tx: WriteTransaction, key: LinkKey): Promise<ChangeRecord> {
  const [row] = await tx.run(DELETE_LINK, { ...key });
  const id = linkId(key.source, key.type, key.target);
  if (!row) throw new ConflictError(`${id} was deleted meanwhile`, { target: id });
  return { op: 'DELETE', targetId: id, before: row['before'] as Snapshot, after: null };
}

/** The ends and type of a link id `source|TYPE|target`, or undefined when it is not one. */
export function parseLinkId(id: string): { source: string; type: string; target: string } | undefined {
  const parts = id.split('|');
  if (parts.length !== 3 || parts.some((p) => p === '')) return undefined;
  const [source, type, target] = parts as [string, string, string];
  return { source, type, target };
}
