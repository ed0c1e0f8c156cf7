import path from 'node:path';
import type { Database } from '../../src/database/Database';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { CYPHER_DIR } from '../../src/paths';
import { connectTestDatabase } from '../support/testNeo4j';

describe('Database: the one gateway to Neo4j', () => {
  let db: Database;
  beforeAll(async () => {
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await db.write('MATCH (n:DatabaseTestProbe) DETACH DELETE n');
    await db.close();
  });

  it('returns plain numbers, not driver Integers', async () => {
    const rows = await db.read('RETURN 2025 AS year, [1, 2] AS list');
    expect(rows).toEqual([{ year: 2025, list: [1, 2] }]);
  });

  it('runs reads in read transactions, which Neo4j refuses to write in', async () => {
    const attempt = db.read('CREATE (n:DatabaseTestProbe) RETURN n');
    await expect(attempt).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
    expect(await db.read('MATCH (n:DatabaseTestProbe) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });

  it('stops a read that runs past the read timeout, with QUERY_TIMEOUT', async () => {
    const hurried = await connectTestDatabase(undefined, { readTimeoutMs: 300 });
    try {
      const started = Date.now();
      await expect(hurried.read('UNWIND range(1, 2000000000) AS x RETURN count(x) AS n')).rejects.toMatchObject({
        extensions: { code: 'QUERY_TIMEOUT' },
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await hurried.read('RETURN 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await hurried.close();
    }
  });

  it('rolls a write transaction back whole when one statement fails', async () => {
    const attempt = db.writeTransaction(async (tx) => {
      await tx.run('CREATE (:DatabaseTestProbe {id: 1})');
      await tx.run('RETURN 1 / 0');
    });
    await expect(attempt).rejects.toThrow(/by zero/i);
    expect(await db.read('MATCH (n:DatabaseTestProbe) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });

  it('applies the schema migrations idempotently', async () => {
    const schema = async (): Promise<unknown[]> => {
      const constraints = await db.read(
        'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties ' +
          'RETURN name, type, labelsOrTypes, properties ORDER BY name',
      );
      const indexes = await db.read(
        'SHOW INDEXES YIELD name, type, labelsOrTypes, properties ' +
          'RETURN name, type, labelsOrTypes, properties ORDER BY name',
      );
      return [constraints, indexes];
    };
    await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
    const once = await schema();
    await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
    expect(await schema()).toEqual(once);
    expect(JSON.stringify(once)).toContain('entity_id');
    expect(JSON.stringify(once)).toContain('entity_text');
  });
});
