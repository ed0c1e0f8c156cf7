/**
 * The rules on an entry's values that JSON Schema cannot state: a date must be a day of the calendar
 * (2021-02-30 matches the pattern but is none), a language tag must be well-formed BCP 47, and a link
 * that is always our reading must say so. Shared by the file loader and the curation API, so a value
 * refused in one is refused in the other. Also the one place a stored `year` is derived from a date.
 */
import type { DatasetProblem } from '../errors/errors';
import { OUR_READING_TYPES, type DatasetNode, type DatasetRelationship, type NodeLabel } from './PlanDataset';

/** The date-valued properties of each kind (ISO 8601, as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD). */
export const DATE_PROPERTIES: Partial<Record<NodeLabel, readonly string[]>> = {
  Source: ['date', 'retrieved'],
  Plan: ['issued'],
  Evidence: ['date'],
  Assessment: ['asOf'],
};

/** The property whose year a kind stores as `year`, for filters and group-by on years. */
export const YEAR_FROM: Partial<Record<NodeLabel, string>> = { Source: 'date', Evidence: 'date', Assessment: 'asOf' };

/** The year of an ISO 8601 date (`2021-11-29`, `2021-11`, `2021`), or null for one without (`--11-29`). */
export function yearOf(date: unknown): number | null {
  const match = typeof date === 'string' ? /^(\d{4})(?:-|$)/.exec(date) : null;
  return match ? Number(match[1]) : null;
}

/** Why `text` is not an ISO 8601 calendar date, or undefined when it is one. */
export function dateProblem(text: string, allowNoYear = false): string | undefined {
  const match = /^(\d{4}|-)(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match || (match[1] === '-' && (!allowNoYear || match[3] === undefined))) {
    return `must be an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY), got ${JSON.stringify(text)}`;
  }
  const [, yearText, monthText, dayText] = match;
  const month = monthText === undefined ? 1 : Number(monthText);
  if (month < 1 || month > 12) return `has no month ${monthText}: got ${JSON.stringify(text)}`;
  if (dayText === undefined) return undefined;
  // A year-less date may fall on 29 February; 2000 is a leap year.
  const year = yearText === '-' ? 2000 : Number(yearText);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Number(dayText);
  return day >= 1 && day <= days ? undefined : `is not a day of the calendar: got ${JSON.stringify(text)}`;
}

/** Why `tag` is not a well-formed BCP 47 language tag, or undefined when it is one. */
export function languageTagProblem(tag: string): string | undefined {
  try {
    Intl.getCanonicalLocales(tag);
    return undefined;
  } catch {
    return `must be a BCP 47 language tag (e.g. en, zh-Hans, zh-Hant), got ${JSON.stringify(tag)}`;
  }
}

/** The value problems of one node entry, each named by `entry`. */
export function nodeValueProblems(entry: string, node: DatasetNode): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  for (const property of DATE_PROPERTIES[node.label] ?? []) {
    const value = node[property];
    if (typeof value !== 'string') continue;
    const problem = dateProblem(value, node.label === 'Source' && property === 'date');
    if (problem) problems.push({ entry, field: property, message: problem });
  }
  if (typeof node['language'] === 'string') {
    const problem = languageTagProblem(node['language']);
    if (problem) problems.push({ entry, field: 'language', message: problem });
  }
  (node.names ?? []).forEach((name, n) => {
    const problem = languageTagProblem(name.language);
    if (problem) problems.push({ entry, field: `names[${n}].language`, message: problem });
  });
  return problems;
}

/** The value problems of one link entry, each named by `entry`. */
export function linkValueProblems(entry: string, rel: Pick<DatasetRelationship, 'type' | 'basis'>): DatasetProblem[] {
  if (OUR_READING_TYPES.includes(rel.type) && rel.basis !== 'INFERRED') {
    return [
      {
        entry,
        field: 'basis',
        message: `${rel.type} is always our reading of the evidence, never a source's word: it must be INFERRED, got ${rel.basis}`,
      },
    ];
  }
  return [];
}
