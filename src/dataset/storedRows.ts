/**
 * What a dataset's entities and links become in Neo4j: one shape for the transactional loader and the
 * bulk import, so that both write the same graph.
 */
import { OUR_READING_TYPES, qualify, type LocalizedName, type NodeLabel, type PlanDataset } from './PlanDataset';
import { YEAR_FROM, yearOf } from './entryValues';
import { storedCitations } from '../provenance/storedCitations';
import { storedReview } from '../curation/storedReview';

/** An entity of `dataset` as the loaders store it: its qualified id, its kind and its properties. */
export function storedNode(
  dataset: PlanDataset,
  node: PlanDataset['nodes'][number],
): { id: string; label: string; properties: Record<string, unknown> } {
  const { id, label, citations, names, ...rest } = node;
  const qualified = qualify(dataset.namespace, id);
  return {
    id: qualified,
    label,
    properties: {
      ...rest,
      ...derivedProperties(label, names, rest),
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
        status: rel.review?.status ?? (OUR_READING_TYPES.includes(rel.type) ? 'PROPOSED' : 'ACCEPTED'),
        by: rel.review?.by ?? null,
        at: rel.review?.at ?? null,
        note: rel.review?.note ?? null,
      }),
      namespace: dataset.namespace,
    },
  };
}

/** The names in other languages stored on an entity, from its two parallel lists. */
export function namesOfStored(texts: unknown, languages: unknown): LocalizedName[] {
  const text = Array.isArray(texts) ? (texts as unknown[]) : [];
  const language = Array.isArray(languages) ? (languages as unknown[]) : [];
  return text.map((t, i) => ({ text: String(t), language: String(language[i]) }));
}

/**
 * How names in other languages are kept: properties cannot hold maps, so two parallel lists, and all
 * names in one text for the full-text index of names (analysed for Chinese, Japanese and Korean).
 */
export function storedNames(names: readonly LocalizedName[]): Record<string, unknown> {
  // An entity with no such names stores nothing for them, as before they were kept.
  if (names.length === 0) return {};
  return {
    nameTexts: names.map((n) => n.text),
    nameLanguages: names.map((n) => n.language),
    namesText: names.map((n) => n.text).join(' / '),
  };
}

/**
 * What the graph derives for an entity of `label` from its own properties: its names in other
 * languages as stored lists, and the year of its date; the loader and the curation API both store it.
 */
export function derivedProperties(
  label: NodeLabel,
  names: readonly LocalizedName[] | undefined,
  properties: Record<string, unknown>,
): Record<string, unknown> {
  const yearFrom = YEAR_FROM[label];
  return { ...storedNames(names ?? []), ...(yearFrom ? { year: yearOf(properties[yearFrom]) } : {}) };
}
