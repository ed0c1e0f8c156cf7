/**
 * `<Type>Where` to one Cypher predicate on node `v`. Scalar operators read the property the schema
 * names; link filters become existential subqueries (`some`, `none`, `all`) or COUNT subqueries
 * (`single`, counts), so nothing is materialised. Every value is a parameter, every name comes from
 * the schema. Predicates are two-valued: a missing property satisfies no comparison, and NOT flips
 * exactly that, as the in-memory evaluator of the tests does.
 */
import type { GraphQLObjectType } from 'graphql';
import { reviewStatusExpression } from '../curation/storedReview';
import { BadUserInputError } from '../errors/errors';
import type { ParamScope } from './CompileScope';
import { filterableFields, linkFields, type ScalarKind } from '../graphql/filterSchema';
import { relationOf, relationPattern, type Relation } from './relationOf';
import { label } from './project';

/** A `where` argument as GraphQL coerced it: only fields the schema declares reach here. */
export type WhereInput = { readonly [field: string]: unknown };

/** How a filter is taken apart: what is left of the budget as the compiler descends. */
interface Budget {
  predicates: number;
}

const OPERATORS = ['eq', 'in', 'contains', 'startsWith', 'endsWith', 'lt', 'lte', 'gt', 'gte', 'includes'] as const;
const QUANTIFIERS = ['some', 'all', 'none', 'single'] as const;

/** Compiles a whole `where` on node `v` of `type`; undefined when it sets no condition. */
export function compileWhere(
  scope: ParamScope,
  v: string,
  type: GraphQLObjectType,
  where: WhereInput | null | undefined,
): string | undefined {
  if (!where) return undefined;
  const budget: Budget = { predicates: scope.limits.maxFilterPredicates };
  return nodePredicate(scope, v, type, where, 1, budget);
}

/** True when `where` pins `id` with `eq` or `in` at its top level, so an id index seek can serve it. */
export function seeksId(where: WhereInput | null | undefined): boolean {
  const id = where?.['id'] as { eq?: unknown; in?: unknown } | null | undefined;
  return (id?.eq !== undefined && id.eq !== null) || (id?.in !== undefined && id.in !== null);
}

function nodePredicate(
  scope: ParamScope,
  v: string,
  type: GraphQLObjectType,
  where: WhereInput,
  depth: number,
  budget: Budget,
): string | undefined {
  checkDepth(scope, depth);
  const scalars = scalarsOf(type);
  const links = linksOf(type);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const logical = logicalPart(scope, key, value, budget, (w) => nodePredicate(scope, v, type, w, depth + 1, budget));
    if (logical !== undefined) {
      parts.push(logical);
    } else if (scalars.has(key)) {
      const field = scalars.get(key)!;
      const leaf = scalarPredicate(scope, `${v}.\`${key}\``, field.kind, value as WhereInput, budget);
      // A missing value satisfies no comparison (Cypher would answer null, and NOT null is null).
      if (leaf) parts.push(field.nullable ? `(${v}.\`${key}\` IS NOT NULL AND ${leaf})` : leaf);
    } else {
      const link = links.get(key);
      if (!link) throw new BadUserInputError(`where on ${type.name} has no field ${key}`, { argument: 'where' });
      const predicate = linkPredicate(scope, v, link, value as WhereInput, depth, budget);
      if (predicate) parts.push(predicate);
    }
  }
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
}

/** `AND`, `OR` or `NOT` of inputs compiled by `inner`; undefined for any other key. */
function logicalPart(
  scope: ParamScope,
  key: string,
  value: unknown,
  budget: Budget,
  inner: (where: WhereInput) => string | undefined,
): string | undefined {
  if (key === 'AND' || key === 'OR') {
    // Every item counts, empty or not: a list of empty items would otherwise cost nothing to send.
    const items = (value as WhereInput[]).map((w) => {
      spend(scope, budget);
      return inner(w) ?? 'true';
    });
    return junction(items, key);
  }
  if (key !== 'NOT') return undefined;
  spend(scope, budget);
  return `NOT (${inner(value as WhereInput) ?? 'true'})`;
}

function junction(items: string[], key: 'AND' | 'OR'): string {
  // The empty conjunction holds; the empty disjunction does not.
  if (items.length === 0) return key === 'AND' ? 'true' : 'false';
  return items.length === 1 ? items[0]! : `(${items.join(` ${key} `)})`;
}

/** One operator input on a property: every operator given must hold. */
function scalarPredicate(
  scope: ParamScope,
  property: string,
  kind: ScalarKind,
  filter: WhereInput,
  budget: Budget,
): string | undefined {
  const folded = kind === 'String' && filter['caseInsensitive'] === true;
  const subject = folded ? `toLower(${property})` : property;
  const parts: string[] = [];
  for (const operator of OPERATORS) {
    const value = filter[operator];
    if (value === null || value === undefined) continue;
    spend(scope, budget);
    if (Array.isArray(value) && value.length > scope.limits.maxLimit) {
      throw new BadUserInputError(
        `in may hold at most ${scope.limits.maxLimit} values (API_MAX_LIMIT), got ${value.length}`,
        { argument: 'where' },
      );
    }
    const p = scope.param(value);
    const operand = folded ? (operator === 'in' ? `[s IN ${p} | toLower(s)]` : `toLower(${p})`) : p;
    parts.push(comparison(subject, operator, operand));
  }
  return parts.length === 0 ? undefined : parts.join(' AND ');
}

function comparison(subject: string, operator: (typeof OPERATORS)[number], operand: string): string {
  switch (operator) {
    case 'eq':
      return `${subject} = ${operand}`;
    case 'in':
      return `${subject} IN ${operand}`;
    case 'contains':
      return `${subject} CONTAINS ${operand}`;
    case 'startsWith':
      return `${subject} STARTS WITH ${operand}`;
    case 'endsWith':
      return `${subject} ENDS WITH ${operand}`;
    case 'lt':
      return `${subject} < ${operand}`;
    case 'lte':
      return `${subject} <= ${operand}`;
    case 'gt':
      return `${subject} > ${operand}`;
    case 'gte':
      return `${subject} >= ${operand}`;
    case 'includes':
      return `${operand} IN ${subject}`;
  }
}

interface LinkKey {
  field: string;
  target: GraphQLObjectType;
  relation: Relation;
  form: 'list' | 'count' | 'connection';
}

/** `tasks: {some: ...}`, `tasksCount: {...}` or `tasksConnection: {some: {node, edge}}`. */
function linkPredicate(
  scope: ParamScope,
  v: string,
  link: LinkKey,
  filter: WhereInput,
  depth: number,
  budget: Budget,
): string | undefined {
  const n = scope.variable('n');
  const r = scope.variable('r');
  const pattern = relationPattern(v, r, link.relation, n, label(link.target));
  if (link.form === 'count') {
    return scalarPredicate(scope, `COUNT { MATCH ${pattern} }`, 'Int', filter, budget);
  }
  const parts: string[] = [];
  for (const quantifier of QUANTIFIERS) {
    const inner = filter[quantifier] as WhereInput | null | undefined;
    if (inner === null || inner === undefined) continue;
    spend(scope, budget);
    checkDepth(scope, depth + 1);
    let condition: string | undefined;
    if (link.form === 'list') {
      condition = nodePredicate(scope, n, link.target, inner, depth + 1, budget);
    } else {
      const node = inner['node'] as WhereInput | null | undefined;
      const edge = inner['edge'] as WhereInput | null | undefined;
      const conditions = [
        node ? nodePredicate(scope, n, link.target, node, depth + 1, budget) : undefined,
        edge ? edgePredicate(scope, r, edge, depth + 1, budget) : undefined,
      ].filter((c): c is string => c !== undefined);
      condition = conditions.length === 0 ? undefined : conditions.join(' AND ');
    }
    parts.push(quantified(quantifier, pattern, condition));
  }
  return parts.length === 0 ? undefined : parts.join(' AND ');
}

function quantified(quantifier: (typeof QUANTIFIERS)[number], pattern: string, condition: string | undefined): string {
  const where = condition === undefined ? '' : ` WHERE ${condition}`;
  switch (quantifier) {
    case 'some':
      return `EXISTS { MATCH ${pattern}${where} }`;
    case 'none':
      return `NOT EXISTS { MATCH ${pattern}${where} }`;
    case 'all':
      return condition === undefined ? 'true' : `NOT EXISTS { MATCH ${pattern} WHERE NOT (${condition}) }`;
    case 'single':
      return `COUNT { MATCH ${pattern}${where} } = 1`;
  }
}

/** `LinkWhere` on relationship `r`. */
function edgePredicate(scope: ParamScope, r: string, where: WhereInput, depth: number, budget: Budget): string {
  checkDepth(scope, depth);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const logical = logicalPart(scope, key, value, budget, (w) => edgePredicate(scope, r, w, depth + 1, budget));
    if (logical !== undefined) {
      parts.push(logical);
    } else {
      const kind = EDGE_FIELDS[key];
      if (!kind) throw new BadUserInputError(`where on a link has no field ${key}`, { argument: 'where' });
      const subject = key === 'review' ? reviewStatusExpression(r) : `${r}.\`${key}\``;
      const leaf = scalarPredicate(scope, subject, kind, value as WhereInput, budget);
      // Only `rationale` may be missing: stated links have none.
      if (leaf) parts.push(key === 'rationale' ? `(${r}.rationale IS NOT NULL AND ${leaf})` : leaf);
    }
  }
  return parts.length === 0 ? 'true' : parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
}

const EDGE_FIELDS: Record<string, ScalarKind | undefined> = {
  basis: { enum: 'Basis' },
  sources: 'IntList',
  rationale: 'String',
  review: { enum: 'ReviewStatus' },
};

function spend(scope: ParamScope, budget: Budget): void {
  if (--budget.predicates < 0) {
    throw new BadUserInputError(
      `where may hold at most ${scope.limits.maxFilterPredicates} conditions (API_MAX_FILTER_PREDICATES); ` +
        'split the question into several requests',
      { argument: 'where', limit: 'API_MAX_FILTER_PREDICATES' },
    );
  }
}

function checkDepth(scope: ParamScope, depth: number): void {
  if (depth > scope.limits.maxFilterDepth) {
    throw new BadUserInputError(
      `where may nest at most ${scope.limits.maxFilterDepth} levels (API_MAX_FILTER_DEPTH) of AND, OR, NOT ` +
        'and link filters',
      { argument: 'where', limit: 'API_MAX_FILTER_DEPTH' },
    );
  }
}

const scalarCache = new WeakMap<GraphQLObjectType, Map<string, { kind: ScalarKind; nullable: boolean }>>();
const linkCache = new WeakMap<GraphQLObjectType, Map<string, LinkKey>>();

function scalarsOf(type: GraphQLObjectType): Map<string, { kind: ScalarKind; nullable: boolean }> {
  let found = scalarCache.get(type);
  if (!found) {
    found = new Map(filterableFields(type).map((f) => [f.name, { kind: f.kind, nullable: f.nullable }]));
    scalarCache.set(type, found);
  }
  return found;
}

function linksOf(type: GraphQLObjectType): Map<string, LinkKey> {
  let found = linkCache.get(type);
  if (!found) {
    found = new Map();
    for (const { name, target } of linkFields(type)) {
      const relation = relationOf(type.getFields()[name]!)!;
      found.set(name, { field: name, target, relation, form: 'list' });
      found.set(`${name}Count`, { field: name, target, relation, form: 'count' });
      found.set(`${name}Connection`, { field: name, target, relation, form: 'connection' });
    }
    linkCache.set(type, found);
  }
  return found;
}
