/** Everything in the graph as sorted plain data, to compare the database before and after an operation. */
import type { Database } from '../../src/database/Database';
import { assertTestDatabase } from './testNeo4j';

// The graph's own nodes: history and the version are written by every write, even one that changes nothing.
const GRAPH_NODES = 'MATCH (n) WHERE NOT n:ChangeSet AND NOT n:Change AND NOT n:GraphVersion';

/**
 * Nodes with labels and properties, and relationships with type, ends and properties, sorted. History
 * (change sets and their changes) and the graph's version are left out: every write adds to them, even
 * one that changes nothing.
 */
export async function graphSnapshot(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await db.read(`${GRAPH_NODES} RETURN n.id AS id, labels(n) AS labels, properties(n) AS props`);
  const relationships = await db.read(
    'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props',
  );
  const canonical = (row: Record<string, unknown>): string =>
    JSON.stringify(row, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)))
        : value,
    );
  return { nodes: nodes.map(canonical).sort(), relationships: relationships.map(canonical).sort() };
}

/**
 * The same as `graphSnapshot`, with each property's Neo4j type beside its value (an integer and a float
 * of equal value read back as the same number), and the history in load order without its ids and times.
 */
export async function typedGraphSnapshot(
  db: Database,
): Promise<{ nodes: string[]; relationships: string[]; history: unknown[]; graphVersion: unknown }> {
  const typed = (v: string): string => `[k IN keys(${v}) | [k, ${v}[k], valueType(${v}[k])]]`;
  const nodes = await db.read(`${GRAPH_NODES} RETURN n.id AS id, labels(n) AS labels, ${typed('n')} AS props`);
  const relationships = await db.read(
    `MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, ${typed('r')} AS props`,
  );
  const history = await db.read(
    `MATCH (cs:ChangeSet) RETURN labels(cs) AS labels, [p IN ${typed('cs')} WHERE NOT p[0] IN ['id', 'at']] AS props, ` +
      'COUNT { MATCH (c:Change {changeSet: cs.id}) } AS changes ORDER BY cs.graphVersion',
  );
  const [version] = await db.read(
    'MATCH (v:GraphVersion) RETURN collect(v.version) AS versions, count(v.epoch) AS epochs',
  );
  // Labels are a set: their order in `labels(n)` follows when Neo4j first met each one.
  const canonical = (row: Record<string, unknown>): string =>
    JSON.stringify({
      ...row,
      ...(row['labels'] ? { labels: (row['labels'] as string[]).sort() } : {}),
      props: (row['props'] as unknown[][]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    });
  return {
    nodes: nodes.map(canonical).sort(),
    relationships: relationships.map(canonical).sort(),
    history: history.map(canonical),
    graphVersion: version,
  };
}

/**
 * Removes every node and relationship: integration tests that need a known graph start from this.
 * Refuses, changing nothing, unless `db` carries the test marker.
 */
export async function emptyGraph(db: Database): Promise<void> {
  await assertTestDatabase(db);
  // In batches: one transaction deleting a large library would outgrow Neo4j's memory limit.
  for (const batch of [
    'MATCH ()-[r]->() WITH r LIMIT 10000 DELETE r RETURN count(*) AS deleted',
    'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted',
  ]) {
    for (let deleted = -1; deleted !== 0;) deleted = (await db.write(batch))[0]?.['deleted'] as number;
  }
}
