/** Statements are compiled once per document field, variables and limits, and large variable sets are not kept. */
import { parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { compiledOnce } from '../../src/graphql/compiledOnce';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';
import type { Context } from '../../src/graphql/context';

const field = (parse('{ goals { id } }').definitions[0] as OperationDefinitionNode).selectionSet
  .selections[0] as FieldNode;
const infoWith = (variableValues: Record<string, unknown>): GraphQLResolveInfo =>
  ({ fieldNodes: [field], variableValues }) as unknown as GraphQLResolveInfo;

describe('compiledOnce', () => {
  it('compiles a field once for the same variables and limits, again for others', () => {
    const context = { limits: { ...DEFAULT_API_LIMITS } } as unknown as Context;
    let compiles = 0;
    const compile = () => ({ n: ++compiles });
    expect(compiledOnce(context, infoWith({ a: 1 }), compile)).toEqual({ n: 1 });
    expect(compiledOnce(context, infoWith({ a: 1 }), compile)).toEqual({ n: 1 });
    expect(compiledOnce(context, infoWith({ a: 2 }), compile)).toEqual({ n: 2 });
    const otherLimits = { limits: { ...DEFAULT_API_LIMITS } } as unknown as Context;
    expect(compiledOnce(otherLimits, infoWith({ a: 1 }), compile)).toEqual({ n: 3 });
  });

  it('does not keep what large variables compile to', () => {
    const context = { limits: { ...DEFAULT_API_LIMITS } } as unknown as Context;
    let compiles = 0;
    const large = infoWith({ text: 'x'.repeat(5000) });
    compiledOnce(context, large, () => ++compiles);
    compiledOnce(context, large, () => ++compiles);
    expect(compiles).toBe(2);
  });

  it('does not keep a compile that throws', () => {
    const context = { limits: { ...DEFAULT_API_LIMITS } } as unknown as Context;
    let compiles = 0;
    const failing = () => {
      compiles++;
      throw new Error('bad argument');
    };
    expect(() => compiledOnce(context, infoWith({}), failing)).toThrow('bad argument');
    expect(() => compiledOnce(context, infoWith({}), failing)).toThrow('bad argument');
    expect(compiles).toBe(2);
  });
});
