/**
 * The explorer page and the GraphQL IDE, driven in headless Chromium (Debian's `chromium` package,
 * through playwright-core; no browser is downloaded). Every request the pages make must stay on this
 * server: nothing comes from a CDN.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/paths';
import { findChromium } from '../support/chromium';
import { startPlanServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';

let t: TestServer;
let browser: Browser;
let page: Page;
const offsite: string[] = [];
const browserFound = findChromium();
// Without Chromium the whole file is skipped, with the reason in the suite's name; `.ci/run` requires it.
const describeInBrowser = browserFound.found ? describe : describe.skip;

/**
 * Clicks a node on the canvas where cy says it is, the way a user would, but only once the view is still
 * and the point is on that node alone: the test zooms in around the node until no other node's box
 * covers its centre. Then waits until the page announces the node as selected.
 */
async function clickNode(id: string): Promise<void> {
  await page.waitForFunction("document.body.dataset.view === 'still' && !window.cy.animated()");
  // Browser-side code is passed as text: the tests are type-checked without the DOM library.
  const position = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const cy = window.cy;
    const node = cy.getElementById(${JSON.stringify(id)});
    const covering = (p) => cy.nodes().filter((n) => {
      const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      return p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
    });
    for (let attempt = 0; attempt < 8; attempt++) {
      const p = node.renderedPosition();
      const inView = p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height();
      if (inView && covering(p).length === 1) return p;
      if (inView) cy.zoom({ level: cy.zoom() * 1.6, renderedPosition: p });
      else cy.center(node);
    }
    return null;
  })()`);
  if (!position) throw new Error(`node ${id} cannot be reached on the canvas without another node in the way`);
  const box = await page.locator('#graph').boundingBox();
  await page.mouse.click(box!.x + position.x, box!.y + position.y);
  await page.waitForFunction(`document.body.dataset.selected === ${JSON.stringify(id)}`);
}

/** Searches and picks the result with this id from the list. */
async function pickFromSearch(text: string, id: string): Promise<void> {
  await page.fill('#search-text', text);
  await page.click('#search-form button');
  await page.locator(`#search-results li[data-id="${id}"]`).click();
  await page.waitForFunction(`document.body.dataset.selected === ${JSON.stringify(id)}`);
}

describeInBrowser(`In a browser${browserFound.found ? '' : ` [skipped: ${browserFound.reason}]`}`, () => {
  beforeAll(async () => {
    if (!browserFound.found) return;
    t = await startPlanServer();
    browser = await chromium.launch({
      executablePath: browserFound.executable,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (!local && url.protocol !== 'data:' && url.protocol !== 'blob:') offsite.push(request.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe('Explorer page', () => {
    it('draws the whole graph from the API', async () => {
      await page.goto(`${t.server.url}/`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      const drawn = await page.evaluate('({ nodes: window.cy.nodes().length, edges: window.cy.edges().length })');
      const [counts] = await t.db.read(
        'MATCH (n:Entity) WITH count(n) AS nodes MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS edges',
      );
      expect(drawn).toEqual(counts);
      expect(await page.locator('#status').textContent()).toContain(`${String(counts!['nodes'])} nodes`);
      expect(await page.locator('#legend-kinds li').count()).toBe(13);
    });

    it('searches, and shows an entity picked from the results', async () => {
      await page.fill('#search-text', 'Zhongguancun Forum');
      await page.click('#search-form button');
      await page.locator('#search-results li').first().click();
      await page.waitForFunction("document.body.dataset.selected === 'zgc14:platform-zgc-forum'");
      await expect(page.locator('#details-name').textContent()).resolves.toBe('Zhongguancun Forum');
      expect(await page.locator('#details-sources').textContent()).toBe('Source paragraphs: 12');
      expect(await page.locator('#details-links > li').count()).toBe(3);
    });

    it('shows the evidence for an entity and for each of its links: the cited words where the server has them', async () => {
      const answer = await t.graphql<{ node: { citations: Array<{ text: string | null }> } }>(
        '{ node(id: "zgc14:platform-zgc-forum") { citations { text } } }',
      );
      const citations = answer.data!.node.citations;
      const shown = await page.locator('#details-citations > li').allTextContents();
      expect(shown).toHaveLength(citations.length);
      citations.forEach((c, i) => expect(shown[i]).toContain(c.text ?? 'the server has no text of this source'));
      expect(shown[0]).toMatch(/paragraph 12, characters \d+-\d+/);
      // Every link listed carries its own citations.
      const perLink = await page.evaluate<number[]>(
        "[...document.querySelectorAll('#details-links > li')].map((li) => li.querySelectorAll('ol.citations > li').length)",
      );
      expect(perLink.every((n) => n > 0)).toBe(true);
    });

    it('shows a node clicked on the canvas, with its summary and links', async () => {
      await clickNode('zgc14:goal-2035');
      await expect(page.locator('#details-name').textContent()).resolves.toBe(
        'Important engine of global technological innovation by 2035',
      );
      expect(await page.locator('#details-summary').textContent()).toContain('2035');
      expect(await page.locator('#impact').isVisible()).toBe(true);
    });

    it('highlights the shortest path between two picked entities', async () => {
      await pickFromSearch('Zhongguancun Forum', 'zgc14:platform-zgc-forum');
      await page.click('#path-from');
      await clickNode('zgc14:goal-2035');
      await page.click('#path-to');
      await page.waitForFunction("document.getElementById('path-status').textContent.startsWith('Path of length')");
      expect(await page.locator('#path-status').textContent()).toContain('Path of length 2: Zhongguancun Forum');
      expect(await page.evaluate("window.cy.$('.highlight').length")).toBe(5);
    });

    it("highlights a goal's impact and saves a screenshot", async () => {
      await clickNode('zgc14:goal-2025-industry');
      await page.click('#impact');
      await page.waitForFunction("document.getElementById('path-status').textContent.startsWith('Impact')");
      expect(await page.locator('#path-status').textContent()).toMatch(/^Impact: 1 tasks, \d+ industries, 0 platforms/);
      const dir = path.join(PROJECT_ROOT, '.artifacts');
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, 'explorer.png') });
      expect(fs.statSync(path.join(dir, 'explorer.png')).size).toBeGreaterThan(10_000);
    });

    it('expands the neighbourhood of a node through the API', async () => {
      await page.click('#clear');
      await clickNode('zgc14:framework-241');
      await expect(page.locator('#details-name').textContent()).resolves.toBe("'241' high-precision industry system");
      await page.click('#expand');
      await page.waitForFunction("window.cy.$('.highlight').length > 0");
      const highlighted = await page.evaluate("window.cy.$('node.highlight').length");
      const [row] = await t.db.read(
        'MATCH (:Entity {id: "zgc14:framework-241"})--(n) RETURN count(DISTINCT n) + 1 AS n',
      );
      expect(highlighted).toBe(row!['n']);
    });
  });

  describe('GraphQL IDE', () => {
    it('opens GraphiQL at /graphql in a browser, with example queries, all assets local', async () => {
      await page.goto(`${t.server.url}/graphql`);
      await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
      await page.waitForSelector('.graphiql-tab', { timeout: 30_000 });
      expect(await page.locator('.graphiql-tab').count()).toBe(6);
      expect(offsite).toEqual([]);
    });

    it('sends the Authorization header of its curation tab with the mutation', async () => {
      await page.locator('.graphiql-tab').last().click();
      const sent = page.waitForRequest((request) => request.url().endsWith('/graphql') && request.method() === 'POST', {
        timeout: 30_000,
      });
      await page.click('.graphiql-execute-button');
      const request = await sent;
      expect(request.headers()['authorization']).toBe('Bearer PASTE-A-TOKEN');
      expect(request.postData()).toContain('applyChanges');
      // The placeholder is no credential: the server refuses it, and nothing is written.
      expect((await request.response())?.status()).toBe(401);
    });
  });
});
