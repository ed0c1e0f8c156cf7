/** Everything in the graph as sorted plain data, to compare the database before and after an operation. */
import type { Database } from '../../src/database/Database';
import { assertTestDatabase } from './testNeo4j';

/**
 * Nodes with labels and properties, and relationships with type, ends and properties, sorted. History
 * (change sets and their changes) and the graph's version are left out: every write adds to them, even
 * one that changes nothing.
 */
export async function graphSnapshot(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await db.read(
    'MATCH (n) WHERE NOT n:ChangeSet AND NOT n:Change AND NOT n:GraphVersion ' +
      'RETURN n.id AS id, labels(n) AS labels, properties(n) AS props',
  );
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
 * Removes every node and relationship: integration tests that need a known graph start from this.
 * Refuses, changing nothing, unless `db` carries the test marker.
 */
export async function emptyGraph(db: Database): Promise<void> {
  await assertTestDatabase(db);
  await db.write('MATCH (n) DETACH DELETE n');
}
