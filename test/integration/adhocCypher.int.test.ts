/** Read-only ad-hoc Cypher: what it answers, what it refuses, and that refusals change nothing. */
import { startPlanServer } from '../support/planServer';
import { startTestServer, type TestServer } from '../support/testServer';
import { graphSnapshot } from '../support/graphSnapshot';

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
