/**
 * `npm run bench:timeline -- --url URL [--runs N]`: how long the timeline page takes, measured in
 * headless Chromium with the page's own performance measures, against a server already running at URL
 * (on the bundled datasets, or on a generated library). Each run opens the page on its default view in
 * a fresh browser context and times the opening (navigation to the first view drawn), then follows
 * through two commitments: the goal mark with the most evidence (clicked in the drawing) and the first
 * commitment of the last drawn plan (its button in the lists), each from the click until the panel shows
 * its follow-through. Before timing, every run checks that the panel lists what `followThrough` answers.
 * Prints medians over the runs.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { findChromium } from '../support/chromium';
import { changeView, launchBrowser, newPage, waitDrawn } from '../support/explorerBrowser';
import { postGraphql } from './postGraphql';
import { lastMeasure, printMedians, type Sample } from './pageMeasures';

/** The duration of the last measure the page took under `name`. */
const measure = (page: Page, name: string): Promise<number> => lastMeasure(page, 'timelineTimings', name);

/** Fails unless the panel lists the evidence of `id` that the API's `followThrough` gives, in its order. */
async function checkPanel(page: Page, graphqlUrl: string, id: string): Promise<void> {
  const answer = (await postGraphql(
    graphqlUrl,
    `{ followThrough(id: ${JSON.stringify(id)}) { evidence { id } } }`,
  )) as {
    followThrough: { evidence: Array<{ id: string }> };
  };
  const shown = await page.evaluate<string[]>(
    `[...document.querySelectorAll('#chain-evidence li.chain-evidence')].map((li) => li.dataset.id)`,
  );
  const expected = answer.followThrough.evidence.map((e) => e.id);
  if (JSON.stringify(shown) !== JSON.stringify(expected))
    throw new Error(`the panel for ${id} lists ${JSON.stringify(shown)}, the API ${JSON.stringify(expected)}`);
}

/** Clicks `selector` and returns the page's measure of the selection, once the panel is checked. */
async function select(page: Page, graphqlUrl: string, selector: string): Promise<number> {
  // Goal marks carry their id as data-id, the lists' buttons as data-select.
  const target = page.locator(selector).first();
  const id = (await target.getAttribute('data-select')) ?? (await target.getAttribute('data-id'));
  await changeView(page, () => target.click());
  if ((await page.evaluate('document.body.dataset.selected')) !== id) throw new Error(`selecting ${id} did not take`);
  await checkPanel(page, graphqlUrl, id!);
  return measure(page, 'select');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { url: { type: 'string' }, runs: { type: 'string', default: '5' } },
  });
  if (!values.url) throw new Error('--url is required: the base URL of a running server');
  const url = values.url.replace(/\/$/, '');
  const graphqlUrl = `${url}/graphql`;
  const chromium = findChromium();
  if (!chromium.found) throw new Error(chromium.reason);
  const browser = await launchBrowser(chromium.executable);
  const samples: Sample[] = [];
  try {
    for (let run = 0; run < Number(values.runs); run++) {
      const page = await newPage(browser, []);
      const sample: Sample = {};
      await page.goto(`${url}/timeline`);
      await waitDrawn(page);
      sample['open: navigation to drawn (ms)'] = await measure(page, 'open');
      const counts = await page.evaluate<{
        plans: number;
        bands: number;
        goals: number;
        evidence: number;
        top: string;
      }>(`(() => {
        const goals = [...document.querySelectorAll('#drawing .mark.goal')];
        const evidenceOf = (g) => document.querySelectorAll('#drawing .mark.evidence[data-on~="' + g.dataset.id + '"]').length;
        const top = goals.sort((a, b) => evidenceOf(b) - evidenceOf(a))[0];
        return { plans: document.querySelectorAll('#plan-choices input').length,
          bands: document.querySelectorAll('#drawing .band').length, goals: goals.length,
          evidence: document.querySelectorAll('#drawing .mark.evidence').length, top: top.dataset.id };
      })()`);
      sample['plans in the library'] = counts.plans;
      sample['bands drawn'] = counts.bands;
      sample['goal marks drawn'] = counts.goals;
      sample['evidence marks drawn'] = counts.evidence;
      sample['select a goal mark (ms)'] = await select(page, graphqlUrl, `#drawing .goal[data-id="${counts.top}"]`);
      sample['select from the lists (ms)'] = await select(
        page,
        graphqlUrl,
        '#commitment-lists section:last-child button[data-select]',
      );
      samples.push(sample);
      await page.context().close();
      process.stderr.write(`run ${run + 1}: ${JSON.stringify(sample)}\n`);
    }
  } finally {
    await browser.close();
  }
  printMedians(`Timeline at ${url}, ${samples.length} runs, medians`, samples);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
