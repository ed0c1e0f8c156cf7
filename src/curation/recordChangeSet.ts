/**
 * The one place history is written: a change set and its changes, in the transaction of the write they
 * describe, so a write and its record land together or not at all. Nothing ever deletes them.
 */
import type { WriteTransaction } from '../database/Database';
import { readCypher } from '../cypher/readCypher';

const RECORD_CHANGE_SET = readCypher('curation/record-change-set.cypher');

/** Where a change set came from. */
export type ChangeVia = 'API' | 'LOADER' | 'REVERT';
/** What a change did. */
export type ChangeOp = 'CREATE' | 'UPDATE' | 'DELETE';

/** An entity or a link as history keeps it: its properties plus `kind`, or `type`, `source` and `target`. */
export type Snapshot = Record<string, unknown>;

/** One entity or link before and after a write. */
export interface ChangeRecord {
  op: ChangeOp;
  /** An entity id, or a link id `source|TYPE|target`. */
  targetId: string;
  before: Snapshot | null;
  after: Snapshot | null;
}

/** One write. */
export interface ChangeSetRecord {
  id: string;
  /** ISO 8601 instant. */
  at: string;
  by: string | null;
  via: ChangeVia;
  message: string;
  namespaces: string[];
  /** Set when the write loaded a namespace for the first time; its changes are then not listed one by one. */
  createdNamespace?: string;
  /** For a revert: the change set it undid. */
  reverts?: string;
  changes: ChangeRecord[];
}

/** Writes `record` in `tx`, raising the graph's version when it changed anything. */
export async function recordChangeSet(tx: WriteTransaction, record: ChangeSetRecord): Promise<void> {
  const { changes, ...changeSet } = record;
  await tx.run(RECORD_CHANGE_SET, {
    // A first load lists no changes one by one, yet changed everything it wrote.
    changed: changes.length > 0 || record.createdNamespace !== undefined,
    changeSet: Object.fromEntries(Object.entries(changeSet).filter(([, v]) => v !== undefined)),
    changes: changes.map((c) => ({
      op: c.op,
      targetId: c.targetId,
      before: c.before === null ? null : JSON.stringify(c.before),
      after: c.after === null ? null : JSON.stringify(c.after),
    })),
  });
}

/** The namespace of an entity id (of a link id: of its source). */
export function namespaceOf(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

/** The namespaces of what `changes` touched, sorted: each target's own, as it was or is stored. */
export function namespacesOf(changes: readonly ChangeRecord[]): string[] {
  const of = (c: ChangeRecord): string => {
    const stored = (c.after ?? c.before)?.['namespace'];
    return typeof stored === 'string' ? stored : namespaceOf(c.targetId);
  };
  return [...new Set(changes.map(of))].sort();
}

/** The id of the link of `type` from `source` to `target`. */
export function linkId(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}
