/**
 * Writes a checked dataset into Neo4j in one write transaction: nodes and relationships are merged by
 * id in UNWIND batches, then whatever an earlier load of the same namespace wrote and the file no
 * longer has is removed. Either all of it commits or none of it does.
 */
import type { Database, Row, WriteTransaction } from '../database/Database';
import { InternalError } from '../errors/errors';
import { readCypher } from '../cypher/readCypher';
import type { CheckedDataset } from './readDataset';
import { storedLink, storedNode } from './storedRows';
import { recordChangeSet, type ChangeRecord } from '../curation/recordChangeSet';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { checkAgainstGraph, checkStaleSources } from './checkAgainstGraph';

const MERGE_NODES = readCypher('load/merge-nodes.cypher');
const MERGE_RELATIONSHIPS = readCypher('load/merge-relationships.cypher');
const DELETE_STALE_RELATIONSHIPS = readCypher('load/delete-stale-relationships.cypher');
const DELETE_STALE_NODES = readCypher('load/delete-stale-nodes.cypher');
const NAMESPACE_EXISTS = readCypher('load/namespace-exists.cypher');
const CREATE_NODES = readCypher('load/create-nodes.cypher');
const CREATE_RELATIONSHIPS = readCypher('load/create-relationships.cypher');

/** What a load changed. Loading an unchanged file again reports zero created, updated and deleted. */
export interface LoadReport {
  namespace: string;
  nodes: { total: number; created: number; updated: number; deleted: number };
  relationships: { total: number; created: number; updated: number; deleted: number };
}

/** Progress of a load, reported after each batch. */
export interface LoadProgress {
  phase: 'nodes' | 'relationships';
  done: number;
  total: number;
}

/** Options of `loadDataset`. */
export interface LoadOptions {
  /** Who loads, for the change set (the API key's name or the token's subject); null from the command line. */
  by?: string | null;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  onProgress?: (progress: LoadProgress) => void;
}

/** Loads `checked` all or nothing; throws DatasetError when it does not fit the graph (see checkAgainstGraph). */
export async function loadDataset(
  db: Database,
  checked: CheckedDataset,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const { dataset } = checked;
  const batchSize = options.batchSize ?? 1000;
  const nodeRows = dataset.nodes.map((node) => storedNode(dataset, node));
  const relationshipRows = dataset.relationships.map((rel) => storedLink(dataset, rel));

  const changeSetId = randomUUID();
  return db.writeTransaction(async (tx) => {
    const changes: ChangeRecord[] = [];
    const report: LoadReport = {
      namespace: dataset.namespace,
      nodes: { total: nodeRows.length, created: 0, updated: 0, deleted: 0 },
      relationships: { total: relationshipRows.length, created: 0, updated: 0, deleted: 0 },
    };
    await checkAgainstGraph(tx, checked);
    // A namespace loaded for the first time has nothing to merge with or to remove: create directly.
    const [existing] = await tx.run(NAMESPACE_EXISTS, { namespace: dataset.namespace });
    const fresh = existing?.['exists'] !== true;
    await inBatches(tx, fresh ? CREATE_NODES : MERGE_NODES, nodeRows, batchSize, (counts, done) => {
      changes.push(...counts.changes);
      report.nodes.created += counts.created;
      report.nodes.updated += counts.updated;
      options.onProgress?.({ phase: 'nodes', done, total: nodeRows.length });
    });
    await inBatches(
      tx,
      fresh ? CREATE_RELATIONSHIPS : MERGE_RELATIONSHIPS,
      relationshipRows,
      batchSize,
      (counts, done) => {
        changes.push(...counts.changes);
        report.relationships.created += counts.created;
        report.relationships.updated += counts.updated;
        options.onProgress?.({ phase: 'relationships', done, total: relationshipRows.length });
      },
    );
    if (!fresh) {
      await checkStaleSources(tx, checked);
      const keys = relationshipRows.map((r) => `${r.type} ${r.from} ${r.to}`);
      const staleLinks = await tx.run(DELETE_STALE_RELATIONSHIPS, { namespace: dataset.namespace, keys });
      report.relationships.deleted = count(staleLinks, 'deleted');
      changes.push(...changesOf(staleLinks));
      const staleNodes = await tx.run(DELETE_STALE_NODES, {
        namespace: dataset.namespace,
        ids: nodeRows.map((r) => r.id),
      });
      report.nodes.deleted = count(staleNodes, 'deleted');
      changes.push(...changesOf(staleNodes));
    }
    await recordChangeSet(tx, {
      id: changeSetId,
      at: new Date().toISOString(),
      by: options.by ?? null,
      via: 'LOADER',
      message: loadMessage(checked.file, report, fresh),
      namespaces: [dataset.namespace],
      ...(fresh ? { createdNamespace: dataset.namespace } : {}),
      changes,
    });
    return report;
  });
}

/** What a load did, in one line of its change set. */
export function loadMessage(file: string, report: LoadReport, fresh: boolean): string {
  const part = (what: string, c: LoadReport['nodes']): string =>
    `${what} ${c.created} created, ${c.updated} updated, ${c.deleted} deleted`;
  return `${fresh ? 'first load' : 'reload'} of ${path.basename(file)}: ${part('entities', report.nodes)}; ${part('links', report.relationships)}`;
}

function changesOf(rows: Row[]): ChangeRecord[] {
  return (rows[0]?.['changes'] as ChangeRecord[] | undefined) ?? [];
}

async function inBatches(
  tx: WriteTransaction,
  cypher: string,
  rows: Array<Record<string, unknown>>,
  batchSize: number,
  onBatch: (counts: { created: number; updated: number; changes: ChangeRecord[] }, done: number) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const result = await tx.run(cypher, { rows: batch });
    // A row whose MATCH found nothing would vanish silently; the counts must add up.
    if (count(result, 'merged') !== batch.length) {
      throw new InternalError(`Expected to merge ${batch.length} rows but merged ${count(result, 'merged')}`);
    }
    onBatch(
      { created: count(result, 'created'), updated: count(result, 'updated'), changes: changesOf(result) },
      Math.min(start + batchSize, rows.length),
    );
  }
}

function count(rows: Row[], column: string): number {
  const value = rows[0]?.[column];
  return typeof value === 'number' ? value : 0;
}
