/**
 * The explorer on a generated library too large to draw whole (a server whose request limit is 100
 * entities and whose drawing limit is 400 elements): it opens on an overview, grows by expand and by
 * search, never asks for more than the request limit at once, and never draws more than the drawing limit.
 */
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';
import { sizeOf, type LibraryShape } from '../../src/synthetic/generateLibrary';
import { loadLibrary } from '../../src/synthetic/loadLibrary';
import { findChromium } from '../support/chromium';
import { emptyGraph } from '../support/graphSnapshot';
import { startTestServer, type TestServer } from '../support/testServer';
import { changeView, drawn, launchBrowser, newPage, openExplorer, seriousViolations } from '../support/explorerBrowser';

const SHAPE: LibraryShape = {
  plans: 12,
  industries: 100,
  platforms: 20,
  tasksPerPlan: 8,
  industriesPerTask: 6,
  platformsPerTask: 2,
  plansPerFile: 4,
  seed: 5,
};
const REQUEST_LIMIT = 100;
const DRAWN_LIMIT = 400;

let t: TestServer;
let browser: Browser;
let page: Page;
const offsite: string[] = [];
/**
 * Every GraphQL exchange the page made: the `limit` and `linkLimit` it sent and the sizes of the lists
 * of entities and links it got.
 */
const exchanges: Array<Promise<{ limits: unknown[]; lists: number[] }>> = [];

/** Sizes of the lists in one root field's answer: the field itself, or its `nodes` and `edges`. */
function listSizes(value: unknown): number[] {
  if (Array.isArray(value)) return [value.length];
  if (value && typeof value === 'object') {
    return ['nodes', 'edges'].flatMap((key) => {
      const list = (value as Record<string, unknown>)[key];
      return Array.isArray(list) ? [list.length] : [];
    });
  }
  return [];
}
const browserFound = findChromium();
const describeInBrowser = browserFound.found ? describe : describe.skip;

/** The ids of an entity's neighbourhood as the API gives it with the page's request limit. */
async function neighbourhood(id: string): Promise<string[]> {
  const answer = await t.graphql<{ neighborhood: { nodes: Array<{ id: string }> } }>(
    `query($id: ID!) { neighborhood(id: $id, depth: 1, limit: ${REQUEST_LIMIT}) { nodes { id } } }`,
    { id },
  );
  return answer.data!.neighborhood.nodes.map((n) => n.id).sort();
}

describeInBrowser(
  `The explorer on a large library${browserFound.found ? '' : ` [skipped: ${browserFound.reason}]`}`,
  () => {
    beforeAll(async () => {
      if (!browserFound.found) return;
      t = await startTestServer({ ...DEFAULT_API_LIMITS, maxLimit: REQUEST_LIMIT }, undefined, {
        prepare: async (db) => {
          await emptyGraph(db);
          await loadLibrary(db, SHAPE);
        },
        explorerMaxDrawn: DRAWN_LIMIT,
      });
      browser = await launchBrowser(browserFound.executable);
      page = await newPage(browser, offsite);
      page.on('response', (response) => {
        const request = response.request();
        if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
        const sent = JSON.parse(request.postData() ?? '{}') as { variables?: Record<string, unknown> };
        exchanges.push(
          response.json().then((body: { data?: Record<string, unknown> }) => ({
            limits: [sent.variables?.['limit'], sent.variables?.['linkLimit']],
            lists: Object.values(body.data ?? {}).flatMap(listSizes),
          })),
        );
      });
    });
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it('opens on an overview: namespaces with their counts, the plans and the most connected entities', async () => {
      await openExplorer(page, t.server.url);
      const total = sizeOf(SHAPE).nodes;
      expect(total).toBeGreaterThan(REQUEST_LIMIT);
      expect(await page.locator('#status').textContent()).toContain(`Overview of ${total} entities`);
      const [row] = await t.db.read('MATCH (n:Entity) RETURN count(DISTINCT n.namespace) AS namespaces');
      expect(await page.locator('#library-namespaces caption').textContent()).toBe(
        `${total} entities in ${String(row!['namespaces'])} namespaces`,
      );
      const shown = await drawn(page);
      const hubs = await page
        .locator('#most-connected button')
        .evaluateAll((buttons) => buttons.map((b) => (b as unknown as { dataset: { focus: string } }).dataset.focus));
      expect(hubs.length).toBeGreaterThan(5);
      expect(shown.nodes).toEqual(expect.arrayContaining(hubs));
      expect(shown.nodes.length).toBeLessThanOrEqual(30);
    });

    it('grows by expanding an entity: its neighbourhood, asked for within the request limit', async () => {
      await openExplorer(page, t.server.url);
      const hub = await page.locator('#most-connected button').first().getAttribute('data-focus');
      await changeView(page, () => page.locator('#most-connected button').first().click());
      expect(new URL(page.url()).searchParams.get('focus')).toBe(hub);
      expect((await drawn(page)).nodes).toEqual(await neighbourhood(hub!));
      // Expanding a second entity adds its neighbourhood to the first.
      const second = (await neighbourhood(hub!)).find((id) => id !== hub)!;
      await changeView(page, () =>
        page.locator(`#details-links button.follow[data-follow="${second}"]`).first().click(),
      );
      await changeView(page, () => page.click('#expand'));
      expect(new URL(page.url()).searchParams.get('focus')).toBe(`${hub!},${second}`);
      const union = [...new Set([...(await neighbourhood(hub!)), ...(await neighbourhood(second))])].sort();
      expect((await drawn(page)).nodes).toEqual(union);
    });

    it('grows by search: an entity not drawn is added with its neighbourhood', async () => {
      const [row] = await t.db.read('MATCH (n:Industry) RETURN n.id AS id, n.name AS name ORDER BY n.id DESC LIMIT 1');
      const id = row!['id'] as string;
      const [plan] = await t.db.read('MATCH (p:Plan) RETURN p.id AS id ORDER BY p.id LIMIT 1');
      await openExplorer(page, t.server.url, `focus=${String(plan!['id'])}`);
      const before = await drawn(page);
      expect(before.nodes).not.toContain(id);
      await changeView(page, async () => {
        await page.fill('#search-text', row!['name'] as string);
        await page.click('#search-form button');
      });
      await changeView(page, () => page.locator(`#search-results li[data-id="${id}"] button`).click());
      const after = await drawn(page);
      expect(after.nodes).toEqual(expect.arrayContaining([...before.nodes, id]));
      expect(await page.evaluate('document.body.dataset.selected')).toBe(id);
    });

    it('asks for the links of a dense view within the request limit too, and says the view was cut', async () => {
      const hubs = await t.graphql<{ mostConnected: Array<{ entity: { id: string } }> }>(
        '{ mostConnected(limit: 1) { entity { id } } }',
      );
      const hub = hubs.data!.mostConnected[0]!.entity.id;
      // Without a link cap, the entities the page may ask for hold more links than the request limit.
      const uncapped = await t.graphql<{ neighborhood: { edges: unknown[] } }>(
        `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: ${REQUEST_LIMIT}) { edges { id } } }`,
        { id: hub },
      );
      expect(uncapped.data!.neighborhood.edges.length).toBeGreaterThan(REQUEST_LIMIT);
      await openExplorer(page, t.server.url, `focus=${hub}&depth=2`);
      const shown = await drawn(page);
      expect(shown.nodes).toHaveLength(REQUEST_LIMIT);
      expect(shown.edges).toHaveLength(REQUEST_LIMIT);
      expect(await page.locator('#status').textContent()).toContain(
        `A request was cut at ${REQUEST_LIMIT} entities or links`,
      );
    });

    it('stops drawing at the drawing limit, and says so', async () => {
      // Expand the most connected entities one after another until the page says it stopped.
      const hubs = await t.graphql<{ mostConnected: Array<{ entity: { id: string } }> }>(
        '{ mostConnected(limit: 12) { entity { id } } }',
      );
      const focus = hubs.data!.mostConnected.map((c) => c.entity.id);
      await openExplorer(page, t.server.url, `focus=${focus.join(',')}`);
      expect(await page.locator('#status').textContent()).toContain(`The drawing stopped at ${DRAWN_LIMIT} elements`);
      const shown = await drawn(page);
      expect(shown.nodes.length + shown.edges.length).toBeLessThanOrEqual(DRAWN_LIMIT);
    });

    it('hides a namespace among several', async () => {
      await openExplorer(page, t.server.url);
      const shown = await drawn(page);
      const [row] = await t.db.read(
        'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.namespace AS namespace, collect(n.id) AS ids ORDER BY size(ids) DESC LIMIT 1',
        { ids: shown.nodes },
      );
      await changeView(page, () => page.locator(`#filter-namespace-${String(row!['namespace'])}`).click());
      expect((await drawn(page)).hiddenNodes).toEqual([...(row!['ids'] as string[])].sort());
    });

    it('has no serious or critical accessibility violations on the overview', async () => {
      await openExplorer(page, t.server.url);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('never asked the server for more entities or links than the request limit at once', async () => {
      const all = await Promise.all(exchanges);
      expect(all.length).toBeGreaterThan(5);
      // The neighbourhoods the page asked for held links, and asked for no more than the limit of them.
      expect(all.some((exchange) => exchange.limits[1] !== undefined && exchange.lists[1]! > 0)).toBe(true);
      for (const exchange of all) {
        for (const limit of exchange.limits.filter((l) => l !== undefined)) {
          expect(limit).toBeLessThanOrEqual(REQUEST_LIMIT);
        }
        for (const size of exchange.lists) expect(size).toBeLessThanOrEqual(REQUEST_LIMIT);
      }
      expect(offsite).toEqual([]);
    });
  },
);
