/**
 * Ad-hoc Cypher cannot hold the database hostage: every expensive shape is refused before it runs or
 * answered QUERY_TIMEOUT by its limit plus the grace, Neo4j's JVM is idle again soon after, and the
 * next ordinary query answers. Concurrency beyond the cap is refused at once with 429.
 */
import type { GraphQLResponse } from '../support/testServer';
import { startPlanServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';
import { testJvmPid, waitUntilIdle } from '../support/jvmCpu';

const KEY = 'runaway-key-0123456789abcdef';
const LIMIT_MS = 2000;
const QUERY = 'query($q: String!) { cypher(query: $q) { columns rows } }';
const jvm = testJvmPid();
let t: TestServer;

beforeAll(async () => {
  t = await startPlanServer(undefined, {
    apiKey: KEY,
    timeoutMs: LIMIT_MS,
    maxRows: 10,
    maxConcurrent: 2,
    maxConcurrentPerKey: 2,
  });
});
afterAll(async () => {
  await t.close();
});

const cypher = (q: string): Promise<GraphQLResponse<{ cypher: { rows: unknown[][] } }>> =>
  t.graphql(QUERY, { q }, { 'x-api-key': KEY });

// A list of 100,000 numbers, collected under the memory limit: the raw material of loops Neo4j cannot stop.
const BIG_LIST = 'UNWIND range(1, 100000) AS x WITH collect(x) AS l';

const SHAPES: Array<[name: string, query: string, answers: string[]]> = [
  ['string growth in reduce', "RETURN reduce(s = '', x IN range(1, 50000000) | s + 'xxxxxxxxxx') AS s", ['FORBIDDEN']],
  [
    'a filtered comprehension over a huge range',
    'RETURN size([x IN range(1, 300000000) WHERE x % 7 = 0 | x])',
    ['FORBIDDEN'],
  ],
  [
    'nested reduce',
    'RETURN reduce(a = 0, x IN range(1, 100000) | a + reduce(b = 0, y IN range(1, 100000) | b + y))',
    ['FORBIDDEN'],
  ],
  ['list growth in reduce', 'RETURN size(reduce(l = [], x IN range(1, 10000000) | l + x))', ['FORBIDDEN']],
  ['a range product', 'RETURN [x IN range(1, 3000) | [y IN range(1, 3000) | x * y]] AS r', ['FORBIDDEN']],
  ['exponential growth through list doubling', 'RETURN reduce(l = [1], x IN range(1, 25) | l + l) AS l', ['FORBIDDEN']],
  ['a list predicate over a huge range', 'RETURN any(x IN range(1, 1000000000) WHERE x = -1)', ['FORBIDDEN']],
  [
    'a range bound to a variable, then iterated',
    'WITH range(1, 300000000) AS l RETURN [x IN l WHERE x = -1]',
    ['FORBIDDEN'],
  ],
  [
    'nested comprehensions over a collected list',
    `${BIG_LIST} RETURN size([a IN l | size([b IN l WHERE b = a])])`,
    ['FORBIDDEN'],
  ],
  // No rule sees the quadratic cost of IN over a list that changes per element (so Neo4j cannot index it):
  // Neo4j's timeout cannot stop it, the watchdog does.
  [
    'membership tests over a collected list',
    `${BIG_LIST} RETURN size([a IN l WHERE a IN l + [a] AND a < 0])`,
    ['QUERY_TIMEOUT'],
  ],
  [
    'a pattern comprehension over the hub, row after row',
    'MATCH (p:Plan) UNWIND range(1, 100000000) AS i RETURN count([(p)--(m) | m.name])',
    ['QUERY_TIMEOUT'],
  ],
  ['counting a billion rows', 'UNWIND range(1, 1000000000) AS x RETURN count(x)', ['QUERY_TIMEOUT']],
  [
    'a cartesian product',
    'MATCH (a), (b), (c), (d), (e), (f) WHERE a.name < b.name RETURN count(*)',
    ['QUERY_TIMEOUT'],
  ],
  [
    'collecting a huge list',
    'UNWIND range(1, 100000000) AS x RETURN size(collect(x))',
    ['QUERY_TOO_COMPLEX', 'QUERY_TIMEOUT'],
  ],
];

describe('Ad-hoc Cypher: expensive expressions', () => {
  it.each(SHAPES)(
    '%s: refused or stopped within the limit plus 2 s, then idle and answering',
    async (_name, q, answers) => {
      const started = Date.now();
      const result = await cypher(q);
      const elapsed = Date.now() - started;
      expect({ code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message }).toEqual({
        code: expect.stringMatching(new RegExp(`^(${answers.join('|')})$`)) as unknown,
        message: expect.any(String) as unknown,
      });
      expect(elapsed).toBeLessThan(LIMIT_MS + 2000);
      if (jvm !== undefined) await waitUntilIdle(jvm, { withinMs: 3000 });
      const ordinary = await cypher('MATCH (t:Task) RETURN count(t) AS tasks');
      expect(ordinary.data?.cypher.rows).toEqual([[7]]);
    },
  );

  it('says why a refused expression is refused and what to write instead', async () => {
    const result = await cypher("RETURN reduce(s = '', x IN range(1, 50000000) | s + 'x') AS s");
    expect(result.errors?.[0]?.message).toMatch(/reduce\(\).*cannot stop.*UNWIND list AS x RETURN sum\(x\)/);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'stoppable' });
  });

  it('still runs ordinary list expressions', async () => {
    const result = await cypher(
      'MATCH p = (:Plan)-[:DEPLOYS]->(t:Task) WHERE t.ordinal = 1 ' +
        'RETURN [n IN nodes(p) | n.id] AS ids, any(x IN [1, 2] WHERE x = 2) AS any',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.cypher.rows).toEqual([[['zgc14:plan', 'zgc14:task-self-reliance'], true]]);
  });
});

describe('Ad-hoc Cypher: concurrency', () => {
  it('refuses a third concurrent request at once with 429 while two run', async () => {
    const slow = 'UNWIND range(1, 1000000000) AS x RETURN count(x)';
    const settled: string[] = [];
    const track = async (name: string): Promise<GraphQLResponse<{ cypher: { rows: unknown[][] } }>> => {
      const response = await cypher(slow);
      settled.push(name);
      return response;
    };
    const first = track('first');
    const second = track('second');
    // Both are running once Neo4j lists them.
    for (;;) {
      const running = await t.db.read(
        'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH $text RETURN count(*) AS n',
        { text: slow },
      );
      if (running[0]?.['n'] === 2) break;
    }
    const third = await cypher(slow);
    expect(settled).toEqual([]);
    expect({ status: third.status, code: third.errors?.[0]?.extensions?.code }).toEqual({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
    });
    expect(third.errors?.[0]?.message).toMatch(/at most 2 queries at once/);
    const [a, b] = await Promise.all([first, second]);
    expect([a.errors?.[0]?.extensions?.code, b.errors?.[0]?.extensions?.code]).toEqual([
      'QUERY_TIMEOUT',
      'QUERY_TIMEOUT',
    ]);
    expect((await cypher('RETURN 1 AS one')).data?.cypher.rows).toEqual([[1]]);
  });
});
