/**
 * Driving the explorer page in headless Chromium (Debian's `chromium`, through playwright-core; no
 * browser is downloaded): launching it, opening a view and waiting for the page to say it is drawn,
 * reading what is drawn, and the accessibility check. Browser-side code is passed as text, because the
 * tests are type-checked without the DOM library.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';

/** Starts headless Chromium with nothing that reaches out on its own. */
export async function launchBrowser(executable: string): Promise<Browser> {
  return chromium.launch({
    executablePath: executable,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
    ],
  });
}

/** A new page of the size the tests assume, recording every request that leaves this machine into `offsite`. */
export async function newPage(browser: Browser, offsite: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('request', (request) => {
    const url = new URL(request.url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (!local && url.protocol !== 'data:' && url.protocol !== 'blob:') offsite.push(request.url());
  });
  return page;
}

/**
 * Waits until the page has drawn a view, laid it out and placed its labels (on a page that places them),
 * and fails with the page's status if it could not.
 */
export async function waitDrawn(page: Page): Promise<void> {
  await page.waitForSelector(
    'body[data-ready="true"][data-layout="done"]:not([data-labels="pending"]), body[data-ready="error"]',
    {
      timeout: 60_000,
    },
  );
  if ((await page.evaluate('document.body.dataset.ready')) === 'error')
    throw new Error(`the explorer failed: ${await page.locator('#status').textContent()}`);
}

/** Opens the explorer at `query` (a query string, or '' for the default view) and waits until it is drawn. */
export async function openExplorer(page: Page, baseUrl: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/${query ? '?' + query : ''}`);
  await waitDrawn(page);
}

/** Runs `action` (a click or key press that changes the view) and waits until the view it asked for is drawn. */
export async function changeView(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await page.evaluate<string>('document.body.dataset.drawn');
  await action();
  await page.waitForFunction(`Number(document.body.dataset.drawn) > ${Number(before)}`, undefined, { timeout: 60_000 });
  await waitDrawn(page);
}

/** What the page draws and hides: node and link ids, each sorted. */
export interface Drawn {
  nodes: string[];
  edges: string[];
  hiddenNodes: string[];
  hiddenEdges: string[];
}

/** Reads what Cytoscape draws. */
export async function drawn(page: Page): Promise<Drawn> {
  return page.evaluate<Drawn>(`(() => {
    const ids = (c) => c.map((e) => e.id()).sort();
    return {
      nodes: ids(cy.nodes().not('.filtered')),
      edges: ids(cy.edges().not('.filtered')),
      hiddenNodes: ids(cy.nodes('.filtered')),
      hiddenEdges: ids(cy.edges('.filtered')),
    };
  })()`);
}

/**
 * Pairs of shown nodes where one's drawn label covers the other's label or the other node. Only the
 * labels of the plans and of chosen nodes (selected, highlighted, search hits) may cover other nodes:
 * they are drawn whatever lies under them.
 */
export async function labelOverlaps(page: Page): Promise<Array<[string, string]>> {
  return page.evaluate<Array<[string, string]>>(`(() => {
    const only = { includeEdges: false, includeOverlays: false, includeUnderlays: false, includeOutlines: false };
    const shown = cy.nodes().not('.filtered');
    const meet = (a, c) => a.x1 < c.x2 && c.x1 < a.x2 && a.y1 < c.y2 && c.y1 < a.y2;
    const nodes = shown.map((n) => ({ id: n.id(), b: n.renderedBoundingBox({ ...only, includeLabels: false }) }));
    const labels = shown.filter((n) => n.style('label') !== '').map((n) => ({
      id: n.id(),
      mayCover: n.data('kind') === 'PLAN' || n.selected() || n.hasClass('highlight') || n.hasClass('search-hit'),
      b: n.renderedBoundingBox({ ...only, includeNodes: false, includeLabels: true }),
    }));
    const pairs = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++)
        if (meet(labels[i].b, labels[j].b)) pairs.push([labels[i].id, labels[j].id]);
      if (labels[i].mayCover) continue;
      for (const node of nodes)
        if (node.id !== labels[i].id && meet(labels[i].b, node.b)) pairs.push([labels[i].id, node.id]);
    }
    return pairs;
  })()`);
}

/** Violations of impact serious or critical that axe-core finds on the page as it stands. */
export async function seriousViolations(page: Page): Promise<Array<{ id: string; impact: string; targets: string[] }>> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })))`);
}

/** The file a download saved, as bytes. */
export async function downloaded(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

/** A PNG's size, checked by decoding it: its signature, header, and image data inflating to the expected length. */
export function decodePng(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  let offset = 8;
  let header: { width: number; height: number; bitDepth: number; colourType: number } | undefined;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR')
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8]!, colourType: body[9]! };
    if (type === 'IDAT') data.push(body);
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header) throw new Error('not a PNG: no header');
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[header.colourType];
  if (!channels || header.bitDepth !== 8) throw new Error(`unexpected PNG pixel format ${JSON.stringify(header)}`);
  const raw = zlib.inflateSync(Buffer.concat(data));
  const expected = header.height * (1 + header.width * channels);
  if (raw.length !== expected) throw new Error(`PNG data inflates to ${raw.length} bytes, expected ${expected}`);
  return { width: header.width, height: header.height };
}
