/**
 * Reads a plan dataset file and checks it completely before anything is written: JSON syntax, the
 * JSON Schema in `schema/`, then the rules a schema cannot say (unique ids, references that resolve).
 * Every problem found is reported at once, each naming the entry and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { DatasetError, type DatasetProblem } from '../errors/errors';
import { SCHEMA_DIR } from '../paths';
import { allowsEnds, qualify, RELATIONSHIPS, type DatasetNode, type PlanDataset } from './PlanDataset';
import { checkCitations, type SourceTexts } from '../provenance/checkCitations';
import { linkValueProblems, nodeValueProblems } from './entryValues';
import { readSourceTexts, sourceFilesOf } from '../provenance/readSourceTexts';
import type { Locator } from '../provenance/SourceText';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validate = ajv.compile<PlanDataset>(
  JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'plan-dataset.schema.json'), 'utf8')) as object,
);

/** A dataset that passed every check, and the ids it expects to find already loaded. */
export interface CheckedDataset {
  file: string;
  dataset: PlanDataset;
  /** Qualified ids of other namespaces that the relationships point at. */
  externalReferences: string[];
  /** Qualified ids of other namespaces' Source nodes that citations point at. */
  externalSources: string[];
  /** The texts of its own sources that were at hand, to check links to other namespaces at load. */
  texts: SourceTexts;
}

/** How far `readDataset` checks. */
export interface ReadOptions {
  /**
   * Folder of source texts (SOURCE_TEXTS_DIR). When it holds the text of a source the dataset cites,
   * with the SHA-256 the source names, the citation check runs against it; without it, it is skipped.
   */
  sourceTextsDir?: string | undefined;
}

/** Reads and checks `file`; throws `DatasetError` listing every problem. */
export function readDataset(file: string, options: ReadOptions = {}): CheckedDataset {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new DatasetError(file, [
      { entry: 'file', field: '-', message: `cannot be read: ${(error as Error).message}` },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(file, [
      { entry: 'file', field: '-', message: `is not valid JSON: ${(error as Error).message}` },
    ]);
  }
  return checkDataset(file, json, options);
}

/** Checks an already parsed dataset; `file` only names it in messages. */
export function checkDataset(file: string, json: unknown, options: ReadOptions = {}): CheckedDataset {
  if (!validate(json)) {
    throw new DatasetError(file, describeSchemaErrors(json, validate.errors ?? []));
  }
  const dataset = json;
  const problems: DatasetProblem[] = [];
  const local = new Map<string, number>();
  dataset.nodes.forEach((node, i) => {
    problems.push(...nodeValueProblems(nodeEntry(dataset, i), node));
    const first = local.get(node.id);
    if (first !== undefined) {
      problems.push({ entry: nodeEntry(dataset, i), field: 'id', message: `duplicates the id of nodes[${first}]` });
    } else {
      local.set(node.id, i);
    }
    if (
      node.label === 'Plan' &&
      typeof node['periodStart'] === 'number' &&
      typeof node['periodEnd'] === 'number' &&
      node['periodEnd'] < node['periodStart']
    ) {
      problems.push({
        entry: nodeEntry(dataset, i),
        field: 'periodEnd',
        message: `must not be before periodStart (${node['periodStart']}), got ${node['periodEnd']}`,
      });
    }
  });
  // An alias is another name of one entity; one shared by several (a group word) would let a span that
  // names only the group pass the citation check for each member.
  const aliases = new Map<string, number>();
  const names = new Map(dataset.nodes.map((node, i) => [node.name.toLowerCase(), i]));
  dataset.nodes.forEach((node, i) => {
    for (const alias of node.aliases ?? []) {
      const key = alias.toLowerCase();
      const first = aliases.get(key);
      const named = names.get(key);
      if (first !== undefined && first !== i) {
        problems.push({
          entry: nodeEntry(dataset, i),
          field: 'aliases',
          message: `"${alias}" is also an alias of nodes[${first}]: an alias names one entity, not a group`,
        });
      } else if (named !== undefined && named !== i) {
        problems.push({
          entry: nodeEntry(dataset, i),
          field: 'aliases',
          message: `"${alias}" is the name of nodes[${named}]: an alias names this entity only`,
        });
      } else {
        aliases.set(key, i);
      }
    }
  });
  const seen = new Map<string, number>();
  const external = new Set<string>();
  dataset.relationships.forEach((rel, i) => {
    const entry = relationshipEntry(dataset, i);
    problems.push(...linkValueProblems(entry, rel));
    let touchesOwnNode = false;
    for (const end of ['from', 'to'] as const) {
      const reference = rel[end];
      if (reference.includes(':') && !reference.startsWith(`${dataset.namespace}:`)) {
        external.add(reference);
      } else if (!local.has(reference.replace(`${dataset.namespace}:`, ''))) {
        problems.push({ entry, field: end, message: `names no node of this file, got "${reference}"` });
      } else {
        touchesOwnNode = true;
      }
    }
    // A file owns its relationships through its own nodes; that is how a reload finds stale ones.
    if (!touchesOwnNode && problems.every((p) => p.entry !== entry)) {
      problems.push({ entry, field: 'from', message: 'one end of a relationship must be a node of this file' });
    }
    const from = localNode(dataset, local, rel.from);
    const to = localNode(dataset, local, rel.to);
    // Ends in another file are checked for existence when loading; their kinds are not known here.
    if (from && to && !allowsEnds(rel.type, from.label, to.label)) {
      const allowed = RELATIONSHIPS[rel.type].map(([f, t]) => `${f} -> ${t}`).join(', ');
      problems.push({
        entry,
        field: 'type',
        message: `${rel.type} links ${allowed}, not ${from.label} "${rel.from}" -> ${to.label} "${rel.to}"`,
      });
    }
    const key = `${rel.type} ${qualify(dataset.namespace, rel.from)} ${qualify(dataset.namespace, rel.to)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ entry, field: 'type', message: `repeats relationships[${first}] (same type, from and to)` });
    } else {
      seen.set(key, i);
    }
  });
  const externalSources = new Set<string>();
  checkLocators(dataset, local, problems, externalSources);
  if (problems.length > 0) throw new DatasetError(file, problems);
  const { texts, mismatches } = readSourceTexts(options.sourceTextsDir, sourceFilesOf(dataset));
  problems.push(...mismatches.map((message) => ({ entry: 'sources', field: 'sha256', message })));
  problems.push(...checkCitations(dataset, texts));
  if (problems.length > 0) throw new DatasetError(file, problems);
  return {
    file,
    dataset,
    externalReferences: [...external].sort(),
    externalSources: [...externalSources].sort(),
    texts,
  };
}

/** The longest span a node may cite: it points at the words that name it, not at a whole paragraph. */
export const MAX_NODE_SPAN = 300;

// What can be checked of locators without the sources' texts: each names a Source, and is a span.
function checkLocators(
  dataset: PlanDataset,
  local: Map<string, number>,
  problems: DatasetProblem[],
  external: Set<string>,
): void {
  const check = (entry: string, locators: readonly Locator[], isNode: boolean): void => {
    locators.forEach((locator, c) => {
      const reference = locator.source;
      if (reference.includes(':') && !reference.startsWith(`${dataset.namespace}:`)) {
        external.add(reference);
      } else {
        const source = localNode(dataset, local, reference);
        if (source?.label !== 'Source') {
          problems.push({
            entry,
            field: `citations[${c}].source`,
            message: `names no Source node of this file, got "${reference}"${source ? ` (a ${source.label})` : ''}`,
          });
        }
      }
    });
    problems.push(...locatorProblems(entry, locators, isNode));
  };
  dataset.nodes.forEach((node, i) => check(nodeEntry(dataset, i), node.citations, true));
  dataset.relationships.forEach((rel, i) => check(relationshipEntry(dataset, i), rel.citations, false));
}

/**
 * The schema problems of one node or relationship entry on its own (the API's changes are checked by
 * the same JSON Schema as files), each named by `entry`.
 */
export function entrySchemaProblems(kind: 'node' | 'relationship', value: unknown, entry: string): DatasetProblem[] {
  const wrapped = {
    namespace: 'entry',
    nodes: kind === 'node' ? [value] : [],
    relationships: kind === 'node' ? [] : [value],
  };
  if (validate(wrapped)) return [];
  return describeSchemaErrors(wrapped, validate.errors ?? []).map((p) => ({ ...p, entry }));
}

/** The problems of one entry's locators that need no source text (see checkLocators). */
export function locatorProblems(entry: string, locators: readonly Locator[], isNode: boolean): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  locators.forEach((locator, c) => {
    const field = `citations[${c}]`;
    if (locator.end <= locator.start) {
      problems.push({ entry, field, message: `end must be after start, got [${locator.start}, ${locator.end})` });
    } else if (isNode && locator.end - locator.start > MAX_NODE_SPAN) {
      problems.push({
        entry,
        field,
        message: `spans ${locator.end - locator.start} characters; a node cites at most ${MAX_NODE_SPAN}: the words that support it`,
      });
    }
  });
  return problems;
}

// The node of this file a reference names, if it names one.
function localNode(dataset: PlanDataset, local: Map<string, number>, reference: string): DatasetNode | undefined {
  const index = local.get(
    reference.startsWith(`${dataset.namespace}:`) ? reference.slice(dataset.namespace.length + 1) : reference,
  );
  return index === undefined ? undefined : dataset.nodes[index];
}

function describeSchemaErrors(json: unknown, errors: ErrorObject[]): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  // When a label's `then` branch fails, JSON Schema stops counting its properties as evaluated, so
  // every label-specific field would also be called unknown. Report those only for otherwise sound entries.
  const failing = new Set(
    errors
      .filter((e) => e.keyword !== 'if' && e.keyword !== 'unevaluatedProperties')
      .map((e) => entryPointer(e.instancePath)),
  );
  for (const error of errors) {
    // "must match then schema" only repeats the errors found inside the `then` branch.
    if (error.keyword === 'if') continue;
    if (error.keyword === 'unevaluatedProperties' && failing.has(entryPointer(error.instancePath))) continue;
    const segments = error.instancePath.split('/').slice(1);
    let entry = 'file';
    let fieldPath = segments;
    if ((segments[0] === 'nodes' || segments[0] === 'relationships') && segments[1] !== undefined) {
      const index = Number(segments[1]);
      entry = segments[0] === 'nodes' ? nodeEntry(json, index) : relationshipEntry(json, index);
      fieldPath = segments.slice(2);
    }
    const params = error.params as Record<string, unknown>;
    const extra = params['missingProperty'] ?? params['additionalProperty'] ?? params['unevaluatedProperty'];
    if (typeof extra === 'string') fieldPath = [...fieldPath, extra];
    const field = fieldPath.length > 0 ? fieldPath.join('.') : '-';
    const allowed = Array.isArray(params['allowedValues'])
      ? ` (one of ${(params['allowedValues'] as unknown[]).join(', ')})`
      : '';
    const message =
      error.keyword === 'unevaluatedProperties' || error.keyword === 'additionalProperties'
        ? 'is not a known field for this entry'
        : `${error.message ?? 'is invalid'}${allowed}`;
    problems.push({ entry, field, message: `${message}${shownValue(json, error.instancePath, error.keyword)}` });
  }
  return problems;
}

/** `/nodes/3/targetYear` -> `/nodes/3`: the entry an error belongs to. */
function entryPointer(pointer: string): string {
  return pointer.split('/').slice(0, 3).join('/');
}

function shownValue(json: unknown, pointer: string, keyword: string): string {
  if (keyword === 'required' || keyword === 'unevaluatedProperties' || keyword === 'additionalProperties') return '';
  let value: unknown = json;
  for (const segment of pointer.split('/').slice(1)) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
  }
  const text = JSON.stringify(value);
  return text === undefined ? '' : `, got ${text.length > 80 ? `${text.slice(0, 77)}...` : text}`;
}

function entryAt(json: unknown, list: 'nodes' | 'relationships', index: number): Record<string, unknown> | undefined {
  const items = (json as Record<string, unknown> | null)?.[list];
  const item: unknown = Array.isArray(items) ? items[index] : undefined;
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
}

function nodeEntry(json: unknown, index: number): string {
  const id = entryAt(json, 'nodes', index)?.['id'];
  return typeof id === 'string' ? `nodes[${index}] (id "${id}")` : `nodes[${index}]`;
}

function relationshipEntry(json: unknown, index: number): string {
  const rel = entryAt(json, 'relationships', index);
  const [type, from, to] = [rel?.['type'], rel?.['from'], rel?.['to']].map((v) => (typeof v === 'string' ? v : '?'));
  return `relationships[${index}] (${from} -${type}-> ${to})`;
}
