/**
 * Root lists and Relay connections of one entity label: `where` becomes parameterized predicates,
 * `sort` keys come from enums, and paging is SKIP/LIMIT after a total order (id breaks ties).
 */
import { getNamedType, isObjectType, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import { BadUserInputError } from '../errors/errors';
import type { CompileScope, CompiledQuery, ParamScope } from './CompileScope';
import { collectFields, subSelections } from './collectFields';
import { label, projectObject } from './project';

/** One `sort` entry as the schema gives it. */
export interface SortInput {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

/** The `where` input: only fields the schema declares reach here. */
export type WhereInput = Record<string, unknown>;

/** Arguments of a root list. */
export interface ListArgs {
  where?: WhereInput | null;
  sort?: readonly SortInput[] | null;
  limit?: number | null;
  offset?: number | null;
}

/** Arguments of a root connection. */
export interface ConnectionArgs {
  where?: WhereInput | null;
  sort?: readonly SortInput[] | null;
  first?: number | null;
  after?: string | null;
}

/** Compiles `plans(...)`, `goals(...)`, ...: rows with one `result` column each. */
export function compileList(scope: CompileScope, type: GraphQLObjectType, args: ListArgs): CompiledQuery {
  const limit = checkLimit(scope, 'limit', args.limit);
  const offset = checkOffset(args.offset);
  const v = scope.variable('v');
  const match = matchClause(scope, v, type, args.where);
  const order = orderBy(v, args.sort);
  const projection = projectObject(scope, v, type, rootSelections(scope));
  return {
    cypher:
      `${match}\nWITH ${v} ORDER BY ${order} SKIP ${scope.param(offset)} LIMIT ${scope.param(limit)}\n` +
      `RETURN ${projection} AS result`,
    params: scope.params,
  };
}

/** A compiled connection query and the page it asks for. */
export interface CompiledConnection extends CompiledQuery {
  first: number;
  offset: number;
}

/** Compiles `goalsConnection(...)` etc.: one row with `result` holding `totalCount` and one page plus one row. */
export function compileConnection(
  scope: CompileScope,
  connection: GraphQLObjectType,
  args: ConnectionArgs,
): CompiledConnection {
  const edgeType = getNamedType(connection.getFields()['edges']!.type) as GraphQLObjectType;
  const nodeType = getNamedType(edgeType.getFields()['node']!.type);
  if (!isObjectType(nodeType)) throw new Error(`${connection.name}.edges.node must be an object type`);
  const first = checkLimit(scope, 'first', args.first);
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  const fields = collectFields(scope.info, connection, rootSelections(scope));
  const parts: string[] = [];
  const entries: string[] = [];
  const wantsCount = [...fields.values()].some((nodes) => nodes[0]!.name.value === 'totalCount');
  if (wantsCount) {
    const v = scope.variable('v');
    // With no filter, count(v) on a label is answered from Neo4j's count store, touching no node.
    parts.push(`CALL () { ${matchClause(scope, v, nodeType, args.where)} RETURN count(${v}) AS totalCount }`);
  }
  const v = scope.variable('v');
  const edgeSelections = [...fields.values()]
    .filter((nodes) => nodes[0]!.name.value === 'edges')
    .flatMap((nodes) => subSelections(nodes));
  const nodeSelections: SelectionSetNode[] = [];
  for (const nodes of collectFields(scope.info, edgeType, edgeSelections).values()) {
    if (nodes[0]!.name.value === 'node') nodeSelections.push(...subSelections(nodes));
  }
  parts.push(
    `CALL () { ${matchClause(scope, v, nodeType, args.where)} WITH ${v} ` +
      `ORDER BY ${orderBy(v, args.sort)} SKIP ${scope.param(offset)} LIMIT ${scope.param(first + 1)} ` +
      `RETURN collect(${projectObject(scope, v, nodeType, nodeSelections)}) AS page }`,
  );
  for (const [key, nodes] of fields) {
    if (nodes[0]!.name.value === 'totalCount') entries.push(`\`${key}\`: totalCount`);
  }
  entries.push('`__page`: page');
  return {
    cypher: `${parts.join('\n')}\nRETURN {${entries.join(', ')}} AS result`,
    params: scope.params,
    first,
    offset,
  };
}

/** Builds the Relay fields of a connection from the compiled page (the page holds one extra row). */
export function shapeConnection(
  result: Record<string, unknown>,
  { first, offset }: { first: number; offset: number },
): {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: unknown }>;
} {
  const page = (result['__page'] as unknown[]).slice(0, first);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    ...result,
    pageInfo: {
      hasNextPage: (result['__page'] as unknown[]).length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    edges,
  };
}

/** The top-level selection sets of the field being resolved. */
export function rootSelections(scope: CompileScope): SelectionSetNode[] {
  return subSelections(scope.info.fieldNodes);
}

function matchClause(
  scope: CompileScope,
  v: string,
  type: GraphQLObjectType,
  where: WhereInput | null | undefined,
): string {
  const predicates: string[] = [];
  for (const [field, value] of Object.entries(where ?? {})) {
    if (value === null || value === undefined) continue;
    if (!/^[a-zA-Z]+$/.test(field)) throw new Error(`Unexpected where field ${field}`);
    if (field === 'idIn') predicates.push(`${v}.id IN ${scope.param(value)}`);
    else if (field.endsWith('Contains'))
      predicates.push(
        `toLower(${v}.\`${field.slice(0, -'Contains'.length)}\`) CONTAINS toLower(${scope.param(value)})`,
      );
    else predicates.push(`${v}.\`${field}\` = ${scope.param(value)}`);
  }
  // With ids given, naming :Entity lets the planner seek its unique id index instead of scanning the label.
  const labels = where?.['idIn'] ? `Entity:${label(type)}` : label(type);
  return `MATCH (${v}:${labels})${predicates.length > 0 ? ` WHERE ${predicates.join(' AND ')}` : ''}`;
}

function orderBy(v: string, sort: readonly SortInput[] | null | undefined): string {
  const keys = (sort ?? []).map((s) => {
    if (!/^[A-Z_]+$/.test(s.field)) throw new Error(`Unexpected sort field ${s.field}`);
    // Sort enums name properties in SCREAMING_SNAKE: TARGET_YEAR -> targetYear.
    const property = s.field.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    return `${v}.\`${property}\` ${s.direction === 'DESC' ? 'DESC' : 'ASC'}`;
  });
  return [...keys, `${v}.id ASC`].join(', ');
}

/** Checks a limit-like argument against the configured cap and returns the value to use. */
export function checkLimit(scope: ParamScope, name: string, value: number | null | undefined): number {
  if (value === null || value === undefined) return scope.limits.defaultLimit;
  if (!Number.isInteger(value) || value < 0 || value > scope.limits.maxLimit) {
    throw new BadUserInputError(`${name} must be a whole number from 0 to ${scope.limits.maxLimit}, got ${value}`, {
      argument: name,
    });
  }
  return value;
}

function checkOffset(value: number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0)
    throw new BadUserInputError(`offset must be a whole number of 0 or more, got ${value}`, { argument: 'offset' });
  return value;
}

const CURSOR_PREFIX = 'offset:';

function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const offset = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new BadUserInputError(
      `after must be a cursor this API returned (an endCursor or edge cursor), got "${cursor}"`,
      { argument: 'after' },
    );
  }
  return offset;
}
