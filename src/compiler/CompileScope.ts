/**
 * State of one compilation: fresh Cypher variable names and the parameter map. Every value that comes
 * from a request goes through `param`, so no request text is ever spliced into Cypher.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { ApiLimits } from '../config/ApiLimits';

/** Names and parameters of one compiled query that needs no GraphQL selection. */
export class ParamScope {
  readonly params: Record<string, unknown> = {};
  private counter = 0;

  constructor(readonly limits: ApiLimits) {}

  /** Registers a value and returns its `$name` to use in Cypher. */
  param(value: unknown): string {
    const name = `p${this.counter++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  /** A fresh Cypher variable name with a readable prefix. */
  variable(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }
}

/** Names and parameters of one compiled query, with the GraphQL selection it answers. */
export class CompileScope extends ParamScope {
  constructor(
    readonly info: GraphQLResolveInfo,
    limits: ApiLimits,
  ) {
    super(limits);
  }
}
