/** Synthetic plan libraries for benchmarks, loaded through the project's own loader. */
import type { Database } from '../../src/database/Database';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { planDatasets, sizeOf, type LibraryShape } from '../../src/synthetic/generateLibrary';
import { loadLibrary } from '../../src/synthetic/loadLibrary';
import { CYPHER_DIR } from '../../src/paths';
import { connectTestDatabase } from '../support/testNeo4j';
import { emptyGraph, graphSnapshot } from '../support/graphSnapshot';
import path from 'node:path';

const SHAPE: LibraryShape = {
  plans: 30,
  industries: 60,
  platforms: 12,
  tasksPerPlan: 6,
  industriesPerTask: 5,
  platformsPerTask: 2,
  plansPerFile: 10,
  seed: 42,
};
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
  await emptyGraph(db);
});
afterAll(async () => {
  await emptyGraph(db);
  await db.close();
});

describe('Synthetic plan libraries', () => {
  it('are the same for the same seed and differ for another', () => {
    const again = [...planDatasets(SHAPE)];
    expect([...planDatasets(SHAPE)]).toEqual(again);
    expect([...planDatasets({ ...SHAPE, seed: 43 })]).not.toEqual(again);
  });

  it('load completely, with the counts the generator announces', async () => {
    const reports = await loadLibrary(db, SHAPE);
    expect(reports).toHaveLength(1 + SHAPE.plans / SHAPE.plansPerFile);
    const [counts] = await db.read(
      'MATCH (n:Entity) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
    );
    expect(counts).toEqual(sizeOf(SHAPE));
    expect(await db.read('MATCH (p:Plan) RETURN count(p) AS n')).toEqual([{ n: SHAPE.plans }]);
    expect(await db.read('MATCH (t:Task) RETURN count(t) AS n')).toEqual([{ n: SHAPE.plans * SHAPE.tasksPerPlan }]);
  });

  it('share industries across plans, so a few become hubs', async () => {
    const [row] = await db.read(
      'MATCH (i:Industry) WHERE i.namespace = "shared" ' +
        'WITH i, COUNT { (i)<-[:DEVELOPS]-() } AS d ' +
        'RETURN max(d) AS top, avg(d) AS mean, COUNT { MATCH (p:Plan) } AS plans',
    );
    expect(row!['top'] as number).toBeGreaterThan(4 * (row!['mean'] as number));
    const [spread] = await db.read(
      'MATCH (i:Industry {id: "shared:industry-0"})<-[:DEVELOPS]-(:Task)<-[:DEPLOYS]-(p:Plan) ' +
        'RETURN count(DISTINCT p.namespace) AS files',
    );
    expect(spread!['files']).toBe(SHAPE.plans / SHAPE.plansPerFile);
  });

  it('reload without change: the second load of every dataset creates, updates and deletes nothing', async () => {
    const before = await graphSnapshot(db);
    const reports = await loadLibrary(db, SHAPE);
    for (const report of reports) {
      expect([
        report.nodes.created,
        report.nodes.updated,
        report.nodes.deleted,
        report.relationships.created,
        report.relationships.updated,
        report.relationships.deleted,
      ]).toEqual([0, 0, 0, 0, 0, 0]);
    }
    expect(await graphSnapshot(db)).toEqual(before);
  });
});
