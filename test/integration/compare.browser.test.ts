/**
 * The plans-side-by-side page on the bundled datasets, driven in headless Chromium: every goal and
 * task of each plan in its column, every link between the two columns listed and drawn (inferred ones
 * dashed and said to be inferred), moved target years as `movedGoals` gives them, the choice held in
 * the URL through back and forward, readable sizes at two window sizes, and the accessibility check.
 * What the page should show is asked of the API, never copied here.
 */
import type { Browser, Page } from 'playwright-core';
import { findChromium } from '../support/chromium';
import { startBundleServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';
import { launchBrowser, newPage, seriousViolations } from '../support/explorerBrowser';

interface Entity {
  id: string;
  name: string;
}
interface Plan extends Entity {
  continues: Array<{ id: string }>;
  supersedes: Array<{ id: string }>;
  goals: Array<Entity & { revises: Array<{ id: string }>; revisedBy: Array<{ id: string }> }>;
  tasks: Array<Entity & { revises: Array<{ id: string }>; revisedBy: Array<{ id: string }> }>;
}
interface Move {
  from: { id: string };
  to: { id: string };
  fromYear: number;
  toYear: number;
}
interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  basis: string;
}

let t: TestServer;
let browser: Browser;
let page: Page;
let plans: Plan[];
let moves: Move[];
let edges: Edge[];
const offsite: string[] = [];
const browserFound = findChromium();
const describeInBrowser = browserFound.found ? describe : describe.skip;

/** Opens /compare at `query` and waits until the page says it has shown a comparison (or refused one). */
async function openCompare(query = ''): Promise<void> {
  await page.goto(`${t.server.url}/compare${query ? '?' + query : ''}`);
  await page.waitForSelector('body[data-ready="true"], body[data-ready="error"]');
}

/** Runs `action` and waits until the page has shown the comparison it leads to. */
async function afterChange(action: () => Promise<unknown>): Promise<void> {
  const before = Number(await page.evaluate<string>('document.body.dataset.drawn'));
  await action();
  await page.waitForFunction(`Number(document.body.dataset.drawn) > ${before}`);
  await page.waitForSelector('body[data-ready="true"], body[data-ready="error"]');
}

/** The value of `attribute` on every element `selector` finds, in document order. */
async function attributes(selector: string, attribute: string): Promise<string[]> {
  return page.evaluate<string[]>(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getAttribute(${JSON.stringify(attribute)}))`,
  );
}

/** The ids of a column's rows, in order. */
async function rowIds(side: 'left' | 'right'): Promise<string[]> {
  return attributes(`#column-${side} .row`, 'data-id');
}

/** The plan's column ids, the heading first, as the page shows them. */
function idsOf(plan: Plan): Set<string> {
  return new Set([plan.id, ...plan.goals.map((g) => g.id), ...plan.tasks.map((x) => x.id)]);
}

/** REVISES links between the two plans' goals and tasks, as `revises` and `revisedBy` state them. */
function revisions(a: Plan, b: Plan): string[] {
  const links = new Set<string>();
  for (const [one, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const theirs = idsOf(other);
    for (const item of [...one.goals, ...one.tasks]) {
      for (const earlier of item.revises) if (theirs.has(earlier.id)) links.add(`${item.id}|REVISES|${earlier.id}`);
      for (const later of item.revisedBy) if (theirs.has(later.id)) links.add(`${later.id}|REVISES|${item.id}`);
    }
  }
  return [...links].sort();
}

function plan(id: string): Plan {
  const found = plans.find((p) => p.id === id);
  if (!found) throw new Error(`the API lists no plan ${id}`);
  return found;
}

/** Every ordered pair of two different plans. */
function pairs(): Array<[string, string]> {
  return plans.flatMap((a) => plans.filter((b) => b !== a).map((b): [string, string] => [a.id, b.id]));
}

/** Smallest font size, in px, of any text the page shows, and where. */
async function smallestText(): Promise<{ size: number; where: string }> {
  return page.evaluate<{ size: number; where: string }>(`(() => {
    let smallest = { size: Infinity, where: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent.trim() || parent.closest('[hidden], script')) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < smallest.size) smallest = { size, where: parent.tagName + ': ' + node.textContent.slice(0, 40) };
    }
    return smallest;
  })()`);
}

/** Texts that do not fit: boxes that overflow, selects narrower than their chosen name, a page too wide. */
async function cutText(): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const cut = [];
    if (document.documentElement.scrollWidth > innerWidth) cut.push('the page scrolls sideways');
    for (const e of document.querySelectorAll('.row, .plan-heading, #connections li, #status, h1, label'))
      if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) cut.push(e.textContent.slice(0, 60));
    // A select is as wide as its longest option unless the page squeezes it: then names are cut.
    for (const select of document.querySelectorAll('select')) {
      const free = Object.assign(select.cloneNode(true), { id: '' });
      Object.assign(free.style, { maxWidth: 'none', position: 'absolute', visibility: 'hidden' });
      document.body.append(free);
      if (select.offsetWidth < free.offsetWidth) cut.push('select ' + select.id + ' is squeezed');
      free.remove();
    }
    return cut;
  })()`);
}

describeInBrowser(
  `Plans side by side in a browser${browserFound.found ? '' : ` [skipped: ${browserFound.reason}]`}`,
  () => {
    beforeAll(async () => {
      if (!browserFound.found) return;
      // Every bundled plan, and the follow-through, as a server started on an empty database seeds them.
      t = await startBundleServer();
      const answer = await t.graphql<{
        plans: Plan[];
        movedGoals: Move[];
        graph: { truncated: boolean; edges: Edge[] };
      }>(`{
      plans { id name continues { id } supersedes { id }
        goals { id name revises { id } revisedBy { id } } tasks { id name revises { id } revisedBy { id } } }
      movedGoals { from { id } to { id } fromYear toYear }
      graph(limit: 500) { truncated edges { id type source target basis } }
    }`);
      expect(answer.errors).toBeUndefined();
      ({ plans, movedGoals: moves } = answer.data!);
      expect(answer.data!.graph.truncated).toBe(false);
      edges = answer.data!.graph.edges;
      browser = await launchBrowser(browserFound.executable);
      page = await newPage(browser, offsite);
    });
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });
    afterEach(() => {
      expect(offsite).toEqual([]);
    });

    it('opens on a plan and the plan that continues it, and writes the choice into the URL', async () => {
      const earlier = plans.find((p) =>
        plans.some((q) => [...q.continues, ...q.supersedes].some((c) => c.id === p.id)),
      );
      expect(earlier).toBeDefined();
      const later = plans.find((q) => [...q.continues, ...q.supersedes].some((c) => c.id === earlier!.id))!;
      await openCompare();
      const url = new URL(page.url());
      expect([url.searchParams.get('left'), url.searchParams.get('right')]).toEqual([earlier!.id, later.id]);
      expect(await page.evaluate('document.body.dataset.state')).toBe(`left=${earlier!.id}&right=${later.id}`);
      expect(await page.locator('#left').inputValue()).toBe(earlier!.id);
      expect(await page.locator('#right').inputValue()).toBe(later.id);
    });

    it('lists every goal, then every task, of each plan in its own column, under the plan name and period', async () => {
      for (const [left, right] of pairs()) {
        await openCompare(`left=${left}&right=${right}`);
        for (const [side, id] of [
          ['left', left],
          ['right', right],
        ] as const) {
          const p = plan(id);
          expect(await rowIds(side)).toEqual([...p.goals.map((g) => g.id), ...p.tasks.map((x) => x.id)]);
          expect(await page.locator(`#column-${side} .plan-heading h2`).textContent()).toBe(p.name);
          expect(await page.locator(`#column-${side} .period`).textContent()).toMatch(/^\d{4}(–\d{4})?/);
        }
      }
    });

    it('lists and draws every link between the two columns, and every revision among them', async () => {
      for (const [left, right] of pairs()) {
        await openCompare(`left=${left}&right=${right}`);
        const [l, r] = [idsOf(plan(left)), idsOf(plan(right))];
        const between = edges.filter(
          (e) => (l.has(e.source) && r.has(e.target)) || (r.has(e.source) && l.has(e.target)),
        );
        const listed = await attributes('#connections li', 'data-link-id');
        const drawn = await attributes('#connectors path.connector', 'data-link-id');
        expect([...listed].sort()).toEqual(between.map((e) => e.id).sort());
        expect([...drawn].sort()).toEqual(between.map((e) => e.id).sort());
        for (const revision of revisions(plan(left), plan(right))) expect(listed).toContain(revision);
        // Curves run in the gutter between the columns.
        const spans = await page.evaluate<Array<{ x1: number; x2: number; left: number; right: number }>>(`(() => {
        const left = document.getElementById('column-left').getBoundingClientRect().right;
        const right = document.getElementById('column-right').getBoundingClientRect().left;
        return [...document.querySelectorAll('#connectors path.connector')].map((p) => {
          const b = p.getBoundingClientRect();
          return { x1: b.left, x2: b.right, left, right };
        });
      })()`);
        for (const s of spans) {
          expect(s.x1).toBeGreaterThanOrEqual(s.left - 1);
          expect(s.x2).toBeLessThanOrEqual(s.right + 1);
        }
      }
    });

    it('marks inferred links as inferred, in words and with a dashed curve, and stated ones as stated', async () => {
      const inferred = edges.find((e) => e.basis === 'INFERRED' && e.type === 'REVISES')!;
      const sides = [inferred.source, inferred.target].map((id) => plans.find((p) => idsOf(p).has(id))!.id);
      await openCompare(`left=${sides[1]}&right=${sides[0]}`);
      for (const item of await page.locator('#connections li').all()) {
        const id = (await item.getAttribute('data-link-id'))!;
        const basis = edges.find((e) => e.id === id)!.basis;
        expect(await item.getAttribute('data-basis')).toBe(basis);
        expect(await item.locator('.basis').textContent()).toBe(
          basis === 'INFERRED' ? 'inferred by us' : 'stated by the source',
        );
        const dash = await page.evaluate<string>(
          `getComputedStyle(document.querySelector('#connectors path.connector[data-link-id="${id}"]')).strokeDasharray`,
        );
        expect(dash === 'none').toBe(basis !== 'INFERRED');
      }
    });

    it("shows each moved goal's old and new target year as movedGoals gives them", async () => {
      expect(moves.length).toBeGreaterThan(0);
      for (const [left, right] of pairs()) {
        await openCompare(`left=${left}&right=${right}`);
        const shown = new Set([...plan(left).goals, ...plan(right).goals].map((g) => g.id));
        for (const move of moves)
          for (const id of [move.from.id, move.to.id].filter((g) => shown.has(g)))
            expect(await page.locator(`.row[data-id="${id}"] .moved`).textContent()).toContain(
              `${move.fromYear} → ${move.toYear}`,
            );
        const marked = await page.locator('.row .moved').count();
        const expected = moves.flatMap((m) => [m.from.id, m.to.id]).filter((g) => shown.has(g)).length;
        expect(marked).toBe(expected);
      }
    });

    it('changes the URL when a plan is chosen, and back and forward restore each comparison', async () => {
      const [first, second, third] = plans.map((p) => p.id);
      await openCompare(`left=${first}&right=${second}`);
      await afterChange(() => page.locator('#right').selectOption(third!));
      expect(new URL(page.url()).searchParams.get('right')).toBe(third);
      expect(await page.evaluate('document.body.dataset.state')).toBe(`left=${first}&right=${third}`);
      await afterChange(() => page.locator('#left').selectOption(second!));
      expect(await page.evaluate('document.body.dataset.state')).toBe(`left=${second}&right=${third}`);
      await afterChange(() => page.goBack());
      expect(await page.evaluate('document.body.dataset.state')).toBe(`left=${first}&right=${third}`);
      expect(await page.locator('#left').inputValue()).toBe(first);
      expect(await rowIds('left')).toEqual([...plan(first!).goals, ...plan(first!).tasks].map((x) => x.id));
      await afterChange(() => page.goBack());
      expect(await page.evaluate('document.body.dataset.state')).toBe(`left=${first}&right=${second}`);
      expect(await page.locator('#right').inputValue()).toBe(second);
      await afterChange(() => page.goForward());
      expect(await page.evaluate('document.body.dataset.state')).toBe(`left=${first}&right=${third}`);
      expect(await rowIds('right')).toEqual([...plan(third!).goals, ...plan(third!).tasks].map((x) => x.id));
    });

    it('says in the status line which id of the URL names no plan', async () => {
      await openCompare(`left=no-such-plan&right=${plans[0]!.id}`);
      expect(await page.evaluate('document.body.dataset.ready')).toBe('error');
      expect(await page.locator('#status').textContent()).toContain(
        "No plan has the id “no-such-plan” (the URL's left=)",
      );
      expect(await page.locator('#comparison').isHidden()).toBe(true);
    });

    it.each([
      [1400, 900],
      [1920, 1080],
    ])('keeps every label at 11 px or more and cuts no text at %ix%i', async (width, height) => {
      await page.setViewportSize({ width, height });
      try {
        for (const [left, right] of pairs()) {
          await openCompare(`left=${left}&right=${right}`);
          expect((await smallestText()).size).toBeGreaterThanOrEqual(11);
          const numbers = await page.evaluate<number[]>(
            `[...document.querySelectorAll('#connectors text')].map((x) => parseFloat(getComputedStyle(x).fontSize))`,
          );
          for (const size of numbers) expect(size).toBeGreaterThanOrEqual(11);
          expect(await cutText()).toEqual([]);
        }
      } finally {
        await page.setViewportSize({ width: 1400, height: 900 });
      }
    });

    it('has no serious or critical accessibility violation', async () => {
      await openCompare();
      expect(await seriousViolations(page)).toEqual([]);
      await openCompare('left=no-such-plan');
      expect(await seriousViolations(page)).toEqual([]);
    });
  },
);
