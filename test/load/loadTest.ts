/**
 * `npm run loadtest -- [--connections 64] [--duration 60] [--rounds 1] [--workers 1]`: starts three
 * servers, each in a process of its own (the uncached one in WORKERS processes), on one embedded Neo4j
 * seeded with the Plan:
 * - **cached**: the real server (`src/main.ts`, as `npm start` runs it), which owns the embedded Neo4j;
 * - **uncached**: the real server again, reaching that Neo4j over Bolt, with its response cache off;
 * - **floor**: the same answers fetched with hand-written Cypher behind bare Express routes.
 * It checks that all three answer the mix of analyst queries (`planMix.ts`) alike, warms each up, then
 * holds CONNECTIONS concurrent clients on loopback for DURATION seconds against each in turn, ROUNDS
 * times (the order rotating, so drift on a shared machine hits each alike), and reports throughput,
 * latency percentiles, errors (HTTP or GraphQL), each server's peak memory and the ratios between
 * them. Exits 1 on any error. Not part of `npm test`: it runs for minutes and measures, where tests assert.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Database } from '../../src/database/Database';
import { PROJECT_ROOT } from '../../src/paths';
import { checkAnswers } from '../bench/checkAnswers';
import { drain } from '../bench/drain';
import { peakRssMB, startBenchServer, type BenchServer } from '../bench/startBenchServer';
import { postGraphql } from '../bench/postGraphql';
import type { Json } from '../bench/workload';
import { PLAN_MIX } from './planMix';

const TARGETS = ['uncached', 'cached', 'floor'] as const;
type Target = (typeof TARGETS)[number];

interface Step {
  target: Target;
  round: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: { total: number; connection: number; timeouts: number; non2xx: number; graphql: number };
}

/** Runs `src/main.ts` as `npm start` does, logging to `logFile`, and waits for its GraphQL address. */
async function startMain(env: NodeJS.ProcessEnv, logFile: string): Promise<{ url: string; child: ChildProcess }> {
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: process.env['NODE_ENV'] ?? 'production', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  for (let i = 0; i < 1800; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const url = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(fs.readFileSync(logFile, 'utf8'))?.[1];
    if (url) return { url: url.replace('localhost', '127.0.0.1'), child };
    if (child.exitCode !== null) throw new Error(`a server exited with ${child.exitCode}; see ${logFile}`);
  }
  child.kill('SIGTERM');
  throw new Error(`a server did not start within 3 minutes; see ${logFile}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      connections: { type: 'string', default: '64' },
      duration: { type: 'string', default: '60' },
      rounds: { type: 'string', default: '1' },
      workers: { type: 'string', default: '1' },
    },
  });
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  const rounds = Number(values.rounds);
  const dataDir = path.join(PROJECT_ROOT, '.neo4j-data', 'load');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const logDir = path.join(PROJECT_ROOT, '.artifacts', 'load');
  fs.mkdirSync(logDir, { recursive: true });
  const boltPort = process.env['NEO4J_EMBEDDED_BOLT_PORT'] ?? '7698';
  const uri = `bolt://127.0.0.1:${boltPort}`;
  const children: ChildProcess[] = [];
  let floor: BenchServer | undefined;
  let db: Database | undefined;
  try {
    const cached = await startMain(
      { NEO4J_EMBEDDED_DATA_DIR: dataDir, NEO4J_EMBEDDED_BOLT_PORT: boltPort },
      path.join(logDir, 'server.log'),
    );
    children.push(cached.child);
    const uncached = await startMain(
      { NEO4J_URI: uri, RESPONSE_CACHE_MAX_BYTES: '0', WORKERS: values.workers },
      path.join(logDir, 'server-uncached.log'),
    );
    children.push(uncached.child);
    floor = await startBenchServer('floor', uri, 'plan-mix', {
      ...process.env,
      NODE_ENV: process.env['NODE_ENV'] ?? 'production',
    });
    db = await Database.connect({ uri, database: 'neo4j', connectTimeoutMs: 10_000 });
    const floorBase = floor.url.replace(/\/floor$/, '');
    for (const [i, q] of PLAN_MIX.entries()) {
      await checkAnswers(q, {
        cached: async () => q.answer.ours(await postGraphql(cached.url, q.query)),
        uncached: async () => q.answer.ours(await postGraphql(uncached.url, q.query)),
        floor: async () => q.answer.floor((await (await fetch(`${floor!.url}/${i}`)).json()) as Json[]),
      });
    }
    const base: Record<Target, string> = {
      cached: new URL(cached.url).origin,
      uncached: new URL(uncached.url).origin,
      floor: floorBase,
    };
    const requests = (target: Target, count: { errors: number }): autocannon.Request[] =>
      PLAN_MIX.map((q, i) => {
        const onResponse = (status: number, body: string): void => {
          if (status === 200 && body.includes('"errors"')) count.errors++;
        };
        return target === 'floor'
          ? { method: 'GET' as const, path: `/floor/${i}`, onResponse }
          : {
              method: 'POST' as const,
              path: '/graphql',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: q.query }),
              onResponse,
            };
      });
    process.stderr.write(
      `cached ${base.cached}, uncached ${base.uncached} (${values.workers} process(es)), floor ${base.floor}; ` +
        `${rounds} round(s) of ${connections} clients for ${duration} s each...\n`,
    );
    // Neo4j plans each new statement once, and each server warms its caches: let that happen first.
    let warmUpErrors = 0;
    for (const target of TARGETS) {
      const count = { errors: 0 };
      const result = await autocannon({
        url: base[target],
        connections: 4,
        duration: 10,
        requests: requests(target, count),
      });
      warmUpErrors += result.errors + result.timeouts + result.non2xx + count.errors;
      await drain(db);
    }
    const steps: Step[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (let k = 0; k < TARGETS.length; k++) {
        const target = TARGETS[(round - 1 + k) % TARGETS.length]!;
        const count = { errors: 0 };
        const result = await autocannon({
          url: base[target],
          connections,
          duration,
          requests: requests(target, count),
        });
        await drain(db);
        const step: Step = {
          target,
          round,
          rps: result.requests.average,
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          max: result.latency.max,
          errors: {
            total: result.errors + result.timeouts + result.non2xx + count.errors,
            connection: result.errors,
            timeouts: result.timeouts,
            non2xx: result.non2xx,
            graphql: count.errors,
          },
        };
        steps.push(step);
        process.stderr.write(
          `  round ${round}, ${target}: ${step.rps.toFixed(1)} req/s, p50 ${step.p50} ms, errors ${step.errors.total}\n`,
        );
      }
    }
    const of = (target: Target, key: 'rps' | 'p50'): number =>
      median(steps.filter((s) => s.target === target).map((s) => s[key]));
    const perRound = (a: Target, b: Target, key: 'rps' | 'p50'): number[] =>
      Array.from({ length: rounds }, (_, r) => {
        const at = (t: Target): number => steps.find((s) => s.target === t && s.round === r + 1)![key];
        return at(a) / at(b);
      });
    const ratios = {
      uncachedOverFloorRps: median(perRound('uncached', 'floor', 'rps')),
      uncachedOverFloorP50: median(perRound('uncached', 'floor', 'p50')),
      cachedOverFloorRps: median(perRound('cached', 'floor', 'rps')),
      cachedOverFloorP50: median(perRound('cached', 'floor', 'p50')),
      cachedOverUncachedRps: median(perRound('cached', 'uncached', 'rps')),
    };
    const rssMB = {
      cached: Math.round(peakRssMB(cached.child.pid!)),
      uncached: Math.round(peakRssMB(uncached.child.pid!)),
      floor: Math.round(floor.peakRssMB()),
    };
    const errors = warmUpErrors + steps.reduce((sum, s) => sum + s.errors.total, 0);
    const report = {
      connections,
      durationSeconds: duration,
      rounds,
      queries: PLAN_MIX.map((q) => q.name),
      steps,
      medians: Object.fromEntries(TARGETS.map((t) => [t, { rps: of(t, 'rps'), p50: of(t, 'p50') }])),
      ratios,
      peakRssMB: rssMB,
      errors: { total: errors, warmUp: warmUpErrors },
      node: process.version,
      date: new Date().toISOString(),
    };
    const out = path.join(logDir, 'load-test.json');
    fs.writeFileSync(out, JSON.stringify(report, null, 2));
    const f = (n: number): string => n.toFixed(2);
    process.stdout.write(
      `${connections} clients, ${duration} s, ${rounds} round(s); medians: ` +
        TARGETS.map((t) => `${t} ${of(t, 'rps').toFixed(1)} req/s p50 ${of(t, 'p50')} ms`).join('; ') +
        `\nours/floor throughput: uncached ${f(ratios.uncachedOverFloorRps)}, cached ${f(ratios.cachedOverFloorRps)}; ` +
        `ours/floor p50: uncached ${f(ratios.uncachedOverFloorP50)}, cached ${f(ratios.cachedOverFloorP50)}; ` +
        `cached/uncached throughput ${f(ratios.cachedOverUncachedRps)}\n` +
        `peak RSS: cached ${rssMB.cached} MB (its Neo4j runs in a JVM of its own), uncached ${rssMB.uncached} MB, ` +
        `floor ${rssMB.floor} MB; errors ${errors}\nReport: ${out}\n`,
    );
    process.exitCode = errors === 0 ? 0 : 1;
  } finally {
    await db?.close();
    await floor?.close();
    // The server owning the embedded Neo4j stops last, after the one reaching it over Bolt.
    for (const child of children.reverse()) await stop(child);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
