/**
 * Compiled statements kept per document: a root field's statement depends only on the parsed
 * document (Apollo keeps one per query text), the field, the variables and the server's limits, so a
 * repeated request reuses it instead of compiling again. A compile that throws is not kept.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { ApiLimits } from '../config/ApiLimits';
import { CompileScope } from '../compiler/CompileScope';
import type { Context } from './context';

// Variable sets kept per field: a document asked with ever new variables keeps only the latest ones.
const MAX_VARIABLE_SETS = 64;
// Larger variable sets are compiled every time, so that what is kept stays small whatever clients send.
const MAX_KEPT_VARIABLES_LENGTH = 2048;

const kept = new WeakMap<ApiLimits, WeakMap<FieldNode, Map<string, unknown>>>();

/** What `compile` builds for this root field, from a fresh scope the first time and kept after. */
export function compiledOnce<Q>(context: Context, info: GraphQLResolveInfo, compile: (scope: CompileScope) => Q): Q {
  let byField = kept.get(context.limits);
  if (!byField) kept.set(context.limits, (byField = new WeakMap<FieldNode, Map<string, unknown>>()));
  const field = info.fieldNodes[0]!;
  let byVariables = byField.get(field);
  if (!byVariables) byField.set(field, (byVariables = new Map<string, unknown>()));
  const key = JSON.stringify(info.variableValues);
  if (byVariables.has(key)) return byVariables.get(key) as Q;
  const compiled = compile(new CompileScope(info, context.limits));
  if (key.length > MAX_KEPT_VARIABLES_LENGTH) return compiled;
  if (byVariables.size >= MAX_VARIABLE_SETS) byVariables.delete(byVariables.keys().next().value!);
  byVariables.set(key, compiled);
  return compiled;
}
