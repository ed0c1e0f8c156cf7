/**
 * Which ad-hoc Cypher Neo4j can stop at its time limit. Neo4j checks timeouts between operators and in
 * reads of the store, never inside the loop of one expression: `reduce` over a long list, a list
 * comprehension over `range(1, 300000000)`, or one comprehension nested in another runs to its natural
 * end, however the transaction is terminated. Such expressions are refused before they run, judged from
 * Neo4j's own plan (EXPLAIN), where literals are already parameters and aliases are quoted, so neither a
 * string nor a comment can hide or fake a construct. What the rules miss, the embedded launcher's
 * watchdog stops (see RunawayQueryWatchdog.java); on another Neo4j only these rules apply.
 */
import type { ExplainedQuery } from '../database/Database';
import { ForbiddenError } from '../errors/errors';

// The opening of an iteration inside an expression: a list comprehension or a list predicate. The
// variable is any run of characters that cannot end it (quoted names have become `q` by then).
const ITERATION = /\[\s*[^\s[\]()|,]+\s+IN\s|\b(?:any|all|none|single)\(\s*[^\s[\]()|,]+\s+IN\s/gi;

/** Throws FORBIDDEN, naming the construct and what to write instead, unless Neo4j can stop the query. */
export function checkStoppable(explained: ExplainedQuery): void {
  for (const operator of explained.operators) {
    // Quoted names (aliases, columns, variables) may spell anything: each becomes a plain name, `q`.
    const details = operator.details.replace(/`[^`]*`/g, 'q');
    if (/\breduce\s*\(/i.test(details)) {
      throw refusal(
        'reduce()',
        'aggregate over UNWIND instead, e.g. UNWIND list AS x RETURN sum(x), or collect(), count(), max()',
      );
    }
    const type = operator.type.replace(/@.*$/, '');
    const wholeUnwindRange = type === 'Unwind' && /^range\([^()]*\) AS [^\s()[\]]+$/i.test(details);
    if (/\brange\s*\(/i.test(details) && !wholeUnwindRange) {
      throw refusal('range() inside an expression', 'use it only as the list of an UNWIND: UNWIND range(1, 10) AS x');
    }
    if (hasNestedIteration(details)) {
      throw refusal(
        'a list comprehension or any/all/none/single nested in another',
        'UNWIND the outer list and iterate over the inner one per row',
      );
    }
  }
}

function refusal(construct: string, instead: string): ForbiddenError {
  return new ForbiddenError(
    `cypher may not use ${construct}: Neo4j cannot stop that loop at the time limit, so one query could ` +
      `keep a core busy for minutes; ${instead}`,
    { rule: 'stoppable' },
  );
}

/** True when one iteration's brackets contain the start of another. */
function hasNestedIteration(text: string): boolean {
  const starts = [...text.matchAll(ITERATION)].map((match) => match.index);
  return starts.some((start) => {
    const end = closingBracket(text, text.indexOf(text[start] === '[' ? '[' : '(', start));
    return starts.some((other) => other > start && other < end);
  });
}

function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[' || text[i] === '(') depth++;
    else if (text[i] === ']' || text[i] === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}
