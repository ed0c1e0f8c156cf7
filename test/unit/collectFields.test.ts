/**
 * Field collection, the first step of compiling a selection: which response keys a selection asks of
 * one object type, through aliases, fragments and @skip/@include, as GraphQL execution would collect them.
 */
import { buildASTSchema, execute, getNamedType, isObjectType, parse, type GraphQLResolveInfo } from 'graphql';
import { collectFields } from '../../src/compiler/collectFields';
import { loadTypeDefs } from '../../src/graphql/loadTypeDefs';
import { SCHEMA_DIR } from '../../src/paths';

const schema = buildASTSchema(loadTypeDefs(SCHEMA_DIR));

/** The response keys `query`'s root field selects on its object type, with how many nodes each merges. */
function keys(query: string, variableValues?: Record<string, unknown>): Record<string, number> {
  let info: GraphQLResolveInfo | undefined;
  void execute({
    schema,
    document: parse(query),
    variableValues,
    fieldResolver: (_source, _args, _context, resolveInfo) => {
      if (resolveInfo.parentType.name === 'Query') info = resolveInfo;
      return null;
    },
  });
  if (!info) throw new Error(`no root field resolved in ${query}`);
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) throw new Error('the root field must return objects');
  const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  return Object.fromEntries([...collectFields(info, type, sets)].map(([key, nodes]) => [key, nodes.length]));
}

describe('collectFields', () => {
  it('keys fields by alias, and merges a field selected twice under one key', () => {
    expect(keys('{ goals { first: id second: id name name } }')).toEqual({ first: 1, second: 1, name: 2 });
  });

  it('follows nested named fragments, each once however often it is spread', () => {
    const query =
      '{ goals { ...A ...A } } fragment A on Goal { id ...B } fragment B on Goal { name ...C } ' +
      'fragment C on Goal { targetYear }';
    expect(keys(query)).toEqual({ id: 1, name: 1, targetYear: 1 });
  });

  it('applies fragments on an interface the type implements, and skips those on another type', () => {
    const query =
      '{ goals { ... on Entity { summary } ... on Task { ordinal } ...E ...T } } ' +
      'fragment E on Entity { sources } fragment T on Task { name }';
    expect(keys(query)).toEqual({ summary: 1, sources: 1 });
  });

  it('honours @skip and @include, with literals and with variables', () => {
    const query =
      'query($skip: Boolean!, $include: Boolean!) { goals { ' +
      'a: id @skip(if: $skip) b: id @include(if: $include) c: id @skip(if: false) @include(if: true) ' +
      '... on Goal @include(if: $include) { name } } }';
    expect(keys(query, { skip: true, include: false })).toEqual({ c: 1 });
    expect(keys(query, { skip: false, include: true })).toEqual({ a: 1, b: 1, c: 1, name: 1 });
  });
});
