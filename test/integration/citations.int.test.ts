/**
 * Provenance through the API and the exports: a dataset citing two sources, served with and without
 * their texts, and a text whose checksum is not the one its source names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from '../../src/dataset/loadDataset';
import { checkDataset } from '../../src/dataset/readDataset';
import { DatasetError, StartupError } from '../../src/errors/errors';
import { servedSourceTexts } from '../../src/provenance/servedSourceTexts';
import { sha256Of } from '../../src/provenance/SourceText';
import type { PlanDataset } from '../../src/dataset/PlanDataset';
import { emptyGraph, graphSnapshot } from '../support/graphSnapshot';
import { signToken, testAuth } from '../support/signIn';
import { startTestServer, type TestServer } from '../support/testServer';

const SECRET = 'citations-test-secret-0123456789abcdef';
const REPORT = 'Harbour Daily, Lakeside, May 3\n\nThe Lakeside Harbour Plan sets a goal: a cleaner harbour by 2030.\n';
const NOTE = 'Council note\nThe council will train boat builders for the harbour.\n';
const MEMO = 'Train boat builders now.\n';
const sha = (text: string): string => sha256Of(Buffer.from(text));

function span(text: string, paragraph: number, words: string): { paragraph: number; start: number; end: number } {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const start = lines[paragraph - 1]!.indexOf(words);
  if (start < 0) throw new Error(`fixture: "${words}" not in paragraph ${paragraph}`);
  return { paragraph, start, end: start + words.length };
}

const dataset: PlanDataset = {
  namespace: 'cite',
  nodes: [
    {
      id: 'report',
      label: 'Source',
      name: 'Harbour Daily report',
      citations: [{ source: 'report', ...span(REPORT, 1, 'Harbour Daily, Lakeside, May 3') }],
      title: 'Harbour plan issued',
      publisher: 'Harbour Daily',
      date: '2030-05-03',
      language: 'en',
      url: 'https://example.org/harbour',
      sha256: sha(REPORT),
      textFile: 'report.txt',
    },
    {
      id: 'note',
      label: 'Source',
      name: 'Council note',
      citations: [{ source: 'note', ...span(NOTE, 1, 'Council note') }],
      publisher: 'Lakeside council',
      language: 'en',
      sha256: sha(NOTE),
      textFile: 'note.txt',
    },
    {
      id: 'plan',
      label: 'Plan',
      name: 'Lakeside Harbour Plan',
      citations: [{ source: 'report', ...span(REPORT, 2, 'Lakeside Harbour Plan') }],
      zone: 'Lakeside',
    },
    {
      id: 'goal',
      label: 'Goal',
      name: 'Cleaner harbour by 2030',
      citations: [{ source: 'report', ...span(REPORT, 2, 'a cleaner harbour by 2030') }],
      goalKind: 'STAGE',
      targetYear: 2030,
    },
    {
      id: 'task',
      label: 'Task',
      name: 'Train boat builders',
      citations: [{ source: 'note', ...span(NOTE, 2, 'train boat builders') }],
      ordinal: 1,
    },
  ],
  relationships: [
    {
      type: 'SETS',
      from: 'plan',
      to: 'goal',
      basis: 'STATED',
      citations: [
        { source: 'report', ...span(REPORT, 2, 'Lakeside Harbour Plan sets a goal: a cleaner harbour by 2030') },
      ],
    },
    {
      type: 'ADVANCES',
      from: 'task',
      to: 'goal',
      basis: 'INFERRED',
      rationale: 'Boat builders serve the harbour; our reading of two sources.',
      citations: [
        { source: 'note', ...span(NOTE, 2, 'train boat builders for the harbour') },
        { source: 'report', ...span(REPORT, 2, 'a cleaner harbour by 2030') },
      ],
    },
  ],
};

let folder: string;
let withTexts: TestServer;
let withoutTexts: TestServer;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-texts-'));
  fs.writeFileSync(path.join(folder, 'report.txt'), REPORT);
  fs.writeFileSync(path.join(folder, 'note.txt'), NOTE);
  const prepare = async (db: TestServer['db']): Promise<void> => {
    await emptyGraph(db);
    await loadDataset(db, checkDataset('cite.json', dataset, { sourceTextsDir: folder }));
  };
  withTexts = await startTestServer(undefined, undefined, { prepare, sourceTextsDir: folder, auth: testAuth(SECRET) });
  withoutTexts = await startTestServer();
});
afterAll(async () => {
  await withTexts.close();
  await withoutTexts.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const CITATIONS = 'citations { source { id publisher } paragraph start end text }';

describe('Citations in the API', () => {
  it('gives each entity its spans, with the cited words from whichever source holds them', async () => {
    const result = await withTexts.graphql<{ goal: unknown; task: unknown }>(
      `{ goal: node(id: "cite:goal") { sources ${CITATIONS} } task: node(id: "cite:task") { sources ${CITATIONS} } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      goal: {
        sources: [2],
        citations: [
          {
            source: { id: 'cite:report', publisher: 'Harbour Daily' },
            ...span(REPORT, 2, 'a cleaner harbour by 2030'),
            text: 'a cleaner harbour by 2030',
          },
        ],
      },
      task: {
        sources: [2],
        citations: [
          {
            source: { id: 'cite:note', publisher: 'Lakeside council' },
            ...span(NOTE, 2, 'train boat builders'),
            text: 'train boat builders',
          },
        ],
      },
    });
  });

  it('gives each link edge its own spans, in the order the dataset cites them', async () => {
    const result = await withTexts.graphql<{ goals: Array<{ tasksConnection: unknown }> }>(
      `{ goals(where: {id: {eq: "cite:goal"}}) { tasksConnection { edges { basis node { id } citations { source { id } text } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.goals[0]?.tasksConnection).toEqual({
      edges: [
        {
          basis: 'INFERRED',
          node: { id: 'cite:task' },
          citations: [
            { source: { id: 'cite:note' }, text: 'train boat builders for the harbour' },
            { source: { id: 'cite:report' }, text: 'a cleaner harbour by 2030' },
          ],
        },
      ],
    });
  });

  it('gives graph nodes and edges their spans, aliases answered alike', async () => {
    const result = await withTexts.graphql<{ graph: { nodes: unknown[]; edges: unknown[] } }>(
      '{ graph(namespace: "cite") { nodes { id a: citations { text } b: citations { x: paragraph } } ' +
        'edges { id citations { paragraph text } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.graph.edges).toContainEqual({
      id: 'cite:plan|SETS|cite:goal',
      citations: [{ paragraph: 2, text: 'Lakeside Harbour Plan sets a goal: a cleaner harbour by 2030' }],
    });
    expect(result.data?.graph.nodes).toContainEqual({
      id: 'cite:plan',
      a: [{ text: 'Lakeside Harbour Plan' }],
      b: [{ x: 2 }],
    });
  });

  it('describes each source: title, publisher, date, language, URL and the checksum of its text', async () => {
    const result = await withTexts.graphql<{ node: unknown }>(
      '{ node(id: "cite:report") { ... on Source { title publisher date language url sha256 textFile } } }',
    );
    expect(result.data?.node).toEqual({
      title: 'Harbour plan issued',
      publisher: 'Harbour Daily',
      date: '2030-05-03',
      language: 'en',
      url: 'https://example.org/harbour',
      sha256: sha(REPORT),
      textFile: 'report.txt',
    });
  });

  it('answers text with null where the server holds no text of the source', async () => {
    const result = await withoutTexts.graphql<{ node: { citations: unknown[] } }>(
      `{ node(id: "cite:goal") { ${CITATIONS} } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.node.citations).toEqual([
      {
        source: { id: 'cite:report', publisher: 'Harbour Daily' },
        ...span(REPORT, 2, 'a cleaner harbour by 2030'),
        text: null,
      },
    ]);
  });
});

describe('Citations in the exports', () => {
  it('carry the spans and their words in Cytoscape JSON, GraphML and GEXF', async () => {
    const cyjs = (await (await fetch(`${withTexts.server.url}/export.cyjs`)).json()) as {
      elements: {
        nodes: Array<{ data: { id: string; citations: unknown } }>;
        edges: Array<{ data: { id: string; citations: unknown } }>;
      };
    };
    expect(cyjs.elements.nodes.find((n) => n.data.id === 'cite:task')?.data.citations).toEqual([
      // A locator given without a fingerprint is exported with a null one: every citation has the same keys.
      { source: 'cite:note', ...span(NOTE, 2, 'train boat builders'), sha256: null, text: 'train boat builders' },
    ]);
    expect(cyjs.elements.edges.find((e) => e.data.id === 'cite:task|ADVANCES|cite:goal')?.data.citations).toHaveLength(
      2,
    );
    for (const format of ['graphml', 'gexf']) {
      const body = await (await fetch(`${withTexts.server.url}/export.${format}`)).text();
      expect(body).toContain('citations');
      expect(body).toContain('train boat builders for the harbour');
    }
  });
});

describe('Source texts that do not match', () => {
  it('stop start-up, naming the file, the source and both checksums', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'source-texts-bad-'));
    fs.writeFileSync(path.join(bad, 'report.txt'), REPORT.replace('2030', '2031'));
    try {
      await expect(servedSourceTexts(withTexts.db, bad)).rejects.toThrow(StartupError);
      await expect(servedSourceTexts(withTexts.db, bad)).rejects.toThrow(
        `SOURCE_TEXTS_DIR: ${path.join(bad, 'report.txt')} has SHA-256 ${sha(REPORT.replace('2030', '2031'))}, but source "cite:report" cites the text with SHA-256 ${sha(REPORT)}`,
      );
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });

  it('are refused by the loader too, with nothing written', () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'source-texts-bad-'));
    fs.writeFileSync(path.join(bad, 'note.txt'), NOTE.toUpperCase());
    try {
      expect(() => checkDataset('cite.json', dataset, { sourceTextsDir: bad })).toThrow(DatasetError);
      expect(() => checkDataset('cite.json', dataset, { sourceTextsDir: bad })).toThrow(
        /note\.txt has SHA-256 [0-9a-f]{64}, but source "cite:note"/,
      );
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });
});

describe('Claims that reach into another namespace', () => {
  // A second file citing the first file's report and linking to its goal.
  const other = (link: Partial<PlanDataset['relationships'][number]>, citeSource = 'cite:report'): PlanDataset => ({
    namespace: 'cite2',
    nodes: [
      {
        id: 'task',
        label: 'Task',
        name: 'Train boat builders',
        citations: [{ source: 'cite:note', ...span(NOTE, 2, 'train boat builders') }],
        ordinal: 1,
      },
    ],
    relationships: [
      {
        type: 'ADVANCES',
        from: 'task',
        to: 'cite:goal',
        basis: 'INFERRED',
        rationale: 'Our reading.',
        citations: [{ source: citeSource, ...span(REPORT, 2, 'a cleaner harbour by 2030') }],
        ...link,
      },
    ],
  });
  afterEach(async () => {
    await withTexts.db.write("MATCH (n:Entity {namespace: 'cite2'}) DETACH DELETE n");
  });

  it('load when they cite Source nodes of the other namespace', async () => {
    const report = await loadDataset(withTexts.db, checkDataset('cite2.json', other({})));
    expect(report.relationships.created).toBe(1);
  });

  it('are refused when a citation names an entity of the other namespace that is no Source', async () => {
    await expect(loadDataset(withTexts.db, checkDataset('cite2.json', other({}, 'cite:plan')))).rejects.toThrow(
      'cites "cite:plan", which is no Source in the graph; load its file first',
    );
  });

  it("check a link's far end by its name in the graph when the text is at hand", async () => {
    // The file's own source text makes the check run; the far end's name comes from the graph.
    const own: PlanDataset = {
      ...other({
        basis: 'STATED',
        rationale: undefined,
        citations: [{ source: 'memo', paragraph: 1, start: 0, end: 19 }],
      }),
    };
    own.nodes.push({
      id: 'memo',
      label: 'Source',
      name: 'Boat builders note',
      citations: [{ source: 'memo', paragraph: 1, start: 0, end: 19 }],
      language: 'en',
      sha256: sha(MEMO),
      textFile: 'memo.txt',
    });
    own.nodes[0]!.citations = [{ source: 'memo', paragraph: 1, start: 0, end: 19 }];
    delete own.relationships[0]!.rationale;
    fs.writeFileSync(path.join(folder, 'memo.txt'), MEMO);
    const checked = checkDataset('cite2.json', own, { sourceTextsDir: folder });
    await expect(loadDataset(withTexts.db, checked)).rejects.toThrow(
      /relationships\[0\] \(task -ADVANCES-> cite:goal\) basis: STATED, but no cited span mentions both "Train boat builders" and "Cleaner harbour by 2030"/,
    );
  });

  it('keep a cited Source from being dropped by a reload of its own namespace', async () => {
    await loadDataset(withTexts.db, checkDataset('cite2.json', other({})));
    const withoutReport = { ...dataset, nodes: dataset.nodes.filter((n) => n.id !== 'report') };
    // Its own claims cite the report too, so the file is edited to cite the note instead.
    const edited = JSON.parse(
      JSON.stringify(withoutReport).replaceAll('"source":"report"', '"source":"note"'),
    ) as PlanDataset;
    await expect(loadDataset(withTexts.db, checkDataset('cite.json', edited))).rejects.toThrow(
      'drops the Source "cite:report", which claims of other namespaces still cite',
    );
    expect(await withTexts.db.read('MATCH (s:Source {id: "cite:report"}) RETURN count(s) AS n')).toEqual([{ n: 1 }]);
  });
});

describe('Curated entities against the texts: the name is cited, an alias only beside it', () => {
  const APPLY = `mutation ($changes: [ChangeInput!]!) {
    applyChanges(message: "an entity named by a formula", changes: $changes) { id }
  }`;
  const upsert = (aliases: string[], words: string) => ({
    upsertEntity: {
      id: 'cite:formula',
      kind: 'AIM',
      name: '=HYPERLINK("https://example.org","click")',
      aliases,
      summary: 'A name that the cited words never give.',
      citations: [{ source: 'cite:report', ...span(REPORT, 2, words) }],
      properties: { aimKind: 'CONCEPT' },
    },
  });

  it.each([
    ['an alias that the span shows', ['Plan'], 'The Lakeside Harbour Plan', 'no cited span mentions the name'],
    ['an alias nobody else holds', ['cleaner harbour'], 'a cleaner harbour by 2030', 'no cited span mentions the name'],
  ])('refuses an entity cited by %s alone, writing nothing', async (_name, aliases, words, message) => {
    const before = await graphSnapshot(withTexts.db);
    const headers = { authorization: `Bearer ${await signToken(SECRET, 'cora', ['curator'])}` };
    const result = await withTexts.graphql(APPLY, { changes: [upsert(aliases, words)] }, headers);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(message);
    expect(await graphSnapshot(withTexts.db)).toEqual(before);
  });
});
