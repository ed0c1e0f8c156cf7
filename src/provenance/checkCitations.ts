/**
 * The citation check: with the text of a dataset's sources at hand, every locator must point inside
 * its paragraph at whole words and match its fingerprint when it has one, every node's spans must
 * mention the node (and show each name it has in an unspaced script), a STATED link must cite a
 * span that mentions both of its ends, an INFERRED link spans that mention each end, and no summary
 * or rationale may repeat a run of words of any source. Each problem names the claim, the locator
 * and what was missing.
 */
import type { DatasetProblem } from '../errors/errors';
import { qualify, type PlanDataset } from '../dataset/PlanDataset';
import {
  isUnspaced,
  UNSPACED_SCRIPT,
  keyTerms,
  mentions,
  mentionsAlias,
  mentionsName,
  missingTerms,
  termsOf,
  type Named,
  type SpanTerms,
} from './citationTerms';
import { COPIED_RUN_WORDS, sharedRuns, wordRuns } from './sharedRuns';
import { fingerprintOf, type Locator, type SourceText } from './SourceText';

/** Source texts by qualified source id; a source without its text here is not checked. */
export type SourceTexts = ReadonlyMap<string, SourceText>;

/**
 * Every citation problem of `dataset` against the texts at hand; empty when it passes. A link with an
 * end in another namespace is judged only when `others` names that end (the loader reads it from the
 * graph); spans of sources whose text is not at hand are left out, and a claim none of whose spans can
 * be read is not judged.
 */
export function checkCitations(
  dataset: PlanDataset,
  texts: SourceTexts,
  others: ReadonlyMap<string, Named> = new Map(),
): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const nodes = new Map<string, Named>(dataset.nodes.map((node) => [qualify(dataset.namespace, node.id), node]));
  for (const [id, node] of others) nodes.set(id, node);
  const spanOf = (entry: string, field: string, locator: Locator): string | undefined => {
    const text = texts.get(qualify(dataset.namespace, locator.source));
    if (!text) return undefined;
    const paragraph = text.paragraphs[locator.paragraph - 1];
    const where = `paragraph ${locator.paragraph} [${locator.start}, ${locator.end})`;
    if (paragraph === undefined) {
      problems.push({
        entry,
        field,
        message: `${where}: source "${locator.source}" has ${text.paragraphs.length} paragraphs`,
      });
      return undefined;
    }
    if (locator.end > paragraph.length || locator.start >= locator.end) {
      problems.push({
        entry,
        field,
        message: `${where}: outside the paragraph, which has ${paragraph.length} characters`,
      });
      return undefined;
    }
    const span = paragraph.slice(locator.start, locator.end);
    // A fingerprint that fails says more than any other fault: the words cited are not those recorded.
    if (locator.sha256 && fingerprintOf(span) !== locator.sha256) {
      problems.push({
        entry,
        field: `${field}.sha256`,
        message: `${where}: the fingerprint ${locator.sha256} is not that of the cited words ${JSON.stringify(span.length > 60 ? `${span.slice(0, 57)}...` : span)} (${fingerprintOf(span)}): the text or the locator changed`,
      });
      return undefined;
    }
    if (cutsWord(paragraph, locator.start - 1, locator.start) || cutsWord(paragraph, locator.end - 1, locator.end)) {
      problems.push({ entry, field, message: `${where}: cuts a word (${JSON.stringify(shown(paragraph, locator))})` });
      return undefined;
    }
    return span;
  };

  dataset.nodes.forEach((node, i) => {
    const entry = `nodes[${i}] (id "${node.id}")`;
    const read = node.citations.flatMap((locator, c) => {
      const span = spanOf(entry, `citations[${c}]`, locator);
      return span === undefined ? [] : [{ locator, c, terms: termsOf(span), span }];
    });
    for (const { locator, c, terms, span } of read) {
      if (!mentions(terms, node)) {
        problems.push({
          entry,
          field: `citations[${c}]`,
          message: `${describe(locator, span)} does not mention ${nameOf(node)} (lacks ${missingTerms(terms, node).join(', ')}; no alias matches)`,
        });
      }
    }
    problems.push(...aliasProblems(entry, node, read), ...unspacedNameProblems(entry, node, read));
  });

  dataset.relationships.forEach((rel, i) => {
    const entry = `relationships[${i}] (${rel.from} -${rel.type}-> ${rel.to})`;
    const ends = [rel.from, rel.to].map((reference) => nodes.get(qualify(dataset.namespace, reference)));
    // An end in another namespace that the caller could not name: the loader judges the link later.
    if (ends.some((end) => end === undefined)) return;
    const known = ends as Named[];
    const read = rel.citations.flatMap((locator, c) => {
      const span = spanOf(entry, `citations[${c}]`, locator);
      return span === undefined ? [] : [{ locator, c, span }];
    });
    if (read.length === 0) return;
    const mentioned = read.map(({ span }) => known.filter((end) => mentions(termsOf(span), end)));
    read.forEach(({ locator, c, span }, k) => {
      if (mentioned[k]!.length === 0) {
        problems.push({
          entry,
          field: `citations[${c}]`,
          message: `${describe(locator, span)} mentions neither end (${known.map(nameOf).join(', ')})`,
        });
      }
    });
    if (rel.basis === 'STATED') {
      if (!mentioned.some((ends) => ends.length === known.length)) {
        problems.push({
          entry,
          field: 'basis',
          message: `STATED, but no cited span mentions both ${known.map(nameOf).join(' and ')}: cite the words that state the link, or mark it INFERRED with a rationale`,
        });
      }
    } else {
      for (const end of known) {
        if (!mentioned.some((ends) => ends.includes(end))) {
          problems.push({ entry, field: 'citations', message: `no cited span mentions ${nameOf(end)}` });
        }
      }
    }
  });

  const runs = wordRuns([...texts.values()].flatMap((text) => text.paragraphs));
  const ownWords = (entry: string, field: string, value: unknown): void => {
    if (typeof value !== 'string') return;
    for (const run of sharedRuns(value, runs)) {
      problems.push({
        entry,
        field,
        message: `repeats ${run.split(' ').length} consecutive words of a source (${COPIED_RUN_WORDS} or more are not allowed): "${run}"`,
      });
    }
  };
  dataset.nodes.forEach((node, i) => ownWords(`nodes[${i}] (id "${node.id}")`, 'summary', node.summary));
  dataset.relationships.forEach((rel, i) =>
    ownWords(`relationships[${i}] (${rel.from} -${rel.type}-> ${rel.to})`, 'rationale', rel.rationale),
  );
  return problems;
}

/**
 * The alias rule: an entity is cited by its name at least once, and each alias it declares is shown
 * to be its alias by a span that mentions both the name and the alias (as a source introduces a short
 * name: "... Plan (hereinafter the Plan)"). Only then may other spans mention it by the alias alone.
 * Judged on the spans at hand; an entity none of whose spans can be read is not judged.
 */
function aliasProblems(entry: string, node: Named, read: ReadonlyArray<{ terms: SpanTerms }>): DatasetProblem[] {
  if (read.length === 0) return [];
  const named = read.filter(
    ({ terms }) => mentionsName(terms, node.name) || (node.names ?? []).some((n) => mentionsName(terms, n.text)),
  );
  // Spans that mention the entity not at all are reported one by one already.
  if (named.length === 0 && read.some(({ terms }) => mentions(terms, node))) {
    return [
      {
        entry,
        field: 'citations',
        message:
          `no cited span mentions the name ${nameOf(node)} (key terms ${keyTerms(node.name).join(', ') || 'none'}): ` +
          'an entity is cited by its name at least once, and an alias counts only where a span shows it beside the name',
      },
    ];
  }
  return (node.aliases ?? []).flatMap((alias, a) =>
    named.some(({ terms }) => mentionsAlias(terms, alias))
      ? []
      : [
          {
            entry,
            field: `aliases[${a}]`,
            message: `alias ${JSON.stringify(alias)} is not shown to be ${nameOf(node)}'s: no cited span mentions both the name and the alias`,
          },
        ],
  );
}

/**
 * A name in an unspaced script (Chinese) is written out by some span of the entity, so a reader can
 * find it in the source. Judged where the entity has spans of such a text at hand.
 */
function unspacedNameProblems(
  entry: string,
  node: Named,
  read: ReadonlyArray<{ terms: SpanTerms; span: string }>,
): DatasetProblem[] {
  if (!read.some(({ span }) => isUnspaced(span))) return [];
  return (node.names ?? []).flatMap((name, n) =>
    !isUnspaced(name.text) || read.some(({ terms }) => mentionsName(terms, name.text))
      ? []
      : [
          {
            entry,
            field: `names[${n}]`,
            message: `${JSON.stringify(name.text)} (${name.language}) appears in none of the cited spans of ${nameOf(node)}`,
          },
        ],
  );
}

// True when the characters at `before` and `after` are both letters or digits of a spaced script: a
// boundary inside a word. Between characters of unspaced scripts (Chinese) any boundary is one of words.
function cutsWord(paragraph: string, before: number, after: number): boolean {
  const wordy = (i: number): boolean =>
    i >= 0 && i < paragraph.length && /[\p{L}\p{N}]/u.test(paragraph[i]!) && !UNSPACED_SCRIPT.test(paragraph[i]!);
  return wordy(before) && wordy(after);
}

function nameOf(entity: Named): string {
  return `"${entity.name}"`;
}

function describe(locator: Locator, span: string): string {
  const text = span.length > 80 ? `${span.slice(0, 77)}...` : span;
  return `paragraph ${locator.paragraph} [${locator.start}, ${locator.end}) ${JSON.stringify(text)}`;
}

function shown(paragraph: string, locator: Locator): string {
  return paragraph.slice(Math.max(0, locator.start - 10), Math.min(paragraph.length, locator.end + 10));
}
