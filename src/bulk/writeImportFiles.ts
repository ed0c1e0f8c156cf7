/**
 * Writes nodes and relationships as the CSV files of Neo4j's bulk import tool. Every row goes to a
 * file of rows with its labels (or type) and the same property names and value types, so each file has
 * one typed header and the import stores each value with the type the transactional loader gives it.
 * What a CSV cell cannot say (an empty list) is kept aside, to be set once the database runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { InternalError } from '../errors/errors';

/** Separates list items inside a cell: a control character; an item that holds it is refused when written. */
export const ARRAY_DELIMITER = '\u001f';
/** More files than this would overflow the import command line; such data is too varied for the bulk path. */
const MAX_IMPORT_FILES = 500;
const ROWS_PER_WRITE = 5000;

/** Properties as Neo4j stores them: strings, numbers, booleans and lists of one of those. */
export type StoredProperties = Record<string, unknown>;

/** Everything to import, visited in a stable order. */
export interface ImportSource {
  /**
   * Calls `node` for each node (`id` is the entity id, or null for nodes nothing links to) and `link`
   * for each relationship.
   */
  visit(
    node: (labels: readonly string[], id: string | null, properties: StoredProperties) => void,
    link: (type: string, from: string, to: string, properties: StoredProperties) => void,
  ): void;
}

/** Properties the import tool cannot write, to set on their entities and links after it. */
export interface Completions {
  entities: Array<{ id: string; properties: StoredProperties }>;
  links: Array<{ from: string; type: string; to: string; properties: StoredProperties }>;
}

/** The files written, as the import tool's `--nodes` and `--relationships` options take them. */
export interface ImportFiles {
  nodes: Array<{ labels: readonly string[]; file: string }>;
  relationships: Array<{ type: string; file: string }>;
  completions: Completions;
  counts: { nodes: number; relationships: number };
  /** Whether a value spans lines, which the import tool must be told (it then reads more slowly). */
  multiline: boolean;
}

/** Writes every node and relationship of `source` into CSV files in `dir` (which must exist). */
export function writeImportFiles(dir: string, source: ImportSource): ImportFiles {
  const files = new Map<string, CsvFile>();
  const result: ImportFiles = {
    nodes: [],
    relationships: [],
    completions: { entities: [], links: [] },
    counts: { nodes: 0, relationships: 0 },
    multiline: false,
  };
  const fileFor = (key: string, header: () => string[], onOpen: (file: string) => void): CsvFile => {
    let file = files.get(key);
    if (!file) {
      if (files.size >= MAX_IMPORT_FILES) {
        throw new InternalError(
          `The bulk import needs one file per kind of row and would need more than ${MAX_IMPORT_FILES} ` +
            `(the next is for ${key.slice(0, 200)}): ` +
            'the data is too varied for it; load it with the transactional loader',
        );
      }
      file = new CsvFile(path.join(dir, `${files.size}.csv`), header());
      files.set(key, file);
      onOpen(file.path);
    }
    return file;
  };

  source.visit(
    (labels, id, properties) => {
      // The id column stores the id property itself.
      if (id !== null && properties['id'] !== id) {
        throw new InternalError(`Node ${id} stores the id ${String(properties['id'])}`);
      }
      const row = typedRow(
        properties,
        id === null ? [] : [id],
        id === null ? null : 'id',
        () => `${labels.join(':')} ${id ?? ''}`,
      );
      if (row.empty) {
        if (id === null) throw new InternalError(`A node without id cannot hold an empty list: ${labels.join(':')}`);
        result.completions.entities.push({ id, properties: row.empty });
      }
      const file = fileFor(
        `N ${labels.join(':')} ${id === null ? '' : 'id'} ${row.signature}`,
        () => [...(id === null ? [] : ['id:ID']), ...columnsOf(row.signature)],
        (file) => result.nodes.push({ labels, file }),
      );
      file.add(row.cells);
      result.multiline ||= row.multiline;
      result.counts.nodes += 1;
    },
    (type, from, to, properties) => {
      const row = typedRow(properties, [from, to], null, () => `${from} ${type} ${to}`);
      if (row.empty) result.completions.links.push({ from, type, to, properties: row.empty });
      const file = fileFor(
        `R ${type} ${row.signature}`,
        () => [':START_ID', ':END_ID', ...columnsOf(row.signature)],
        (file) => result.relationships.push({ type, file }),
      );
      file.add(row.cells);
      result.multiline ||= row.multiline;
      result.counts.relationships += 1;
    },
  );
  for (const file of files.values()) file.close();
  return result;
}

// One output file: rows are buffered and written in batches, the header first.
class CsvFile {
  private readonly fd: number;
  private rows: Array<Array<string | undefined>> = [];

  constructor(
    readonly path: string,
    header: string[],
  ) {
    this.fd = fs.openSync(path, 'wx');
    this.rows.push(header);
  }

  add(row: Array<string | undefined>): void {
    this.rows.push(row);
    if (this.rows.length >= ROWS_PER_WRITE) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    // The import tool reads an unquoted empty cell as no value and a quoted one as an empty string.
    fs.writeSync(this.fd, `${Papa.unparse(this.rows, { quotes: (value) => value === '', newline: '\n' })}\n`);
    this.rows = [];
  }
}

// One row: its cells (after `leading`), its typed header as one string (the file it belongs to), and
// its empty lists, set aside. Properties go in name order; null and undefined are left out (Neo4j
// stores no null).
interface TypedRow {
  signature: string;
  cells: string[];
  empty: StoredProperties | null;
  multiline: boolean;
}

// Rows of one shape list their names in one order: sort each order once.
const sortedNames = new Map<string, string[]>();

function typedRow(properties: StoredProperties, leading: string[], skip: string | null, where: () => string): TypedRow {
  const keys = Object.keys(properties);
  const shape = `${skip ?? ''}|${keys.join(',')}`;
  let names = sortedNames.get(shape);
  if (!names) {
    names = keys.filter((name) => name !== skip).sort();
    sortedNames.set(shape, names);
  }
  const row: TypedRow = { signature: '', cells: leading, empty: null, multiline: false };
  for (const name of names) {
    const value = properties[name];
    if (value === null || value === undefined) continue;
    let type: string | null;
    let cell: string;
    if (Array.isArray(value)) {
      // A list whose cell would be empty (no items, or one empty string) reads back as no value.
      if (value.length === 0 || (value.length === 1 && value[0] === '')) {
        (row.empty ??= {})[name] = value;
        continue;
      }
      const itemType = listType(value);
      cell = value.join(ARRAY_DELIMITER);
      // Items are split on the delimiter again, so none may hold it or be empty.
      if (itemType === null || (itemType === 'string' && !splitsBack(value as string[]))) {
        throw new InternalError(`The bulk import cannot write ${JSON.stringify(value)} (${where()}: ${name})`);
      }
      type = `${itemType}[]`;
    } else {
      type = valueType(value);
      if (type === null) throw new InternalError(`Neo4j cannot store ${JSON.stringify(value)} (${where()}: ${name})`);
      cell = typeof value === 'string' ? value : (value as number | boolean).toString();
    }
    row.signature += row.signature === '' ? `${name}:${type}` : `,${name}:${type}`;
    row.cells.push(cell);
    if (type.startsWith('string') && (cell.includes('\n') || cell.includes('\r'))) row.multiline = true;
  }
  return row;
}

function columnsOf(signature: string): string[] {
  return signature === '' ? [] : signature.split(',');
}

// The import type of a single value; null for what Neo4j cannot store.
function valueType(value: unknown): 'string' | 'long' | 'double' | 'boolean' | null {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      // The driver sends safe integers as Neo4j integers and other numbers as floats; so does this.
      return Number.isSafeInteger(value) ? 'long' : 'double';
    default:
      return null;
  }
}

// The one type of a list's items; null when they mix types (even integers and decimals, which only
// Cypher's coercion would store together).
function listType(items: readonly unknown[]): string | null {
  const type = valueType(items[0]);
  for (let i = 1; i < items.length; i += 1) if (valueType(items[i]) !== type) return null;
  return type;
}

function splitsBack(items: readonly string[]): boolean {
  return items.every((item) => item !== '' && !item.includes(ARRAY_DELIMITER));
}
