/**
 * Loads a library into an empty embedded database through Neo4j's bulk import: every dataset passes
 * the same checks as with the transactional loader (each against the datasets before it), then the
 * graph the transactional loader would write (entities, links, one first-load change set per dataset
 * and the graph's version) goes to CSV files and from there straight into a new store. The store must
 * not exist yet; `completeBulkLoad` finishes the job once the database runs on it.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkAgainstLoaded } from '../dataset/checkAgainstGraph';
import { loadMessage, type LoadReport } from '../dataset/loadDataset';
import type { CheckedDataset } from '../dataset/readDataset';
import { storedLink, storedNode } from '../dataset/storedRows';
import { runImportTool } from '../embedded/runImportTool';
import { DatasetError } from '../errors/errors';
import { EntitiesInLibrary } from './EntitiesInLibrary';
import { ARRAY_DELIMITER, writeImportFiles, type Completions, type ImportSource } from './writeImportFiles';

/** Where the embedded database lives and how to run the import tool. */
export interface BulkLoadOptions {
  launcherDir: string;
  dataDir: string;
  heap: string;
  /** Who loads, for the change sets. */
  by?: string | null;
  onProgress?: (message: string) => void;
}

/** What a bulk load did, and what is left for `completeBulkLoad`. */
export interface BulkLoad {
  reports: LoadReport[];
  completions: Completions;
}

/** Checks `datasets` in order and imports them; throws DatasetError (nothing written) on the first that fails. */
export async function bulkLoad(datasets: readonly CheckedDataset[], options: BulkLoadOptions): Promise<BulkLoad> {
  const loaded = new EntitiesInLibrary();
  const namespaces = new Set<string>();
  for (const checked of datasets) {
    // A second dataset of one namespace would be a reload, which only the transactional loader does.
    if (namespaces.has(checked.dataset.namespace)) {
      throw new DatasetError(checked.file, [
        {
          entry: 'namespace',
          field: 'namespace',
          message: `"${checked.dataset.namespace}" was loaded by an earlier file of this bulk load; a reload needs the transactional loader`,
        },
      ]);
    }
    namespaces.add(checked.dataset.namespace);
    await checkAgainstLoaded(loaded, checked);
    loaded.add(checked.dataset);
  }
  options.onProgress?.(`Checked ${datasets.length} datasets; writing the import files`);

  const reports = datasets.map(firstLoadReport);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(options.dataDir, 'bulk-import-'));
  try {
    const files = writeImportFiles(dir, librarySource(datasets, reports, options.by ?? null));
    options.onProgress?.(
      `Wrote ${files.counts.nodes} nodes and ${files.counts.relationships} relationships in ` +
        `${files.nodes.length + files.relationships.length} files; importing`,
    );
    await runImportTool({
      launcherDir: options.launcherDir,
      dataDir: options.dataDir,
      heap: options.heap,
      nodes: files.nodes,
      relationships: files.relationships,
      arrayDelimiter: ARRAY_DELIMITER,
      multiline: files.multiline,
      reportFile: path.join(dir, 'import.report'),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { reports, completions: files.completions };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The report a first load of `checked` gives: everything created.
function firstLoadReport(checked: CheckedDataset): LoadReport {
  const { namespace, nodes, relationships } = checked.dataset;
  return {
    namespace,
    nodes: { total: nodes.length, created: nodes.length, updated: 0, deleted: 0 },
    relationships: { total: relationships.length, created: relationships.length, updated: 0, deleted: 0 },
  };
}

// What the transactional loader writes for these first loads, in the same shapes: see loadDataset and
// record-change-set.cypher (each first load raises the graph's version by one and records its change set).
function librarySource(
  datasets: readonly CheckedDataset[],
  reports: readonly LoadReport[],
  by: string | null,
): ImportSource {
  // History lists change sets newest first by time: each gets its own millisecond, in load order.
  let last = 0;
  const now = (): string => new Date((last = Math.max(Date.now(), last + 1))).toISOString();
  return {
    visit(node, link) {
      datasets.forEach((checked, i) => {
        const { dataset } = checked;
        for (const entry of dataset.nodes) {
          const row = storedNode(dataset, entry);
          node(['Entity', row.label], row.id, { ...row.properties, version: 1 });
        }
        for (const entry of dataset.relationships) {
          const row = storedLink(dataset, entry);
          link(row.type, row.from, row.to, { ...row.properties, version: 1 });
        }
        node(['ChangeSet'], null, {
          id: randomUUID(),
          at: now(),
          by,
          via: 'LOADER',
          message: loadMessage(checked.file, reports[i]!, true),
          namespaces: [dataset.namespace],
          createdNamespace: dataset.namespace,
          graphVersion: i + 1,
        });
      });
      if (datasets.length > 0) {
        node(['GraphVersion'], null, { key: 'graph', epoch: randomUUID(), version: datasets.length });
      }
    },
  };
}
