/**
 * How citations are kept in Neo4j: properties cannot hold maps, so a node's or relationship's
 * locators are four parallel lists, the i-th entry of each making the i-th locator. `sources` (the
 * cited paragraph numbers, kept for older clients) is derived from them, never stored apart. A list
 * cannot hold null either, so a locator without a fingerprint stores `NO_FINGERPRINT` in its place,
 * and locators none of which has one store no list of fingerprints at all.
 */
import { qualify } from '../dataset/PlanDataset';
import type { Locator } from './SourceText';

/** The property holding each part of the locators. */
export const CITATION_PROPERTIES = {
  source: 'citationSources',
  paragraph: 'citationParagraphs',
  start: 'citationStarts',
  end: 'citationEnds',
  sha256: 'citationFingerprints',
} as const satisfies Record<keyof Locator, string>;

/** What the list of fingerprints holds for a locator without one (never a SHA-256 in hex). */
export const NO_FINGERPRINT = '-';

/** The properties that store `locators` of a dataset in `namespace`, with `sources` derived. */
export function storedCitations(namespace: string, locators: readonly Locator[]): Record<string, unknown> {
  return {
    [CITATION_PROPERTIES.source]: locators.map((l) => qualify(namespace, l.source)),
    [CITATION_PROPERTIES.paragraph]: locators.map((l) => l.paragraph),
    [CITATION_PROPERTIES.start]: locators.map((l) => l.start),
    [CITATION_PROPERTIES.end]: locators.map((l) => l.end),
    ...(locators.some((l) => l.sha256)
      ? { [CITATION_PROPERTIES.sha256]: locators.map((l) => l.sha256 || NO_FINGERPRINT) }
      : {}),
    sources: [...new Set(locators.map((l) => l.paragraph))].sort((a, b) => a - b),
  };
}

/**
 * A Cypher list expression of the locators stored on `v` (a node or relationship variable); `at('sha256')`
 * is null where a locator has no fingerprint (or was stored before fingerprints were kept).
 */
export function locatorsExpression(
  v: string,
  i: string,
  each: (at: (part: keyof Locator) => string) => string,
): string {
  const at = (part: keyof Locator): string =>
    part === 'sha256'
      ? `CASE ${v}.${CITATION_PROPERTIES.sha256}[${i}] WHEN '${NO_FINGERPRINT}' THEN null ELSE ${v}.${CITATION_PROPERTIES.sha256}[${i}] END`
      : `${v}.${CITATION_PROPERTIES[part]}[${i}]`;
  return `[${i} IN range(0, size(coalesce(${v}.${CITATION_PROPERTIES.paragraph}, [])) - 1) | ${each(at)}]`;
}
