/**
 * The datasets shipped with the project: one file per plan (namespace) in `src/dataset/plans/`, plus
 * the follow-through evidence. A file that links into or cites another namespace loads after it, so
 * the order is derived from the files themselves, never kept in a list beside them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatasetError } from '../errors/errors';
import { PROJECT_ROOT } from '../paths';
import type { PlanDataset } from './PlanDataset';

/** The folder of the bundled dataset files. */
export const BUNDLED_DIR = path.join(PROJECT_ROOT, 'src', 'dataset', 'plans');

/** The Zhongguancun Plan itself (namespace `zgc14`): the graph's centre, which every other file links into. */
export const BUNDLED_PLAN_FILE = path.join(BUNDLED_DIR, 'zhongguancun-14th-five-year-plan.json');

/** The namespaces a dataset refers to outside itself: link ends and cited sources written `namespace:id`. */
export function referencedNamespaces(dataset: PlanDataset): Set<string> {
  const namespaces = new Set<string>();
  const note = (reference: string): void => {
    const colon = reference.indexOf(':');
    if (colon > 0 && reference.slice(0, colon) !== dataset.namespace) namespaces.add(reference.slice(0, colon));
  };
  for (const rel of dataset.relationships) {
    note(rel.from);
    note(rel.to);
    for (const c of rel.citations) note(c.source);
  }
  for (const node of dataset.nodes) for (const c of node.citations) note(c.source);
  return namespaces;
}

/**
 * The bundled files in an order they can be loaded in: each after the namespaces it refers to, ties
 * by file name. A reference to a namespace no bundled file holds, or a cycle, is a fault of the bundle.
 */
export function bundledFiles(dir: string = BUNDLED_DIR): string[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
  const byNamespace = new Map<string, { file: string; needs: Set<string> }>();
  for (const file of files) {
    const dataset = JSON.parse(fs.readFileSync(file, 'utf8')) as PlanDataset;
    byNamespace.set(dataset.namespace, { file, needs: referencedNamespaces(dataset) });
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (placed.size < byNamespace.size) {
    const ready = [...byNamespace].filter(
      ([namespace, { needs }]) => !placed.has(namespace) && [...needs].every((n) => placed.has(n)),
    );
    if (ready.length === 0) {
      const stuck = [...byNamespace].filter(([namespace]) => !placed.has(namespace));
      throw new DatasetError(
        dir,
        stuck.map(([namespace, { file, needs }]) => ({
          entry: path.basename(file),
          field: 'namespace',
          message: `"${namespace}" refers to ${[...needs].filter((n) => !placed.has(n)).join(', ')}, which no bundled file loads before it`,
        })),
      );
    }
    for (const [namespace, { file }] of ready) {
      placed.add(namespace);
      ordered.push(file);
    }
  }
  return ordered;
}
