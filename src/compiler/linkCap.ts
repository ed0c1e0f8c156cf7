/** The Cypher of a cap on a subgraph's links, shared by `graph` and `neighborhood`. */
import type { ParamScope } from './CompileScope';
import { checkLimit } from './checkArguments';

/** The pieces of a link cap: how many links to read, and the `edges` and `truncated` columns. */
export interface LinkCap {
  /** One more than the cap, so a read that reaches it tells the cap cut some. */
  read: string;
  edges: string;
  truncated: string;
}

/**
 * The cap for the `linkLimit` argument, or null when none was given. The columns assume the links read
 * were collected as `edges` and the node cut as `truncated`.
 */
export function linkCap(scope: ParamScope, linkLimit: number | null | undefined): LinkCap | null {
  if (linkLimit === null || linkLimit === undefined) return null;
  const cap = checkLimit(scope.limits, 'linkLimit', linkLimit);
  const param = scope.param(cap);
  return {
    read: scope.param(cap + 1),
    edges: `edges[..${param}]`,
    truncated: `truncated OR size(edges) > ${param}`,
  };
}
