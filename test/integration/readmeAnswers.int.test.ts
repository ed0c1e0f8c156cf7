/**
 * The README's answers to an analyst's questions about follow-through are the API's answers over the
 * bundled datasets, as `npm start` loads them: each printed query is run and its `data` compared with the
 * answer printed under it. After a change to the data, README_ANSWERS_OUT=<file> writes the real answers
 * there, to be read and pasted (the test still fails until the README says them).
 */
import fs from 'node:fs';
import { seedPlan } from '../../src/dataset/seedPlan';
import { emptyGraph } from '../support/graphSnapshot';
import { readmeExamples } from '../support/readmeExamples';
import { sourceTextsDir } from '../support/sourceDocument';
import { startTestServer, type TestServer } from '../support/testServer';

const examples = readmeExamples('follow-through');
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(undefined, undefined, {
    sourceTextsDir: sourceTextsDir(),
    prepare: async (db) => {
      await emptyGraph(db);
      await seedPlan(db, sourceTextsDir());
    },
  });
});
afterAll(async () => {
  const out = process.env['README_ANSWERS_OUT'];
  if (out) {
    const real = [];
    for (const e of examples) real.push({ question: e.question, data: (await t.graphql(e.query)).data });
    fs.writeFileSync(out, JSON.stringify(real, null, 2) + '\n');
  }
  await t.close();
});

describe("The README's follow-through answers", () => {
  it('asks five questions, each with a query and its printed answer', () => {
    expect(examples.map((e) => e.question)).toHaveLength(5);
  });

  it.each(examples.map((e) => [e.question, e] as const))('%s', async (_question, example) => {
    const response = await t.graphql(example.query);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual(example.answer);
  });
});
