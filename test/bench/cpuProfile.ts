/**
 * `npm run bench:profile -- [--size small] [--duration 8] [--connections 32] [--cases REGEX] [--before DIR]`:
 * where a request's CPU time goes. For each benchmark query, autocannon holds CONNECTIONS clients
 * against one server at a time while V8's CPU profiler runs in that server's process; the profile's busy
 * time (idle excluded) is shared out by package, project folder and function and divided by the
 * requests served. The servers: ours, the floor, and with `--before DIR` the server of another checkout
 * of the project (a `git worktree` with a link to this `node_modules`), whose answers must be
 * byte-for-byte ours. Each server runs in a process of its own, as in `npm run bench`. Writes
 * `.artifacts/bench/profile-SIZE.md` and the profiles beside it. Uses the library `npm run bench` loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pino from 'pino';
import { readConfig } from '../../src/config/readConfig';
import { Database } from '../../src/database/Database';
import { openDatabase } from '../../src/startup/openDatabase';
import { SIZES } from '../../src/synthetic/generateLibrary';
import { PROJECT_ROOT } from '../../src/paths';
import { benchLibrary } from './benchLibrary';
import { drain } from './drain';
import { startBenchServer, type BenchServer } from './startBenchServer';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './summarizeProfile';
import { workload, workloadIds } from './workload';

interface Target {
  name: string;
  server: BenchServer;
  request: (index: number, query: string) => { url: string; method: 'GET' | 'POST'; body?: string };
}

const fixed = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      size: { type: 'string', default: 'small' },
      duration: { type: 'string', default: '8' },
      connections: { type: 'string', default: '32' },
      cases: { type: 'string' },
      before: { type: 'string' },
    },
  });
  const sizeName = values.size as keyof typeof SIZES;
  const shape = SIZES[sizeName];
  if (!shape) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const seconds = Number(values.duration);
  const connections = Number(values.connections);
  const only = values.cases === undefined ? undefined : new RegExp(values.cases, 'i');
  const { dataDir, env } = benchLibrary(sizeName);
  if (!fs.existsSync(path.join(dataDir, 'library.json'))) {
    throw new Error(`no ${sizeName} library in ${dataDir}: run \`npm run bench -- --size ${sizeName}\` first`);
  }
  const outDir = path.join(PROJECT_ROOT, '.artifacts', 'bench', `profile-${sizeName}`);
  fs.mkdirSync(outDir, { recursive: true });
  const config = readConfig(env, PROJECT_ROOT);
  const { close } = await openDatabase(config, pino({ level: 'warn' }));
  const uri = `bolt://127.0.0.1:${env['NEO4J_EMBEDDED_BOLT_PORT']}`;
  const opened: Array<() => Promise<void>> = [close];
  const report: string[] = [
    `Size ${sizeName}, ${connections} connections, ${seconds} s per server and query, ` +
      `NODE_ENV=${process.env['NODE_ENV'] ?? 'production'}, ${new Date().toISOString()}`,
  ];
  try {
    const idle = await Database.connect({ uri, database: 'neo4j', connectTimeoutMs: 10_000 });
    opened.push(() => idle.close());
    const serverEnv = { ...env, NODE_ENV: process.env['NODE_ENV'] ?? 'production' };
    const graphql = (server: BenchServer) => (_i: number, query: string) => ({
      url: server.url,
      method: 'POST' as const,
      body: JSON.stringify({ query }),
    });
    const targets: Target[] = [];
    const start = async (kind: 'ours' | 'floor', extra: NodeJS.ProcessEnv = {}): Promise<BenchServer> => {
      const server = await startBenchServer(kind, uri, `bench-${sizeName}`, { ...serverEnv, ...extra });
      opened.push(() => server.close());
      return server;
    };
    const ours = await start('ours');
    targets.push({ name: 'ours', server: ours, request: graphql(ours) });
    if (values.before) {
      const before = await start('ours', { BENCH_OURS_FROM: path.resolve(values.before) });
      targets.unshift({ name: 'before', server: before, request: graphql(before) });
    }
    const floor = await start('floor');
    targets.push({ name: 'floor', server: floor, request: (i) => ({ url: `${floor.url}/${i}`, method: 'GET' }) });

    const summaries = new Map<string, Map<string, ProfileSummary>>();
    for (const [index, c] of workload(workloadIds(shape)).entries()) {
      if (only && !only.test(c.name)) continue;
      process.stderr.write(`${c.name}...\n`);
      const texts = new Map<string, string>();
      for (const t of targets.filter((t) => t.name !== 'floor')) {
        const r = t.request(index, c.ours);
        texts.set(
          t.name,
          await (
            await fetch(r.url, { method: r.method, body: r.body!, headers: { 'content-type': 'application/json' } })
          ).text(),
        );
      }
      if (values.before && texts.get('before') !== texts.get('ours')) {
        throw new Error(`${c.name}: the answers differ\nbefore: ${texts.get('before')}\nours:   ${texts.get('ours')}`);
      }
      const byServer = new Map<string, ProfileSummary>();
      summaries.set(c.name, byServer);
      for (const t of targets) {
        const r = t.request(index, c.ours);
        const send = (duration: number) =>
          autocannon({
            url: r.url,
            connections,
            duration,
            method: r.method,
            headers: { 'content-type': 'application/json' },
            ...(r.body ? { body: r.body } : {}),
          });
        // A short warm-up, outside the profile, so the profile holds steady-state work only.
        await send(2);
        await drain(idle);
        await t.server.cpuStart();
        const result = await send(seconds);
        const file = path.join(outDir, `${index}-${t.name}.cpuprofile`);
        await t.server.cpuStop(file);
        await drain(idle);
        if (result.errors + result.non2xx > 0) throw new Error(`${c.name}, ${t.name}: requests failed`);
        const summary = summarizeProfile(
          JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile,
          result.requests.total,
          80,
        );
        byServer.set(t.name, summary);
        process.stderr.write(
          `  ${t.name}: ${fixed(result.requests.average)} req/s, ${fixed(summary.busyMicrosPerRequest)} µs CPU per request\n`,
        );
      }
    }
    report.push(
      '',
      ...costTable(
        summaries,
        targets.map((t) => t.name),
      ),
    );
  } finally {
    for (const shut of opened.reverse()) await shut();
  }
  const text = `${report.join('\n')}\n`;
  fs.writeFileSync(path.join(PROJECT_ROOT, '.artifacts', 'bench', `profile-${sizeName}.md`), text);
  process.stdout.write(text);
}

/**
 * Per query, each server's CPU per request; then, over all queries, the parts and functions that cost
 * the most per request on average, for each server.
 */
function costTable(summaries: Map<string, Map<string, ProfileSummary>>, names: string[]): string[] {
  const lines = [
    `| query | ${names.map((n) => `${n} µs/request`).join(' | ')} |`,
    `| --- | ${names.map(() => '---:').join(' | ')} |`,
  ];
  for (const [query, byServer] of summaries) {
    lines.push(`| ${query} | ${names.map((n) => fixed(byServer.get(n)!.busyMicrosPerRequest)).join(' | ')} |`);
  }
  const mean = (n: string): number =>
    [...summaries.values()].reduce((sum, s) => sum + s.get(n)!.busyMicrosPerRequest, 0) / summaries.size;
  lines.push(`| mean | ${names.map((n) => fixed(mean(n))).join(' | ')} |`);
  for (const kind of ['byPart', 'byFunction'] as const) {
    // A part's mean cost per request over the queries, for each server; the largest for any server first.
    const costs = new Map<string, Map<string, number>>();
    for (const byServer of summaries.values()) {
      for (const n of names) {
        for (const line of byServer.get(n)![kind]) {
          const row = costs.get(line.name) ?? new Map<string, number>();
          row.set(n, (row.get(n) ?? 0) + line.microsPerRequest / summaries.size);
          costs.set(line.name, row);
        }
      }
    }
    const ranked = [...costs].sort((a, b) => Math.max(...b[1].values()) - Math.max(...a[1].values())).slice(0, 25);
    lines.push(
      '',
      `| ${kind === 'byPart' ? 'part' : 'function'} | ${names.map((n) => `${n} µs/request`).join(' | ')} |`,
      `| --- | ${names.map(() => '---:').join(' | ')} |`,
      ...ranked.map(([name, row]) => `| ${name} | ${names.map((n) => fixed(row.get(n) ?? 0)).join(' | ')} |`),
    );
  }
  lines.push(
    '',
    "Self time only (a function's callees count for themselves); each query's top 15 of each list, " +
      'so a part below that on some query counts 0 there.',
  );
  return lines;
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
