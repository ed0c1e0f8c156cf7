/**
 * The README's printed answers are the API's: the analyst examples over the Plan's file alone, the
 * follow-through questions over the whole bundle as `npm start` loads it. Each printed query is run and
 * its answer (the `data`, or the whole `{ "data": ... }` body where the README prints that) compared with
 * the block under it. After a change to the data, README_ANSWERS_OUT=<file> writes the real answers there,
 * to be read and pasted (the test still fails until the README says them).
 */
import fs from 'node:fs';
import { seedPlan } from '../../src/dataset/seedPlan';
import { emptyGraph } from '../support/graphSnapshot';
import { readmeExamples, readmeRequests } from '../support/readmeExamples';
import { sourceTextsDir } from '../support/sourceDocument';
import { startPlanServer } from '../support/planServer';
import { startTestServer, type TestServer } from '../support/testServer';

/** The ad-hoc Cypher key the README's example starts the server with. */
const README_CYPHER_KEY = 'change-me-to-a-long-secret';

/** Runs each example of a README section against the server `start` gives, comparing answers. */
function specifyAnswers(section: string, questions: number, start: () => Promise<TestServer>): void {
  const examples = readmeExamples(section);
  let t: TestServer;
  beforeAll(async () => {
    t = await start();
  });
  afterAll(async () => {
    const out = process.env['README_ANSWERS_OUT'];
    if (out) {
      const real = [];
      for (const e of examples) real.push({ question: e.question, data: (await t.graphql(e.query)).data });
      fs.writeFileSync(`${out}.${section}.json`, JSON.stringify(real, null, 2) + '\n');
    }
    await t.close();
  });

  it(`asks ${questions} questions, each with a query and its printed answer`, () => {
    expect(examples.filter((e) => e.question !== '')).toHaveLength(questions);
  });

  it.each(examples.map((e) => [e.question, e] as const))('%s', async (_question, example) => {
    const response = await t.graphql(example.query);
    expect(response.errors).toBeUndefined();
    // Where the README prints the whole body, compare the whole body.
    const printsBody = typeof example.answer === 'object' && example.answer !== null && 'data' in example.answer;
    expect(printsBody ? { data: response.data } : response.data).toEqual(example.answer);
  });
}

describe("The README's example queries for analysts, over the Plan's file", () => {
  specifyAnswers('plan', 6, () => startPlanServer());
});

describe("The README's follow-through answers, over the bundle", () => {
  specifyAnswers('follow-through', 5, () =>
    startTestServer(undefined, undefined, {
      sourceTextsDir: sourceTextsDir(),
      prepare: async (db) => {
        await emptyGraph(db);
        await seedPlan(db, sourceTextsDir());
      },
    }),
  );
});

describe("The README's curl commands, against the Plan's file", () => {
  const requests = readmeRequests();
  let t: TestServer;
  beforeAll(async () => {
    // The README's own key, so its ad-hoc Cypher example runs as printed.
    const adhoc = {
      apiKey: README_CYPHER_KEY,
      timeoutMs: 5000,
      maxRows: 100,
      maxConcurrent: 2,
      maxConcurrentPerKey: 2,
    };
    t = await startPlanServer(undefined, adhoc);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the GraphQL, ad-hoc Cypher and export commands', () => {
    expect(requests.map((r) => (r.body ? 'POST' : 'GET') + ' ' + r.path.split('?')[0])).toEqual([
      'POST /graphql',
      'GET /export.graphml',
      'POST /graphql',
    ]);
  });

  it.each(requests.map((r) => [`README.md:${r.line}`, r] as const))('%s answers without errors', async (_at, r) => {
    const response = await fetch(`${t.server.url}${r.path}`, {
      method: r.body ? 'POST' : 'GET',
      headers: r.headers,
      ...(r.body ? { body: r.body } : {}),
    });
    expect(response.status).toBe(200);
    if (r.body) {
      const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      expect(answer.errors).toBeUndefined();
      expect(Object.values(answer.data ?? {}).length).toBeGreaterThan(0);
    } else {
      expect(await response.text()).toContain('<graphml');
    }
  });
});
