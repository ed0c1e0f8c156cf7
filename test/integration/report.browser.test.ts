/**
 * The printable follow-through report on the bundled datasets, driven in headless Chromium: every
 * commitment in the order `commitments` gives, with its newest assessment's verdict and every piece
 * of evidence `followThrough` gives; the scorecard; the chooser; the accessibility check; and printing
 * (a PDF of several pages, page chrome hidden, no commitment split across pages). What the report
 * should hold is asked of the API, never copied here.
 */
import type { Browser, Page } from 'playwright-core';
import { findChromium } from '../support/chromium';
import { startBundleServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';
import { launchBrowser, newPage, seriousViolations } from '../support/explorerBrowser';

interface Citation {
  text: string | null;
}
interface Commitment {
  entity: { id: string; citations: Citation[] };
  latestAssessment: { id: string; verdict: string; asOf: string; citations: Citation[] } | null;
}
interface FollowThrough {
  evidence: Array<{ id: string; date: string; name: string; corroborated: boolean; citations: Citation[] }>;
}

const PLAN = 'zgc14:plan';
let t: TestServer;
let browser: Browser;
let page: Page;
let commitments: Commitment[];
const offsite: string[] = [];
const browserFound = findChromium();
const describeInBrowser = browserFound.found ? describe : describe.skip;

/** Asks the API and fails on any error in the answer. */
async function ask<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await t.graphql<T>(query, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

/** Opens /report at `query` and waits until the page says it is filled (or could not be). */
async function openReport(query = ''): Promise<void> {
  await page.goto(`${t.server.url}/report${query ? '?' + query : ''}`);
  await page.waitForSelector('body[data-ready="true"], body[data-ready="error"]');
}

/** The words a verdict reads as on the page: UNDER_WAY -> "Under way". */
function verdictWords(verdict: string | undefined): string {
  if (!verdict) return 'Not assessed';
  return verdict.charAt(0) + verdict.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** The value of `attribute` on every element `selector` finds, in document order. */
async function attributes(selector: string, attribute: string): Promise<string[]> {
  return page.evaluate<string[]>(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getAttribute(${JSON.stringify(attribute)}))`,
  );
}

describeInBrowser(
  `The follow-through report in a browser${browserFound.found ? '' : ` [skipped: ${browserFound.reason}]`}`,
  () => {
    beforeAll(async () => {
      if (!browserFound.found) return;
      // Every bundled plan and the follow-through, as a server started on an empty database seeds them.
      t = await startBundleServer();
      ({ commitments } = await ask<{ commitments: Commitment[] }>(
        `query ($plan: ID!) { commitments(plan: $plan) {
        entity { id citations { text } } latestAssessment { id verdict asOf citations { text } } } }`,
        { plan: PLAN },
      ));
      expect(commitments.length).toBeGreaterThan(1);
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

    it('heads the report with the plan its id names: its name, period, issuers and status', async () => {
      const { plans } = await ask<{
        plans: Array<{ id: string; name: string; issuers: string[]; periodStart: number }>;
      }>('{ plans { id name issuers periodStart } }');
      const plan = plans.find((p) => p.id === PLAN)!;
      expect(plan).toBeDefined();
      await openReport(`plan=${PLAN}`);
      expect(await page.evaluate('document.body.dataset.ready')).toBe('true');
      expect(await page.locator('h1').textContent()).toBe(plan.name);
      const facts = (await page.locator('#facts').textContent())!;
      for (const issuer of plan.issuers) expect(facts).toContain(issuer);
      expect(facts).toContain(String(plan.periodStart));
      expect(facts).toMatch(/Status/);
    });

    it('counts the commitments by kind and verdict as the scorecard does', async () => {
      const { scorecard } = await ask<{
        scorecard: {
          commitments: number;
          assessed: number;
          rows: Array<{ kind: string; verdict: string | null; count: number }>;
        };
      }>('query ($plan: ID!) { scorecard(plan: $plan) { commitments assessed rows { kind verdict count } } }', {
        plan: PLAN,
      });
      await openReport(`plan=${PLAN}`);
      expect(await page.locator('#scorecard-total').textContent()).toBe(
        `${scorecard.commitments} commitments, ${scorecard.assessed} of them assessed.`,
      );
      const table = await page.evaluate<{ head: string[]; rows: Record<string, string[]> }>(`(() => {
      const t = document.querySelector('.scorecard');
      return {
        head: [...t.querySelectorAll('thead th')].map((c) => c.textContent),
        rows: Object.fromEntries([...t.querySelectorAll('tbody tr')].map((r) =>
          [r.dataset.kind, [...r.querySelectorAll('td')].map((c) => c.textContent)])),
      };
    })()`);
      for (const row of scorecard.rows) {
        const column = table.head.indexOf(verdictWords(row.verdict ?? undefined)) - 1;
        expect(column).toBeGreaterThanOrEqual(0);
        expect(table.rows[row.kind]![column]).toBe(String(row.count));
      }
    });

    it('shows every commitment, in the order commitments gives, with the verdict of its newest assessment', async () => {
      await openReport(`plan=${PLAN}`);
      expect(await attributes('.commitment', 'data-id')).toEqual(commitments.map((c) => c.entity.id));
      for (const c of commitments) {
        const block = page.locator(`.commitment[data-id="${c.entity.id}"]`);
        expect(await block.locator('.verdict').textContent()).toBe(verdictWords(c.latestAssessment?.verdict));
        if (c.latestAssessment)
          expect(await block.locator('.assessment').textContent()).toContain(c.latestAssessment.asOf);
      }
    });

    it("lists every piece of each commitment's evidence, oldest first, with its date and whether it is corroborated", async () => {
      await openReport(`plan=${PLAN}`);
      for (const c of commitments) {
        const { followThrough } = await ask<{ followThrough: FollowThrough }>(
          'query ($id: ID!) { followThrough(id: $id) { evidence { id date name corroborated citations { text } } } }',
          { id: c.entity.id },
        );
        const block = `.commitment[data-id="${c.entity.id}"]`;
        expect(await attributes(`${block} .evidence`, 'data-evidence-id')).toEqual(
          followThrough.evidence.map((e) => e.id),
        );
        for (const e of followThrough.evidence) {
          const item = page.locator(`${block} .evidence[data-evidence-id="${e.id}"]`);
          expect(await item.getAttribute('data-corroborated')).toBe(String(e.corroborated));
          expect(await item.locator('.date').textContent()).toBe(e.date);
          expect(await item.textContent()).toContain(e.corroborated ? 'corroborated by' : 'not corroborated');
        }
        // Cited words where the server holds the text; a note for every citation where it does not.
        const cited = [
          ...c.entity.citations,
          ...(c.latestAssessment?.citations ?? []),
          ...followThrough.evidence.flatMap((e) => e.citations),
        ];
        expect(await page.locator(`${block} q.cited`).allTextContents()).toEqual(
          cited.filter((x) => x.text !== null).map((x) => x.text),
        );
        expect(await page.locator(`${block} .no-text`).count()).toBe(cited.filter((x) => x.text === null).length);
      }
    });

    it('offers a chooser of every plan when none is named, and reports on the one chosen', async () => {
      const { plans } = await ask<{ plans: Array<{ id: string }> }>('{ plans { id } }');
      await openReport();
      expect(await page.evaluate('document.body.dataset.ready')).toBe('true');
      expect(await page.locator('.commitment').count()).toBe(0);
      expect(await attributes('#plan option:not([disabled])', 'value')).toEqual(plans.map((p) => p.id));
      await page.locator('#plan').selectOption(PLAN);
      await Promise.all([page.waitForURL(/\/report\?plan=/), page.locator('#chooser button[type=submit]').click()]);
      await page.waitForSelector('body[data-ready="true"], body[data-ready="error"]');
      expect(await page.evaluate('document.body.dataset.plan')).toBe(PLAN);
      expect(await page.locator('.commitment').count()).toBe(commitments.length);
    });

    it('says so in the status line when the URL names no plan', async () => {
      await openReport('plan=no-such-plan');
      expect(await page.evaluate('document.body.dataset.ready')).toBe('error');
      expect(await page.locator('#status').textContent()).toContain('No plan has the id “no-such-plan”');
    });

    it('has no serious or critical accessibility violation', async () => {
      await openReport(`plan=${PLAN}`);
      expect(await seriousViolations(page)).toEqual([]);
      await openReport();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('prints to a PDF of several pages', async () => {
      await openReport(`plan=${PLAN}`);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages.length).toBeGreaterThan(1);
    });

    it('prints without the page chrome, black on white, with source addresses, and keeps each commitment whole', async () => {
      await openReport(`plan=${PLAN}`);
      await page.emulateMedia({ media: 'print' });
      try {
        const printed = await page.evaluate<{
          chrome: number[];
          colours: string[];
          breaks: string[];
          addresses: Array<[string, string]>;
        }>(`(() => ({
        // Rendered boxes of the navigation, the chooser and the print button: none when hidden.
        chrome: [...document.querySelectorAll('nav, #chooser, #print')].map((e) => e.getClientRects().length),
        colours: [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor],
        breaks: [...document.querySelectorAll('.commitment')].map((e) => getComputedStyle(e).breakInside),
        addresses: [...document.querySelectorAll('.citations a[href]')]
          .map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]),
      }))()`);
        expect(printed.chrome).toEqual([0, 0, 0]);
        expect(printed.colours[0]).toBe('rgb(0, 0, 0)');
        expect(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)']).toContain(printed.colours[1]);
        expect(printed.breaks).toHaveLength(commitments.length);
        expect(printed.breaks.every((b) => b === 'avoid')).toBe(true);
        expect(printed.addresses.length).toBeGreaterThan(0);
        for (const [href, after] of printed.addresses) expect(after).toContain(href);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
      expect(await page.locator('nav').isVisible()).toBe(true);
    });
  },
);
