/**
 * Read-only ad-hoc Cypher: what it answers, what it refuses (administration commands included), that
 * refusals change nothing, and that its statuses are those of the README's table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startPlanServer } from '../support/planServer';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';
import { graphSnapshot } from '../support/graphSnapshot';
import { signToken, testAuth } from '../support/signIn';
import { checkReadOnly, READ_OPERATORS } from '../../src/adhoc/readOnlyPolicy';
import { PROJECT_ROOT } from '../../src/paths';

const KEY = 'test-key-0123456789abcdef';
const AUTH = { 'x-api-key': KEY };
const QUERY = 'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated } }';
let t: TestServer;

beforeAll(async () => {
  t = await startPlanServer(undefined, {
    apiKey: KEY,
    timeoutMs: 1000,
    maxRows: 5,
    maxConcurrent: 2,
    maxConcurrentPerKey: 2,
  });
});
afterAll(async () => {
  await t.close();
});

async function cypher(q: string, p?: unknown, headers: Record<string, string> = AUTH) {
  return t.graphql<{ cypher: { columns: string[]; rows: unknown[][]; truncated: boolean } }>(QUERY, { q, p }, headers);
}

describe('Ad-hoc Cypher: answers', () => {
  it('runs a read query with parameters and returns columns and rows', async () => {
    const result = await cypher(
      'MATCH (t:Task) WHERE t.ordinal <= $max RETURN t.ordinal AS ordinal, t.name AS name ORDER BY ordinal',
      { max: 2 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.cypher.columns).toEqual(['ordinal', 'name']);
    expect(result.data?.cypher.rows.map((r) => r[0])).toEqual([1, 2]);
    expect(result.data?.cypher.truncated).toBe(false);
  });

  it('returns nodes and relationships as plain JSON', async () => {
    const result = await cypher("MATCH (v:Platform {platformKind: 'VENUE'})-[r:HOSTS]->(f) RETURN v, r");
    expect(result.data?.cypher.rows[0]).toEqual([
      {
        labels: expect.arrayContaining(['Platform', 'Entity']) as unknown,
        properties: expect.objectContaining({ id: 'zgc14:platform-forum-venue' }) as unknown,
      },
      { type: 'HOSTS', properties: expect.objectContaining({ basis: 'STATED', sources: [12] }) as unknown },
    ]);
  });

  it('caps the rows and says so', async () => {
    const result = await cypher('MATCH (i:Industry) RETURN i.id AS id');
    expect(result.data?.cypher.rows).toHaveLength(5);
    expect(result.data?.cypher.truncated).toBe(true);
  });

  it('allows read-only schema procedures and full-text search', async () => {
    expect((await cypher('CALL db.labels() YIELD label RETURN label ORDER BY label LIMIT 2')).errors).toBeUndefined();
    expect(
      (await cypher("CALL db.index.fulltext.queryNodes('entity_text', 'forum') YIELD node RETURN node.id")).errors,
    ).toBeUndefined();
  });

  it('stops a query that runs past the time limit', async () => {
    const result = await cypher(
      'UNWIND range(1, 100000000) AS a UNWIND range(1, 100) AS b WITH a, b WHERE a * b = -1 RETURN count(*)',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
  });

  it('reports a syntax error as bad input', async () => {
    const result = await cypher('MATCH (n RETURN n');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('cypher could not run the query');
  });
});

describe('Ad-hoc Cypher: refusals leave the database unchanged', () => {
  let before: Awaited<ReturnType<typeof graphSnapshot>>;
  let schemaBefore: unknown;
  const schema = async (): Promise<unknown> => [
    await t.db.read('SHOW INDEXES YIELD name RETURN name ORDER BY name'),
    await t.db.read('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name'),
  ];
  beforeAll(async () => {
    before = await graphSnapshot(t.db);
    schemaBefore = await schema();
  });
  afterEach(async () => {
    expect(await graphSnapshot(t.db)).toEqual(before);
    expect(await schema()).toEqual(schemaBefore);
  });

  it.each([
    ['CREATE', "CREATE (:Goal {id: 'x'})", 'read-only'],
    ['MERGE', "MERGE (g:Goal {id: 'zgc14:goal-2035'}) ON MATCH SET g.name = 'hacked'", 'read-only'],
    ['SET', "MATCH (g:Goal) SET g.name = 'hacked'", 'read-only'],
    ['REMOVE', 'MATCH (g:Goal) REMOVE g.summary', 'read-only'],
    ['DELETE', 'MATCH ()-[r]->() DELETE r', 'read-only'],
    ['DETACH DELETE', 'MATCH (n) DETACH DELETE n', 'read-only'],
    ['a write inside a subquery', 'CALL () { CREATE (x:Probe) RETURN x } RETURN 1', 'read-only'],
    ['FOREACH with a write', 'MATCH (g:Goal) FOREACH (i IN [1] | SET g.flag = true)', 'read-only'],
    ['CREATE INDEX', 'CREATE INDEX probe_index IF NOT EXISTS FOR (n:Goal) ON (n.targetYear)', 'read-only'],
    ['DROP CONSTRAINT', 'DROP CONSTRAINT entity_id', 'read-only'],
    ['LOAD CSV from a file', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'no-load-csv'],
    ['LOAD CSV over http', "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line", 'no-load-csv'],
    ['an admin procedure', 'CALL dbms.listConfig() YIELD name RETURN name', 'procedure-allow-list'],
    ['a cache-clearing procedure', 'CALL db.clearQueryCaches()', 'procedure-allow-list'],
    ['a connection-killing procedure', "CALL dbms.killConnections(['bolt-1'])", 'procedure-allow-list'],
  ])('refuses %s', async (_name, query, rule) => {
    const result = await cypher(query);
    expect(result.data ?? null).toBeNull();
    const error = result.errors?.[0];
    expect(['FORBIDDEN', 'BAD_USER_INPUT']).toContain(error?.extensions?.code);
    if (error?.extensions?.code === 'FORBIDDEN') expect(error.extensions['rule']).toBe(rule);
  });

  it('refuses requests without the key, or with a wrong one', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { 'x-api-key': 'wrong-key-0123456789' },
      { authorization: 'Bearer nope' },
    ];
    for (const headers of attempts) {
      const result = await cypher('MATCH (n) RETURN count(n)', undefined, headers);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(
      (await cypher('MATCH (n) RETURN count(n) AS n', undefined, { authorization: `Bearer ${KEY}` })).errors,
    ).toBeUndefined();
  });
});

describe('Ad-hoc Cypher: switched off by default', () => {
  it('refuses every query when no API key and no sign-in is configured, and a key it does not know', async () => {
    const off = await startTestServer();
    try {
      const result = await off.graphql(QUERY, { q: 'RETURN 1' });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.message).toContain('CYPHER_API_KEY');
      // Credentials that do not verify are refused, never ignored.
      const keyed = await off.graphql(QUERY, { q: 'RETURN 1' }, AUTH);
      expect(keyed.status).toBe(401);
      expect(keyed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await off.close();
    }
  });
});

// Neo4j 5.26's SHOW and TERMINATE commands, in the forms Community may accept. Neo4j plans the
// database-level ones as reads: a negative policy let them through.
const ADMINISTRATION_COMMANDS = [
  'SHOW TRANSACTIONS',
  'SHOW TRANSACTIONS YIELD transactionId, currentQuery, parameters, clientAddress RETURN *',
  "SHOW TRANSACTIONS 'neo4j-transaction-1'",
  'SHOW TRANSACTIONS YIELD transactionId AS id WHERE id IS NOT NULL TERMINATE TRANSACTIONS id',
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1' YIELD message RETURN message",
  'SHOW SETTINGS',
  "SHOW SETTINGS 'server.bolt.listen_address' YIELD name, value RETURN name, value",
  'SHOW SETTINGS YIELD * WHERE name STARTS WITH "server" RETURN name',
  'SHOW PROCEDURES',
  'SHOW PROCEDURES EXECUTABLE BY CURRENT USER',
  'SHOW FUNCTIONS',
  'SHOW BUILT IN FUNCTIONS',
  'SHOW USER DEFINED FUNCTIONS',
  'SHOW INDEXES',
  'SHOW ALL INDEXES',
  'SHOW RANGE INDEXES',
  'SHOW FULLTEXT INDEXES',
  'SHOW TEXT INDEXES',
  'SHOW POINT INDEXES',
  'SHOW VECTOR INDEXES',
  'SHOW LOOKUP INDEXES',
  'SHOW INDEXES YIELD name, labelsOrTypes RETURN name',
  'SHOW CONSTRAINTS',
  'SHOW UNIQUE CONSTRAINTS',
  'SHOW KEY CONSTRAINTS',
  'SHOW EXISTENCE CONSTRAINTS',
  'SHOW DATABASES',
  'SHOW DATABASE neo4j',
  'SHOW DEFAULT DATABASE',
  'SHOW HOME DATABASE',
  'SHOW USERS',
  'SHOW CURRENT USER',
  'SHOW ROLES',
  'SHOW PRIVILEGES',
  'SHOW SERVERS',
  'SHOW ALIASES FOR DATABASE',
];

describe('Ad-hoc Cypher: administration commands', () => {
  it.each(ADMINISTRATION_COMMANDS)('refuses %s, naming the plan step, or Neo4j refuses it', async (command) => {
    const acceptedByNeo4j = await t.db.explain(command).then(
      () => true,
      () => false,
    );
    const result = await cypher(command);
    expect(result.data ?? null).toBeNull();
    const error = result.errors?.[0];
    if (acceptedByNeo4j) {
      expect(error?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'read-only' });
      const operator = String(error?.extensions?.['operator']);
      expect(READ_OPERATORS.has(operator)).toBe(false);
      expect(error?.message).toContain(operator);
    } else {
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('finds the commands that showed other callers\u2019 queries and settings accepted by Neo4j, so their refusal is ours', async () => {
    for (const command of ['SHOW TRANSACTIONS', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'SHOW SETTINGS']) {
      const explained = await t.db.explain(command);
      expect(explained.queryType).toBe('r');
      expect(() => checkReadOnly(explained)).toThrow(/administration command/);
    }
  });

  it('accepts every statement the API itself sends, as an analyst may paste one', async () => {
    t.queries.length = 0;
    const asked = [
      '{ goals(where: { targetYear: { gte: 2025 } }, sort: [{ field: TARGET_YEAR, direction: DESC }]) { id } }',
      '{ search(text: "forum", limit: 5) { entity { id } score } }',
      '{ neighborhood(id: "zgc14:plan", depth: 2, limit: 50) { nodes { id } edges { type } } }',
      '{ shortestPath(from: "zgc14:task-talent", to: "zgc14:goal-2035") { nodes { id } } }',
      '{ industriesCountBy(by: TIER) { key count } }',
      '{ tasks(where: { goals: { some: { targetYear: { eq: 2025 } } } }) { id goals { id } industries { id } } }',
      '{ tasksConnection(first: 2) { edges { node { id } } aggregate { count { nodes } } } }',
      '{ graph(limit: 20) { nodes { id } edges { type } } }',
      '{ goalImpact(id: "zgc14:goal-2025") { goal { id } } mostConnected(limit: 3) { entity { id } } }',
    ];
    for (const query of asked) expect((await t.graphql(query)).errors).toBeUndefined();
    const reads = t.queries.filter((q) => q.mode === 'READ');
    expect(reads.length).toBeGreaterThanOrEqual(asked.length);
    for (const read of reads) checkReadOnly(await t.db.explain(read.cypher, read.params));
  });

  it.each([
    'MATCH (n:Entity {id: "zgc14:plan"}) RETURN n',
    'MATCH (n:Entity) WHERE n.id STARTS WITH "zgc14:goal" RETURN n.id ORDER BY n.id',
    'MATCH (n:Entity) WHERE n.namespace = "zgc14" RETURN count(n)',
    'MATCH (n:Goal|Task) RETURN n.id',
    'MATCH (n:Goal&!Task) RETURN n.id',
    'MATCH (n) WHERE elementId(n) = "4:x:0" RETURN n',
    'MATCH ()-[r]->() WHERE id(r) = 0 RETURN r',
    'MATCH ()-[r:ADVANCES|DEVELOPS]-() RETURN count(r)',
    'MATCH (:Goal) RETURN count(*)',
    'MATCH ()-[r:ADVANCES]->() RETURN count(r)',
    'MATCH (t:Task) OPTIONAL MATCH (t)-[:ADVANCES]->(g) RETURN t.id, collect(g.id)',
    'MATCH (a:Task)-[:ADVANCES]->(g)<-[:ADVANCES]-(b:Task) WHERE NOT (a)-[:DEVELOPS]->() RETURN count(*)',
    'MATCH (p:Plan)-[*1..3]->(x) RETURN DISTINCT x.id',
    'MATCH p = shortestPath((a:Task {ordinal: 1})-[*..6]-(b:Goal {targetYear: 2035})) RETURN length(p)',
    'MATCH p = allShortestPaths((a:Task {ordinal: 1})-[*..6]-(b:Goal {targetYear: 2035})) RETURN length(p)',
    'MATCH p = SHORTEST 2 (a:Entity {id: "zgc14:task-talent"})-[]-+(b:Entity {id: "zgc14:goal-2035"}) RETURN p',
    'MATCH (a:Entity {id: "zgc14:plan"}) ((x)-[:SETS]->(y)){1,2} (b) RETURN b.id',
    'MATCH (g:Goal) WHERE EXISTS { (g)<-[:ADVANCES]-(:Task) } RETURN g.id',
    'MATCH (g:Goal) RETURN g.id, COUNT { (g)<--() } AS n, COLLECT { MATCH (g)<--(t) RETURN t.id } AS ids',
    'MATCH (g:Goal) RETURN g.id, [(g)<-[:ADVANCES]-(t) | t.id] AS tasks',
    'MATCH (g:Goal) CALL (g) { MATCH (g)<-[:ADVANCES]-(t) RETURN count(t) AS n } RETURN g.id, n',
    'MATCH (g:Goal) RETURN g.id AS id UNION MATCH (t:Task) RETURN t.id AS id',
    'MATCH (g:Goal) RETURN g.targetYear AS y, count(*) AS n ORDER BY n DESC, y SKIP 1 LIMIT 3',
    'MATCH (n:Entity) WHERE n.id > "zgc14:g" WITH n.id AS id ORDER BY id RETURN id, count(*) AS c',
    'MATCH (a:Goal) MATCH (b:Goal) WHERE a.targetYear = b.targetYear RETURN count(*)',
    'MATCH (a:Task)-->(b) USING JOIN ON b MATCH (b)<--(c:Plan) RETURN count(*)',
    'UNWIND range(1, 10) AS x RETURN sum(x)',
    "CALL db.index.fulltext.queryNodes('entity_text', 'forum') YIELD node, score RETURN node.id, score",
    'CALL db.schema.visualization()',
    "RETURN datetime('2021-11-29T00:00:00Z') AS at, duration('P1D') AS d",
  ])('accepts the read %s', async (query) => {
    const result = await cypher(query);
    expect(result.errors).toBeUndefined();
  });
});

/** The README's table of what `cypher` answers, row by row. */
function readmeStatusTable(): Array<{ when: string; code: string; rule: string; status: number }> {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('What `cypher` answers when it does not answer rows');
  expect(start).toBeGreaterThan(0);
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows = lines.slice(
    first + 2,
    lines.findIndex((line, i) => i > first && !line.startsWith('|')),
  );
  return rows.map((row) => {
    const [when, code, rule, status] = row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/`/g, ''));
    return { when: when!, code: code!, rule: rule!, status: Number(status) };
  });
}

describe("Ad-hoc Cypher: what it answers is the README's table", () => {
  const SECRET = 'adhoc-status-secret-0123456789abcdef';
  let off: TestServer;
  let signedIn: TestServer;
  let slow: TestServer;
  beforeAll(async () => {
    off = await startTestServer();
    signedIn = await startTestServer(undefined, undefined, { auth: testAuth(SECRET) });
    slow = await startTestServer(undefined, {
      apiKey: KEY,
      timeoutMs: 60_000,
      maxRows: 5,
      maxConcurrent: 4,
      maxConcurrentPerKey: 2,
    });
  });
  afterAll(async () => {
    await Promise.all([off.close(), signedIn.close(), slow.close()]);
  });

  type Outcome = { code: string; rule: string; status: number };
  const outcome = (result: GraphQLResponse<unknown>): Outcome => ({
    code: String(result.errors?.[0]?.extensions?.code),
    rule: (result.errors?.[0]?.extensions?.['rule'] as string | undefined) ?? '',
    status: result.status,
  });
  const ask = (server: TestServer, q: string, headers: Record<string, string> = AUTH) =>
    server.graphql(QUERY, { q }, headers);

  // A query Neo4j can stop at any row, marked so the test finds its transaction.
  const LONG = (marker: string): string => `UNWIND range(1, 10000000000) AS x RETURN count(x) AS ${marker}`;
  async function runningTransactions(marker: string, count: number): Promise<string[]> {
    for (;;) {
      const rows = await t.db.read(
        'SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS $marker ' +
          "AND NOT currentQuery STARTS WITH 'EXPLAIN' AND NOT currentQuery STARTS WITH 'SHOW' RETURN transactionId",
        { marker },
      );
      if (rows.length >= count) return rows.map((row) => String(row['transactionId']));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  // Runs two long queries of one key, refuses a third, then terminates the two in Neo4j.
  let crowded: Promise<{ tooMany: Outcome; terminated: Outcome[] }> | undefined;
  function crowd(): Promise<{ tooMany: Outcome; terminated: Outcome[] }> {
    crowded ??= (async () => {
      const running = [ask(slow, LONG('marker_crowd')), ask(slow, LONG('marker_crowd'))];
      const ids = await runningTransactions('marker_crowd', 2);
      const tooMany = outcome(await ask(slow, 'RETURN 1 AS one'));
      await t.db.read('TERMINATE TRANSACTIONS $ids', { ids });
      return { tooMany, terminated: (await Promise.all(running)).map(outcome) };
    })();
    return crowded;
  }

  const PROVOKE: Record<string, () => Promise<Outcome>> = {
    'the field is switched off (no CYPHER_API_KEY, no sign-in configured)': async () =>
      outcome(await ask(off, 'RETURN 1 AS one', {})),
    'no credentials': async () => outcome(await ask(t, 'RETURN 1 AS one', {})),
    'credentials that do not verify (a wrong key)': async () =>
      outcome(await ask(t, 'RETURN 1 AS one', { 'x-api-key': 'wrong-key-0123456789' })),
    'a signed-in caller without the role': async () =>
      outcome(
        await ask(signedIn, 'RETURN 1 AS one', {
          authorization: `Bearer ${await signToken(SECRET, 'rita', ['reader', 'curator'])}`,
        }),
      ),
    'a plan step that does not read graph data (a write, SHOW, TERMINATE)': async () =>
      outcome(await ask(t, 'SHOW TRANSACTIONS')),
    'LOAD CSV': async () => outcome(await ask(t, "LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line")),
    'a procedure not on the list': async () => outcome(await ask(t, 'CALL dbms.listConfig() YIELD name RETURN name')),
    'an expression Neo4j cannot stop (see below)': async () =>
      outcome(await ask(t, 'RETURN reduce(s = 0, x IN [1, 2] | s + x) AS n')),
    'a statement Neo4j cannot parse or plan': async () => outcome(await ask(t, 'MATCH (n RETURN n')),
    'longer than CYPHER_TIMEOUT_MS': async () =>
      outcome(
        await ask(
          t,
          'UNWIND range(1, 100000000) AS a UNWIND range(1, 100) AS b WITH a, b WHERE a * b = -1 RETURN count(*)',
        ),
      ),
    'terminated in Neo4j before it finished (by an administrator, or a shutdown)': async () => {
      const { terminated } = await crowd();
      expect(terminated[1]).toEqual(terminated[0]);
      return terminated[0]!;
    },
    'more memory than one transaction may use': async () =>
      outcome(await ask(slow, 'UNWIND range(1, 200000000) AS x RETURN size(collect(x)) AS n')),
    'more queries at once than CYPHER_MAX_CONCURRENT_PER_KEY': async () => (await crowd()).tooMany,
  };

  it('has a way to provoke every row, and a row for every way', () => {
    expect(readmeStatusTable().map((row) => row.when)).toEqual(Object.keys(PROVOKE));
  });

  it.each(readmeStatusTable())('answers $code, rule "$rule", HTTP $status: $when', async (row) => {
    const provoke = PROVOKE[row.when];
    expect(provoke).toBeDefined();
    expect(await provoke!()).toEqual({ code: row.code, rule: row.rule, status: row.status });
  });
});
