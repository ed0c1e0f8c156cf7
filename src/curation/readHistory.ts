/**
 * The history queries, one Cypher statement each: change sets by time, namespace or author, and the
 * change sets that touched one entity or link. Before and after come back as the JSON they were kept as.
 */
import type { Database, Row, WriteTransaction } from '../database/Database';
import { readCypher } from '../cypher/readCypher';
import { parseLinkId } from './graphWrites';
import type { ChangeRecord, ChangeSetRecord } from './recordChangeSet';
import { namespaceOf } from './recordChangeSet';

const CHANGE_SETS = readCypher('curation/change-sets.cypher');
const HISTORY = readCypher('curation/history.cypher');
const CHANGE_SET = readCypher('curation/change-set.cypher');

/** Paging of a history query. */
export interface Page {
  limit: number;
  offset: number;
}

/** Change sets, newest first. */
export async function readChangeSets(
  db: Database,
  filter: { since: string | null; namespace: string | null; by: string | null },
  page: Page,
): Promise<ChangeSetRecord[]> {
  return (await db.read(CHANGE_SETS, { ...filter, ...page })).map(changeSetOf);
}

/** The change sets that touched `id` (an entity, or a link `source|TYPE|target`), newest first. */
export async function readHistory(db: Database, id: string, page: Page): Promise<ChangeSetRecord[]> {
  const link = parseLinkId(id);
  const namespaces = link ? [namespaceOf(link.source), namespaceOf(link.target)] : [namespaceOf(id)];
  return (await db.read(HISTORY, { id, namespaces, link: link ?? null, ...page })).map(changeSetOf);
}

/** One change set, read in a write transaction (for a revert); undefined when there is none. */
export async function readChangeSet(tx: WriteTransaction, id: string): Promise<ChangeSetRecord | undefined> {
  const [row] = await tx.run(CHANGE_SET, { id });
  return row ? changeSetOf(row) : undefined;
}

function changeSetOf(row: Row): ChangeSetRecord {
  const cs = row['changeSet'] as Record<string, unknown>;
  const changes = (cs['changes'] as Array<Record<string, unknown>>).map((c): ChangeRecord => ({
    op: c['op'] as ChangeRecord['op'],
    targetId: String(c['targetId']),
    before: typeof c['before'] === 'string' ? (JSON.parse(c['before']) as ChangeRecord['before']) : null,
    after: typeof c['after'] === 'string' ? (JSON.parse(c['after']) as ChangeRecord['after']) : null,
  }));
  return {
    id: String(cs['id']),
    at: String(cs['at']),
    by: typeof cs['by'] === 'string' ? cs['by'] : null,
    via: cs['via'] as ChangeSetRecord['via'],
    message: String(cs['message']),
    namespaces: (cs['namespaces'] as string[] | null) ?? [],
    ...(typeof cs['createdNamespace'] === 'string' ? { createdNamespace: cs['createdNamespace'] } : {}),
    ...(typeof cs['reverts'] === 'string' ? { reverts: cs['reverts'] } : {}),
    changes,
  };
}
