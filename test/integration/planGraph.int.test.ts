/**
 * The bundled Plan dataset, loaded into the real Neo4j: what it holds, where each fact comes from,
 * and how loading behaves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/database/Database';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset, readDataset } from '../../src/dataset/readDataset';
import { dumpNamespace } from '../../src/curation/dumpNamespace';
import { BUNDLED_PLAN_FILE, seedPlan } from '../../src/dataset/seedPlan';
import { bundledFiles, referencedNamespaces } from '../../src/dataset/bundledDatasets';
import { CYPHER_DIR } from '../../src/paths';
import { connectTestDatabase } from '../support/testNeo4j';
import { emptyGraph, graphSnapshot } from '../support/graphSnapshot';
import { findSourceReport, sourceParagraphs } from '../support/sourceDocument';
import { checkCitations } from '../../src/provenance/checkCitations';
import { SourceText, fingerprintOf } from '../../src/provenance/SourceText';
import type { PlanDataset } from '../../src/dataset/PlanDataset';

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
      'MATCH (n:Entity) UNWIND [l IN labels(n) WHERE l <> "Entity"] AS label RETURN label, count(*) AS n ORDER BY label',
    );
    expect(Object.fromEntries(rows.map((r) => [r['label'], r['n']]))).toEqual({
      ActionPlan: 1,
      Aim: 19,
      Area: 3,
      BusinessForm: 7,
      Field: 1,
      Framework: 1,
      Goal: 7,
      Industry: 18,
      Plan: 1,
      Platform: 5,
      Source: 3,
      Task: 7,
      Technology: 4,
    });
    // Besides entities the graph holds only its history: the change set of each load.
    expect(
      await db.read(
        'MATCH (n) WHERE NOT n:Entity AND NOT n:ChangeSet AND NOT n:Change AND NOT n:GraphVersion RETURN count(n) AS n',
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('has the expected number of relationships per type', async () => {
    const rows = await db.read('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
    expect(Object.fromEntries(rows.map((r) => [r['type'], r['n']]))).toEqual({
      ADVANCES: 9,
      AIMS_AT: 27,
      BUILDS: 6,
      CALLS_FOR: 1,
      CONCERNS: 1,
      COORDINATES: 2,
      DEPLOYS: 7,
      DETAILS: 5,
      DEVELOPS: 4,
      GOVERNS: 1,
      HOSTS: 1,
      IMPLEMENTS: 7,
      LEADS_TO: 1,
      LOCATED_IN: 2,
      PART_OF: 24,
      PROPOSES: 15,
      REPORTS_ON: 3,
      SETS: 7,
      SUPPORTS: 1,
      TARGETS: 4,
    });
  });

  it('holds the Plan with its zone, horizon and period: the years from a second report, since the first gives none', async () => {
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

  it('holds the two stage goals, 2025 leading to 2035, and five specific goals set beside 2025 (our reading)', async () => {
    const stages = await db.read("MATCH (g:Goal {goalKind: 'STAGE'}) RETURN g.targetYear AS year ORDER BY year");
    expect(stages).toEqual([{ year: 2025 }, { year: 2035 }]);
    expect(
      await db.read(
        'MATCH (:Goal {targetYear: 2025, goalKind: "STAGE"})-[r:LEADS_TO]->(g:Goal {targetYear: 2035}) ' +
          'RETURN r.basis AS basis',
      ),
    ).toEqual([{ basis: 'STATED' }]);
    const specific = await db.read(
      "MATCH (g:Goal {goalKind: 'SPECIFIC'})-[r:DETAILS]->(:Goal {goalKind: 'STAGE', targetYear: 2025}) " +
        'RETURN g.targetYear AS year, g.ordinal AS ordinal, r.basis AS basis ORDER BY ordinal',
    );
    expect(specific).toEqual([1, 2, 3, 4, 5].map((ordinal) => ({ year: 2025, ordinal, basis: 'INFERRED' })));
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

  it('holds the seven key tasks with ordinals 1 to 7, deployed by the Plan and carried out by the zone', async () => {
    const tasks = await db.read(
      'MATCH (:Plan)-[:DEPLOYS]->(t:Task)<-[:IMPLEMENTS]-(:Area {areaKind: "DEMONSTRATION_ZONE"}) ' +
        'RETURN t.ordinal AS ordinal, t.name AS name ORDER BY ordinal',
    );
    expect(tasks.map((t) => t['ordinal'])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const patterns = [
      /self-reliance/i,
      /pilot reforms/i,
      /transfer/i,
      /digital economy's leading role/i,
      /many parks/i,
      /talent/i,
      /global innovation network/i,
    ];
    tasks.forEach((task, i) => expect(task['name']).toMatch(patterns[i]!));
  });

  it("holds the '241' framework: two leading and four key industries stated, modern services our reading", async () => {
    const members = await db.read(
      "MATCH (i:Industry)-[r:PART_OF]->(:Framework {id: 'zgc14:framework-241'}) " +
        'RETURN i.tier AS tier, r.basis AS basis, count(*) AS n ORDER BY tier',
    );
    expect(members).toEqual([
      { tier: 'KEY', basis: 'STATED', n: 4 },
      { tier: 'LEADING', basis: 'STATED', n: 2 },
      { tier: 'SERVICE', basis: 'INFERRED', n: 1 },
    ]);
    const industries = (await names('Industry')).join(' | ');
    for (const pattern of [
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

  it('holds the service branches under modern services, and the four new business models beside them', async () => {
    const branches = await db.read(
      "MATCH (i:Industry {tier: 'SERVICE_BRANCH'})-[:PART_OF*1..2]->(:Industry {tier: 'SERVICE'}) " +
        'RETURN i.name AS name ORDER BY name',
    );
    expect(branches.map((b) => b['name'])).toEqual([
      'Comprehensive technology services',
      'Entrepreneurial incubation services',
      'Professional technology services',
      'R&D services',
      'Technology consulting services',
    ]);
    const models = await db.read(
      "MATCH (f:BusinessForm {formKind: 'MODEL'})-[r:PART_OF]->(:Industry {tier: 'SERVICE'}) " +
        'RETURN f.name AS name, r.basis AS basis ORDER BY name',
    );
    expect(models).toEqual(
      ['Consumer technology', 'Cultural technology', 'Financial technology', 'Urban technology'].map((name) => ({
        name,
        basis: 'INFERRED',
      })),
    );
  });

  it('holds the four future industries, and the digital economy as a field with its technology and forms', async () => {
    const future = await db.read(
      "MATCH (i:Industry)-[:PART_OF]->(:Industry {id: 'zgc14:industry-future'}) RETURN i.name AS name ORDER BY name",
    );
    expect(future.map((f) => f['name'])).toEqual([
      'Future civil aerospace industry',
      'Future intelligent industry',
      'Future life and health industry',
      'Future material industry',
    ]);
    const parts = await db.read(
      "MATCH (x)-[:PART_OF]->(:Field {name: 'Digital economy'}) RETURN head(labels(x)) AS label, count(*) AS n",
    );
    expect(parts.map((p) => p['n']).reduce((a, b) => (a as number) + (b as number), 0)).toBe(4);
    expect(
      await db.read('MATCH (:ActionPlan)-[:DEVELOPS]->(d:Field {name: "Digital economy"}) RETURN count(d) AS n'),
    ).toEqual([{ n: 1 }]);
    expect(await db.read('MATCH (:Plan)-[:PROPOSES {basis: "STATED"}]->(f:BusinessForm) RETURN count(f) AS n')).toEqual(
      [{ n: 3 }],
    );
  });

  it('keeps frameworks, fields, technologies and forms out of Industry', async () => {
    expect(
      await db.read(
        'MATCH (i:Industry) WHERE i.name =~ "(?i).*(241|digital|technology$|consumption|formats).*" RETURN i.name AS name',
      ),
    ).toEqual([]);
  });

  it('holds every platform the source names, and the strategic fulcrums they form', async () => {
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
    expect(
      await db.read(
        'MATCH (p:Platform)-[:AIMS_AT {basis: "STATED"}]->(:Aim {id: "zgc14:aim-strategic-fulcrums"}) RETURN count(p) AS n',
      ),
    ).toEqual([{ n: 3 }]);
  });

  it('holds the outward-looking aims of paragraph 10', async () => {
    const aims = await db.read(
      'MATCH (a:Aim) WHERE 10 IN a.sources RETURN a.aimKind AS kind, a.name AS name ORDER BY name',
    );
    expect(aims.map((a) => a['name'])).toEqual([
      'Concept of science and technology for good',
      'Deep participation in international science and technology governance',
      'Important node of a two-way cycle',
      'Innovation planned and promoted with a global perspective',
      'Key hub of the global innovation network',
    ]);
  });

  it('models the zone, Beijing, the action plan and the source report with its metadata', async () => {
    expect(
      await db.read(
        'MATCH (:Plan)-[:GOVERNS]->(z:Area {areaKind: "DEMONSTRATION_ZONE"})-[:LOCATED_IN]->' +
          '(b:Area {name: "Beijing"}) RETURN count(*) AS n',
      ),
    ).toEqual([{ n: 1 }]);
    expect(await db.read('MATCH (:Plan)-[:CALLS_FOR]->(a:ActionPlan) RETURN a.name AS name')).toEqual([
      { name: 'Zhongguancun Digital Economy Leading Development Action Plan' },
    ]);
    expect(
      await db.read(
        'MATCH (s:Source {id: "zgc14:source-article"})-[:REPORTS_ON]->(:Plan) RETURN s.publisher AS publisher, s.dateline AS dateline, ' +
          's.dateAsGiven AS dateAsGiven, s.date AS date, s.reporter AS reporter, s.title AS title, ' +
          's.language AS language, s.sha256 AS sha256, s.textFile AS textFile',
      ),
    ).toEqual([
      {
        publisher: 'Chinanews.com',
        dateline: 'Beijing',
        dateAsGiven: 'November 29',
        date: '2021-11-29',
        reporter: 'Chen Hang',
        title: null,
        language: 'en',
        sha256: '3177e3232d7ada1f913a1152276b44944774cb06711096e7352f8833d3bc6d78',
        textFile: 'zhongguancun-14th-fyp-plan-article.txt',
      },
    ]);
    // The year comes from a copy of the same report, which therefore does not corroborate it.
    expect(
      await db.read(
        'MATCH (s:Source)-[r:REPORTS_ON]->(:Plan) WHERE s.id <> "zgc14:source-article" ' +
          'RETURN s.publisher AS publisher, s.date AS date, s.originalPublisher AS copyOf, r.basis AS basis ORDER BY publisher',
      ),
    ).toEqual([
      { publisher: 'Spotlight Beijing', date: '2021-12-02', copyOf: null, basis: 'INFERRED' },
      { publisher: 'tellerreport.com', date: '2021-11-29', copyOf: 'Chinanews.com', basis: 'STATED' },
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
  const folder = source.found ? path.dirname(source.file) : undefined;
  const itReadsSource = (name: string, test: () => void | Promise<void>): void =>
    source.found ? it(name, () => Promise.resolve(test())) : it.skip(`${name} [skipped: ${source.reason}]`, () => {});

  it('gives every node an id in its namespace, a name, a summary and citations, with sources derived from them', async () => {
    const bad = await db.read(
      "MATCH (n:Entity) WHERE NOT n.id STARTS WITH 'zgc14:' OR n.namespace <> 'zgc14' " +
        'OR n.name IS NULL OR n.summary IS NULL OR size(n.citationParagraphs) = 0 ' +
        'OR n.sources <> apoc_free_sorted RETURN n.id AS id'.replace(
          'apoc_free_sorted',
          'COLLECT { UNWIND n.citationParagraphs AS p WITH DISTINCT p ORDER BY p RETURN p }',
        ),
    );
    expect(bad).toEqual([]);
  });

  it('gives every relationship a basis and citations; inferred ones a rationale', async () => {
    const rows = await db.read(
      'MATCH (a)-[r]->(b) RETURN a.id + " -" + type(r) + "-> " + b.id AS link, r.basis AS basis, ' +
        'r.rationale AS rationale, size(r.citationParagraphs) AS cited',
    );
    const wrong = rows.flatMap((row) => [
      ...(row['basis'] === 'STATED' || row['basis'] === 'INFERRED' ? [] : [`${String(row['link'])}: basis`]),
      ...(row['basis'] === 'INFERRED' && typeof row['rationale'] !== 'string'
        ? [`${String(row['link'])}: inferred without rationale`]
        : []),
      ...((row['cited'] as number) > 0 ? [] : [`${String(row['link'])}: no citations`]),
    ]);
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => r['basis'] === 'INFERRED')).toHaveLength(62);
  });

  itReadsSource('passes the citation check over every claim: spans, mentions, bases and own words', () => {
    // readDataset runs the whole check when it has the text; this states what it covered.
    const { dataset } = readDataset(BUNDLED_PLAN_FILE, { sourceTextsDir: folder });
    const text = SourceText.fromBytes(fs.readFileSync(source.found ? source.file : ''));
    expect(checkCitations(dataset, new Map([['zgc14:source-article', text]]))).toEqual([]);
    const locators = [...dataset.nodes, ...dataset.relationships]
      .flatMap((claim) => claim.citations)
      .filter((l) => l.source === 'source-article');
    expect(locators).toHaveLength(276);
    expect(locators.every((l) => text.span(l) !== undefined)).toBe(true);
    // Every locator carries the fingerprint of its words, so a reader holding the page can check it.
    expect(locators.filter((l) => l.sha256 !== fingerprintOf(text.span(l)!))).toEqual([]);
  });

  // Copies of the dataset with one claim broken, each of which the loader must refuse, naming it.
  const broken: Array<[string, (d: PlanDataset) => void, RegExp]> = [
    [
      'a locator moved off the words that name the node',
      (d) => {
        const goal = d.nodes.find((n) => n.id === 'goal-2035')!;
        // Paragraph 13 is the closing mark, "(over)"; the fingerprint goes with the move, as a careless edit would.
        goal.citations = [{ ...goal.citations[0]!, paragraph: 13, start: 1, end: 5, sha256: undefined }];
      },
      /nodes\[\d+\] \(id "goal-2035"\) citations\[0\]: paragraph 13 \[1, 5\) "over" does not mention "Important engine of global technological innovation by 2035"/,
    ],
    [
      'a locator moved while its fingerprint stayed',
      (d) => {
        const goal = d.nodes.find((n) => n.id === 'goal-2035')!;
        goal.citations = [{ ...goal.citations[0]!, start: goal.citations[0]!.start + 4 }];
      },
      /nodes\[\d+\] \(id "goal-2035"\) citations\[0\]\.sha256: paragraph \d+ \[\d+, \d+\): the fingerprint [0-9a-f]{64} is not that of the cited words/,
    ],
    [
      'an inferred link relabelled as stated',
      (d) => {
        d.relationships.find((r) => r.type === 'ADVANCES' && r.from === 'task-talent')!.basis = 'STATED';
      },
      /relationships\[\d+\] \(task-talent -ADVANCES-> goal-2025-international\) basis: STATED, but no cited span mentions both/,
    ],
    [
      'a summary that copies the report',
      (d) => {
        // Ten words of paragraph 3, taken from the report at run time (the repository holds none of its sentences).
        const words = sourceParagraphs(source.found ? source.file : '')[2]!
          .split(' ')
          .slice(20, 30);
        d.nodes.find((n) => n.id === 'goal-2035')!.summary = `In short: ${words.join(' ')}.`;
      },
      /nodes\[\d+\] \(id "goal-2035"\) summary: repeats \d+ consecutive words of a source/,
    ],
    [
      'a locator past the end of its paragraph',
      (d) => {
        // Paragraph 2 is a heading of a few dozen characters.
        d.nodes.find((n) => n.id === 'beijing')!.citations = [
          { source: 'source-article', paragraph: 2, start: 0, end: 290 },
        ];
      },
      /nodes\[\d+\] \(id "beijing"\) citations\[0\]: paragraph 2 \[0, 290\): outside the paragraph, which has \d+ characters/,
    ],
  ];
  for (const [name, breakIt, expected] of broken) {
    itReadsSource(`refuses a copy with ${name}, naming the claim`, () => {
      const dataset = JSON.parse(fs.readFileSync(BUNDLED_PLAN_FILE, 'utf8')) as PlanDataset;
      breakIt(dataset);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'broken-plan-')), 'plan.json');
      fs.writeFileSync(file, JSON.stringify(dataset));
      expect(() => readDataset(file, { sourceTextsDir: folder })).toThrow(expected);
      // Without the text, only what needs no text is checked: the copy passes.
      expect(() => readDataset(file)).not.toThrow();
    });
  }

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
      nodes: { total: 77, created: 0, updated: 0, deleted: 0 },
      relationships: { total: 128, created: 0, updated: 0, deleted: 0 },
    });
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('dumps back to a file that, loaded again, changes nothing', async () => {
    const before = await graphSnapshot(db);
    const dump = await dumpNamespace(db, 'zgc14');
    expect(dump.nodes).toHaveLength(77);
    const report = await loadDataset(db, checkDataset('zgc14-dump.json', JSON.parse(JSON.stringify(dump))));
    expect(report.nodes).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(report.relationships).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('seeds every bundled file, each after the namespaces it refers to, into an empty database only', async () => {
    expect(await seedPlan(db)).toBeNull();
    await emptyGraph(db);
    const reports = await seedPlan(db);
    const files = bundledFiles().map((file) => readDataset(file).dataset);
    expect(reports?.map((r) => r.namespace)).toEqual(files.map((d) => d.namespace));
    expect(reports?.[0]?.namespace).toBe('zgc14');
    reports?.forEach((report, i) => {
      const { nodes, relationships } = files[i]!;
      expect(report.nodes).toEqual({ total: nodes.length, created: nodes.length, updated: 0, deleted: 0 });
      expect(report.relationships).toEqual({
        total: relationships.length,
        created: relationships.length,
        updated: 0,
        deleted: 0,
      });
      const earlier = new Set(files.slice(0, i).map((d) => d.namespace));
      for (const namespace of referencedNamespaces(files[i]!)) expect(earlier).toContain(namespace);
    });
  });
});
