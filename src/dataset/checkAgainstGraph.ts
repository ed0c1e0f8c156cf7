/**
 * The checks of a dataset that need the graph it loads into, run inside the load's transaction:
 * references to other namespaces name loaded entities, citations of other namespaces' sources name
 * Source nodes, links to other namespaces pass the citation check against those entities' names, and
 * a reload removes no Source that other namespaces still cite.
 */
import type { WriteTransaction } from '../database/Database';
import { DatasetError, type DatasetProblem } from '../errors/errors';
import { readCypher } from '../cypher/readCypher';
import { checkCitations } from '../provenance/checkCitations';
import type { Named } from '../provenance/citationTerms';
import { qualify } from './PlanDataset';
import { namesOfStored } from './storedRows';
import type { CheckedDataset } from './readDataset';

const CHECK_REFERENCES = readCypher('load/check-references.cypher');
const CHECK_SOURCES = readCypher('load/check-sources.cypher');
const CITED_NAMES = readCypher('load/cited-names.cypher');
const CITED_STALE_SOURCES = readCypher('load/cited-stale-sources.cypher');

/** What the checks need to know of the entities already loaded: in the graph, or in files about to be. */
export interface LoadedEntities {
  /** Which of `ids` name no entity. */
  missing(ids: readonly string[]): Promise<string[]>;
  /** Which of `ids` name no Source. */
  missingSources(ids: readonly string[]): Promise<string[]>;
  /** The names and aliases of the entities `ids` name. */
  named(ids: readonly string[]): Promise<Map<string, Named>>;
}

/** The entities the graph that `tx` sees holds. */
export function entitiesInGraph(tx: WriteTransaction): LoadedEntities {
  const missing = async (cypher: string, ids: readonly string[]): Promise<string[]> =>
    ids.length === 0 ? [] : (((await tx.run(cypher, { ids }))[0]?.['missing'] as string[] | undefined) ?? []);
  return {
    missing: (ids) => missing(CHECK_REFERENCES, ids),
    missingSources: (ids) => missing(CHECK_SOURCES, ids),
    named: async (ids) => {
      const rows = await tx.run(CITED_NAMES, { ids });
      return new Map<string, Named>(
        rows.map((row) => [
          String(row['id']),
          {
            name: String(row['name']),
            aliases: row['aliases'] as string[] | null,
            names: namesOfStored(row['nameTexts'], row['nameLanguages']),
          },
        ]),
      );
    },
  };
}

/** Throws DatasetError, listing every problem, when `checked` does not fit the graph `tx` sees. */
export async function checkAgainstGraph(tx: WriteTransaction, checked: CheckedDataset): Promise<void> {
  await checkAgainstLoaded(entitiesInGraph(tx), checked);
}

/** Throws DatasetError, listing every problem, when `checked` does not fit the entities `loaded` knows. */
export async function checkAgainstLoaded(loaded: LoadedEntities, checked: CheckedDataset): Promise<void> {
  const problems: DatasetProblem[] = [];
  for (const id of await loaded.missing(checked.externalReferences)) {
    problems.push({
      entry: 'relationships',
      field: 'from/to',
      message: `refers to "${id}", which is not in the graph; load its file first`,
    });
  }
  for (const id of await loaded.missingSources(checked.externalSources)) {
    problems.push({
      entry: 'citations',
      field: 'source',
      message: `cites "${id}", which is no Source in the graph; load its file first`,
    });
  }
  if (problems.length > 0) throw new DatasetError(checked.file, problems);
  if (checked.texts.size > 0 && checked.externalReferences.length > 0) {
    const others = await loaded.named(checked.externalReferences);
    problems.push(...checkCitations(checked.dataset, checked.texts, others));
    if (problems.length > 0) throw new DatasetError(checked.file, problems);
  }
}

/** Throws DatasetError when reloading would remove Sources that other namespaces' claims cite. */
export async function checkStaleSources(tx: WriteTransaction, checked: CheckedDataset): Promise<void> {
  const { namespace, nodes } = checked.dataset;
  const [row] = await tx.run(CITED_STALE_SOURCES, { namespace, ids: nodes.map((n) => qualify(namespace, n.id)) });
  const cited = (row?.['cited'] as string[] | undefined) ?? [];
  if (cited.length > 0) {
    throw new DatasetError(
      checked.file,
      cited.map((id) => ({
        entry: 'nodes',
        field: 'id',
        message: `drops the Source "${id}", which claims of other namespaces still cite; keep it, or change those first`,
      })),
    );
  }
}
