/**
 * `search`: the `entity_text` full-text index over names and summaries, and for words in Chinese (or
 * another script without word spaces) the `entity_names` index over names in other languages. User
 * text never reaches Lucene as syntax: it is split into words of letters and digits (so no special
 * character survives); each spaced word is matched whole or as a prefix, in the name (weighted up) or
 * the summary, and each unspaced one as a phrase of the names in other languages.
 */
import { getNamedType } from 'graphql';
import { BadUserInputError } from '../errors/errors';
import { isUnspaced } from '../provenance/citationTerms';
import type { CompileScope } from './CompileScope';
import { compiledQuery, type CompiledQuery, type ResultRow } from './CompiledQuery';
import { checkLimit } from './checkArguments';
import { returnObjectType, rootSelections, subSelections } from './collectFields';
import { labelOfKind, projectEntity } from './project';
import { projectSelection } from './projectSelection';

/** Arguments of `search`. */
export interface SearchArgs {
  text: string;
  kinds?: readonly string[] | null;
  limit?: number | null;
}

const MAX_WORDS = 16;

/** Rows with one `result` column: `{score, entity}` keyed by the response keys of SearchHit. */
export function compileSearch(scope: CompileScope, args: SearchArgs): CompiledQuery<ResultRow> {
  const query = luceneQuery(args.text);
  const limit = checkLimit(scope.limits, 'limit', args.limit);
  const labels = labelsOf(args.kinds);
  const hitType = returnObjectType(scope.info);
  const result = projectSelection(scope.info, hitType, rootSelections(scope.info), (field, nodes) => {
    if (field === 'score') return 'score';
    if (field === 'entity')
      return projectEntity(scope, 'node', getNamedType(hitType.getFields()['entity']!.type), subSelections(nodes));
    return undefined;
  });
  const labelsParam = scope.param(labels);
  // Without a kind filter only the best few hits can make the page, so Lucene need not score more:
  // four times the limit leaves room for the exact-name match to be moved to the front.
  const options = labels === null ? `, {limit: ${scope.param(limit * 4 + 10)}}` : '';
  const ask = (index: string, q: string): string =>
    `CALL db.index.fulltext.queryNodes('${index}', ${scope.param(q)}${options}) YIELD node, score`;
  const asked = [
    query.spaced ? ask('entity_text', query.spaced) : null,
    query.unspaced ? ask('entity_names', query.unspaced) : null,
  ].filter((line): line is string => line !== null);
  const exact = scope.param(args.text.trim().toLowerCase());
  const pageLimit = scope.param(limit);
  const kindFilter = `WHERE ${labelsParam} IS NULL OR any(l IN labels(node) WHERE l IN ${labelsParam})`;
  const lines = [
    // Text in one script asks one index (spaced text exactly as before names in other languages were
    // kept); mixed text asks both and keeps each entity's better score.
    ...(asked.length === 1
      ? [asked[0]!, kindFilter]
      : [
          `CALL { ${asked.map((line) => `${line} RETURN node, score`).join(' UNION ALL ')} }`,
          `WITH node, max(score) AS score ${kindFilter}`,
        ]),
    // An entity whose whole name (in any language) is the text comes first, whatever Lucene thinks of its summary.
    `WITH node, score, toLower(node.name) = ${exact}${query.unspaced ? ` OR ${exact} IN coalesce(node.nameTexts, [])` : ''} AS exact`,
    // Ties are broken by id, but only hits that can make the page need their id read: those ranked at
    // least as high as the last hit of the page (ties with it included).
    'ORDER BY exact DESC, score DESC',
    'WITH collect({node: node, score: score, exact: exact}) AS hits',
    `WITH hits, hits[${pageLimit} - 1] AS last`,
    'UNWIND hits AS hit',
    'WITH hit WHERE last IS NULL OR hit.exact > last.exact OR (hit.exact = last.exact AND hit.score >= last.score)',
    `WITH hit.node AS node, hit.score AS score ORDER BY hit.exact DESC, score DESC, node.id LIMIT ${pageLimit}`,
  ];
  return compiledQuery(lines, { result }, scope.params);
}

/**
 * The Lucene queries for free text: one for the words of spaced scripts (names and summaries), one
 * for the words of unspaced scripts (names in other languages); null where the text has no such word.
 * Throws BAD_USER_INPUT when no word is left.
 */
export function luceneQuery(text: string): { spaced: string | null; unspaced: string | null } {
  // Words are letters and digits in any script; everything else separates them.
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) {
    throw new BadUserInputError(
      `text must contain at least one letter or digit, got ${JSON.stringify(text.slice(0, 100))}`,
      { argument: 'text' },
    );
  }
  if (words.length > MAX_WORDS) {
    throw new BadUserInputError(`text may hold at most ${MAX_WORDS} words, got ${words.length}`, { argument: 'text' });
  }
  // Letters and digits only, lower-cased: no Lucene syntax character and no AND/OR/NOT is left.
  const lower = words.map((w) => w.toLowerCase());
  const spaced = lower.filter((w) => !isUnspaced(w));
  const unspaced = lower.filter((w) => isUnspaced(w));
  return {
    // A whole word in the name counts most, then a prefix in the name, then the summary.
    spaced:
      spaced.length > 0 ? spaced.map((w) => `name:${w}^4 name:${w}*^2 summary:${w} summary:${w}*^0.5`).join(' ') : null,
    // The cjk analyzer cuts a phrase into character pairs: a phrase query finds them in order.
    unspaced: unspaced.length > 0 ? unspaced.map((w) => `namesText:"${w}"`).join(' ') : null,
  };
}

/** Node labels for EntityKind values; null means every kind. */
export function labelsOf(kinds: readonly string[] | null | undefined): string[] | null {
  if (kinds === null || kinds === undefined) return null;
  return kinds.map((kind) => {
    const label = labelOfKind(kind);
    if (!label)
      throw new BadUserInputError(`kinds must be EntityKind values, got ${JSON.stringify(kind)}`, {
        argument: 'kinds',
      });
    return label;
  });
}
