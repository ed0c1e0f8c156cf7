/** Loads a synthetic library through the project's loader: the shared namespace first, then the plans. */
import type { Database } from '../database/Database';
import type { PlanDataset } from '../dataset/PlanDataset';
import { checkDataset, type CheckedDataset } from '../dataset/readDataset';
import { loadDataset, type LoadReport } from '../dataset/loadDataset';
import { planDatasets, sharedDataset, type LibraryShape } from './generateLibrary';

/** Every dataset of a library, in the order they must load (plans refer to the shared namespace). */
export function libraryDatasets(shape: LibraryShape): PlanDataset[] {
  return [sharedDataset(shape), ...planDatasets(shape)];
}

/** Every dataset of a library, in load order, through the checks every plan file passes. */
export function checkedLibrary(shape: LibraryShape): CheckedDataset[] {
  return libraryDatasets(shape).map((dataset) => checkDataset(`${dataset.namespace} (generated)`, dataset));
}

/** Loads each dataset in its own transaction; `onLoaded` hears of each as it commits. */
export async function loadLibrary(
  db: Database,
  shape: LibraryShape,
  onLoaded?: (dataset: PlanDataset, index: number, total: number) => void,
): Promise<LoadReport[]> {
  const datasets = checkedLibrary(shape);
  const reports: LoadReport[] = [];
  for (const [i, checked] of datasets.entries()) {
    reports.push(await loadDataset(db, checked, { batchSize: 5000 }));
    onLoaded?.(checked.dataset, i, datasets.length);
  }
  return reports;
}
