/**
 * The explorer page and the GraphQL IDE, driven in headless Chromium (Debian's `chromium` package,
 * through playwright-core; no browser is downloaded). Every request the pages make must stay on this
 * server: nothing comes from a CDN.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/paths';
import { startPlanServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';

let t: TestServer;
let browser: Browser;
let page: Page;
const offsite: string[] = [];

function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      "Chromium is needed for the browser tests: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH",
    );
  }
}

beforeAll(async () => {
  t = await startPlanServer();
  browser = await chromium.launch({
    executablePath: chromiumPath(),
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
  await t.close();
});

async function clickNode(id: string): Promise<void> {
  const box = await page.locator('#graph').boundingBox();
  // Browser-side code is passed as text: the tests are type-checked without the DOM library.
  const position = await page.evaluate<{ x: number; y: number }>(
    `window.cy.getElementById(${JSON.stringify(id)}).renderedPosition()`,
  );
  await page.mouse.click(box!.x + position.x, box!.y + position.y);
}

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
    expect(await page.locator('#legend-kinds li').count()).toBe(8);
  });

  it('searches, and shows an entity picked from the results', async () => {
    await page.fill('#search-text', 'Zhongguancun Forum');
    await page.click('#search-form button');
    await page.locator('#search-results li').first().click();
    await expect(page.locator('#details-name').textContent()).resolves.toBe('Zhongguancun Forum');
    expect(await page.locator('#details-sources').textContent()).toBe('Source paragraphs: 12');
    expect(await page.locator('#details-links li').count()).toBe(2);
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
    await page.fill('#search-text', 'Zhongguancun Forum');
    await page.click('#search-form button');
    await page.locator('#search-results li').first().click();
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
    await clickNode('zgc14:industry-system-241');
    await expect(page.locator('#details-name').textContent()).resolves.toBe("'241' high-precision industry system");
    await page.click('#expand');
    await page.waitForFunction("window.cy.$('.highlight').length > 0");
    const highlighted = await page.evaluate("window.cy.$('node.highlight').length");
    const [row] = await t.db.read(
      'MATCH (:Entity {id: "zgc14:industry-system-241"})--(n) RETURN count(DISTINCT n) + 1 AS n',
    );
    expect(highlighted).toBe(row!['n']);
  });
});

describe('GraphQL IDE', () => {
  it('opens GraphiQL at /graphql in a browser, with example queries, all assets local', async () => {
    await page.goto(`${t.server.url}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.waitForSelector('.graphiql-tab', { timeout: 30_000 });
    expect(await page.locator('.graphiql-tab').count()).toBe(5);
    expect(offsite).toEqual([]);
  });
});
