/**
 * The explorer's overview of every bundled dataset (the Plan, the related plans and the follow-through),
 * read as an analyst reads it at two window sizes: every label drawn is large enough to read, inside the
 * canvas and clear of the other labels; zoomed in, every node in sight is labelled; the side panels
 * fold away and give the drawing the room; Chinese names beside English ones, and search in Chinese.
 */
import type { Browser, Page } from 'playwright-core';
import { findChromium } from '../support/chromium';
import { startBundleServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';
import {
  changeView,
  launchBrowser,
  newPage,
  openExplorer,
  seriousViolations,
  waitDrawn,
} from '../support/explorerBrowser';

let t: TestServer;
let browser: Browser;
let page: Page;
const offsite: string[] = [];
const browserFound = findChromium();
// Without Chromium the whole file is skipped, with the reason in the suite's name.
const describeInBrowser = browserFound.found ? describe : describe.skip;

/** The smallest height a drawn label may have on screen, in CSS pixels. */
const READABLE_PX = 11;

interface DrawnLabel {
  id: string;
  px: number;
  box: { x1: number; y1: number; x2: number; y2: number };
}

/** Every label the drawing shows: its node, its letters' height on screen, its box on the canvas. */
async function drawnLabels(): Promise<{
  labels: DrawnLabel[];
  unlabelledWithText: string[];
  width: number;
  height: number;
}> {
  return page.evaluate(`(() => {
    const shown = cy.nodes().not('.filtered');
    const labelled = shown.filter((n) => n.style('label') !== '');
    return {
      labels: labelled.map((n) => ({
        id: n.id(),
        px: n.numericStyle('font-size') * cy.zoom(),
        box: n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true,
          includeOverlays: false, includeUnderlays: false, includeOutlines: false }),
      })),
      unlabelledWithText: shown.filter((n) => !n.hasClass('labelled') && n.style('label') !== '').map((n) => n.id()),
      width: cy.width(),
      height: cy.height(),
    };
  })()`);
}

/** Pairs of drawn labels whose boxes overlap. */
function overlapping(labels: DrawnLabel[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i]!.box, labels[j]!.box];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push([labels[i]!.id, labels[j]!.id]);
    }
  return pairs;
}

async function expectReadable(): Promise<DrawnLabel[]> {
  const { labels, unlabelledWithText, width, height } = await drawnLabels();
  expect(labels.length).toBeGreaterThan(0);
  expect(unlabelledWithText).toEqual([]);
  expect(labels.filter((l) => l.px < READABLE_PX)).toEqual([]);
  const cut = labels.filter((l) => l.box.x1 < 0 || l.box.y1 < 0 || l.box.x2 > width || l.box.y2 > height);
  expect(cut).toEqual([]);
  expect(overlapping(labels)).toEqual([]);
  return labels;
}

/** Waits until the labels suit the viewport the page shows now. */
async function labelsPlaced(): Promise<void> {
  await page.waitForFunction("document.body.dataset.labels === 'placed' && !window.cy.animated()");
}

describeInBrowser(
  `the explorer's overview of every dataset${browserFound.found ? '' : ` (${browserFound.reason})`}`,
  () => {
    beforeAll(async () => {
      if (!browserFound.found) return;
      t = await startBundleServer();
      browser = await launchBrowser(browserFound.executable);
      page = await newPage(browser, offsite);
    });
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    describe.each([
      [1400, 900],
      [1920, 1080],
    ])('at %ix%i', (width, height) => {
      beforeEach(async () => {
        await page.setViewportSize({ width, height });
      });

      it('draws only labels that can be read, inside the canvas and clear of each other', async () => {
        await openExplorer(page, t.server.url);
        const labels = await expectReadable();
        // The whole graph is drawn, and the most connected entity is among those labelled.
        const top = await t.graphql<{ mostConnected: Array<{ entity: { id: string } }> }>(
          '{ mostConnected(limit: 1) { entity { id } } }',
        );
        expect(labels.map((l) => l.id)).toContain(top.data!.mostConnected[0]!.entity.id);
      });

      it('labels the selected entity, however little it is connected', async () => {
        await openExplorer(page, t.server.url);
        const least = await page.evaluate<string>(`cy.nodes().min((n) => n.degree()).ele.id()`);
        await openExplorer(page, t.server.url, `selected=${encodeURIComponent(least)}`);
        const labels = await expectReadable();
        expect(labels.map((l) => l.id)).toContain(least);
      });

      it('labels every node in sight once zoomed in to reading size', async () => {
        await openExplorer(page, t.server.url);
        await page.focus('#graph');
        while ((await page.evaluate<number>('cy.zoom()')) < 1) {
          await page.keyboard.press('+');
          await labelsPlaced();
        }
        await expectReadable();
        // A node in sight with room for its label under it, away from the canvas's edges and the overlays.
        const unlabelled = await page.evaluate<string[]>(`(() => {
        const [w, h] = [cy.width(), cy.height()];
        return cy.nodes().not('.filtered').filter((n) => {
          const p = n.renderedPosition();
          return p.x > 200 && p.x < w - 200 && p.y > 120 && p.y < h - 160 && !n.hasClass('labelled');
        }).map((n) => n.id());
      })()`);
        expect(unlabelled).toEqual([]);
      });

      it('folds the side panels away, giving the drawing the window width, and keeps the choice', async () => {
        await openExplorer(page, t.server.url);
        const before = await page.evaluate<number>('cy.width()');
        for (const button of ['#toggle-controls', '#toggle-details']) {
          await page.click(button);
          await labelsPlaced();
          expect(await page.getAttribute(button, 'aria-expanded')).toBe('false');
        }
        expect(await page.isHidden('#controls')).toBe(true);
        expect(await page.isHidden('#details-panel')).toBe(true);
        expect(await page.evaluate<number>('cy.width()')).toBe(width);
        expect(await page.evaluate<number>('cy.width()')).toBeGreaterThan(before);
        // Fitted to the new room: every node inside the canvas.
        const outside = await page.evaluate<string[]>(`cy.nodes().filter((n) => {
        const p = n.renderedPosition();
        return p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height();
      }).map((n) => n.id())`);
        expect(outside).toEqual([]);
        await expectReadable();
        expect(await seriousViolations(page)).toEqual([]);
        // Kept for the next visit, and undone the same way.
        await openExplorer(page, t.server.url);
        expect(await page.isHidden('#controls')).toBe(true);
        for (const button of ['#toggle-controls', '#toggle-details']) {
          await page.click(button);
          await labelsPlaced();
          expect(await page.getAttribute(button, 'aria-expanded')).toBe('true');
        }
        expect(await page.isVisible('#controls')).toBe(true);
        expect(await page.isVisible('#details-panel')).toBe(true);
      });
    });

    describe('names in two languages', () => {
      beforeAll(async () => {
        await page.setViewportSize({ width: 1400, height: 900 });
      });

      it('shows Chinese names beside the English ones when asked, and not otherwise', async () => {
        const plans = await t.graphql<{
          plans: Array<{ id: string; names: Array<{ text: string; language: string }> }>;
        }>('{ plans { id names { text language } } }');
        const named = plans.data!.plans.find((p) => p.names.some((n) => n.language === 'zh-Hans'))!;
        const chinese = named.names.find((n) => n.language === 'zh-Hans')!.text;
        const label = (): Promise<string> =>
          page.evaluate(`cy.getElementById(${JSON.stringify(named.id)}).data('label')`);
        await openExplorer(page, t.server.url, `selected=${encodeURIComponent(named.id)}`);
        expect(await label()).not.toContain(chinese.slice(0, 6));
        await changeView(page, () => page.check('#names-zh'));
        expect(new URL(page.url()).searchParams.get('names')).toBe('zh');
        expect(await label()).toContain(chinese.slice(0, 6));
        await expectReadable();
        // The details give every name, each marked with its language.
        const listed = await page.evaluate<Array<{ text: string; language: string }>>(
          `[...document.querySelectorAll('#details-names li span')].map((s) => ({ text: s.textContent, language: s.lang }))`,
        );
        expect(listed).toEqual(named.names);
        expect(await seriousViolations(page)).toEqual([]);
        await changeView(page, () => page.goBack().then(() => undefined));
        expect(await page.isChecked('#names-zh')).toBe(false);
        expect(await label()).not.toContain(chinese.slice(0, 6));
      });

      it('finds entities by their Chinese names, as the API does', async () => {
        const text = '中关村论坛';
        const hits = await t.graphql<{ search: Array<{ entity: { id: string } }> }>(
          'query($text: String!) { search(text: $text, limit: 10) { entity { id } } }',
          { text },
        );
        expect(hits.data!.search.length).toBeGreaterThan(0);
        await openExplorer(page, t.server.url);
        await page.fill('#search-text', text);
        await changeView(page, () => page.click('#search-form button[type=submit]'));
        await waitDrawn(page);
        const listed = await page.evaluate<string[]>(
          `[...document.querySelectorAll('#search-results li[data-id]')].map((li) => li.dataset.id)`,
        );
        expect(listed).toEqual(hits.data!.search.map((h) => h.entity.id));
        // Hits in the drawing claim room for their labels first.
        const { labels } = await drawnLabels();
        const firstHit = await page.evaluate<string | null>(
          `cy.nodes('.search-hit').max((n) => n.degree()).ele?.id() ?? null`,
        );
        expect(firstHit).not.toBeNull();
        expect(labels.map((l) => l.id)).toContain(firstHit);
      });
    });

    it('asks nothing of any other host', () => {
      expect(offsite).toEqual([]);
    });
  },
);
