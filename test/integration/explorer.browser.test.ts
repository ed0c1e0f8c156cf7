/**
 * The explorer page and the GraphQL IDE on the bundled Plan, driven in headless Chromium: the layered
 * drawing, each filter, the evidence in the details panel, views held in the URL, downloads, keyboard
 * use and the accessibility check. Every request the pages make must stay on this server.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/paths';
import { NODE_LABELS } from '../../src/dataset/PlanDataset';
import { sourceTextsDir } from '../support/sourceDocument';
import { findChromium } from '../support/chromium';
import { startPlanServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';
import {
  changeView,
  decodePng,
  downloaded,
  drawn,
  labelOverlaps,
  launchBrowser,
  newPage,
  openExplorer,
  seriousViolations,
} from '../support/explorerBrowser';

let t: TestServer;
let browser: Browser;
let page: Page;
const offsite: string[] = [];
const browserFound = findChromium();
// Without Chromium the whole file is skipped, with the reason in the suite's name; `.ci/run` requires it.
const describeInBrowser = browserFound.found ? describe : describe.skip;

/** Ids of the Plan's entities and links, from the database, for comparing with what is drawn. */
async function graphIds(where = 'true'): Promise<{ nodes: string[]; edges: string[] }> {
  const rows = await t.db.read(
    `MATCH (n:Entity) WHERE ${where} WITH collect(n.id) AS nodes
     OPTIONAL MATCH (s:Entity)-[r]->(o:Entity) WHERE s.id IN nodes AND o.id IN nodes
     RETURN nodes, collect(s.id + '|' + type(r) + '|' + o.id) AS edges`,
  );
  const row = rows[0]!;
  return { nodes: (row['nodes'] as string[]).sort(), edges: (row['edges'] as string[]).sort() };
}

/** Clicks a node on the canvas where cy says it is, once the view is still and nothing else covers the point. */
async function clickNode(id: string): Promise<void> {
  await page.waitForFunction("document.body.dataset.view === 'still' && !window.cy.animated()");
  const position = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const node = cy.getElementById(${JSON.stringify(id)});
    const covering = (p) => cy.nodes().not('.filtered').filter((n) => {
      const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      return p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
    });
    // The zoom buttons and the answer box stand over the canvas: a point under them is not on the drawing.
    const onCanvas = (p) => {
      const r = cy.container().getBoundingClientRect();
      return cy.container().contains(document.elementFromPoint(r.left + p.x, r.top + p.y));
    };
    for (let attempt = 0; attempt < 8; attempt++) {
      const p = node.renderedPosition();
      const inView = p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height() && onCanvas(p);
      if (inView && covering(p).length === 1) return p;
      if (inView) cy.zoom({ level: cy.zoom() * 1.6, renderedPosition: p });
      else cy.center(node);
    }
    return null;
  })()`);
  if (!position) throw new Error(`node ${id} cannot be reached on the canvas without another node in the way`);
  const box = await page.locator('#graph').boundingBox();
  await changeView(page, () => page.mouse.click(box!.x + position.x, box!.y + position.y));
  expect(await page.evaluate('document.body.dataset.selected')).toBe(id);
}

/** Toggles one filter checkbox and waits for the new view. */
async function toggle(filter: string, value: string): Promise<void> {
  await changeView(page, () => page.locator(`#filter-${filter}-${value}`).click());
}

/** Reads the shown/hidden counts sentence. */
async function countsLine(): Promise<string> {
  return (await page.locator('#filter-counts').textContent()) ?? '';
}

describeInBrowser(`The explorer in a browser${browserFound.found ? '' : ` [skipped: ${browserFound.reason}]`}`, () => {
  beforeAll(async () => {
    if (!browserFound.found) return;
    t = await startPlanServer();
    browser = await launchBrowser(browserFound.executable);
    page = await newPage(browser, offsite);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe('drawing', () => {
    it('draws the whole Plan in layers: Plan, then goals, then tasks, then what tasks develop and build', async () => {
      await openExplorer(page, t.server.url);
      const ids = await graphIds();
      const shown = await drawn(page);
      expect(shown.nodes).toEqual(ids.nodes);
      expect(shown.edges).toEqual(ids.edges);
      expect(await page.locator('#status').textContent()).toContain('The whole graph: 77 entities');
      // Columns from left to right: every goal right of the Plan, every task right of every goal, and
      // every industry and platform right of every task.
      const columns = await page.evaluate<Record<string, [number, number]>>(`(() => {
        const span = {};
        cy.nodes().forEach((n) => {
          const k = n.data('kind'), x = n.position('x');
          span[k] = span[k] ? [Math.min(span[k][0], x), Math.max(span[k][1], x)] : [x, x];
        });
        return span;
      })()`);
      expect(columns['PLAN']![1]).toBeLessThan(columns['GOAL']![0]);
      expect(columns['GOAL']![1]).toBeLessThan(columns['TASK']![0]);
      expect(columns['TASK']![1]).toBeLessThan(columns['INDUSTRY']![0]);
      expect(columns['TASK']![1]).toBeLessThan(columns['PLATFORM']![0]);
    });

    it('draws no node label over another', async () => {
      await openExplorer(page, t.server.url);
      expect(await labelOverlaps(page)).toEqual([]);
    });

    it('cuts long names on the canvas and gives the whole name on hover and in the details', async () => {
      await openExplorer(page, t.server.url);
      const longest = await page.evaluate<{ id: string; name: string; label: string }>(`(() => {
        const n = cy.nodes().max((n) => n.data('name').length).ele;
        return { id: n.id(), name: n.data('name'), label: n.data('label') };
      })()`);
      expect(longest.name.length).toBeGreaterThan(66);
      expect(longest.label.split('\n').length).toBeLessThanOrEqual(3);
      expect(longest.label.endsWith('…')).toBe(true);
      const at = await page.evaluate<{ x: number; y: number }>(
        `cy.getElementById(${JSON.stringify(longest.id)}).renderedPosition()`,
      );
      const box = await page.locator('#graph').boundingBox();
      await page.mouse.move(box!.x + at.x, box!.y + at.y);
      await page.waitForFunction(`document.getElementById('graph').title === ${JSON.stringify(longest.name)}`);
      await clickNode(longest.id);
      expect(await page.locator('#details-name').textContent()).toBe(longest.name);
    });

    it('tells kinds apart by shape as well as colour, and links by dash', async () => {
      await openExplorer(page, t.server.url);
      const shapes = await page.evaluate<Record<string, string>>(
        `Object.fromEntries(cy.nodes().map((n) => [n.data('kind'), n.style('shape')]))`,
      );
      expect(new Set(Object.values(shapes)).size).toBe(Object.keys(shapes).length);
      const dashes = await page.evaluate<Record<string, string>>(
        `Object.fromEntries(cy.edges().map((e) => [e.data('basis'), e.style('line-style')]))`,
      );
      expect(dashes).toEqual({ STATED: 'solid', INFERRED: 'dashed' });
      // One legend entry per kind the graph may hold, drawn or not.
      expect(await page.locator('#legend-kinds li svg path').count()).toBe(NODE_LABELS.length);
    });
  });

  describe('filters', () => {
    beforeEach(async () => {
      await openExplorer(page, t.server.url);
    });

    it('hides a kind at once, with the counts of what is shown and hidden', async () => {
      await toggle('kinds', 'TASK');
      const ids = await graphIds('NOT n:Task');
      const shown = await drawn(page);
      expect(shown.nodes).toEqual(ids.nodes);
      expect(shown.edges).toEqual(ids.edges);
      const all = await graphIds();
      expect(await countsLine()).toBe(
        `Showing ${ids.nodes.length} of 77 entities and ${ids.edges.length} of ${all.edges.length} links; ` +
          `hidden by filters: 7 entities, ${all.edges.length - ids.edges.length} links.`,
      );
      expect(new URL(page.url()).searchParams.get('kinds')).not.toContain('TASK');
      expect(await labelOverlaps(page)).toEqual([]);
    });

    it('hides industries of a tier, and nothing else', async () => {
      await toggle('tiers', 'SERVICE_BRANCH');
      const ids = await graphIds("NOT (n:Industry AND n.tier = 'SERVICE_BRANCH')");
      expect((await drawn(page)).nodes).toEqual(ids.nodes);
      expect((await drawn(page)).hiddenNodes).toHaveLength(5);
      expect(new URL(page.url()).searchParams.get('tiers')).toBe('LEADING,KEY,SERVICE,FUTURE,TRADITIONAL');
    });

    it('hides inferred links and keeps every entity', async () => {
      await toggle('basis', 'INFERRED');
      const [row] = await t.db.read(
        "MATCH (:Entity)-[r]->(:Entity) RETURN sum(CASE r.basis WHEN 'STATED' THEN 1 ELSE 0 END) AS stated, count(r) AS all",
      );
      const shown = await drawn(page);
      expect(shown.nodes).toHaveLength(77);
      expect(shown.edges).toHaveLength(row!['stated'] as number);
      expect(await page.evaluate("cy.edges().not('.filtered').every((e) => e.data('basis') === 'STATED')")).toBe(true);
      expect(await countsLine()).toContain(
        `hidden by filters: 0 entities, ${(row!['all'] as number) - (row!['stated'] as number)} links`,
      );
    });

    it('hides links by review status (every loaded link is accepted)', async () => {
      await toggle('review', 'ACCEPTED');
      const shown = await drawn(page);
      const [row] = await t.db.read(
        "MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS links, sum(CASE WHEN r.reviewStatus IS NULL OR r.reviewStatus = 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted",
      );
      expect(row!['accepted']).toBe(row!['links']);
      expect(shown.nodes).toHaveLength(77);
      expect(shown.edges).toEqual([]);
      expect(shown.hiddenEdges).toHaveLength(row!['links'] as number);
      expect(new URL(page.url()).searchParams.get('review')).toBe('PROPOSED,DISPUTED');
    });

    it('hides a namespace', async () => {
      await toggle('namespace', 'zgc14');
      expect((await drawn(page)).nodes).toEqual([]);
      expect(await countsLine()).toContain('Showing 0 of 77 entities');
      // An empty view exports nothing: the GraphML link is off.
      expect(await page.locator('#download-graphml').getAttribute('aria-disabled')).not.toBeNull();
    });
    it('keeps only one kind, none, and all again, from the buttons of the group', async () => {
      await changeView(page, () => page.getByRole('button', { name: 'Kinds: only Task', exact: true }).click());
      expect(new URL(page.url()).searchParams.get('kinds')).toBe('TASK');
      expect((await drawn(page)).nodes).toEqual((await graphIds('n:Task')).nodes);
      await changeView(page, () => page.getByRole('button', { name: 'Kinds: show none', exact: true }).click());
      expect((await drawn(page)).nodes).toEqual([]);
      expect(await countsLine()).toContain('Showing 0 of 77 entities');
      await changeView(page, () => page.getByRole('button', { name: 'Kinds: show all', exact: true }).click());
      expect(new URL(page.url()).searchParams.has('kinds')).toBe(false);
      expect((await drawn(page)).nodes).toHaveLength(77);
    });

    it('answers "no answer" rather than asking the API when a link filter keeps nothing', async () => {
      await changeView(page, () => page.getByRole('button', { name: 'Links: basis: show none', exact: true }).click());
      expect(new URL(page.url()).searchParams.get('basis')).toBe('');
      await clickNode('zgc14:goal-2035');
      await page.click('#impact');
      await page.waitForFunction("document.getElementById('path-status').textContent !== ''");
      expect(await page.locator('#path-status').textContent()).toBe(
        "No answer: the view's filters keep no link [no links]",
      );
    });

    // What the database says is part of the '241' system, directly or through a branch, over links of `bases`.
    async function members241(bases: string[]): Promise<string[]> {
      const rows = await t.db.read(
        `MATCH p = (i:Industry)-[:PART_OF*1..]->(:Entity {id: 'zgc14:framework-241'})
         WHERE all(r IN relationships(p) WHERE r.basis IN $bases) RETURN DISTINCT i.id AS id ORDER BY id`,
        { bases },
      );
      return rows.map((r) => r['id'] as string);
    }

    it("keeps industries to the '241' system's members, and to its stated members with inferred links hidden", async () => {
      const box = page.locator('[id="filter-system-zgc14:framework-241"]');
      await changeView(page, () => box.click());
      expect(new URL(page.url()).searchParams.get('system')).toBe('zgc14:framework-241');
      const all = await members241(['STATED', 'INFERRED']);
      expect(all.length).toBeGreaterThan(6);
      const shown = await drawn(page);
      const industries = (await graphIds('n:Industry')).nodes;
      expect(shown.nodes.filter((id) => industries.includes(id))).toEqual(all);
      // Other kinds stay.
      expect(shown.nodes).toContain('zgc14:goal-2035');
      expect(await page.locator('[data-filter="system"] label').textContent()).toContain(`(${all.length})`);
      // The export route cannot hold this filter: the GraphML link says so instead of exporting more.
      expect(await page.locator('#download-graphml').getAttribute('aria-disabled')).not.toBeNull();
      await toggle('basis', 'INFERRED');
      const stated = await members241(['STATED']);
      expect(stated.length).toBeLessThan(all.length);
      expect((await drawn(page)).nodes.filter((id) => industries.includes(id))).toEqual(stated);
      await changeView(page, () => box.click());
      expect(new URL(page.url()).searchParams.has('system')).toBe(false);
      expect((await drawn(page)).nodes.filter((id) => industries.includes(id))).toEqual(industries);
    });
  });

  describe('evidence', () => {
    it('shows an entity picked from the search: its citations with the cited words when the server has them, and its links grouped by type', async () => {
      await openExplorer(page, t.server.url);
      await changeView(page, async () => {
        await page.fill('#search-text', 'Zhongguancun Forum');
        await page.click('#search-form button');
      });
      await changeView(page, () =>
        page.locator('#search-results li[data-id="zgc14:platform-zgc-forum"] button').click(),
      );
      expect(await page.locator('#details-name').textContent()).toBe('Zhongguancun Forum');
      expect(await page.locator('#details-sources').textContent()).toBe('Source paragraphs: 12');
      const answer = await t.graphql<{ node: { citations: Array<{ text: string | null }> } }>(
        '{ node(id: "zgc14:platform-zgc-forum") { citations { text } } }',
      );
      const shown = await page.locator('#details-citations > li').allTextContents();
      expect(shown).toHaveLength(answer.data!.node.citations.length);
      // With the report at hand the cited words; without it, the note that the server has none.
      answer.data!.node.citations.forEach((c, i) =>
        expect(shown[i]).toContain(c.text ?? '(the server has no text of this source)'),
      );
      expect(answer.data!.node.citations.every((c) => (c.text === null) === (sourceTextsDir() === undefined))).toBe(
        true,
      );
      expect(shown[0]).toMatch(/paragraph 12, characters \d+-\d+/);
      // Links grouped by type and direction, as many as the database holds, each with its own citations.
      const rows = await t.db.read(
        `MATCH (f:Entity {id: 'zgc14:platform-zgc-forum'})-[r]-(o:Entity)
         RETURN CASE WHEN startNode(r) = f THEN type(r) + ' →' ELSE '← ' + type(r) END AS key, count(*) AS n ORDER BY key`,
      );
      const groups = await page.locator('#details-links .link-group h4').allTextContents();
      expect(groups).toEqual(rows.map((r) => `${String(r['key'])} (${String(r['n'])})`));
      const perLink = await page.evaluate<number[]>(
        "[...document.querySelectorAll('#details-links li[data-edge]')].map((li) => li.querySelectorAll('ol.citations > li').length)",
      );
      expect(perLink.length).toBe(rows.reduce((sum, r) => sum + (r['n'] as number), 0));
      expect(perLink.every((n) => n > 0)).toBe(true);
    });

    it("follows a link to the entity at its other end, and shows a link's basis, rationale and evidence", async () => {
      await openExplorer(page, t.server.url, 'selected=zgc14:platform-zgc-forum');
      const [inferred] = await t.db.read(
        `MATCH (f:Entity {id: 'zgc14:platform-zgc-forum'})-[r {basis: 'INFERRED'}]-(o:Entity)
         RETURN startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS id, r.rationale AS rationale, o.id AS other
         ORDER BY id LIMIT 1`,
      );
      const edgeId = inferred!['id'] as string;
      await changeView(page, () => page.locator(`#details-links li[data-edge="${edgeId}"] .link-details`).click());
      expect(await page.evaluate('document.body.dataset.selected')).toBe(edgeId);
      expect(await page.locator('#details-kind').textContent()).toContain('Inferred by us');
      expect(await page.locator('#details-summary').textContent()).toBe(`Rationale: ${String(inferred!['rationale'])}`);
      expect(await page.locator('#details-citations > li').count()).toBeGreaterThan(0);
      const other = inferred!['other'] as string;
      await changeView(page, () => page.locator(`#details button.follow[data-follow="${other}"]`).first().click());
      expect(await page.evaluate('document.body.dataset.selected')).toBe(other);
    });

    it('opens GraphiQL on the query that returns the selection', async () => {
      await openExplorer(page, t.server.url, 'selected=zgc14:platform-zgc-forum');
      const href = await page.locator('#open-graphiql').getAttribute('href');
      const ide = await page.context().newPage();
      try {
        await ide.goto(`${t.server.url}${href!}`);
        await ide.waitForSelector('.graphiql-container', { timeout: 30_000 });
        const answer = ide.waitForResponse(
          (r) =>
            r.url().endsWith('/graphql') &&
            r.request().method() === 'POST' &&
            (r.request().postData() ?? '').includes('query Selected'),
        );
        await ide.click('.graphiql-execute-button');
        const body = (await (await answer).json()) as { data: { node: { id: string; name: string } } };
        expect(body.data.node).toMatchObject({ id: 'zgc14:platform-zgc-forum', name: 'Zhongguancun Forum' });
      } finally {
        await ide.close();
      }
    });
  });

  describe('views in the URL', () => {
    const focus = 'zgc14:goal-2035';
    // Every kind but aims, in the order the page lists kinds (the order it writes them in URLs).
    const kinds = [
      'PLAN',
      'GOAL',
      'TASK',
      'INDUSTRY',
      'PLATFORM',
      'FRAMEWORK',
      'AREA',
      'ACTION_PLAN',
      'FIELD',
      'TECHNOLOGY',
      'BUSINESS_FORM',
      'SOURCE',
    ];
    const shared = `focus=${focus}&depth=2&kinds=${kinds.join(',')}&basis=STATED&layout=force&q=forum&selected=${focus}`;

    it('restores a shared view in a fresh browser: the same elements, filters, layout, search and selection', async () => {
      const fresh = await newPage(browser, offsite);
      try {
        await openExplorer(fresh, t.server.url, shared);
        expect(new URL(fresh.url()).search).toBe('?' + shared);
        const answer = await t.graphql<{
          neighborhood: {
            nodes: Array<{ id: string; kind: string }>;
            edges: Array<{ id: string; source: string; target: string }>;
          };
        }>(
          `{ neighborhood(id: "${focus}", depth: 2, basis: [STATED], limit: 500) { nodes { id kind } edges { id source target } } }`,
        );
        const kept = answer.data!.neighborhood.nodes.filter((n) => kinds.includes(n.kind)).map((n) => n.id);
        const keptEdges = answer.data!.neighborhood.edges.filter(
          (e) => kept.includes(e.source) && kept.includes(e.target),
        );
        const shown = await drawn(fresh);
        expect(shown.nodes).toEqual([...kept].sort());
        expect(shown.edges).toEqual(keptEdges.map((e) => e.id).sort());
        expect(shown.hiddenNodes.length).toBeGreaterThan(0);
        expect(await fresh.locator('#filter-kinds-AIM').isChecked()).toBe(false);
        expect(await fresh.locator('#filter-kinds-GOAL').isChecked()).toBe(true);
        expect(await fresh.locator('#filter-basis-INFERRED').isChecked()).toBe(false);
        expect(await fresh.locator('#layout').inputValue()).toBe('force');
        expect(await fresh.locator('#depth').inputValue()).toBe('2');
        expect(await fresh.locator('#search-text').inputValue()).toBe('forum');
        expect(await fresh.locator('#search-results li[data-id="zgc14:platform-zgc-forum"]').count()).toBe(1);
        expect(await fresh.evaluate('document.body.dataset.selected')).toBe(focus);
        expect(await fresh.locator('#details-name').textContent()).toBe(
          'Important engine of global technological innovation by 2035',
        );
      } finally {
        await fresh.context().close();
      }
    });

    it('steps back and forward through views', async () => {
      await openExplorer(page, t.server.url);
      await clickNode('zgc14:goal-2035');
      await toggle('kinds', 'TASK');
      expect((await drawn(page)).hiddenNodes).toHaveLength(7);
      await changeView(page, () => page.goBack().then(() => undefined));
      expect((await drawn(page)).hiddenNodes).toHaveLength(0);
      expect(await page.locator('#filter-kinds-TASK').isChecked()).toBe(true);
      expect(await page.evaluate('document.body.dataset.selected')).toBe('zgc14:goal-2035');
      await changeView(page, () => page.goBack().then(() => undefined));
      expect(await page.evaluate('document.body.dataset.selected')).toBe('');
      expect(await page.locator('#details').isHidden()).toBe(true);
      await changeView(page, () => page.goForward().then(() => undefined));
      expect(await page.evaluate('document.body.dataset.selected')).toBe('zgc14:goal-2035');
      await changeView(page, () => page.goForward().then(() => undefined));
      expect((await drawn(page)).hiddenNodes).toHaveLength(7);
      expect(await page.locator('#filter-kinds-TASK').isChecked()).toBe(false);
    });
  });

  describe('downloads', () => {
    const DOWNLOAD_VIEW = 'basis=STATED&kinds=PLAN,GOAL,TASK,INDUSTRY,PLATFORM';
    let shown: Awaited<ReturnType<typeof drawn>>;
    beforeAll(async () => {
      await openExplorer(page, t.server.url, DOWNLOAD_VIEW);
      shown = await drawn(page);
      expect(shown.hiddenNodes.length).toBeGreaterThan(0);
    });
    /** The node ids and the link ids (`source|TYPE|target`) of a GraphML file, parsed by the browser. */
    async function graphmlIds(xml: string): Promise<{ nodes: string[]; edges: string[] }> {
      return page.evaluate<{ nodes: string[]; edges: string[] }>(`(() => {
        const doc = new DOMParser().parseFromString(${JSON.stringify(xml)}, 'application/xml');
        if (doc.querySelector('parsererror')) throw new Error('not XML');
        const key = [...doc.getElementsByTagName('key')].find((k) => k.getAttribute('attr.name') === 'type').getAttribute('id');
        return {
          nodes: [...doc.getElementsByTagName('node')].map((n) => n.getAttribute('id')).sort(),
          edges: [...doc.getElementsByTagName('edge')].map((e) => e.getAttribute('source') + '|' +
            [...e.getElementsByTagName('data')].find((d) => d.getAttribute('key') === key).textContent + '|' +
            e.getAttribute('target')).sort(),
        };
      })()`);
    }
    async function download(button: string): Promise<Buffer> {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return downloaded(file);
    }

    it('downloads the drawing as a PNG', async () => {
      const png = decodePng(await download('#download-png'));
      expect(png.width).toBeGreaterThan(200);
      expect(png.height).toBeGreaterThan(200);
    });

    it('downloads the drawing as an SVG with a shape and a label per shown entity and a line per shown link', async () => {
      const svg = (await download('#download-svg')).toString('utf8');
      const parsed = await page.evaluate<{
        error: boolean;
        nodes: string[];
        edges: string[];
        dashed: number;
        titles: string[];
      }>(`(() => {
        const doc = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml');
        const ids = (sel) => [...doc.querySelectorAll(sel)].map((g) => g.getAttribute('data-id')).sort();
        return {
          error: doc.querySelector('parsererror') !== null,
          nodes: ids('g.node'),
          edges: ids('g.edge'),
          dashed: doc.querySelectorAll('g.edge path[stroke-dasharray]').length,
          titles: [...doc.querySelectorAll('g.node > title')].map((t) => t.textContent),
        };
      })()`);
      expect(parsed.error).toBe(false);
      expect(parsed.nodes).toEqual(shown.nodes);
      expect(parsed.edges).toEqual(shown.edges);
      expect(parsed.dashed).toBe(0);
      expect(parsed.titles).toContain('Zhongguancun Forum');
    });

    it('downloads the shown nodes and links as CSV', async () => {
      const nodes = Papa.parse<Record<string, string>>((await download('#download-nodes')).toString('utf8'), {
        header: true,
        skipEmptyLines: true,
      });
      expect(nodes.errors).toEqual([]);
      expect(nodes.data.map((r) => r['id']).sort()).toEqual(shown.nodes);
      expect(nodes.data.find((r) => r['id'] === 'zgc14:platform-zgc-forum')).toMatchObject({
        kind: 'PLATFORM',
        name: 'Zhongguancun Forum',
        namespace: 'zgc14',
      });
      const links = Papa.parse<Record<string, string>>((await download('#download-links')).toString('utf8'), {
        header: true,
        skipEmptyLines: true,
      });
      expect(links.errors).toEqual([]);
      expect(links.data.map((r) => r['id']).sort()).toEqual(shown.edges);
      expect(links.data.every((r) => r['basis'] === 'STATED')).toBe(true);
    });

    it('downloads a view centred on two entities, filtered by kind and tier, as the same GraphML', async () => {
      await openExplorer(
        page,
        t.server.url,
        'focus=zgc14:task-digital-economy,zgc14:framework-241&kinds=TASK,INDUSTRY,FRAMEWORK,GOAL&tiers=KEY,LEADING',
      );
      const view = await drawn(page);
      expect(view.hiddenNodes.length).toBeGreaterThan(0);
      const xml = (await download('#download-graphml')).toString('utf8');
      const ids = await graphmlIds(xml);
      expect(ids.nodes).toEqual(view.nodes);
      expect(ids.edges).toEqual(view.edges);
    });

    it('downloads the same selection as GraphML from the export route', async () => {
      await openExplorer(page, t.server.url, DOWNLOAD_VIEW);
      const xml = (await download('#download-graphml')).toString('utf8');
      const ids = await graphmlIds(xml);
      expect(ids.nodes).toEqual(shown.nodes);
      expect(ids.edges).toEqual(shown.edges);
    });
  });

  describe('keyboard and accessibility', () => {
    it('searches, picks, reads and follows with the keyboard alone, focus always visible', async () => {
      await openExplorer(page, t.server.url);
      const focused = (): Promise<{ id: string; outline: string; follow: string | null; tag: string }> =>
        page.evaluate(`(() => { const e = document.activeElement; return { id: e.id, tag: e.tagName,
          follow: e.dataset.follow ?? null, outline: getComputedStyle(e).outlineStyle }; })()`);
      await page.keyboard.press('Tab');
      expect((await focused()).id).toBe('skip-filters');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ id: 'search-text' });
      await page.keyboard.type('Zhongguancun Forum');
      await changeView(page, () => page.keyboard.press('Enter'));
      expect(await focused()).toMatchObject({ tag: 'BUTTON' });
      expect((await focused()).outline).not.toBe('none');
      await changeView(page, () => page.keyboard.press('Enter'));
      expect(await page.evaluate('document.body.dataset.selected')).toBe('zgc14:platform-zgc-forum');
      expect((await focused()).id).toBe('details');
      let follow: string | null = null;
      for (let i = 0; i < 20 && !follow; i++) {
        await page.keyboard.press('Tab');
        follow = (await focused()).follow;
      }
      expect(follow).not.toBeNull();
      expect((await focused()).outline).not.toBe('none');
      await changeView(page, () => page.keyboard.press('Enter'));
      expect(await page.evaluate('document.body.dataset.selected')).toBe(follow);
    });

    it('reaches the filters and the drawing with the keyboard', async () => {
      await openExplorer(page, t.server.url);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.activeElement.id')).toBe('filter-kinds-PLAN');
      // Each value's "only" button follows its box.
      await page.keyboard.press('Tab');
      expect(await page.evaluate("document.activeElement.getAttribute('aria-label')")).toBe('Kinds: only Plan');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.id')).toBe('filter-kinds-AIM');
      await changeView(page, () => page.keyboard.press('Space'));
      expect((await drawn(page)).hiddenNodes).toHaveLength(19);
      // The second skip link leads into the drawing, where the arrow keys step through the entities.
      await openExplorer(page, t.server.url);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.id')).toBe('skip-graph');
      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.activeElement.id')).toBe('graph');
      await changeView(page, () => page.keyboard.press('ArrowRight'));
      const first = await page.evaluate<string>('document.body.dataset.selected');
      expect(first).toBe('zgc14:plan');
      await changeView(page, () => page.keyboard.press('ArrowRight'));
      const second = await page.evaluate<string>('document.body.dataset.selected');
      expect(second).not.toBe(first);
      expect(await page.locator('#announce').textContent()).toMatch(/^Selected: /);
      // Enter expands the selected entity: the view centres on its neighbourhood.
      await changeView(page, () => page.keyboard.press('Enter'));
      expect(new URL(page.url()).searchParams.get('focus')).toBe(second);
    });

    it('switches to the force layout from the layout menu, and back', async () => {
      await openExplorer(page, t.server.url);
      await changeView(page, async () => {
        await page.selectOption('#layout', 'force');
      });
      expect(new URL(page.url()).searchParams.get('layout')).toBe('force');
      expect((await drawn(page)).nodes).toHaveLength(77);
      await changeView(page, () => page.goBack().then(() => undefined));
      expect(await page.locator('#layout').inputValue()).toBe('layered');
      expect(await labelOverlaps(page)).toEqual([]);
    });

    it('has no serious or critical accessibility violations, with an entity selected', async () => {
      await openExplorer(page, t.server.url, 'selected=zgc14:platform-zgc-forum');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  describe('analysis', () => {
    it('highlights the shortest path between two picked entities', async () => {
      await openExplorer(page, t.server.url, 'selected=zgc14:platform-zgc-forum');
      await page.click('#path-from');
      await clickNode('zgc14:goal-2035');
      await page.click('#path-to');
      await page.waitForFunction("document.getElementById('path-status').textContent.startsWith('Path of length')");
      expect(await page.locator('#path-status').textContent()).toContain('Path of length 2: Zhongguancun Forum');
      expect(await page.evaluate("window.cy.$('.highlight').length")).toBe(5);
    });

    // Selects through history, as back and forward do, so the page keeps the path's other end in memory.
    async function selectInPlace(query: string, id: string): Promise<void> {
      await page.evaluate(
        `history.pushState(null, '', '?${query}&selected=' + encodeURIComponent(${JSON.stringify(id)})); ` +
          "dispatchEvent(new PopStateEvent('popstate'))",
      );
      await page.waitForFunction(`document.body.dataset.selected === ${JSON.stringify(id)}`);
    }
    // Clicks a button of the details panel and waits for the answer the page announces in #path-status.
    async function answerOf(button: string): Promise<string> {
      await page.evaluate("document.getElementById('path-status').textContent = ''");
      await page.click(button);
      await page.waitForFunction("document.getElementById('path-status').textContent !== ''");
      return (await page.locator('#path-status').textContent()) ?? '';
    }

    it("with inferred links hidden, every goal's impact is the API's stated-only answer, and says so", async () => {
      const goals = (await t.graphql<{ goals: Array<{ id: string }> }>('{ goals { id } }')).data!.goals;
      expect(goals.length).toBeGreaterThan(5);
      await openExplorer(page, t.server.url, 'basis=STATED');
      for (const { id } of goals) {
        await selectInPlace('basis=STATED', id);
        const api = await t.graphql<{ goalImpact: Record<'tasks' | 'industries' | 'platforms', unknown[]> }>(
          `{ goalImpact(id: "${id}", basis: [STATED]) { tasks { id } industries { id } platforms { id } } }`,
        );
        const { tasks, industries, platforms } = api.data!.goalImpact;
        expect([id, await answerOf('#impact')]).toEqual([
          id,
          `Impact: ${tasks.length} tasks, ${industries.length} industries, ${platforms.length} platforms ` +
            'serve this goal [stated links only]',
        ]);
      }
    });

    it("with inferred links hidden, the path from every entity to the 2035 goal is the API's stated-only one", async () => {
      const target = 'zgc14:goal-2035';
      const entities = (await graphIds("n.namespace = 'zgc14'")).nodes.filter((id) => id !== target);
      expect(entities.length).toBeGreaterThan(70);
      await openExplorer(page, t.server.url, 'basis=STATED');
      await selectInPlace('basis=STATED', target);
      await answerOf('#path-to');
      for (const from of entities) {
        await selectInPlace('basis=STATED', from);
        const api = await t.graphql<{ shortestPath: { length: number; nodes: Array<{ name: string }> } | null }>(
          `{ shortestPath(from: "${from}", to: "${target}", basis: [STATED]) { length nodes { name } } }`,
        );
        const path = api.data!.shortestPath;
        const answer = await answerOf('#path-from');
        expect(answer.endsWith('[stated links only]')).toBe(true);
        expect(answer).not.toContain('(inferred)');
        expect([from, answer.replace(/ \(not in this view: .*\)/, '').replace(/ \[.*\]$/, '')]).toEqual([
          from,
          path
            ? `Path of length ${path.length}: ${path.nodes.map((n) => n.name).join(' — ')}`
            : 'No path between them within the hop limit',
        ]);
      }
    });

    it('marks the inferred steps of a path over all links', async () => {
      const api = await t.graphql<{
        shortestPath: { nodes: Array<{ name: string }>; edges: Array<{ basis: string }> };
      }>(
        '{ shortestPath(from: "zgc14:platform-zgc-forum", to: "zgc14:goal-2035") { nodes { name } edges { basis } } }',
      );
      const { nodes, edges } = api.data!.shortestPath;
      expect(edges.map((e) => e.basis)).toContain('INFERRED');
      await openExplorer(page, t.server.url, 'selected=zgc14:platform-zgc-forum');
      await answerOf('#path-from');
      await selectInPlace('x=1', 'zgc14:goal-2035');
      expect(await answerOf('#path-to')).toBe(
        `Path of length ${edges.length}: ` +
          nodes
            .map((n, i) => (i === 0 ? '' : edges[i - 1]!.basis === 'INFERRED' ? ' —(inferred)— ' : ' — ') + n.name)
            .join('') +
          ' [all links]',
      );
    });

    it("highlights a goal's impact and saves a screenshot", async () => {
      await openExplorer(page, t.server.url);
      await clickNode('zgc14:goal-2025-industry');
      await page.click('#impact');
      await page.waitForFunction("document.getElementById('path-status').textContent.startsWith('Impact')");
      expect(await page.locator('#path-status').textContent()).toMatch(/^Impact: 1 tasks, \d+ industries, 0 platforms/);
      const dir = path.join(PROJECT_ROOT, '.artifacts');
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, 'explorer.png') });
      expect(fs.statSync(path.join(dir, 'explorer.png')).size).toBeGreaterThan(10_000);
    });

    it('expands an entity into the view of its neighbourhood, and comes back to the whole graph', async () => {
      await openExplorer(page, t.server.url, 'selected=zgc14:framework-241');
      await changeView(page, () => page.click('#expand'));
      expect(new URL(page.url()).searchParams.get('focus')).toBe('zgc14:framework-241');
      const ids = await graphIds(
        "n.id = 'zgc14:framework-241' OR EXISTS { (n)--(:Entity {id: 'zgc14:framework-241'}) }",
      );
      const shown = await drawn(page);
      expect(shown.nodes).toEqual(ids.nodes);
      expect(shown.edges).toEqual(ids.edges);
      await changeView(page, () => page.click('#whole'));
      expect((await drawn(page)).nodes).toHaveLength(77);
    });
  });

  describe('canvas', () => {
    const zoomNow = (): Promise<number> => page.evaluate<number>('cy.zoom()');

    it('zooms in, out and back to the whole drawing from the buttons on the canvas', async () => {
      await openExplorer(page, t.server.url);
      const fitted = await zoomNow();
      await page.click('#zoom-in');
      expect((await zoomNow()) / fitted).toBeCloseTo(1.25, 5);
      await page.click('#zoom-out');
      await page.click('#zoom-out');
      expect((await zoomNow()) / fitted).toBeCloseTo(0.8, 5);
      await page.click('#zoom-in');
      await page.click('#zoom-in');
      await page.click('#zoom-fit');
      expect(await zoomNow()).toBeCloseTo(fitted, 5);
      const outside = await page.evaluate<number>(`cy.nodes().not('.filtered').filter((n) => {
        const p = n.renderedPosition();
        return p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height();
      }).length`);
      expect(outside).toBe(0);
    });

    it('zooms a quarter per wheel notch about the pointer, and never to a speck', async () => {
      await openExplorer(page, t.server.url);
      const box = (await page.locator('#graph').boundingBox())!;
      const at = { x: box.width * 0.3, y: box.height * 0.6 };
      await page.mouse.move(box.x + at.x, box.y + at.y);
      const before = await page.evaluate<{ zoom: number; model: { x: number; y: number } }>(`({ zoom: cy.zoom(),
        model: { x: (${at.x} - cy.pan().x) / cy.zoom(), y: (${at.y} - cy.pan().y) / cy.zoom() } })`);
      await page.mouse.wheel(0, -100);
      await page.waitForFunction(`cy.zoom() !== ${before.zoom}`);
      const after = await page.evaluate<{ zoom: number; x: number; y: number }>(
        `({ zoom: cy.zoom(), x: ${before.model.x} * cy.zoom() + cy.pan().x, y: ${before.model.y} * cy.zoom() + cy.pan().y })`,
      );
      expect(after.zoom / before.zoom).toBeCloseTo(1.25, 5);
      // The point under the pointer stays under it.
      expect(Math.abs(after.x - at.x)).toBeLessThan(1);
      expect(Math.abs(after.y - at.y)).toBeLessThan(1);
      for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 100);
      await page.waitForFunction('cy.zoom() === cy.minZoom()');
      // At the farthest, the drawing still spans at least half the width it spans when fitted.
      expect((await zoomNow()) / before.zoom).toBeGreaterThanOrEqual(0.5 - 1e-9);
    });

    it('keeps the drawing still when an entity in sight is selected', async () => {
      await openExplorer(page, t.server.url);
      const viewport = 'JSON.stringify({ zoom: cy.zoom(), pan: cy.pan() })';
      const before = await page.evaluate<string>(viewport);
      await clickNode('zgc14:goal-2035');
      expect(await page.evaluate<string>(viewport)).toBe(before);
    });

    it('shows an answer over the drawing, in sight, until it is cleared', async () => {
      await openExplorer(page, t.server.url, 'selected=zgc14:goal-2035');
      await page.click('#impact');
      await page.waitForFunction("document.getElementById('path-status').textContent.startsWith('Impact')");
      const canvas = (await page.locator('#canvas').boundingBox())!;
      const shown = (await page.locator('#answer').boundingBox())!;
      expect(shown.height).toBeGreaterThan(10);
      expect(shown.x).toBeGreaterThanOrEqual(canvas.x);
      expect(shown.y).toBeGreaterThanOrEqual(canvas.y);
      expect(shown.x + shown.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(shown.y + shown.height).toBeLessThanOrEqual(Math.min(canvas.y + canvas.height, 900));
      await page.click('#clear');
      expect(await page.locator('#path-status').textContent()).toBe('');
      expect(await page.locator('#clear').isVisible()).toBe(false);
      // The button went with the answer; the keyboard is back on the drawing, not lost to the page.
      expect(await page.evaluate('document.activeElement.id')).toBe('graph');
      expect(await page.evaluate("window.cy.$('.highlight').length")).toBe(0);
    });
  });

  describe('GraphQL IDE', () => {
    // A fresh browser context: GraphiQL restores the tabs a page of the same origin stored earlier.
    beforeAll(async () => {
      await page.context().close();
      page = await newPage(browser, offsite);
    });

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

  it('made no request that left this machine', () => {
    expect(offsite).toEqual([]);
  });
});
