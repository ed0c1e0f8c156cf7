/**
 * Answers the compiler already shaped skip graphql-js's walk (src/graphql/shapedAnswers.ts). Every
 * answer must be byte-for-byte the one graphql-js gives, errors and nulls included, with no statement
 * run twice: two servers on one database, one answering the new way and one the old, are asked the
 * same documents, generated from the schema over every bundled dataset.
 */
import pino from 'pino';
import * as graphqlExecution from 'graphql/execution/execute';
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { startHttpServer, type RunningHttpServer } from '../../src/http/startHttpServer';
import { loadSchema } from '../../src/graphql/loadSchema';
import { SCHEMA_DIR } from '../../src/paths';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';
import { servedSourceTexts } from '../../src/provenance/servedSourceTexts';
import { startBundleServer } from '../support/planServer';
import { sourceTextsDir } from '../support/sourceDocument';
import type { TestServer } from '../support/testServer';

let shaped: TestServer;
let executed: RunningHttpServer;
const { schema } = loadSchema(SCHEMA_DIR);

beforeAll(async () => {
  shaped = await startBundleServer();
  executed = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    db: shaped.db,
    logger: pino({ level: 'silent' }),
    limits: { ...DEFAULT_API_LIMITS },
    sourceTexts: await servedSourceTexts(shaped.db, sourceTextsDir()),
    shapedAnswers: false,
  });
}, 180_000);

afterAll(async () => {
  await executed?.close();
  await shaped?.close();
});

/** The response text of `server`, and how many statements it sent for it. */
async function ask(url: string, query: string, variables?: Record<string, unknown>) {
  const before = shaped.queries.length;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text(), statements: shaped.queries.length - before };
}

const takesNoArguments = (field: GraphQLField<unknown, unknown>): boolean =>
  field.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);

/** Every field of `type` that needs no argument, object fields `depth` levels down. */
function selection(type: GraphQLNamedType, depth: number, s: GraphQLSchema, text = true): string {
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = s.getPossibleTypes(type).slice(0, 3);
    const own = isInterfaceType(type) ? fieldsOf(Object.values(type.getFields()), depth, s, text) : '';
    // Fields of the same name may differ in nullability between possible types: only id and name.
    return `__typename ${own} ${possible.map((t) => `... on ${t.name} { id name }`).join(' ')}`;
  }
  if (!isObjectType(type)) return '';
  return fieldsOf(
    Object.values(type.getFields()).filter((f) => text || type.name !== 'Citation' || f.name !== 'text'),
    depth,
    s,
    text,
  );
}

function fieldsOf(
  fields: Array<GraphQLField<unknown, unknown>>,
  depth: number,
  s: GraphQLSchema,
  text: boolean,
): string {
  return fields
    .filter(takesNoArguments)
    .map((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return f.name;
      if (depth === 0) return '';
      const inner = selection(named, depth - 1, s, text).trim();
      return inner ? `${f.name} { ${inner} }` : '';
    })
    .filter(Boolean)
    .join(' ');
}

/** Documents over every root field that needs no argument, and the argument-taking reads with real ids. */
async function documents(): Promise<string[]> {
  const { data } = await shaped.graphql<{ goals: Array<{ id: string }>; tasks: Array<{ id: string }> }>(
    '{ goals(limit: 1) { id } tasks(limit: 1) { id } }',
  );
  const goal = data!.goals[0]!.id;
  const task = data!.tasks[0]!.id;
  const query = schema.getQueryType()!;
  // Each root field twice: with cited words (Citation.text has a resolver: graphql-js answers) and without.
  const generated = Object.values(query.getFields())
    .filter((f) => takesNoArguments(f) && f.name !== 'cypher')
    .flatMap((f) => [true, false].map((text) => ({ f, text })))
    .map(({ f, text }) => {
      const limit = f.args.some((a) => a.name === 'limit')
        ? '(limit: 7)'
        : f.args.some((a) => a.name === 'first')
          ? '(first: 3)'
          : '';
      // Two levels where the document stays under the parser's token cap, else one.
      const deep = selection(getNamedType(f.type), 2, schema, text).trim();
      const inner = deep.split(/\s+/).length < 1500 ? deep : selection(getNamedType(f.type), 1, schema, text).trim();
      return `{ ${f.name}${limit} ${inner ? `{ ${inner} }` : ''} }`;
    });
  const sub = (type: string, depth: number): string => selection(schema.getType(type)!, depth, schema);
  return [
    ...generated,
    `{ node(id: "${goal}") { ${sub('Entity', 1)} } }`,
    '{ node(id: "no such id") { id } }',
    `{ search(text: "industry", limit: 8) { ${sub('SearchHit', 2)} } }`,
    `{ neighborhood(id: "zgc14:plan", depth: 2, limit: 40) { ${sub('Subgraph', 2)} } }`,
    `{ shortestPath(from: "${goal}", to: "${task}") { ${sub('Path', 2)} } }`,
    `{ goalImpact(id: "${goal}") { ${sub('GoalImpact', 1)} } }`,
    `{ commitments(plan: "zgc14:plan") { ${sub('Commitment', 1)} } }`,
    `{ followThrough(id: "${goal}") { ${sub('FollowThrough', 1)} } }`,
    `{ scorecard(plan: "zgc14:plan") { ${sub('Scorecard', 1)} } }`,
    // Aliases, fragments, directives, __typename at every level, two root fields at once.
    `query Q($with: Boolean!) { __typename a: goals(limit: 3) { __typename key: id ...G n: name @include(if: $with) }
       b: plans { id goals @skip(if: $with) { id } } } fragment G on Goal { targetYear tasks { id } }`,
    // Errors: an unknown id, a bad argument, an error beside an answer.
    '{ goalImpact(id: "no such goal") { tasks { id } } }',
    '{ goals(limit: -1) { id } }',
    `{ plans { id } followThrough(id: "nothing") { ${sub('FollowThrough', 1)} } }`,
    // Group-by counts, in a variable too.
    `query C($by: GoalCountField!) { goalsCountBy(by: $by) { key count } industriesCountBy(by: TIER) { key count } }`,
    // Introspection stays graphql-js's.
    '{ __schema { queryType { name } } __type(name: "Goal") { name } }',
  ];
}

/** Where two texts part, with some text around it on each side; '' when they are the same. */
function firstDifference(a: string, b: string): string {
  if (a === b) return '';
  let i = 0;
  while (a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))} against ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

describe('answers the compiler shaped', () => {
  it('are byte-for-byte graphql-js answers, errors and nulls included, with as many statements', async () => {
    const docs = await documents();
    let answered = 0;
    let shapedOnly = 0;
    const execute = jest.spyOn(graphqlExecution, 'execute');
    for (const doc of docs) {
      const variables = doc.includes('$with')
        ? { with: true }
        : doc.includes('$by')
          ? { by: 'TARGET_YEAR' }
          : undefined;
      const calls = execute.mock.calls.length;
      const mine = await ask(shaped.server.url, doc, variables);
      if (execute.mock.calls.length === calls) shapedOnly++;
      // Handed over at most once: graphql-js answers a document whole or not at all.
      expect({ doc, executions: execute.mock.calls.length - calls }).toEqual({
        doc,
        executions: Math.min(1, execute.mock.calls.length - calls),
      });
      const theirs = await ask(executed.url, doc, variables);
      expect({ doc, status: mine.status, from: firstDifference(mine.text, theirs.text) }).toEqual({
        doc,
        status: theirs.status,
        from: '',
      });
      expect({ doc, statements: mine.statements }).toEqual({ doc, statements: theirs.statements });
      if (!mine.text.includes('"errors"')) answered++;
    }
    // The generated documents mostly answer, so the comparison is over answers and not only errors.
    expect(answered).toBeGreaterThan(docs.length * 0.75);
    // And a good part of them without graphql-js's walk.
    expect(shapedOnly).toBeGreaterThan(docs.length * 0.4);
    execute.mockRestore();
  }, 300_000);

  it('skip graphql-js where the rows are the answer and hand over to it where they are not', async () => {
    const spy = jest.spyOn(graphqlExecution, 'execute');
    try {
      await ask(shaped.server.url, '{ plans { id name goals { id targetYear } } }');
      expect(spy).not.toHaveBeenCalled();
      // Citation.text has its own resolver: graphql-js answers, over the rows already read.
      const cited = await ask(shaped.server.url, '{ plans { id citations { text } } }');
      expect(spy).toHaveBeenCalledTimes(1);
      expect(cited.statements).toBe(1);
      // A null where the schema forbids one is graphql-js's to report.
      await ask(shaped.server.url, '{ goalImpact(id: "no such goal") { tasks { id } } }');
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});
