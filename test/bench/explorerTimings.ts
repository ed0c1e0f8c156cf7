/**
 * `npm run bench:explorer -- --url URL [--runs N] [--focus ID,ID,...]`: how long the explorer page takes,
 * measured in headless Chromium with the page's own performance marks, against a server already running
 * at URL (on the Plan, or on a generated library). Each run opens the page in a fresh browser context
 * and times: opening on the default view; selecting an entity; hiding one kind (the hiding alone, and
 * the whole change with the new layout); a zoom step until the frame is painted. Then it opens a large
 * view, the neighbourhoods of the most connected entities (or of `--focus`) up to the page's drawing
 * limit, and times the same interactions there and the layouts. Prints medians over the runs.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { findChromium } from '../support/chromium';
import { changeView, launchBrowser, newPage, openExplorer } from '../support/explorerBrowser';
import { postGraphql } from './postGraphql';
import { lastMeasure, printMedians, type Sample } from './pageMeasures';

/** The duration of the last measure the page took under `name`. */
const measure = (page: Page, name: string): Promise<number> => lastMeasure(page, 'explorerTimings', name);

/** Times the interactions on the view the page shows; keys are prefixed with `prefix`. */
async function interactions(page: Page, prefix: string, sample: Sample): Promise<void> {
  const counts = await page.evaluate<{ nodes: number; edges: number; node: string; kind: string }>(`(() => {
    const nodes = cy.nodes().not('.filtered');
    const byKind = {};
    nodes.forEach((n) => { byKind[n.data('kind')] = (byKind[n.data('kind')] ?? 0) + 1; });
    const kind = Object.entries(byKind).sort((a, b) => b[1] - a[1])[0][0];
    return { nodes: nodes.length, edges: cy.edges().not('.filtered').length,
      node: nodes.sort((a, b) => b.degree() - a.degree())[0].id(), kind };
  })()`);
  sample[`${prefix} nodes`] = counts.nodes;
  sample[`${prefix} links`] = counts.edges;
  await changeView(page, () => page.evaluate(`cy.getElementById(${JSON.stringify(counts.node)}).emit('tap')`));
  sample[`${prefix} select (ms)`] = await measure(page, 'select');
  await changeView(page, () => page.locator(`#filter-kinds-${counts.kind}`).click());
  sample[`${prefix} hide a kind: hiding (ms)`] = await measure(page, 'hide');
  sample[`${prefix} hide a kind: with layout (ms)`] = await measure(page, 'filter');
  await changeView(page, () => page.locator(`#filter-kinds-${counts.kind}`).click());
  sample[`${prefix} zoom step to painted frame (ms)`] = await page.evaluate<number>(`(async () => {
    const frames = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      cy.zoom({ level: cy.zoom() * (i % 2 ? 0.8 : 1.25), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      frames.push(performance.now() - t);
    }
    return frames.sort((a, b) => a - b)[5];
  })()`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { url: { type: 'string' }, runs: { type: 'string', default: '3' }, focus: { type: 'string' } },
  });
  if (!values.url) throw new Error('--url is required: the base URL of a running server');
  const url = values.url.replace(/\/$/, '');
  const chromium = findChromium();
  if (!chromium.found) throw new Error(chromium.reason);
  const hubs = (await postGraphql(`${url}/graphql`, '{ mostConnected(limit: 8) { entity { id } } }')) as {
    mostConnected: Array<{ entity: { id: string } }>;
  };
  const focus = values.focus ?? hubs.mostConnected.map((c) => c.entity.id).join(',');
  const browser = await launchBrowser(chromium.executable);
  const samples: Sample[] = [];
  try {
    for (let run = 0; run < Number(values.runs); run++) {
      const page = await newPage(browser, []);
      const sample: Sample = {};
      await openExplorer(page, url);
      sample['open: navigation to drawn (ms)'] = await measure(page, 'open');
      sample['open: layout (ms)'] = await measure(page, 'layout');
      await interactions(page, 'default view:', sample);
      await openExplorer(page, url, `focus=${focus}`);
      sample['large view: navigation to drawn (ms)'] = await measure(page, 'open');
      sample['large view: layered layout (ms)'] = await measure(page, 'layout');
      await interactions(page, 'large view:', sample);
      await changeView(page, async () => {
        await page.selectOption('#layout', 'force');
      });
      sample['large view: force layout (ms)'] = await measure(page, 'layout');
      samples.push(sample);
      await page.context().close();
      process.stderr.write(`run ${run + 1}: ${JSON.stringify(sample)}\n`);
    }
  } finally {
    await browser.close();
  }
  printMedians(`Explorer at ${url}, ${samples.length} runs, medians; large view: focus=${focus}`, samples);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
