/**
 * Hostile input: each request below is malformed, oversized, abusive or crafted to inject. Every one
 * must get a 4xx or a GraphQL error carrying a code (or, where the input is legal text, a correct
 * answer), never a 500 or a stack trace, and the server must answer normally afterwards with the
 * graph unchanged.
 */
import type { TestServer } from '../support/testServer';
import { startPlanServer } from '../support/planServer';
import { graphSnapshot } from '../support/graphSnapshot';
import { DEFAULT_GUARDS } from '../../src/config/readConfig';
import { testJvmPid, waitUntilIdle } from '../support/jvmCpu';
import { DEADLINE_GRACE_MS } from '../../src/database/Database';

interface HostileRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** What a case must get: a status and/or an error code, or a normal answer without errors. */
type Expected = { status?: number; code?: string } | 'answer';

interface Case {
  name: string;
  request: HostileRequest;
  expected: Expected;
}

const json = (value: unknown): HostileRequest => ({ body: JSON.stringify(value) });
const query = (text: string, variables?: Record<string, unknown>): HostileRequest =>
  json(variables === undefined ? { query: text } : { query: text, variables });

const nest = (depth: number): string => {
  const levels = ['goals', 'tasks'];
  let inner = 'id';
  for (let i = depth - 2; i >= 0; i--) inner = `${levels[i % 2]!} { ${inner} }`;
  return `{ plans { ${inner} } }`;
};
const aliases = (n: number): string =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: plans(limit: 1) { id }`).join(' ')} }`;

const CASES: Case[] = [
  // Transport: bodies, methods, content types.
  { name: 'body that is not JSON', request: { body: '{"query": ' }, expected: { status: 400, code: 'BAD_REQUEST' } },
  {
    name: 'batched operations in a JSON array',
    request: { body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) },
    expected: { status: 400 },
  },
  { name: 'JSON string as the body', request: { body: '"{ __typename }"' }, expected: { status: 400 } },
  { name: 'JSON number as the body', request: { body: '42' }, expected: { status: 400 } },
  { name: 'JSON null as the body', request: { body: 'null' }, expected: { status: 400 } },
  { name: 'empty body', request: { body: '' }, expected: { status: 400 } },
  { name: 'empty JSON object', request: json({}), expected: { status: 400 } },
  {
    name: 'no content type',
    request: { headers: { 'content-type': '' }, body: '{"query":"{ __typename }"}' },
    expected: { status: 400 },
  },
  {
    name: 'text/plain body (a CSRF vector)',
    request: { headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' },
    expected: { status: 400 },
  },
  {
    name: 'form-encoded body',
    request: { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' },
    expected: { status: 400 },
  },
  {
    name: 'multipart body',
    request: {
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--',
    },
    expected: { status: 400 },
  },
  {
    name: 'application/graphql body',
    request: { headers: { 'content-type': 'application/graphql' }, body: '{ __typename }' },
    expected: { status: 400 },
  },
  { name: 'PUT', request: { method: 'PUT', body: '{"query":"{ __typename }"}' }, expected: { status: 405 } },
  { name: 'DELETE', request: { method: 'DELETE' }, expected: { status: 405 } },
  { name: 'PATCH', request: { method: 'PATCH', body: '{"query":"{ __typename }"}' }, expected: { status: 405 } },
  {
    name: 'GET without a query',
    request: {
      method: 'GET',
      path: '/graphql?foo=1',
      headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
    },
    expected: { status: 400 },
  },
  {
    name: 'mutation over GET',
    request: {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { x }')}`,
      headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
    },
    expected: { status: 400 },
  },
  {
    name: 'GET with variables that are not JSON',
    request: {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ __typename }')}&variables=%7Bnope`,
      headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
    },
    expected: { status: 400 },
  },
  {
    name: 'body over the size limit',
    request: query(`{ __typename } # ${'x'.repeat(DEFAULT_GUARDS.maxBodyBytes)}`),
    expected: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  },
  {
    name: 'unsupported content encoding',
    request: {
      headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
      body: '{"query":"{ __typename }"}',
    },
    expected: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  },
  {
    name: 'JSON in a charset other than utf-8',
    request: { headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"query":"{ __typename }"}' },
    expected: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  },
  {
    name: 'gzip header on a body that is not gzip',
    request: {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: '{"query":"{ __typename }"}',
    },
    expected: { status: 400 },
  },
  {
    name: 'bytes that are not UTF-8',
    request: { body: Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    expected: { status: 400 },
  },
  { name: 'query that is a number', request: json({ query: 123 }), expected: { status: 400 } },
  {
    name: 'query that is an object',
    request: json({ query: { '{ plans { id } }': true } }),
    expected: { status: 400 },
  },
  {
    name: 'variables that are a string',
    request: json({ query: '{ __typename }', variables: 'x' }),
    expected: { status: 400 },
  },
  {
    name: 'operationName that is a number',
    request: json({ query: '{ __typename }', operationName: 7 }),
    expected: { status: 400 },
  },
  {
    name: 'extensions that are a list',
    request: json({ query: '{ __typename }', extensions: [1] }),
    expected: { status: 400 },
  },
  {
    name: 'persisted query hash unknown to the server',
    request: json({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    expected: { code: 'PERSISTED_QUERY_NOT_FOUND' },
  },
  {
    name: 'persisted query hash that does not match its text',
    request: json({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } },
    }),
    expected: { status: 400 },
  },
  { name: 'unknown path', request: { method: 'GET', path: '/nope' }, expected: { status: 404, code: 'NOT_FOUND' } },
  {
    name: 'path traversal with encoded dots',
    request: { method: 'GET', path: '/vendor/%2e%2e/%2e%2e/package.json' },
    expected: { status: 404 },
  },
  {
    name: 'header block over 16 KB',
    request: {
      headers: { 'content-type': 'application/json', 'x-padding': 'y'.repeat(20_000) },
      body: '{"query":"{ __typename }"}',
    },
    expected: { status: 431 },
  },
  // GraphQL documents.
  {
    name: 'query that does not parse',
    request: query('{ plans { id '),
    expected: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  },
  { name: 'empty query text', request: query(''), expected: { status: 400 } },
  {
    name: 'query of only a comment',
    request: query('# nothing here'),
    expected: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  },
  {
    name: 'unknown field',
    request: query('{ plans { password } }'),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'circular fragments',
    request: query(
      '{ plans { ...A } } fragment A on Plan { goals { ...B } } fragment B on Goal { tasks { goals { ...B } } }',
    ),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'fragment spreading itself',
    request: query('{ plans { ...A } } fragment A on Plan { id ...A }'),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'nesting deeper than the depth limit',
    request: query(nest(DEFAULT_GUARDS.maxQueryDepth + 2)),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'nesting hidden in nested fragments',
    request: query(
      `{ plans { ...P } } fragment P on Plan { goals { ...G } } fragment G on Goal { tasks { ` +
        `goals { tasks { goals { tasks { goals { tasks { goals { tasks { id } } } } } } } } } }`,
    ),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'alias bomb',
    request: query(aliases(DEFAULT_GUARDS.maxAliases + 1)),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'alias bomb spread through a fragment',
    request: query(
      `{ ...F ...F } fragment F on Query { ${Array.from(
        { length: DEFAULT_GUARDS.maxAliases / 2 + 1 },
        (_, i) => `x${i}: plans(limit: 1) { id }`,
      ).join(' ')} }`,
    ),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'token bomb of repeated fields',
    request: query(`{ ${'__typename '.repeat(DEFAULT_GUARDS.maxTokens + 10)}}`),
    expected: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  },
  {
    name: 'ten thousand opening braces',
    request: query('{'.repeat(10_000)),
    expected: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  },
  {
    name: 'directive bomb',
    request: query(`{ __typename ${'@include(if: true) '.repeat(500)}}`),
    expected: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  },
  {
    name: 'list-heavy query over the complexity limit',
    request: query('{ goals(limit: 500) { tasks { industries { tasks { goals { tasks { id } } } } } } }'),
    expected: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'complexity raised through a variable',
    request: query('query Q($n: Int) { industries(limit: $n) { tasks { goals { tasks { industries { id } } } } } }', {
      n: 500,
    }),
    expected: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'two operations and no operationName',
    request: query('query A { __typename } query B { __typename }'),
    expected: { status: 400 },
  },
  {
    name: 'operationName naming no operation',
    request: json({ query: 'query A { __typename }', operationName: 'B' }),
    expected: { status: 400 },
  },
  {
    name: 'a mutation the schema does not have',
    request: query('mutation { deleteEverything }'),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'subscription against a schema without them',
    request: query('subscription { plans { id } }'),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'undeclared variable',
    request: query('{ goals(limit: $n) { id } }'),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'variable of the wrong type',
    request: query('query($n: Int) { goals(limit: $n) { id } }', { n: 'ten' }),
    expected: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'missing required variable',
    request: query('query($id: ID!) { node(id: $id) { id } }', {}),
    expected: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'integer literal beyond 32 bits',
    request: query('{ goals(limit: 99999999999999999999) { id } }'),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'huge integer through a variable',
    request: query('query($n: Int) { goals(limit: $n) { id } }', { n: 1e300 }),
    expected: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'float where an Int belongs',
    request: query('{ goals(limit: 1.5) { id } }'),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  { name: 'negative limit', request: query('{ goals(limit: -1) { id } }'), expected: { code: 'BAD_USER_INPUT' } },
  {
    name: 'limit over the cap',
    request: query('{ goals(limit: 100000) { id } }'),
    expected: { code: 'BAD_USER_INPUT' },
  },
  { name: 'negative offset', request: query('{ goals(offset: -5) { id } }'), expected: { code: 'BAD_USER_INPUT' } },
  {
    name: 'neighbourhood depth of 100',
    request: query('{ neighborhood(id: "zgc14:plan", depth: 100) { truncated } }'),
    expected: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'shortest path of 1000 hops',
    request: query('{ shortestPath(from: "zgc14:plan", to: "zgc14:goal-2035", maxHops: 1000) { length } }'),
    expected: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'relationship type that is Cypher',
    request: query('{ neighborhood(id: "zgc14:plan", relationTypes: ["SETS]-() DETACH DELETE n //"]) { truncated } }'),
    expected: { code: 'GRAPHQL_VALIDATION_FAILED', status: 400 },
  },
  {
    name: 'cursor that is not base64 of an offset',
    request: query('{ goalsConnection(first: 2, after: "%%%not-a-cursor") { totalCount } }'),
    expected: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'cursor encoding a negative offset',
    request: query(
      `{ goalsConnection(first: 2, after: "${Buffer.from('offset:-9').toString('base64')}") { totalCount } }`,
    ),
    expected: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'sort key that is not in the enum',
    request: query('{ goals(sort: [{field: DROP_DATABASE}]) { id } }'),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'where field that is not declared',
    request: query('{ goals(where: {password: "x"}) { id } }'),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'unknown neighbourhood focus',
    request: query('{ neighborhood(id: "nobody:here") { truncated } }'),
    expected: { code: 'NOT_FOUND' },
  },
  {
    name: 'ad-hoc Cypher while the feature is off',
    request: query('{ cypher(query: "MATCH (n) DETACH DELETE n") { rows } }'),
    expected: { code: 'FORBIDDEN' },
  },
  // Injection attempts and odd text: legal input, so a plain answer.
  {
    name: 'Cypher in an id',
    request: query(`{ node(id: "x'}) MATCH (n) DETACH DELETE n //") { id } }`),
    expected: 'answer',
  },
  {
    name: 'Cypher in an id filter',
    request: query('{ goals(where: {id: {in: ["\\") OR 1=1 //", "x` DETACH DELETE n"]}}) { id } }'),
    expected: 'answer',
  },
  {
    name: 'Cypher in a name filter',
    request: query(`{ goals(where: {name: {contains: "') MATCH (n) SET n.name = 'x' //"}}) { id } }`),
    expected: 'answer',
  },
  {
    name: 'Lucene syntax in search text',
    request: query('{ search(text: "name:* OR summary:*~ AND (forum^99 \\"") { score } }'),
    expected: 'answer',
  },
  {
    name: 'Lucene wildcard-only search text',
    request: query('{ search(text: "*?*") { score } }'),
    expected: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'Cypher procedure call in search text',
    request: query(`{ search(text: "') YIELD node CALL db.clearQueryCaches() //") { score } }`),
    expected: 'answer',
  },
  { name: 'Chinese search text', request: query('{ search(text: "中关村 北京") { score } }'), expected: 'answer' },
  {
    name: 'emoji and right-to-left marks in an id',
    request: query('{ node(id: "🚀\u202egoal") { id } }'),
    expected: 'answer',
  },
  {
    name: 'control characters in search text',
    request: json({
      query: 'query($t: String!) { search(text: $t) { score } }',
      variables: { t: '\u0000\u0007\u001b[31mforum\u0008' },
    }),
    expected: 'answer',
  },
  {
    name: 'lone surrogate in a variable',
    request: { body: '{"query":"query($id: ID!) { node(id: $id) { id } }","variables":{"id":"\\ud800"}}' },
    expected: 'answer',
  },
  {
    name: 'search text of 90,000 characters',
    request: json({
      query: 'query($t: String!) { search(text: $t) { score } }',
      variables: { t: 'forum '.repeat(15_000) },
    }),
    expected: { code: 'BAD_USER_INPUT' },
  },
  {
    name: '__proto__ in the variables',
    request: {
      body: '{"query":"query($id: ID!) { node(id: $id) { id } }","variables":{"id":"x","__proto__":{"polluted":true}}}',
    },
    expected: 'answer',
  },
  {
    name: 'a thousand ids in one filter',
    request: json({
      query: 'query($ids: [ID!]) { goals(where: {id: {in: $ids}}) { id } }',
      variables: { ids: Array.from({ length: 1000 }, (_, i) => `zgc14:goal-${i}`) },
    }),
    // An `in` list may be as long as the largest page (API_MAX_LIMIT, 500 here).
    expected: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'five hundred ids in one filter',
    request: json({
      query: 'query($ids: [ID!]) { goals(where: {id: {in: $ids}}) { id } }',
      variables: { ids: Array.from({ length: 500 }, (_, i) => `zgc14:goal-${i}`) },
    }),
    expected: 'answer',
  },
  // The query language: nesting, size, and hostile text in every string operator.
  {
    name: 'NOT nested fifty deep',
    request: json({
      query: 'query($w: GoalWhere) { goals(where: $w) { id } }',
      variables: { w: Array.from({ length: 50 }).reduce<object>((w) => ({ NOT: w }), { id: { eq: 'x' } }) },
    }),
    expected: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'link filters nested ten deep',
    request: json({
      query: 'query($w: TaskWhere) { tasks(where: $w) { id } }',
      variables: {
        w: Array.from({ length: 5 }).reduce<object>((w) => ({ goals: { some: { tasks: { some: w } } } }), {
          name: { eq: 'x' },
        }),
      },
    }),
    // Each link filter multiplies the cost estimate, which refuses this before the depth limit would.
    expected: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'two thousand conditions in one filter',
    request: json({
      query: 'query($w: GoalWhere) { goals(where: $w) { id } }',
      variables: { w: { OR: Array.from({ length: 2000 }, (_, i) => ({ name: { eq: `goal ${i}` } })) } },
    }),
    expected: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'a hundred empty conditions under AND',
    request: json({
      query: 'query($w: GoalWhere) { goals(where: $w) { id } }',
      variables: { w: { AND: Array.from({ length: 100 }, () => ({})) } },
    }),
    expected: { code: 'BAD_USER_INPUT' },
  },
  {
    name: 'an empty basis',
    request: query('{ neighborhood(id: "zgc14:plan", basis: []) { truncated } }'),
    expected: { code: 'BAD_USER_INPUT' },
  },
  ...(['eq', 'contains', 'startsWith', 'endsWith', 'in'] as const).flatMap((operator) =>
    [false, true].flatMap((caseInsensitive) =>
      [
        "') MATCH (n) DETACH DELETE n //",
        'name:* OR summary:*~ AND (x',
        '`}) RETURN 1 UNION MATCH (n) RETURN n //',
      ].map((text) => ({
        name: `${operator}${caseInsensitive ? ' ignoring case' : ''} with ${JSON.stringify(text)}`,
        request: json({
          query: 'query($w: TaskWhere) { tasks(where: $w) { id } }',
          variables: {
            w: {
              name: { [operator]: operator === 'in' ? [text] : text, caseInsensitive },
              industriesConnection: {
                some: { edge: { rationale: { [operator]: operator === 'in' ? [text] : text } } },
              },
            },
          },
        }),
        expected: 'answer' as const,
      })),
    ),
  ),
  // Exports.
  {
    name: 'export basis that is not a basis',
    request: { method: 'GET', path: '/export.graphml?basis=STATED%27%29%20MATCH%20(n)%20DELETE%20n' },
    expected: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'export basis given twice',
    request: { method: 'GET', path: '/export.graphml?basis=STATED&basis=INFERRED' },
    expected: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'export depth that is not a number',
    request: { method: 'GET', path: '/export.graphml?focus=zgc14:plan&depth=abc' },
    expected: { status: 400 },
  },
  {
    name: 'export focus that does not exist',
    request: { method: 'GET', path: '/export.gexf?focus=nobody' },
    expected: { status: 404 },
  },
  { name: 'export in an unknown format', request: { method: 'GET', path: '/export.exe' }, expected: { status: 404 } },
];

const jvm = testJvmPid();

// Signs of a leaked stack trace or source location.
const LEAK = /\n\s+at |node_modules|\.ts:\d+|\.js:\d+|Neo4jError|neo4j-driver/;

describe('Hostile input', () => {
  let t: TestServer;
  let before: Awaited<ReturnType<typeof graphSnapshot>>;

  beforeAll(async () => {
    t = await startPlanServer();
    before = await graphSnapshot(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(CASES)('$name: a clear refusal or a plain answer, never a 500', async ({ request, expected }) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...request.headers };
    if (headers['content-type'] === '') delete headers['content-type'];
    const response = await fetch(`${t.server.url}${request.path ?? '/graphql'}`, {
      method: request.method ?? 'POST',
      headers,
      ...(request.body !== undefined && request.method !== 'GET' ? { body: request.body } : {}),
    });
    const text = await response.text();
    expect(response.status).toBeLessThan(500);
    expect(text).not.toMatch(LEAK);
    let body: { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> } | undefined;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = undefined;
    }
    for (const error of body?.errors ?? []) expect(typeof error.extensions?.code).toBe('string');
    // Answered is not enough: nothing the request started may keep a core of Neo4j busy afterwards.
    if (jvm !== undefined) await waitUntilIdle(jvm, { withinMs: DEADLINE_GRACE_MS + 1000, windowMs: 250 });
    if (expected === 'answer') {
      expect(response.status).toBe(200);
      expect(body?.errors).toBeUndefined();
      expect(body?.data).toBeDefined();
      return;
    }
    if (expected.status !== undefined) expect(response.status).toBe(expected.status);
    if (expected.status === undefined || expected.status < 400) expect(body?.errors?.length).toBeGreaterThan(0);
    if (expected.code !== undefined) expect(body?.errors?.map((e) => e.extensions?.code)).toContain(expected.code);
  });

  it('still answers correctly afterwards, with the graph unchanged', async () => {
    const result = await t.graphql<{ plans: Array<{ id: string }> }>('{ plans { id } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.plans.map((p) => p.id)).toContain('zgc14:plan');
    expect(await graphSnapshot(t.db)).toEqual(before);
    const ready = await fetch(`${t.server.url}/ready`);
    expect(ready.status).toBe(200);
  });
});
