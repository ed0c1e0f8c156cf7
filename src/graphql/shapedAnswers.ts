/**
 * Answers a query without graphql-js walking it when the compiled rows already are the answer.
 *
 * Every root field compiles its whole selection into one Cypher statement, so what it returns is
 * already shaped like the response. graphql-js would still visit every field of every row: build an
 * info object, call the field resolver, check promises. This plugin runs the root resolvers itself,
 * with the arguments and info graphql-js would give them, and completes their values with graphql-js's
 * own rules for the cases that need no resolver: non-null checks, lists, leaf serialisation,
 * `__typename`, abstract types through their `resolveType`, `@include`/`@skip` through graphql-js's
 * field collection. Whenever it meets anything else (an error, a null where the schema forbids one, a
 * field with its own resolver, a promise below the root) it steps aside and graphql-js executes the
 * operation as before, reusing the root values already fetched, so errors, nulls and paths are
 * graphql-js's own and no statement runs twice.
 */
import {
  getArgumentValues,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  OperationTypeNode,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
} from 'graphql';
// Not in graphql's index, but exported by its execution module (stable through graphql 16): the same
// execution context, info objects and field collection its executor builds.
import { buildExecutionContext, buildResolveInfo, type ExecutionContext } from 'graphql/execution/execute';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { addPath } from 'graphql/jsutils/Path';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse, type GraphQLRequestContext } from '@apollo/server';
import type { Context } from './context';
import { readResponseKey } from './resolvers';

// What completion returns when graphql-js must answer instead.
const DECLINE = Symbol('decline');

// The root values of the requests this plugin stepped aside from, by request and root field.
const startedRoots = new WeakMap<Context, Map<FieldNode, Promise<unknown>>>();

/**
 * The Query resolvers, each first returning the value this plugin already fetched for its field in
 * this request (when it stepped aside), so graphql-js's execution does not run a statement again.
 */
export function reusingStartedRoots<R extends object>(query: R): R {
  return Object.fromEntries(
    Object.entries(query).map(([name, resolve]) => {
      if (typeof resolve !== 'function') throw new TypeError(`Query.${name}: a resolver must be a function`);
      const own = resolve as GraphQLFieldResolver<unknown, Context>;
      const reusing: GraphQLFieldResolver<unknown, Context> = (parent, args, context, info) =>
        startedRoots.get(context)?.get(info.fieldNodes[0]!) ?? own(parent, args, context, info);
      return [name, reusing];
    }),
  ) as R;
}

/** The plugin; list it after any plugin that may answer first (the response cache). */
export function shapedAnswersPlugin(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        responseForOperation: (requestContext) => answer(requestContext),
      }),
  };
}

async function answer(requestContext: GraphQLRequestContext<Context>): Promise<GraphQLResponse | null> {
  const { operation, document, schema, contextValue, request } = requestContext;
  if (!operation || !document || operation.operation !== OperationTypeNode.QUERY) return null;
  const exe = buildExecutionContext({
    schema,
    document,
    contextValue,
    variableValues: request.variables ?? null,
    operationName: request.operationName ?? null,
    fieldResolver: readResponseKey,
  });
  // Variables that do not coerce: graphql-js reports them.
  if (!('fragments' in exe)) return null;
  const rootType = schema.getQueryType()!;
  const roots = collectFields(schema, exe.fragments, exe.variableValues, rootType, operation.selectionSet);
  const fields = [...roots].map(([key, nodes]) => ({ key, nodes, def: rootType.getFields()[nodes[0]!.name.value] }));
  // Introspection (`__schema`, `__type`) is graphql-js's to answer.
  if (fields.some((f) => f.def === undefined && f.nodes[0]!.name.value !== '__typename')) return null;
  const started = new Map<FieldNode, Promise<unknown>>();
  const running = fields.map(({ key, nodes, def }) => {
    if (!def) return { key, nodes, def, info: undefined, value: Promise.resolve(rootType.name) };
    const path = addPath(undefined, key, rootType.name);
    const info = buildResolveInfo(exe, def, nodes, rootType, path);
    const resolve: GraphQLFieldResolver<unknown, Context> = def.resolve ?? readResponseKey;
    // Called at once, as graphql-js calls it; a throw becomes a rejection.
    const value = new Promise<unknown>((resolved) =>
      resolved(resolve(exe.rootValue, getArgumentValues(def, nodes[0]!, exe.variableValues), contextValue, info)),
    );
    // A failure is graphql-js's to report, when it reuses this value; meanwhile it is not unhandled.
    value.catch(() => undefined);
    started.set(nodes[0]!, value);
    return { key, nodes, def, info, value };
  });
  const settled = await Promise.allSettled(running.map((r) => r.value));
  const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let complete = settled.every((s) => s.status === 'fulfilled');
  for (let i = 0; complete && i < running.length; i++) {
    const { key, nodes, def, info } = running[i]!;
    const value = (settled[i] as PromiseFulfilledResult<unknown>).value;
    const completed = def && info ? new Completion(exe, info).value(def.type, nodes, value) : value;
    if (completed === DECLINE) complete = false;
    else data[key] = completed;
  }
  if (!complete) {
    startedRoots.set(contextValue, started);
    return null;
  }
  return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
}

/** graphql-js's completion of one root field's value, for values that need no resolver below the root. */
class Completion {
  // Field collection per object type and field nodes, as graphql-js memoises it per execution.
  private readonly subfields = new Map<
    GraphQLObjectType,
    Map<readonly FieldNode[], Map<string, readonly FieldNode[]>>
  >();

  constructor(
    private readonly exe: ExecutionContext,
    private readonly info: GraphQLResolveInfo,
  ) {}

  value(type: GraphQLOutputType, nodes: readonly FieldNode[], value: unknown): unknown {
    if (isNonNullType(type)) return value == null ? DECLINE : this.value(type.ofType, nodes, value);
    if (value == null) return null;
    // graphql-js would wait for a promise wherever it stands; here nothing below the root is awaited.
    if (typeof (value as { then?: unknown }).then === 'function') return DECLINE;
    if (isListType(type)) {
      if (!Array.isArray(value)) return DECLINE;
      const items: unknown[] = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = this.value(type.ofType, nodes, value[i]);
        if (item === DECLINE) return DECLINE;
        items[i] = item;
      }
      return items;
    }
    if (isLeafType(type)) {
      try {
        return type.serialize(value) ?? DECLINE;
      } catch {
        return DECLINE;
      }
    }
    let objectType: GraphQLObjectType;
    if (isAbstractType(type)) {
      let name: unknown;
      try {
        name = type.resolveType?.(value, this.exe.contextValue, this.info, type);
      } catch {
        return DECLINE;
      }
      const resolved = typeof name === 'string' ? this.exe.schema.getType(name) : undefined;
      if (!isObjectType(resolved) || !this.exe.schema.isSubType(type, resolved)) return DECLINE;
      objectType = resolved;
    } else {
      objectType = type;
    }
    if (objectType.isTypeOf || typeof value !== 'object') return DECLINE;
    return this.object(objectType, nodes, value as Record<string, unknown>);
  }

  private object(type: GraphQLObjectType, nodes: readonly FieldNode[], source: Record<string, unknown>): unknown {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const defs = type.getFields();
    for (const [key, fieldNodes] of this.collect(type, nodes)) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') {
        out[key] = type.name;
        continue;
      }
      const def = defs[name];
      // graphql-js leaves out a field the type does not have (validation refuses such documents).
      if (!def) continue;
      if (def.resolve) return DECLINE;
      // As readResponseKey reads it: by response key, else by field name; a method needs calling.
      const raw = key in source ? source[key] : source[name];
      if (typeof raw === 'function') return DECLINE;
      const completed = this.value(def.type, fieldNodes, raw);
      if (completed === DECLINE) return DECLINE;
      out[key] = completed;
    }
    return out;
  }

  private collect(type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, readonly FieldNode[]> {
    let byNodes = this.subfields.get(type);
    if (!byNodes) {
      byNodes = new Map<readonly FieldNode[], Map<string, readonly FieldNode[]>>();
      this.subfields.set(type, byNodes);
    }
    let fields = byNodes.get(nodes);
    if (!fields) {
      fields = collectSubfields(this.exe.schema, this.exe.fragments, this.exe.variableValues, type, nodes);
      byNodes.set(nodes, fields);
    }
    return fields;
  }
}
