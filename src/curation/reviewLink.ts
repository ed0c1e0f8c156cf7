/**
 * `reviewLink`: an admin accepts, disputes or re-proposes a link. The review is a change like any
 * other: the link's version grows and a change set records it before and after.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../database/Database';
import { RELATIONSHIPS, type RelationshipType } from '../dataset/PlanDataset';
import { BadUserInputError, NotFoundError } from '../errors/errors';
import { readCypher } from '../cypher/readCypher';
import { parseLinkId, writeLink } from './graphWrites';
import { recordChangeSet } from './recordChangeSet';
import type { CurationLimits } from './applyChanges';
import { namespaceOf } from './recordChangeSet';
import { readChangeSet } from './readHistory';
import type { LinkReview, ReviewStatus } from './storedReview';

const LOCK_LINKS = readCypher('curation/lock-links.cypher');
const READ_LINK = readCypher('curation/read-link.cypher');

/**
 * Records `status` (and `note`, no longer than a change set's message) for link `id` by `by`; returns
 * the review and the id of the change set that records it.
 */
export async function reviewLink(
  db: Database,
  by: string | null,
  id: string,
  status: ReviewStatus,
  note: string | null,
  limits: Pick<CurationLimits, 'maxMessageLength'>,
): Promise<{ review: LinkReview; changeSet: string }> {
  const parsed = parseLinkId(id);
  if (!parsed || !(parsed.type in RELATIONSHIPS)) {
    throw new BadUserInputError(`id must be a link id source|TYPE|target, got "${id}"`, { argument: 'id' });
  }
  if (note !== null && note.length > limits.maxMessageLength) {
    throw new BadUserInputError(`note must be at most ${limits.maxMessageLength} characters, got ${note.length}`, {
      argument: 'note',
    });
  }
  const key = { ...parsed, type: parsed.type as RelationshipType };
  const review: LinkReview = { status, by, at: new Date().toISOString(), note };
  const changeSetId = randomUUID();
  return db.writeTransaction(async (tx) => {
    // A retry after a commit whose answer was lost finds the review recorded.
    if (await readChangeSet(tx, changeSetId)) return { review, changeSet: changeSetId };
    const locked = await tx.run(LOCK_LINKS, { links: [{ id, ...key }] });
    if (locked.length === 0)
      throw new NotFoundError(`reviewLink: no link has the id ${JSON.stringify(id)}`, { argument: 'id' });
    const [current] = await tx.run(READ_LINK, key);
    const change = await writeLink(tx, key, current!['properties'] as Record<string, unknown>, {
      initial: review,
      replace: review,
    });
    await recordChangeSet(tx, {
      id: changeSetId,
      at: review.at!,
      by,
      via: 'API',
      message: `review ${status}${note ? `: ${note}` : ''}`,
      namespaces: [namespaceOf(key.source)],
      changes: [change],
    });
    return { review, changeSet: changeSetId };
  });
}
