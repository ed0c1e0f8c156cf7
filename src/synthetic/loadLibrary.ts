/** Loads a synthetic library through the project's loader: the shared namespace first, then the plans. */
import type { Database } from '../database/Database';
import type { PlanDataset } from '../dataset/PlanDataset';
import { checkDataset } from '../dataset/readDataset';
import { loadDataset, type LoadReport } from '../dataset/loadDataset';
import { planDatasets, sharedDataset, type LibraryShape } from './generateLibrary';

/** Every dataset of a library, in the order they must load (plans refer to the shared namespace). */
export function libraryDatasets(shape: LibraryShape): PlanDataset[] {
  return [sharedDataset(shape), ...planDatasets(shape)];
}

/** Loads each dataset in its own transaction; `onLoaded` hears of each as it commits. */
export async function loadLibrary(
  db: Database,
  shape: LibraryShape,
  onLoaded?: (dataset: PlanDataset, index: number, total: number) => void,
): Promise<LoadReport[]> {
  const datasets = libraryDatasets(shape);
  const reports: LoadReport[] = [];
  for (const [i, dataset] of datasets.entries()) {
    reports.push(await loadDataset(db, checkDataset(`${dataset.namespace} (generated)`, dataset), { batchSize: 5000 }));
    onLoaded?.(dataset, i, datasets.length);
  }
  return reports;
}
