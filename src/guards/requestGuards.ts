/**
 * Cost controls that run before any database work: depth and alias limits as validation rules, and a
 * complexity estimate, weighted by list sizes, checked once the operation and its variables are known.
 * (The token limit is graphql-js's own parser option; the body limit is Express's.)
 */
import {
  GraphQLError,
  isListType,
  isNonNullType,
  type DocumentNode,
  type GraphQLOutputType,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { CHANGE_COST, type RequestGuards } from '../config/readConfig';
import type { ApiLimits } from '../config/ApiLimits';
import { QueryTooComplexError } from '../errors/errors';

// Report, do not throw: a rule that throws would end validation as an unexpected error.
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: { reportError: (e: GraphQLError) => void } | null, error: GraphQLError) => context?.reportError(error),
  ],
};

/**
 * Refuses operation types the schema lacks (subscriptions) while validating: graphql-js 16 would
 * otherwise let them through to execution, which fails them without a code.
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (!context.getSchema().getRootType(operation.operation)) {
      context.reportError(
        new GraphQLError(`This API has no ${operation.operation} operations.`, {
          nodes: operation,
        }),
      );
    }
  },
});

/** Validation rules for operation types, depth (fragments add none of their own) and aliases (`__typename` is free). */
export function guardRules(guards: RequestGuards): ValidationRule[] {
  return [
    knownOperationTypes,
    maxDepthRule({ n: guards.maxQueryDepth, flattenFragments: true, ...report }),
    maxAliasesRule({ n: guards.maxAliases, ...report }),
  ];
}

/**
 * Estimated cost of one field: 1, plus its selection's cost times the number of items it may return.
 * A list holds its `limit` or `first` argument's items, the default limit for a root list that gives
 * none, and `assumedListSize` for a nested relationship list, which has no limit of its own. A
 * connection or subgraph with a limit scales its inner lists from the assumed size to that limit.
 */
export function listSizeEstimator(guards: RequestGuards, limits: ApiLimits): ComplexityEstimator {
  return ({ field, args, childComplexity, type }) => {
    // A mutation weighs its changes (`applyChanges`), or one change (a review; a revert is counted as
    // one, since what it undoes is unknown before it runs).
    if (type.name === 'Mutation') {
      const changes = Array.isArray(args['changes']) ? args['changes'].length : 1;
      return 1 + childComplexity + CHANGE_COST * changes;
    }
    const given =
      typeof args['limit'] === 'number' ? args['limit'] : typeof args['first'] === 'number' ? args['first'] : undefined;
    const limited = field.args.some((a) => a.name === 'limit' || a.name === 'first');
    const isRoot = type.name === 'Query';
    // A limit above the cap is refused by the resolver with its own message, so count the cap.
    const items = Math.max(
      0,
      Math.min(given ?? (isRoot ? limits.defaultLimit : guards.assumedListSize), limits.maxLimit),
    );
    // Each link filter reads up to the assumed number of links of every entity it is asked of.
    const filter = whereCost(args['where'], guards.assumedListSize);
    if (!isList(field.type)) {
      // A connection or subgraph: its limit sizes the lists inside it (edges, nodes), which were
      // counted at the assumed size, so scale its selection to the limit.
      const scaled = limited ? Math.ceil((childComplexity * items) / guards.assumedListSize) : childComplexity;
      return 1 + scaled + (limited ? items : guards.assumedListSize) * filter;
    }
    // A list of scalars costs what one field does.
    return childComplexity === 0 && filter === 0 ? 1 : 1 + items * (childComplexity + filter);
  };
}

/**
 * What a `where` costs per entity it is asked of: nothing for property conditions, `linkSize` for a
 * link count, and `linkSize` times (1 + the inner cost) for a link quantifier (some, all, none, single).
 */
export function whereCost(where: unknown, linkSize: number): number {
  if (where === null || typeof where !== 'object') return 0;
  if (Array.isArray(where)) return where.reduce((sum: number, item) => sum + whereCost(item, linkSize), 0);
  let cost = 0;
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (value === null || typeof value !== 'object') continue;
    if (key === 'AND' || key === 'OR' || key === 'NOT' || key === 'node') cost += whereCost(value, linkSize);
    else if (key.endsWith('Count') && !('some' in value)) cost += linkSize;
    else {
      for (const quantifier of ['some', 'all', 'none', 'single'])
        if (quantifier in value)
          cost += linkSize * (1 + whereCost((value as Record<string, unknown>)[quantifier], linkSize));
    }
  }
  return cost;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

// Most estimates a document gets kept per document, one per operation name and variables.
const ESTIMATES_PER_DOCUMENT = 64;
const MAX_KEPT_KEY = 1024;

/** Refuses, before execution, an operation whose estimated cost exceeds `maxComplexity`. */
export function complexityGuard(guards: RequestGuards, limits: ApiLimits): ApolloServerPlugin {
  const estimators = [listSizeEstimator(guards, limits)];
  // An estimate depends only on the document, the operation and the variables, and Apollo keeps one
  // parsed document per query text, so a repeated request is estimated once (a tenth of a cached hit).
  const estimates = new WeakMap<DocumentNode, Map<string, number | null>>();
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, request, operationName }) => {
          let known = estimates.get(document);
          if (!known) estimates.set(document, (known = new Map<string, number | null>()));
          const key = JSON.stringify([operationName ?? null, request.variables ?? {}]);
          let complexity = known.get(key);
          if (complexity === undefined) {
            try {
              complexity = getComplexity({
                schema,
                query: document,
                variables: request.variables ?? {},
                operationName: operationName ?? undefined,
                estimators,
              });
            } catch {
              // Variables that do not fit their types: execution refuses them (BAD_USER_INPUT) before any
              // resolver runs.
              complexity = null;
            }
            // Long variables are estimated each time rather than kept: memory stays small whatever is sent.
            if (key.length <= MAX_KEPT_KEY) {
              if (known.size >= ESTIMATES_PER_DOCUMENT) known.clear();
              known.set(key, complexity);
            }
          }
          if (complexity === null) return Promise.resolve();
          if (complexity > guards.maxComplexity) {
            throw new QueryTooComplexError(
              `Query is too complex: its estimated cost is ${complexity}, the limit is ${guards.maxComplexity} ` +
                `(API_MAX_COMPLEXITY). Ask for fewer items (limit, first) or fewer nested lists.`,
              { extensions: { complexity, limit: guards.maxComplexity }, endsRequest: true },
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
