/**
 * A namespace as it stands in the graph, written back in the dataset format: loading the dump changes
 * nothing, so a team can keep its curated graph in files under version control.
 */
import type { Database } from '../database/Database';
import { readCypher } from '../cypher/readCypher';
import {
  DERIVED_PROPERTIES,
  type Basis,
  type DatasetNode,
  type DatasetRelationship,
  type NodeLabel,
  type PlanDataset,
  type RelationshipType,
} from '../dataset/PlanDataset';
import { NotFoundError } from '../errors/errors';
import { CITATION_PROPERTIES, NO_FINGERPRINT } from '../provenance/storedCitations';
import { namesOfStored } from '../dataset/storedRows';
import type { Locator } from '../provenance/SourceText';
import { REVIEW_PROPERTIES, type ReviewStatus } from './storedReview';

const DUMP_NAMESPACE = readCypher('curation/dump-namespace.cypher');

// Properties the graph derives or keeps itself; a file never states them.
const KEPT_BY_GRAPH = new Set<string>([
  'id',
  'namespace',
  'version',
  'sources',
  ...Object.values(CITATION_PROPERTIES),
  ...DERIVED_PROPERTIES,
]);

/** The dataset of `namespace`; throws NotFoundError when the graph holds nothing of it. */
export async function dumpNamespace(db: Database, namespace: string): Promise<PlanDataset> {
  const rows = (await db.read(DUMP_NAMESPACE, { namespace })).sort((a, b) =>
    String(a['sortKey']) < String(b['sortKey']) ? -1 : String(a['sortKey']) > String(b['sortKey']) ? 1 : 0,
  );
  const local = (id: string): string => (id.startsWith(`${namespace}:`) ? id.slice(namespace.length + 1) : id);
  const nodes: DatasetNode[] = [];
  const relationships: DatasetRelationship[] = [];
  for (const row of rows) {
    const properties = row['properties'] as Record<string, unknown>;
    const citations = locatorsOf(properties, local);
    if (row['part'] === 'node') {
      const own = Object.fromEntries(Object.entries(properties).filter(([k]) => !KEPT_BY_GRAPH.has(k)));
      const { name, summary, ...rest } = own;
      const names = namesOfStored(properties['nameTexts'], properties['nameLanguages']);
      nodes.push({
        id: local(String(properties['id'])),
        label: row['label'] as NodeLabel,
        name: String(name),
        ...(typeof summary === 'string' ? { summary } : {}),
        ...rest,
        ...(names.length > 0 ? { names } : {}),
        citations,
      });
    } else {
      const status = properties[REVIEW_PROPERTIES.status] as ReviewStatus | undefined;
      const by = properties[REVIEW_PROPERTIES.by] as string | undefined;
      const at = properties[REVIEW_PROPERTIES.at] as string | undefined;
      const note = properties[REVIEW_PROPERTIES.note] as string | undefined;
      const reviewed = (status !== undefined && status !== 'ACCEPTED') || by || at || note;
      relationships.push({
        type: row['type'] as RelationshipType,
        from: local(String(row['source'])),
        to: local(String(row['target'])),
        basis: properties['basis'] as Basis,
        ...(typeof properties['rationale'] === 'string' ? { rationale: properties['rationale'] } : {}),
        citations,
        ...(reviewed
          ? {
              review: {
                status: status ?? 'ACCEPTED',
                ...(by ? { by } : {}),
                ...(at ? { at } : {}),
                ...(note ? { note } : {}),
              },
            }
          : {}),
      });
    }
  }
  if (nodes.length === 0)
    throw new NotFoundError(`namespace: the graph holds nothing of "${namespace}"`, { argument: 'namespace' });
  return { namespace, nodes, relationships };
}

function locatorsOf(properties: Record<string, unknown>, local: (id: string) => string): Locator[] {
  const list = (key: string): unknown[] => (Array.isArray(properties[key]) ? (properties[key] as unknown[]) : []);
  const sources = list(CITATION_PROPERTIES.source);
  return sources.map((source, i) => ({
    source: local(String(source)),
    paragraph: Number(list(CITATION_PROPERTIES.paragraph)[i]),
    start: Number(list(CITATION_PROPERTIES.start)[i]),
    end: Number(list(CITATION_PROPERTIES.end)[i]),
    ...fingerprintAt(list(CITATION_PROPERTIES.sha256)[i]),
  }));
}

// A stored fingerprint as a locator's `sha256`; nothing for a locator stored without one.
function fingerprintAt(stored: unknown): { sha256?: string } {
  return typeof stored === 'string' && stored !== NO_FINGERPRINT ? { sha256: stored } : {};
}
