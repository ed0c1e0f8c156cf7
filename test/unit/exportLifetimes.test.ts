/**
 * The lifetimes exports give nodes and links, case by case, and for links a generated comparison with a
 * reference that walks the days one by one.
 */
import fc from 'fast-check';
import {
  edgeLifetime,
  exportLifetimes,
  firstDay,
  hasTime,
  nodeLifetime,
  planLifetime,
  type Lifetime,
  type PlanDates,
} from '../../src/export/exportLifetimes';

const plan = (dates: Partial<PlanDates>): PlanDates => ({ periodStart: null, periodEnd: null, issued: null, ...dates });
const OPEN: Lifetime = { start: null, end: null };

describe('Export lifetimes', () => {
  it.each([
    ['2023', '2023-01-01'],
    ['2024-11', '2024-11-01'],
    ['2024-04-25', '2024-04-25'],
    ['--11-29', null],
    ['', null],
  ])('start a thing dated %j on the first day of the period the date names', (date, day) => {
    expect(firstDay(date)).toBe(day);
  });

  it('run a plan from the first day of its period to the last, or from its issue date', () => {
    expect(planLifetime(plan({ periodStart: 2021, periodEnd: 2025, issued: '2021-11' }))).toEqual({
      start: '2021-01-01',
      end: '2025-12-31',
    });
    expect(planLifetime(plan({ issued: '2019-06' }))).toEqual({ start: '2019-06-01', end: null });
    expect(planLifetime(plan({ periodEnd: 2030 }))).toEqual({ start: null, end: '2030-12-31' });
    expect(planLifetime(plan({}))).toEqual(OPEN);
  });

  it('start a commitment with the earliest plan committing to it, and never end it', () => {
    const committedBy = [plan({ periodStart: 2024, periodEnd: 2027 }), plan({ periodStart: 2021, periodEnd: 2025 })];
    expect(nodeLifetime({ kind: 'GOAL', date: null }, { plan: null, committedBy })).toEqual({
      start: '2021-01-01',
      end: null,
    });
    // "Always" is earlier than any day.
    expect(nodeLifetime({ kind: 'GOAL', date: null }, { plan: null, committedBy: [...committedBy, plan({})] })).toEqual(
      OPEN,
    );
  });

  it('start evidence, assessments and sources at their own date, and leave undated kinds open', () => {
    expect(nodeLifetime({ kind: 'EVIDENCE', date: '2023' }, undefined)).toEqual({ start: '2023-01-01', end: null });
    expect(nodeLifetime({ kind: 'ASSESSMENT', date: '2026-12' }, undefined)).toEqual({
      start: '2026-12-01',
      end: null,
    });
    expect(nodeLifetime({ kind: 'SOURCE', date: '--11-29' }, undefined)).toEqual(OPEN);
    expect(nodeLifetime({ kind: 'INDUSTRY', date: null }, undefined)).toEqual(OPEN);
  });

  it('give a plan its period, not its issue date, though its own date is the issue date', () => {
    expect(
      nodeLifetime(
        { kind: 'PLAN', date: '2021-11' },
        { plan: plan({ periodStart: 2021, periodEnd: 2025, issued: '2021-11' }), committedBy: [] },
      ),
    ).toEqual({ start: '2021-01-01', end: '2025-12-31' });
  });

  it('make a link between ends that never coexist the day the later one starts', () => {
    expect(
      edgeLifetime({ start: '2026-01-01', end: '2030-12-31' }, { start: '2021-01-01', end: '2025-12-31' }),
    ).toEqual({ start: '2026-01-01', end: '2026-01-01' });
  });

  it('give a link exactly the days both its ends exist, when there are any', () => {
    // Days as numbers 0..40 from a fixed day; null is open.
    const base = Date.UTC(2024, 1, 20); // crosses 29 February
    const day = (n: number): string => new Date(base + n * 86_400_000).toISOString().slice(0, 10);
    const bound = fc.option(fc.integer({ min: 0, max: 40 }), { nil: null });
    type Ends = readonly [number | null, number | null];
    const lifetime = fc
      .tuple(bound, bound)
      .map(([a, b]): Ends => (a !== null && b !== null && a > b ? [b, a] : [a, b]))
      .map((n) => ({ n, life: { start: n[0] === null ? null : day(n[0]), end: n[1] === null ? null : day(n[1]) } }));
    fc.assert(
      fc.property(lifetime, lifetime, (x, y) => {
        const within = (n: number, [a, b]: Ends): boolean => (a === null || n >= a) && (b === null || n <= b);
        const both: number[] = [];
        for (let n = -1; n <= 41; n++) if (within(n, x.n) && within(n, y.n)) both.push(n);
        const got = edgeLifetime(x.life, y.life);
        if (both.length === 0) {
          const later = [x.life.start, y.life.start]
            .filter((d) => d !== null)
            .sort()
            .at(-1)!;
          expect(got).toEqual({ start: later, end: later });
        } else {
          expect(got.start).toBe(both[0] === -1 ? null : day(both[0]!));
          expect(got.end).toBe(both.at(-1) === 41 ? null : day(both.at(-1)!));
        }
      }),
      { seed: 20240229, numRuns: 500 },
    );
  });

  it('say an export has time only when some node or link is bounded', () => {
    const undated = exportLifetimes(
      { nodes: [{ id: 'a', kind: 'INDUSTRY', date: null }], edges: [{ id: 'a|PART_OF|a', source: 'a', target: 'a' }] },
      new Map(),
    );
    expect(hasTime(undated)).toBe(false);
    expect(hasTime(undefined)).toBe(false);
    const dated = exportLifetimes(
      {
        nodes: [
          { id: 'e', kind: 'EVIDENCE', date: '2024-05' },
          { id: 'a', kind: 'INDUSTRY', date: null },
        ],
        edges: [{ id: 'e|BEARS_ON|a', source: 'e', target: 'a' }],
      },
      new Map(),
    );
    expect(hasTime(dated)).toBe(true);
    expect(dated.edges.get('e|BEARS_ON|a')).toEqual({ start: '2024-05-01', end: null });
  });
});
