/**
 * What a dataset's entities and links become in Neo4j: one shape for the transactional loader and the
 * bulk import, so that both write the same graph.
 */
import { qualify, type PlanDataset } from './PlanDataset';
import { storedCitations } from '../provenance/storedCitations';
import { storedReview } from '../curation/storedReview';

/** An entity of `dataset` as the loaders store it: its qualified id, its kind and its properties. */
export function storedNode(
  dataset: PlanDataset,
  node: PlanDataset['nodes'][number],
): { id: string; label: string; properties: Record<string, unknown> } {
  const { id, label, citations, ...rest } = node;
  const qualified = qualify(dataset.namespace, id);
  return {
    id: qualified,
    label,
    properties: {
      ...rest,
      ...storedCitations(dataset.namespace, citations),
      summary: rest.summary ?? null,
      id: qualified,
      namespace: dataset.namespace,
    },
  };
}

/**
 * A link of `dataset` as the loaders store it. `keepReview` says the file gives no review, so a reload
 * keeps the one the graph has.
 */
export function storedLink(
  dataset: PlanDataset,
  rel: PlanDataset['relationships'][number],
): { type: string; from: string; to: string; keepReview: boolean; properties: Record<string, unknown> } {
  const from = qualify(dataset.namespace, rel.from);
  const to = qualify(dataset.namespace, rel.to);
  return {
    type: rel.type,
    from,
    to,
    keepReview: rel.review === undefined,
    properties: {
      basis: rel.basis,
      rationale: rel.rationale ?? null,
      ...storedCitations(dataset.namespace, rel.citations),
      ...storedReview({
        status: rel.review?.status ?? 'ACCEPTED',
        by: rel.review?.by ?? null,
        at: rel.review?.at ?? null,
        note: rel.review?.note ?? null,
      }),
      namespace: dataset.namespace,
    },
  };
}
