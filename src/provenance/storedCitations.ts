/**
 * How citations are kept in Neo4j: properties cannot hold maps, so a node's or relationship's
 * locators are four parallel lists, the i-th entry of each making the i-th locator. `sources` (the
 * cited paragraph numbers, kept for older clients) is derived from them, never stored apart.
 */
import { qualify } from '../dataset/PlanDataset';
import type { Locator } from './SourceText';

/** The property holding each part of the locators. */
export const CITATION_PROPERTIES = {
  source: 'citationSources',
  paragraph: 'citationParagraphs',
  start: 'citationStarts',
  end: 'citationEnds',
} as const satisfies Record<keyof Locator, string>;

/** The properties that store `locators` of a dataset in `namespace`, with `sources` derived. */
export function storedCitations(namespace: string, locators: readonly Locator[]): Record<string, unknown> {
  return {
    [CITATION_PROPERTIES.source]: locators.map((l) => qualify(namespace, l.source)),
    [CITATION_PROPERTIES.paragraph]: locators.map((l) => l.paragraph),
    [CITATION_PROPERTIES.start]: locators.map((l) => l.start),
    [CITATION_PROPERTIES.end]: locators.map((l) => l.end),
    sources: [...new Set(locators.map((l) => l.paragraph))].sort((a, b) => a - b),
  };
}

/** A Cypher list expression of the locators stored on `v` (a node or relationship variable). */
export function locatorsExpression(
  v: string,
  i: string,
  each: (at: (part: keyof Locator) => string) => string,
): string {
  const at = (part: keyof Locator): string => `${v}.${CITATION_PROPERTIES[part]}[${i}]`;
  return `[${i} IN range(0, size(coalesce(${v}.${CITATION_PROPERTIES.paragraph}, [])) - 1) | ${each(at)}]`;
}
