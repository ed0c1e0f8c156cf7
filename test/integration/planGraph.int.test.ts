/**
 * The bundled Plan dataset, loaded into the real Neo4j: what it holds, where each fact comes from,
 * and how loading behaves.
 */
import path from 'node:path';
import type { Database } from '../../src/database/Database';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { loadDataset } from '../../src/dataset/loadDataset';
import { readDataset } from '../../src/dataset/readDataset';
import { BUNDLED_PLAN_FILE, seedPlan } from '../../src/dataset/seedPlan';
import { CYPHER_DIR } from '../../src/paths';
import { connectTestDatabase } from '../support/testNeo4j';
import { emptyGraph, graphSnapshot } from '../support/graphSnapshot';
import { findSourceReport, mentions, sharedRuns, sourceParagraphs } from '../support/sourceDocument';

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
  await emptyGraph(db);
  await loadDataset(db, readDataset(BUNDLED_PLAN_FILE));
});
afterAll(async () => {
  await db.close();
});

async function names(label: string): Promise<string[]> {
  const rows = await db.read(`MATCH (n:${label}) RETURN n.name AS name ORDER BY name`);
  return rows.map((r) => r['name'] as string);
}

describe('The Plan graph: what it holds', () => {
  it('has the expected number of nodes per label, each also an :Entity', async () => {
    const rows = await db.read(
      'MATCH (n) UNWIND [l IN labels(n) WHERE l <> "Entity"] AS label RETURN label, count(*) AS n ORDER BY label',
    );
    expect(Object.fromEntries(rows.map((r) => [r['label'], r['n']]))).toEqual({
      ActionPlan: 1,
      Area: 2,
      Goal: 7,
      Industry: 26,
      Plan: 1,
      Platform: 5,
      Source: 1,
      Task: 7,
    });
    expect(await db.read('MATCH (n) WHERE NOT n:Entity RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });

  it('has the expected number of relationships per type', async () => {
    const rows = await db.read('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
    expect(Object.fromEntries(rows.map((r) => [r['type'], r['n']]))).toEqual({
      ADVANCES: 9,
      BUILDS: 6,
      CALLS_FOR: 1,
      COORDINATES: 1,
      DEPLOYS: 7,
      DETAILS: 5,
      DEVELOPS: 4,
      GOVERNS: 1,
      HOSTS: 1,
      LEADS_TO: 1,
      LOCATED_IN: 1,
      PART_OF: 22,
      REPORTS_ON: 1,
      SETS: 7,
      SUPPORTS: 1,
      UPGRADES: 1,
    });
  });

  it('holds the Plan with its zone, period and horizon', async () => {
    const [plan] = await db.read(
      'MATCH (p:Plan) RETURN p.name AS name, p.zone AS zone, ' +
        'p.periodStart AS start, p.periodEnd AS end, p.horizon AS horizon',
    );
    expect(plan?.['name']).toMatch(/14th Five-Year Plan/);
    expect({ ...plan, name: undefined }).toEqual({
      name: undefined,
      zone: 'Zhongguancun National Independent Innovation Demonstration Zone',
      start: 2021,
      end: 2025,
      horizon: 2035,
    });
  });

  it('holds the two stage goals, 2025 leading to 2035, and five specific goals detailing 2025', async () => {
    const stages = await db.read("MATCH (g:Goal {goalKind: 'STAGE'}) RETURN g.targetYear AS year ORDER BY year");
    expect(stages).toEqual([{ year: 2025 }, { year: 2035 }]);
    expect(
      await db.read(
        'MATCH (:Goal {targetYear: 2025, goalKind: "STAGE"})-[:LEADS_TO]->(g:Goal {targetYear: 2035}) ' +
          'RETURN count(g) AS n',
      ),
    ).toEqual([{ n: 1 }]);
    const specific = await db.read(
      "MATCH (g:Goal {goalKind: 'SPECIFIC'})-[:DETAILS]->(:Goal {goalKind: 'STAGE', targetYear: 2025}) " +
        'RETURN g.targetYear AS year, g.ordinal AS ordinal ORDER BY ordinal',
    );
    expect(specific).toEqual([1, 2, 3, 4, 5].map((ordinal) => ({ year: 2025, ordinal })));
    const goals = (await names('Goal')).join(' | ');
    for (const pattern of [
      /deep reform/i,
      /independent innovation capability/i,
      /value chains/i,
      /entrepreneurship ecosystem/i,
      /international innovation cooperation/i,
      /science and technology park/i,
      /engine of global technological innovation/i,
    ]) {
      expect(goals).toMatch(pattern);
    }
  });

  it('holds the seven key tasks with ordinals 1 to 7, all deployed by the Plan', async () => {
    const tasks = await db.read(
      'MATCH (:Plan)-[:DEPLOYS]->(t:Task) RETURN t.ordinal AS ordinal, t.name AS name ORDER BY ordinal',
    );
    expect(tasks.map((t) => t['ordinal'])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const patterns = [
      /self-reliance/i,
      /pilot reforms/i,
      /transfer/i,
      /digital economy/i,
      /multiple parks/i,
      /talent/i,
      /global innovation network/i,
    ];
    tasks.forEach((task, i) => expect(task['name']).toMatch(patterns[i]!));
  });

  it('holds the "241" system with two leading, four key and one modern service industry', async () => {
    const members = await db.read(
      "MATCH (i:Industry)-[:PART_OF]->(:Industry {tier: 'SYSTEM'}) RETURN i.tier AS tier, count(*) AS n ORDER BY tier",
    );
    expect(members).toEqual([
      { tier: 'KEY', n: 4 },
      { tier: 'LEADING', n: 2 },
      { tier: 'SERVICE', n: 1 },
    ]);
    const industries = (await names('Industry')).join(' | ');
    for (const pattern of [
      /'241'/,
      /new-generation information technology/i,
      /biotechnology and health/i,
      /advanced manufacturing/i,
      /modern transportation/i,
      /green energy/i,
      /new materials/i,
      /modern service/i,
    ]) {
      expect(industries).toMatch(pattern);
    }
  });

  it('holds the named service branches under the modern service industry', async () => {
    const branches = await db.read(
      "MATCH (i:Industry {tier: 'SERVICE_BRANCH'})-[:PART_OF*1..2]->(:Industry {tier: 'SERVICE'}) " +
        'RETURN i.name AS name ORDER BY name',
    );
    const text = branches.map((b) => b['name']).join(' | ');
    for (const pattern of [
      /R&D services/,
      /incubation/i,
      /technology consulting/i,
      /professional technology/i,
      /comprehensive technology/i,
      /financial technology/i,
      /cultural technology/i,
      /consumer technology/i,
      /urban technology/i,
    ]) {
      expect(text).toMatch(pattern);
    }
    expect(branches).toHaveLength(9);
  });

  it('holds the four future industries and the digital economy with its parts', async () => {
    const future = await db.read(
      "MATCH (i:Industry)-[:PART_OF]->(:Industry {name: 'Future industries'}) RETURN i.name AS name ORDER BY name",
    );
    expect(future.map((f) => f['name'])).toEqual([
      'Future civil aerospace industry',
      'Future intelligent industry',
      'Future life and health industry',
      'Future materials industry',
    ]);
    const digital = await db.read(
      "MATCH (i:Industry)-[:PART_OF]->(d:Industry {tier: 'DIGITAL', name: 'Digital economy'}) RETURN count(i) AS n",
    );
    expect(digital).toEqual([{ n: 2 }]);
    expect(
      await db.read('MATCH (:ActionPlan)-[:DEVELOPS]->(d:Industry {name: "Digital economy"}) RETURN count(d) AS n'),
    ).toEqual([{ n: 1 }]);
  });

  it('holds every platform the source names', async () => {
    const platforms = (await names('Platform')).join(' | ');
    for (const pattern of [
      /international cooperation parks/i,
      /global link platform/i,
      /technology transfer service hubs/i,
      /^Zhongguancun Forum$|\| Zhongguancun Forum( \||$)/,
      /permanent venue/i,
    ]) {
      expect(platforms).toMatch(pattern);
    }
    expect(
      await db.read(
        'MATCH (:Platform {platformKind: "VENUE"})-[:HOSTS]->(f:Platform {platformKind: "FORUM"}) RETURN count(f) AS n',
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('models the zone, Beijing, the action plan and the source report', async () => {
    expect(
      await db.read(
        'MATCH (:Plan)-[:GOVERNS]->(z:Area {areaKind: "DEMONSTRATION_ZONE"})-[:LOCATED_IN]->' +
          '(b:Area {name: "Beijing"}) RETURN count(*) AS n',
      ),
    ).toEqual([{ n: 1 }]);
    expect(await db.read('MATCH (:Plan)-[:CALLS_FOR]->(a:ActionPlan) RETURN a.name AS name')).toEqual([
      { name: 'Zhongguancun Digital Economy Leading Development Action Plan' },
    ]);
    expect(await db.read('MATCH (s:Source)-[:REPORTS_ON]->(:Plan) RETURN s.publisher AS publisher')).toEqual([
      { publisher: 'Chinanews.com' },
    ]);
  });

  it('gives every goal a task that advances it, directly or through a more specific goal', async () => {
    const unreached = await db.read(
      'MATCH (g:Goal) WHERE NOT EXISTS { ' +
        'MATCH (:Task)-[:ADVANCES]->(:Goal)-[:DETAILS|LEADS_TO*0..2]->(g) } RETURN g.id AS id',
    );
    expect(unreached).toEqual([]);
  });
});

describe('The Plan graph: where each fact comes from', () => {
  // The checks against the report's text are skipped where the report is absent, with the reason in their name.
  const source = findSourceReport();
  const paragraphs = source.found ? sourceParagraphs(source.file) : [];
  const itReadsSource = (name: string, test: () => Promise<void>): void =>
    source.found ? it(name, test) : it.skip(`${name} [skipped: ${source.reason}]`, test);

  it('gives every node an id in its namespace, a name, a summary and sources', async () => {
    const bad = await db.read(
      "MATCH (n:Entity) WHERE NOT n.id STARTS WITH 'zgc14:' OR n.namespace <> 'zgc14' " +
        'OR n.name IS NULL OR n.summary IS NULL OR size(n.sources) = 0 RETURN n.id AS id',
    );
    expect(bad).toEqual([]);
  });

  itReadsSource('cites only paragraphs that exist and that mention the cited node', async () => {
    const rows = await db.read('MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.sources AS sources');
    const wrong: string[] = [];
    for (const row of rows) {
      for (const p of row['sources'] as number[]) {
        const text = paragraphs[p - 1];
        if (text === undefined || p === paragraphs.length)
          wrong.push(`${String(row['id'])}: paragraph ${p} does not exist or is the closing mark`);
        else if (!mentions(text, row['name'] as string))
          wrong.push(`${String(row['id'])}: paragraph ${p} does not mention "${String(row['name'])}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  const relationships = async (): Promise<Array<Record<string, unknown>>> =>
    db.read(
      'MATCH (a)-[r]->(b) RETURN a.name AS a, b.name AS b, type(r) AS type, ' +
        'r.basis AS basis, r.rationale AS rationale, r.sources AS sources',
    );
  const linkLabel = (row: Record<string, unknown>): string =>
    `${String(row['a'])} -${String(row['type'])}-> ${String(row['b'])}`;

  it('gives every relationship a basis and sources; inferred ones a rationale', async () => {
    const rows = await relationships();
    const wrong: string[] = [];
    for (const row of rows) {
      if (row['basis'] !== 'STATED' && row['basis'] !== 'INFERRED')
        wrong.push(`${linkLabel(row)}: basis ${String(row['basis'])}`);
      if (row['basis'] === 'INFERRED' && typeof row['rationale'] !== 'string')
        wrong.push(`${linkLabel(row)}: inferred without rationale`);
      const sources = row['sources'] as number[] | null;
      if (!sources || sources.length === 0) wrong.push(`${linkLabel(row)}: no sources`);
    }
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => r['basis'] === 'INFERRED')).toHaveLength(23);
  });

  itReadsSource('cites for every relationship paragraphs that mention one of its ends', async () => {
    const wrong: string[] = [];
    for (const row of await relationships()) {
      for (const p of (row['sources'] as number[] | null) ?? []) {
        const text = paragraphs[p - 1];
        if (text === undefined || !(mentions(text, row['a'] as string) || mentions(text, row['b'] as string)))
          wrong.push(`${linkLabel(row)}: paragraph ${p} mentions neither end`);
      }
    }
    expect(wrong).toEqual([]);
  });

  itReadsSource(
    'words every summary and rationale in its own words: no run of 8 words shared with the report',
    async () => {
      const texts = [
        ...(await db.read('MATCH (n:Entity) RETURN n.id AS at, n.summary AS text')),
        ...(await db.read(
          'MATCH (a)-[r]->(b) WHERE r.rationale IS NOT NULL RETURN a.id + " -" + type(r) + "-> " + b.id AS at, r.rationale AS text',
        )),
      ];
      const copied = texts.flatMap((row) =>
        sharedRuns((row['text'] as string | null) ?? '', paragraphs).map((run) => `${String(row['at'])}: "${run}"`),
      );
      expect(copied).toEqual([]);
    },
  );

  it('finds runs of 8 shared words, and only those', () => {
    const paragraph = 'one two three four five six seven eight nine ten';
    expect(sharedRuns('x One two three four five six seven eight nine y', [paragraph])).toEqual([
      'one two three four five six seven eight nine',
    ]);
    expect(sharedRuns('one two three four five six seven x eight nine', [paragraph])).toEqual([]);
  });

  it('marks every task-to-goal link as inferred, since the source never pairs tasks with goals', async () => {
    expect(
      await db.read("MATCH (:Task)-[r:ADVANCES]->(:Goal) WHERE r.basis <> 'INFERRED' RETURN count(r) AS n"),
    ).toEqual([{ n: 0 }]);
  });
});

describe('Loading the Plan', () => {
  it('is idempotent: a second load changes nothing and reports nothing created, updated or deleted', async () => {
    const before = await graphSnapshot(db);
    const report = await loadDataset(db, readDataset(BUNDLED_PLAN_FILE));
    expect(report).toEqual({
      namespace: 'zgc14',
      nodes: { total: 50, created: 0, updated: 0, deleted: 0 },
      relationships: { total: 69, created: 0, updated: 0, deleted: 0 },
    });
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('seeds the bundled Plan into an empty database only', async () => {
    expect(await seedPlan(db)).toBeNull();
    await emptyGraph(db);
    const report = await seedPlan(db);
    expect(report?.nodes).toEqual({ total: 50, created: 50, updated: 0, deleted: 0 });
    expect(report?.relationships).toEqual({ total: 69, created: 69, updated: 0, deleted: 0 });
  });
});
