/**
 * Draws median latency against graph size from the benchmark reports of several sizes: one panel per
 * query, one line per path (ours, the peer, the floor), both axes logarithmic. Flat lines for the
 * traversals from one entity show cost following the answer, not the graph.
 */
import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };

/** The part of a benchmark report the plot reads. */
export interface SizeReport {
  size: string;
  counts: { nodes: number; relationships: number };
  results: Record<string, Record<string, { p50: number } | null>>;
}

const PATHS = ['ours', 'peer', 'floor'] as const;

/** An SVG document plotting p50 latency against relationship count for every query and path. */
export async function plotLatency(reports: readonly SizeReport[]): Promise<string> {
  const values = reports.flatMap((report) =>
    Object.entries(report.results).flatMap(([query, row]) =>
      PATHS.flatMap((path) => {
        const result = row[path];
        return result ? [{ query, path, relationships: report.counts.relationships, p50: result.p50 }] : [];
      }),
    ),
  );
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Median latency at concurrency 1 against graph size',
    data: { values },
    facet: { field: 'query', type: 'nominal', title: null },
    columns: 4,
    spec: {
      width: 160,
      height: 140,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'relationships', type: 'quantitative', scale: { type: 'log' }, title: 'relationships' },
        y: { field: 'p50', type: 'quantitative', scale: { type: 'log' }, title: 'p50 ms' },
        color: { field: 'path', type: 'nominal', sort: [...PATHS] },
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
  // Both are ES modules with top-level await, which CommonJS can only load by dynamic import.
  const { compile } = await import('vega-lite');
  const { parse, View } = await import('vega');
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}
