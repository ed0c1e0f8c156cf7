/** What the page benchmarks share: reading a page's own performance measures, and printing medians. */
import type { Page } from 'playwright-core';

/** One run's figures, by measure name; names ending in "(ms)" are durations. */
export type Sample = Record<string, number>;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The duration of the last measure named `name` that the page's `timings` function (a global) lists. */
export async function lastMeasure(page: Page, timings: string, name: string): Promise<number> {
  const all = await page.evaluate<Array<{ name: string; duration: number }>>(`window.${timings}()`);
  const found = all.filter((m) => m.name === name).pop();
  if (!found) throw new Error(`the page took no measure named ${name}`);
  return found.duration;
}

/** Prints `title` and a Markdown table of each measure's median, minimum and maximum over `samples`. */
export function printMedians(title: string, samples: Sample[]): void {
  console.log(`${title}\n`);
  console.log('| measure | median | min | max |\n| --- | ---: | ---: | ---: |');
  for (const key of Object.keys(samples[0]!)) {
    const all = samples.map((s) => s[key]!);
    const f = (v: number): string => (key.endsWith('(ms)') ? v.toFixed(0) : String(v));
    console.log(`| ${key} | ${f(median(all))} | ${f(Math.min(...all))} | ${f(Math.max(...all))} |`);
  }
}
