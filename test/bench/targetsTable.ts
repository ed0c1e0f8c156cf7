/**
 * `npm run bench:targets`: the targets of `BENCHMARKS.md` checked against the reports `npm run bench`
 * left in `.artifacts/bench/` (every size measured so far): per query and size, ours/floor p50,
 * ours/floor throughput at 32 connections, ours/peer throughput at 8 and 32 connections and db hits
 * ours/peer; per size, each server's peak RSS. A figure that misses its target is marked with `*`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SIZES } from '../../src/synthetic/generateLibrary';
import { PROJECT_ROOT } from '../../src/paths';

interface PathResult {
  p50: number;
  rps8: number;
  rps32: number;
  dbHits?: number;
}

interface Report {
  size: string;
  results: Record<string, Record<string, PathResult | null>>;
  peakRssMB?: Record<string, number>;
}

/** A ratio and whether it meets its target; `-` when a side was not measured. */
function cell(value: number | undefined, meets: (v: number) => boolean): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  if (meets(value)) return value.toFixed(2);
  // A miss that rounds onto the target is shown with the digit that tells it apart.
  const shown = value.toFixed(2);
  return `${meets(Number(shown)) ? value.toFixed(3) : shown}*`;
}

function table(
  title: string,
  reports: readonly Report[],
  value: (row: Record<string, PathResult | null>) => number | undefined,
  meets: (v: number) => boolean,
): string[] {
  const queries = [...new Set(reports.flatMap((r) => Object.keys(r.results)))];
  return [
    `${title}`,
    '',
    `| query | ${reports.map((r) => r.size).join(' | ')} |`,
    `| --- | ${reports.map(() => '---:').join(' | ')} |`,
    ...queries.map(
      (q) => `| ${q} | ${reports.map((r) => (r.results[q] ? cell(value(r.results[q]), meets) : '-')).join(' | ')} |`,
    ),
    '',
  ];
}

function main(): void {
  const dir = path.join(PROJECT_ROOT, '.artifacts', 'bench');
  const reports = Object.keys(SIZES).flatMap((size) => {
    const file = path.join(dir, `bench-${size}.json`);
    return fs.existsSync(file) ? [JSON.parse(fs.readFileSync(file, 'utf8')) as Report] : [];
  });
  if (reports.length === 0) throw new Error(`no reports in ${dir}: run \`npm run bench\` first`);
  const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
    a === undefined || b === undefined || !b ? undefined : a / b;
  const lines = [
    ...table(
      'ours/floor p50 latency (target: at most 1.30)',
      reports,
      (r) => ratio(r['ours']?.p50, r['floor']?.p50),
      (v) => v <= 1.3,
    ),
    ...table(
      'ours/floor throughput at 32 connections (target: at least 0.75)',
      reports,
      (r) => ratio(r['ours']?.rps32, r['floor']?.rps32),
      (v) => v >= 0.75,
    ),
    ...table(
      'ours/peer p50 latency (target: at most 1.00)',
      reports,
      (r) => ratio(r['ours']?.p50, r['peer']?.p50),
      (v) => v <= 1,
    ),
    ...table(
      'ours/peer throughput, the lower of 8 and 32 connections (target: at least 1.00)',
      reports,
      (r) => {
        const c8 = ratio(r['ours']?.rps8, r['peer']?.rps8);
        const c32 = ratio(r['ours']?.rps32, r['peer']?.rps32);
        return c8 === undefined || c32 === undefined ? undefined : Math.min(c8, c32);
      },
      (v) => v >= 1,
    ),
    ...table(
      'db hits ours/peer (target: at most 1.00)',
      reports,
      (r) => ratio(r['ours']?.dbHits, r['peer']?.dbHits),
      (v) => v <= 1,
    ),
    'Peak RSS per server process, MB (target: ours at most the peer)',
    '',
    '| size | ours | peer | floor |',
    '| --- | ---: | ---: | ---: |',
    ...reports.map((r) => {
      const rss = r.peakRssMB ?? {};
      const mark = rss['ours'] !== undefined && rss['peer'] !== undefined && rss['ours'] > rss['peer'] ? '*' : '';
      return `| ${r.size} | ${rss['ours'] ?? '-'}${mark} | ${rss['peer'] ?? '-'} | ${rss['floor'] ?? '-'} |`;
    }),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
