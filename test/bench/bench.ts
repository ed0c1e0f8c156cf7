/**
 * `npm run bench -- --size small|medium|large|xl [--runs N] [--duration S] [--cases REGEX]`: loads a synthetic library
 * into the embedded Neo4j (once per size; reused while its data folder says it holds that size) and runs
 * one workload through (a) this project's GraphQL API over HTTP, (b) @neo4j/graphql with an equivalent
 * schema, (c) the floor: the same hand-written Cypher behind bare Express routes, and (d) that Cypher
 * through the driver in-process. Writes JSON and a Markdown table under .artifacts/bench/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import autocannon from 'autocannon';
import { readConfig } from '../../src/config/readConfig';
import { Database } from '../../src/database/Database';
import { openDatabase } from '../../src/startup/openDatabase';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { sizeOf, SIZES } from '../../src/synthetic/generateLibrary';
import { checkedLibrary, loadLibrary } from '../../src/synthetic/loadLibrary';
import { bulkLoad } from '../../src/bulk/bulkLoad';
import { completeBulkLoad } from '../../src/bulk/completeBulkLoad';
import { CYPHER_DIR, LAUNCHER_DIR, PROJECT_ROOT } from '../../src/paths';
import { startBenchServer, type BenchServer } from './startBenchServer';
import { benchLibrary } from './benchLibrary';
import { workload, workloadIds, type Json } from './workload';
import { checkAnswers } from './checkAnswers';
import { drain } from './drain';
import { postGraphql } from './postGraphql';
import { plotLatency, type SizeReport } from './plotLatency';

interface PathResult {
  p50: number;
  p95: number;
  p99: number;
  rps8: number;
  rps32: number;
  errors: number;
  /** The first error message, when requests failed. */
  failure?: string;
  dbHits?: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

type Sender = () => Promise<void>;

/**
 * p50/p95/p99 at concurrency 1 of each path, sampled in turns (one request of each path per round,
 * the starting path rotating), so drift on a shared machine hits every path alike.
 */
async function latency(
  senders: Record<string, Sender>,
  runs: number,
): Promise<Record<string, { p50: number; p95: number; p99: number; errors: number; failure?: string }>> {
  const names = Object.keys(senders);
  const errors: Record<string, { count: number; first?: string }> = Object.fromEntries(
    names.map((n) => [n, { count: 0 }]),
  );
  // A failed request (the peer running out of transaction memory, say) is counted, not timed.
  const send = async (name: string): Promise<number | undefined> => {
    const start = performance.now();
    try {
      await senders[name]!();
      return performance.now() - start;
    } catch (error) {
      errors[name]!.count++;
      errors[name]!.first ??= error instanceof Error ? error.message : String(error);
      return undefined;
    }
  };
  for (let i = 0; i < Math.min(20, runs); i++) for (const name of names) await send(name);
  for (const name of names) errors[name] = { count: 0 };
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      const ms = await send(name);
      if (ms !== undefined) samples[name]!.push(ms);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = samples[name]!.sort((a, b) => a - b);
      const failed = errors[name]!;
      const stats =
        sorted.length === 0
          ? { p50: NaN, p95: NaN, p99: NaN }
          : { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
      return [
        name,
        { ...stats, errors: failed.count, ...(failed.first ? { failure: failed.first.slice(0, 300) } : {}) },
      ];
    }),
  );
}

/** Requests per second at `connections`; an answer with GraphQL errors counts as an error, not a request served. */
async function throughput(
  request: { url: string; method: 'GET' | 'POST'; body?: string },
  connections: number,
  seconds: number,
): Promise<{ rps: number; errors: number }> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: request.url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: request.method,
        headers: { 'content-type': 'application/json' },
        ...(request.body ? { body: request.body } : {}),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.startsWith('{"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  const served = Math.max(0, result.requests.total - graphqlErrors);
  return {
    rps: (served / result.requests.total) * result.requests.average || 0,
    errors: result.errors + result.non2xx + graphqlErrors,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      size: { type: 'string', default: 'small' },
      runs: { type: 'string', default: '50' },
      duration: { type: 'string', default: '2' },
      cases: { type: 'string' },
    },
  });
  const sizeName = values.size as keyof typeof SIZES;
  const shape = SIZES[sizeName];
  if (!shape) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const runs = Number(values.runs);
  const seconds = Number(values.duration);
  // --cases REGEX runs only the matching queries, for a quick look at one of them.
  const only = values.cases === undefined ? undefined : new RegExp(values.cases, 'i');
  const { dataDir, env } = benchLibrary(sizeName);
  const marker = path.join(dataDir, 'library.json');
  const expected = JSON.stringify({ shape, size: sizeOf(shape) });
  const fresh = !fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== expected;
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  const config = readConfig(env, PROJECT_ROOT);
  const logger = pino({ level: 'warn' });
  let loadStarted = performance.now();
  // A new data folder is empty: the library goes in by bulk import, as `npm run generate` does it.
  const bulk =
    fresh && config.neo4j.mode === 'embedded'
      ? await bulkLoad(checkedLibrary(shape), { launcherDir: LAUNCHER_DIR, dataDir, heap: config.neo4j.heap })
      : null;
  const { db: loaderDb, close } = await openDatabase(config, logger);
  const uri = config.neo4j.mode === 'external' ? config.neo4j.uri : `bolt://127.0.0.1:${config.neo4j.boltPort}`;
  const report: Record<string, unknown> = {
    size: sizeName,
    shape,
    counts: sizeOf(shape),
    node: process.version,
    date: new Date().toISOString(),
  };
  // Whatever was opened is closed, last first, however the run ends.
  const opened: Array<() => Promise<unknown>> = [];
  try {
    await applyMigrations(loaderDb, path.join(CYPHER_DIR, 'schema'));
    if (fresh) {
      if (bulk) {
        await completeBulkLoad(loaderDb, bulk.completions);
      } else {
        loadStarted = performance.now();
        await loadLibrary(loaderDb, shape);
      }
      await loaderDb.write('CALL db.awaitIndexes($seconds)', { seconds: 600 });
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      report['loader'] = bulk ? 'bulk import' : 'transactional';
      report['loadSeconds'] = loadSeconds;
      report['loadSecondsPer100kRelationships'] = (loadSeconds * 100_000) / sizeOf(shape).relationships;
      fs.writeFileSync(marker, expected);
    }
    // The driver path runs here, in the client's process; it also profiles the floor and waits for idle.
    const floorDb = await Database.connect({ uri, database: 'neo4j', connectTimeoutMs: 10_000 });
    opened.push(() => floorDb.close());
    // Each server runs in a process of its own: its memory is its own, and no server shares an event
    // loop with the client or another server.
    const serverEnv = { ...env, NODE_ENV: process.env['NODE_ENV'] ?? 'production' };
    const servers: Record<'ours' | 'peer' | 'floor', BenchServer> = {} as never;
    for (const kind of ['ours', 'peer', 'floor'] as const) {
      servers[kind] = await startBenchServer(kind, uri, `bench-${sizeName}`, serverEnv);
      opened.push(() => servers[kind].close());
    }
    report['oursStartMs'] = servers.ours.startMs;
    report['peerStartMs'] = servers.peer.startMs;
    report['peerSchemaMs'] = servers.peer.schemaMs;
    const cases = workload(workloadIds(shape));
    const oursUrl = servers.ours.url;
    const peer = servers.peer;
    const floorUrl = servers.floor.url;

    const results: Record<string, Record<string, PathResult | null>> = {};
    for (const [i, c] of cases.entries()) {
      if (only && !only.test(c.name)) continue;
      process.stderr.write(`${c.name}...\n`);
      await servers.ours.reset();
      await postGraphql(oursUrl, c.ours);
      const oursHits = await servers.ours.dbHits();
      let peerHits: number | undefined;
      let peerFailure: string | undefined;
      if (c.peer) {
        await peer.reset();
        try {
          await postGraphql(peer.url, c.peer);
          peerHits = await peer.dbHits();
        } catch (error) {
          // A query the peer cannot answer once is not timed: its failures would only slow the run.
          peerFailure = (error as Error).message.slice(0, 300);
          process.stderr.write(`  the peer failed, so it is not timed on this query: ${peerFailure}\n`);
        }
      }
      await checkAnswers(c, {
        ours: async () => c.answer.ours(await postGraphql(oursUrl, c.ours)),
        ...(c.peer && c.answer.peer && !peerFailure
          ? { peer: async () => c.answer.peer!(await postGraphql(peer.url, c.peer!)) }
          : {}),
        floor: async () => c.answer.floor((await (await fetch(`${floorUrl}/${i}`)).json()) as Json[]),
        driver: async () =>
          c.answer.floor(JSON.parse(JSON.stringify(await floorDb.read(c.floor.cypher, c.floor.params))) as Json[]),
      });
      const requests: Record<string, { url: string; method: 'GET' | 'POST'; body?: string }> = {
        ours: { url: oursUrl, method: 'POST', body: JSON.stringify({ query: c.ours }) },
        ...(c.peer && !peerFailure
          ? { peer: { url: peer.url, method: 'POST' as const, body: JSON.stringify({ query: c.peer }) } }
          : {}),
        floor: { url: `${floorUrl}/${i}`, method: 'GET' },
      };
      const senders: Record<string, Sender> = {
        ours: async () => void (await postGraphql(oursUrl, c.ours)),
        ...(c.peer && !peerFailure ? { peer: async () => void (await postGraphql(peer.url, c.peer!)) } : {}),
        floor: async () => void (await (await fetch(`${floorUrl}/${i}`)).json()),
        driver: async () => void (await floorDb.read(c.floor.cypher, c.floor.params)),
      };
      const latencies = await latency(senders, runs);
      const hits: Record<string, number | undefined> = {
        ours: oursHits,
        peer: peerHits,
        floor: (await floorDb.profile(c.floor.cypher, c.floor.params)).dbHits,
      };
      const row: Record<string, PathResult | null> = { peer: null };
      for (const [name, request] of Object.entries(requests)) {
        const t8 = await throughput(request, 8, seconds);
        await drain(floorDb);
        const t32 = await throughput(request, 32, seconds);
        await drain(floorDb);
        const dbHits = hits[name];
        const l = latencies[name]!;
        row[name] = {
          ...l,
          rps8: t8.rps,
          rps32: t32.rps,
          errors: l.errors + t8.errors + t32.errors,
          ...(dbHits !== undefined ? { dbHits } : {}),
        };
      }
      row['driver'] = { ...latencies['driver']!, rps8: NaN, rps32: NaN };
      if (peerFailure)
        row['peer'] = { p50: NaN, p95: NaN, p99: NaN, rps8: NaN, rps32: NaN, errors: 1, failure: peerFailure };
      results[c.name] = row;
    }
    report['results'] = results;
    report['peakRssMB'] = Object.fromEntries(
      Object.entries(servers).map(([kind, server]) => [kind, Math.round(server.peakRssMB())]),
    );
  } finally {
    for (const shut of opened.reverse()) {
      await shut().catch((error: unknown) => process.stderr.write(`closing failed: ${String(error)}\n`));
    }
    await close();
  }
  const md = toMarkdown(report);
  const dir = path.join(PROJECT_ROOT, '.artifacts', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const stem = values.cases === undefined ? `bench-${sizeName}` : `bench-${sizeName}-some`;
  fs.writeFileSync(path.join(dir, `${stem}.json`), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(dir, `${stem}.md`), md);
  process.stdout.write(md);
  if (values.cases === undefined) {
    const reports = Object.keys(SIZES).flatMap((size) => {
      const file = path.join(dir, `bench-${size}.json`);
      return fs.existsSync(file) ? [JSON.parse(fs.readFileSync(file, 'utf8')) as SizeReport] : [];
    });
    fs.writeFileSync(path.join(dir, 'latency-vs-size.svg'), await plotLatency(reports));
    process.stderr.write(
      `Plot of ${reports.map((r) => r.size).join(', ')}: ${path.join(dir, 'latency-vs-size.svg')}\n`,
    );
  }
}

function peakRss(byServer: unknown): string {
  if (!byServer || typeof byServer !== 'object') return 'not measured';
  return Object.entries(byServer as Record<string, number>)
    .map(([kind, mb]) => `${kind} ${mb} MB`)
    .join(', ');
}

function toMarkdown(report: Record<string, unknown>): string {
  const results = report['results'] as Record<string, Record<string, PathResult | null>>;
  const f = (n: number | undefined): string =>
    n === undefined || Number.isNaN(n) ? '-' : n >= 100 ? n.toFixed(0) : n.toFixed(2);
  const ratio = (a: number | undefined, b: number | undefined): string =>
    a === undefined || b === undefined || !b ? '-' : (a / b).toFixed(2);
  const lines = [
    `Size ${String(report['size'])}: ${JSON.stringify(report['counts'])}; ` +
      `Node ${String(report['node'])}; ${String(report['date'])}`,
    '',
    '| query | ours p50 / p95 / p99 ms | peer p50 ms | floor p50 ms | driver p50 ms | ' +
      'ours/floor p50 | ours/peer p50 | ours rps c8 / c32 | peer rps c8 / c32 | floor rps c8 / c32 | ' +
      'db hits ours / peer / floor | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | ---: |',
  ];
  for (const [name, r] of Object.entries(results)) {
    const o = r['ours']!;
    const p = r['peer'];
    const fl = r['floor']!;
    const d = r['driver']!;
    lines.push(
      `| ${name} | ${f(o.p50)} / ${f(o.p95)} / ${f(o.p99)} | ${f(p?.p50)} | ${f(fl.p50)} | ${f(d.p50)} | ` +
        `${ratio(o.p50, fl.p50)} | ${ratio(o.p50, p?.p50)} | ${f(o.rps8)} / ${f(o.rps32)} | ` +
        `${p ? `${f(p.rps8)} / ${f(p.rps32)}` : '-'} | ${f(fl.rps8)} / ${f(fl.rps32)} | ` +
        `${o.dbHits ?? '-'} / ${p?.dbHits ?? '-'} / ${fl.dbHits ?? '-'} | ${o.errors + (p?.errors ?? 0) + fl.errors} |`,
    );
  }
  for (const [name, r] of Object.entries(results)) {
    for (const [pathName, result] of Object.entries(r)) {
      if (result?.failure)
        lines.push(
          '',
          `${name}, ${pathName}: ${result.errors} failed requests; ` +
            `the first said: ${result.failure.replace(/\|/g, '/')}`,
        );
    }
  }
  lines.push(
    '',
    `Load: ${
      report['loadSeconds'] === undefined
        ? 'reused an earlier load'
        : `${(report['loadSeconds'] as number).toFixed(1)} s ` +
          `(${(report['loadSecondsPer100kRelationships'] as number).toFixed(1)} s per 100k relationships, ` +
          `${String(report['loader'])}, indexes online)`
    }. ` +
      `Start: ours ${f(report['oursStartMs'] as number)} ms, peer ${f(report['peerStartMs'] as number)} ms ` +
      `(schema ${f(report['peerSchemaMs'] as number)} ms). ` +
      `Peak RSS per server process: ${peakRss(report['peakRssMB'])}.`,
    '',
  );
  return lines.join('\n');
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
