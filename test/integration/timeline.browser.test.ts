/**
 * The timeline page on the bundled datasets (the Plan, the related plans and the follow-through
 * evidence), driven in headless Chromium as a user would: where each band, goal and piece of evidence
 * stands on the drawn year axis, against what the API says; a commitment followed through by pointer
 * and by keyboard, against `followThrough`; views held in the URL; errors in the status line; the
 * accessibility check and label sizes at two window sizes. Every request the page makes must stay on
 * this server.
 */
import type { Browser, Page } from 'playwright-core';
import { findChromium } from '../support/chromium';
import { startBundleServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';
import { changeView, launchBrowser, newPage, seriousViolations, waitDrawn } from '../support/explorerBrowser';

let t: TestServer;
let browser: Browser;
let page: Page;
const offsite: string[] = [];
const browserFound = findChromium();
// Without Chromium the whole file is skipped, with the reason in the suite's name.
const describeInBrowser = browserFound.found ? describe : describe.skip;

interface ApiPlan {
  id: string;
  name: string;
  periodStart: number | null;
  periodEnd: number | null;
}
interface ApiChain {
  commitment: {
    id: string;
    name: string;
    citations: Array<{ paragraph: number; text: string | null; source: { name: string } }>;
  };
  evidence: Array<{ id: string; date: string }>;
  assessments: Array<{ id: string; verdict: string; asOf: string }>;
  revisedBy: Array<{ id: string }>;
  laterPlans: Array<{ id: string }>;
}
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Asks the test server's API and fails on any error in the answer. */
async function api<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await t.graphql<T>(query, variables);
  if (answer.errors) throw new Error(`the API refused ${query}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

async function apiPlans(): Promise<ApiPlan[]> {
  return (await api<{ plans: ApiPlan[] }>('{ plans { id name periodStart periodEnd } }')).plans;
}

async function apiChain(id: string): Promise<ApiChain> {
  const query = `query($id: ID!) { followThrough(id: $id) {
    commitment { id name citations { paragraph text source { name } } }
    evidence { id date } assessments { id verdict asOf } revisedBy { id } laterPlans { id } } }`;
  return (await api<{ followThrough: ApiChain }>(query, { id })).followThrough;
}

/** Opens the timeline at `query` and waits until the page says it is drawn. */
async function openTimeline(query = ''): Promise<void> {
  await page.goto(`${t.server.url}/timeline${query ? '?' + query : ''}`);
  await waitDrawn(page);
}

/** The screen x of each year's tick on the drawn axis: where that year starts. */
async function yearStarts(): Promise<Map<number, number>> {
  const ticks = await page.evaluate<Array<[number, number]>>(`[...document.querySelectorAll('#drawing line.tick')]
    .map((l) => [Number(l.dataset.year), l.getBoundingClientRect().left])`);
  return new Map(ticks);
}

/** Where a date of the form YYYY, YYYY-MM or YYYY-MM-DD starts on the axis: its year's start plus the part gone. */
function dateX(date: string, starts: Map<number, number>): number {
  const [year, month = 1, day = 1] = date.split('-').map(Number) as [number, number?, number?];
  const gone =
    (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1));
  return starts.get(year)! + gone * (starts.get(year + 1)! - starts.get(year)!);
}

/** The screen box of the element `selector` finds (its shape, for marks). */
async function boxOf(selector: string): Promise<Box> {
  return page.evaluate<Box>(`(() => {
    const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  })()`);
}

/** Centres of the marks `selector` finds, with their ids and plans. */
async function markCentres(selector: string): Promise<Array<{ id: string; plan: string; x: number; y: number }>> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((m) => {
    const r = m.querySelector('.shape').getBoundingClientRect();
    return { id: m.dataset.id, plan: m.dataset.plan, x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
  })`);
}

/** The ids, dates and verdicts the panel lists, in its order. */
async function panel(): Promise<{
  name: string;
  evidence: Array<[string, string]>;
  verdicts: Array<[string, string]>;
}> {
  return page.evaluate(`({
    name: document.getElementById('chain-name').textContent,
    evidence: [...document.querySelectorAll('#chain-evidence li.chain-evidence')]
      .map((li) => [li.dataset.id, li.querySelector('time').textContent]),
    verdicts: [...document.querySelectorAll('#chain-assessments li.chain-assessment')]
      .map((li) => [li.dataset.verdict, li.querySelector('time').textContent]),
  })`);
}

/** Checks that the panel shows `id`'s follow-through as the API gives it, and the drawing marks it. */
async function expectFollowThrough(id: string): Promise<void> {
  const chain = await apiChain(id);
  expect(await page.evaluate('document.body.dataset.selected')).toBe(id);
  const shown = await panel();
  expect(shown.name).toBe(chain.commitment.name);
  expect(shown.evidence).toEqual(chain.evidence.map((e) => [e.id, e.date]));
  expect(shown.verdicts).toEqual(chain.assessments.map((a) => [a.verdict, a.asOf]));
  const commitment = (await page.locator('#chain-commitment').textContent()) ?? '';
  for (const c of chain.commitment.citations) {
    expect(commitment).toContain(`${c.source.name}, paragraph ${c.paragraph}`);
    if (c.text !== null) expect(commitment).toContain(c.text);
  }
  expect(await page.locator(`button[data-select="${id}"]`).getAttribute('aria-pressed')).toBe('true');
  const marked = await page.evaluate<
    string[]
  >(`[...document.querySelectorAll('#drawing .mark.selected, #drawing .mark.related')]
    .map((m) => m.dataset.id)`);
  for (const e of chain.evidence) expect(marked).toContain(e.id);
}

/** The `data-id`s of the elements `selector` finds, in document order. */
async function idsOf(selector: string): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.dataset.id)`);
}

/** Presses Tab until the keyboard is on the element `selector` finds; fails after `most` presses. */
async function tabTo(selector: string, most = 200): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await page.evaluate<boolean>(`document.activeElement === document.querySelector(${JSON.stringify(selector)})`))
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${most} presses of Tab never reached ${selector}`);
}

describeInBrowser(`The timeline in a browser${browserFound.found ? '' : ` [skipped: ${browserFound.reason}]`}`, () => {
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

  describe('drawing', () => {
    it('draws one band per plan with a period, spanning its period on the year axis', async () => {
      await openTimeline();
      const plans = (await apiPlans()).filter((p) => p.periodStart !== null && p.periodEnd !== null);
      expect(plans.length).toBeGreaterThan(1);
      const bands = await page.evaluate<string[]>(
        `[...document.querySelectorAll('#drawing .band')].map((b) => b.dataset.id)`,
      );
      expect([...bands].sort()).toEqual(plans.map((p) => p.id).sort());
      const starts = await yearStarts();
      for (const plan of plans) {
        const band = await boxOf(`#drawing .band[data-id="${plan.id}"] rect.period`);
        // The band runs from the start of its first year to the end of its last (the stroke adds a pixel).
        expect(Math.abs(band.left - starts.get(plan.periodStart!)!)).toBeLessThan(1.5);
        expect(Math.abs(band.right - starts.get(plan.periodEnd! + 1)!)).toBeLessThan(1.5);
      }
    });

    it('puts each goal within its target year, on the row of each plan that sets it', async () => {
      await openTimeline();
      const { plans } = await api<{ plans: Array<{ id: string; goals: Array<{ id: string; targetYear: number }> }> }>(
        '{ plans { id goals { id targetYear } } }',
      );
      const starts = await yearStarts();
      const marks = await markCentres('#drawing .mark.goal');
      const expected = plans.flatMap((p) => p.goals.map((g) => `${p.id} ${g.id}`)).sort();
      expect(marks.map((m) => `${m.plan} ${m.id}`).sort()).toEqual(expected);
      const rows = await page.evaluate<
        Array<{ id: string; top: number }>
      >(`[...document.querySelectorAll('#drawing .band')]
        .map((b) => ({ id: b.dataset.id, top: b.querySelector('rect.period').getBoundingClientRect().top }))`);
      for (const plan of plans)
        for (const goal of plan.goals) {
          const mark = marks.find((m) => m.id === goal.id && m.plan === plan.id)!;
          expect(mark.x).toBeGreaterThan(starts.get(goal.targetYear)!);
          expect(mark.x).toBeLessThan(starts.get(goal.targetYear + 1)!);
          // Below its own band, above the next row's.
          const row = rows.findIndex((r) => r.id === plan.id);
          expect(mark.y).toBeGreaterThan(rows[row]!.top);
          if (row + 1 < rows.length) expect(mark.y).toBeLessThan(rows[row + 1]!.top);
        }
    });

    it('puts each piece of evidence at the start of the period its date names, on the rows of the plans it bears on', async () => {
      await openTimeline();
      const starts = await yearStarts();
      const ends = ['goals', 'tasks', 'platforms', 'actionPlans', 'frameworks', 'plans'] as const;
      const { evidence } = await api<{
        evidence: Array<{ id: string; date: string } & Record<(typeof ends)[number], Array<{ id: string }>>>;
      }>(`{ evidence(limit: 500) { id date ${ends.map((field) => `${field} { id }`).join(' ')} } }`);
      const dates = new Map(evidence.map((e) => [e.id, e.date]));
      const expected: string[] = [];
      for (const plan of await apiPlans()) {
        const { commitments } = await api<{ commitments: Array<{ entity: { id: string } }> }>(
          'query($plan: ID!) { commitments(plan: $plan) { entity { id } } }',
          { plan: plan.id },
        );
        // A piece stands on a plan's row when it bears on the plan or on one of its commitments.
        const ids = new Set([plan.id, ...commitments.map((c) => c.entity.id)]);
        for (const e of evidence)
          if (ends.some((field) => e[field].some((end) => ids.has(end.id)))) expected.push(`${plan.id} ${e.id}`);
      }
      expect(expected.length).toBeGreaterThan(10);
      const marks = await markCentres('#drawing .mark.evidence');
      expect(marks.map((m) => `${m.plan} ${m.id}`).sort()).toEqual(expected.sort());
      for (const mark of marks) expect(Math.abs(mark.x - dateX(dates.get(mark.id)!, starts))).toBeLessThan(1);
      // The precision is said, not hidden: a month's evidence names the month it is drawn at.
      const monthly = marks.find((m) => /^\d{4}-\d{2}$/.test(dates.get(m.id)!))!;
      expect(
        await page.locator(`#drawing .mark.evidence[data-id="${monthly.id}"]`).first().getAttribute('aria-label'),
      ).toMatch(/at the start of \w+ \d{4} \(the date names a month\)/);
    });

    it('draws the successor and alignment links among the drawn plans and goals', async () => {
      await openTimeline();
      const { plans } = await api<{
        plans: Array<{
          id: string;
          continues: Array<{ id: string }>;
          supersedes: Array<{ id: string }>;
          serves: Array<{ id: string }>;
          goals: Array<{ id: string; revises: Array<{ id: string }>; serves: Array<{ id: string }> }>;
        }>;
      }>('{ plans { id continues { id } supersedes { id } serves { id } goals { id revises { id } serves { id } } } }');
      const expected = new Set<string>();
      for (const p of plans) {
        for (const [field, type] of [
          ['continues', 'CONTINUES'],
          ['supersedes', 'SUPERSEDES'],
          ['serves', 'SERVES'],
        ] as const)
          for (const to of p[field]) expected.add(`${p.id}|${type}|${to.id}`);
        for (const g of p.goals) {
          for (const to of g.revises) expected.add(`${g.id}|REVISES|${to.id}`);
          for (const to of g.serves) expected.add(`${g.id}|SERVES|${to.id}`);
        }
      }
      expect([...expected].some((l) => l.includes('|CONTINUES|'))).toBe(true);
      expect([...expected].some((l) => l.includes('|REVISES|'))).toBe(true);
      const drawnLinks = await page.evaluate<string[]>(
        `[...document.querySelectorAll('#drawing .link')].map((l) => l.dataset.link)`,
      );
      expect([...drawnLinks].sort()).toEqual([...expected].sort());
    });
  });

  describe('following a commitment through', () => {
    it('shows a goal clicked on the timeline with its evidence oldest first and its verdicts, and marks it', async () => {
      await openTimeline();
      const [goal] = (
        await api<{ commitments: Array<{ entity: { id: string; kind: string }; evidenceCount: number }> }>(
          '{ commitments(plan: "zgc14:plan") { entity { id kind } evidenceCount } }',
        )
      ).commitments.filter((c) => c.entity.kind === 'GOAL' && c.evidenceCount > 1);
      const id = goal!.entity.id;
      await changeView(page, () => page.locator(`#drawing .goal[data-id="${id}"]`).first().click());
      await expectFollowThrough(id);
      expect(await page.locator(`#drawing .goal[data-id="${id}"]`).first().getAttribute('aria-pressed')).toBe('true');
      const chain = await apiChain(id);
      expect(await idsOf('#chain-revised-by li')).toEqual(chain.revisedBy.map((r) => r.id));
      expect(await idsOf('#chain-later-plans li')).toEqual(chain.laterPlans.map((p) => p.id));
    });

    it('follows a task through from the commitment list by keyboard alone, and a goal mark by Space', async () => {
      await openTimeline();
      const task = 'zgc14:task-self-reliance';
      await page.keyboard.press('Tab');
      await tabTo('a[href="#commitments"]');
      await page.keyboard.press('Enter');
      await tabTo(`button[data-select="${task}"]`);
      await changeView(page, () => page.keyboard.press('Enter'));
      await expectFollowThrough(task);
      // The ASSESSES link's rationale is shown with the assessment.
      expect(await page.locator('#chain-assessments .rationale').first().textContent()).toMatch(/^Why we link it/);

      const goal = 'zgc14:goal-2025-international';
      await page.locator('a[href="#drawing"]').focus();
      await page.keyboard.press('Enter');
      await tabTo(`#drawing .goal[data-id="${goal}"]`);
      await changeView(page, () => page.keyboard.press(' '));
      await expectFollowThrough(goal);
    });

    it('restores the selection on back and forward, and from a shared URL', async () => {
      await openTimeline();
      const first = 'zgc14:goal-2025';
      const second = 'zgc14:platform-zgc-forum';
      await changeView(page, () => page.locator(`button[data-select="${first}"]`).click());
      await changeView(page, () => page.locator(`button[data-select="${second}"]`).click());
      expect(new URL(page.url()).searchParams.get('selected')).toBe(second);
      await changeView(page, async () => void (await page.goBack()));
      await expectFollowThrough(first);
      await changeView(page, async () => void (await page.goForward()));
      await expectFollowThrough(second);
      const shared = page.url();
      const other = await newPage(browser, offsite);
      try {
        await other.goto(shared);
        await waitDrawn(other);
        expect(await other.evaluate('document.body.dataset.selected')).toBe(second);
        expect(await other.evaluate('document.body.dataset.state')).toBe(new URL(shared).search.slice(1));
        expect(await other.locator('#chain-name').textContent()).toBe((await apiChain(second)).commitment.name);
      } finally {
        await other.context().close();
      }
    });

    it('keeps the plans chosen in the URL, and back brings the others back', async () => {
      await openTimeline();
      const plans = (await apiPlans()).filter((p) => p.periodStart !== null);
      const left = plans.find((p) => p.id === 'hitech14:plan')!;
      await page.locator('#plan-picker summary').click();
      await changeView(page, () => page.getByRole('checkbox', { name: left.name }).uncheck());
      const chosen = new URL(page.url()).searchParams.get('plans')!.split(',');
      expect([...chosen].sort()).toEqual(
        plans
          .filter((p) => p !== left)
          .map((p) => p.id)
          .sort(),
      );
      expect(await page.locator(`#drawing .band[data-id="${left.id}"]`).count()).toBe(0);
      expect(await page.locator(`section[data-plan="${left.id}"]`).count()).toBe(0);
      await changeView(page, async () => void (await page.goBack()));
      expect(await page.locator(`#drawing .band[data-id="${left.id}"]`).count()).toBe(1);
    });

    it('says in the status line what the API answered when it refuses a selection', async () => {
      await page.goto(`${t.server.url}/timeline?selected=zgc14:no-such-goal`);
      await page.waitForSelector('body[data-ready="error"]');
      const refusal = await t.graphql('{ followThrough(id: "zgc14:no-such-goal") { commitment { id } } }');
      expect(await page.getByRole('status').textContent()).toContain(refusal.errors![0]!.message);
    });
  });

  describe('accessibility and layout', () => {
    it('has no serious or critical accessibility violation, opened and with a commitment selected', async () => {
      await openTimeline();
      expect(await seriousViolations(page)).toEqual([]);
      await changeView(page, () => page.locator('#drawing .goal[data-id="zgc14:goal-2025"]').first().click());
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('names the drawing and every mark, and links back to the explorer', async () => {
      await openTimeline();
      expect(await page.locator('#drawing svg > title').textContent()).toMatch(/^Timeline of \d+ plans/);
      expect(await page.locator('#drawing svg > desc').textContent()).not.toBe('');
      const unnamed = await page.evaluate<number>(
        `[...document.querySelectorAll('#drawing .mark, #drawing .band, #drawing .link')].filter((m) => !m.getAttribute('aria-label')).length`,
      );
      expect(unnamed).toBe(0);
      expect(await page.getByRole('link', { name: 'Back to the graph explorer' }).getAttribute('href')).toBe('/');
    });

    for (const [width, height] of [
      [1400, 900],
      [1920, 1080],
    ] as const)
      it(`draws every label at 11 px or more and every mark and label inside the window at ${width}x${height}`, async () => {
        await page.setViewportSize({ width, height });
        try {
          await openTimeline('selected=zgc14:goal-2025');
          const parts = await page.evaluate<Array<{ what: string; size: number; box: Box }>>(`(() => {
            const scale = document.querySelector('#drawing svg').getScreenCTM().a;
            return [...document.querySelectorAll('#drawing text, #drawing .mark .shape')].map((e) => {
              const r = e.getBoundingClientRect();
              return { what: e.textContent || e.closest('.mark').dataset.id,
                size: e.tagName === 'text' ? parseFloat(getComputedStyle(e).fontSize) * scale : 99,
                box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom } };
            });
          })()`);
          expect(parts.length).toBeGreaterThan(30);
          const small = parts.filter((p) => p.size < 11).map((p) => p.what);
          expect(small).toEqual([]);
          const outside = parts
            .filter((p) => p.box.left < 0 || p.box.top < 0 || p.box.right > width || p.box.bottom > height)
            .map((p) => p.what);
          expect(outside).toEqual([]);
        } finally {
          await page.setViewportSize({ width: 1400, height: 900 });
        }
      });

    it('made no request off this server', () => {
      expect(offsite).toEqual([]);
    });
  });
});
