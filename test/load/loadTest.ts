/**
 * `npm run loadtest -- [--connections 64] [--duration 60]`: starts the real server (`src/main.ts`,
 * over its own embedded Neo4j seeded with the Plan) as a child process, holds CONNECTIONS concurrent
 * clients on loopback for DURATION seconds (after a 10 s warm-up at 4 clients) with a mix of analyst
 * queries, and reports throughput,
 * latency percentiles, errors (HTTP or GraphQL) and the server's memory. Exits 1 on any error.
 * Not part of `npm test`: it runs for minutes and measures, where tests assert.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../../src/paths';

// One of each kind of question an analyst asks, over the bundled Plan.
const QUERIES = [
  '{ goals(sort: [{field: ORDINAL}]) { id name targetYear tasks { id name industries { id name } } } }',
  '{ plans { id name goals { id tasks { id industries { id } platforms { id } } } } }',
  '{ industriesConnection(first: 10) { totalCount edges { cursor node { id name tasks { id } } } } }',
  '{ search(text: "innovation", limit: 10) { score entity { id name kind } } }',
  '{ neighborhood(id: "zgc14:platform-zgc-forum", depth: 2) ' +
    '{ nodes { id kind name } edges { id type source target basis } truncated } }',
  '{ shortestPath(from: "zgc14:platform-zgc-forum", to: "zgc14:goal-2035") { length nodes { id } edges { type } } }',
  '{ goalImpact(id: "zgc14:goal-2035") { tasks { id } industries { id } platforms { id } } }',
  '{ node(id: "zgc14:task-digital-economy") { id name ... on Task { goals { id } industries { id name } } } }',
];

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { connections: { type: 'string', default: '64' }, duration: { type: 'string', default: '60' } },
  });
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  const dataDir = path.join(PROJECT_ROOT, '.neo4j-data', 'load');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const logFile = path.join(PROJECT_ROOT, '.artifacts', 'load', 'server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      NEO4J_EMBEDDED_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_BOLT_PORT: process.env['NEO4J_EMBEDDED_BOLT_PORT'] ?? '7698',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', log, log],
  });
  try {
    let url: string | undefined;
    for (let i = 0; i < 1800 && !url; i++) {
      await new Promise((r) => setTimeout(r, 100));
      url = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(fs.readFileSync(logFile, 'utf8'))?.[1];
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}; see ${logFile}`);
    }
    if (!url) throw new Error(`the server did not start within 3 minutes; see ${logFile}`);
    const target = url.replace('localhost', '127.0.0.1');
    process.stderr.write(`server at ${target}; ${connections} clients for ${duration} s...\n`);

    const requests = (count: { errors: number }): autocannon.Request[] =>
      QUERIES.map((query) => ({
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.includes('"errors"')) count.errors++;
        },
      }));
    // Neo4j plans each new statement once; let that happen before measuring.
    const warmUp = { errors: 0 };
    await autocannon({ url: target, connections: 4, duration: 10, requests: requests(warmUp) });
    const graphql = { errors: 0 };
    const result = await autocannon({
      url: target,
      connections,
      duration,
      requests: requests(graphql),
    });
    const rssMB = rssOf(server.pid!);
    const graphqlErrors = graphql.errors + warmUp.errors;
    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    const report = {
      connections,
      durationSeconds: duration,
      requests: result.requests.total,
      throughputRps: result.requests.average,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      errors: {
        total: errors,
        connection: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        graphql: graphqlErrors,
      },
      serverRssMB: Math.round(rssMB),
      node: process.version,
      date: new Date().toISOString(),
    };
    const out = path.join(PROJECT_ROOT, '.artifacts', 'load', 'load-test.json');
    fs.writeFileSync(out, JSON.stringify(report, null, 2));
    process.stdout.write(
      `${connections} clients, ${duration} s: ${report.requests} requests, ${report.throughputRps.toFixed(1)} req/s; ` +
        `latency p50 ${report.latencyMs.p50} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms; ` +
        `errors ${errors} (connection ${result.errors}, timeouts ${result.timeouts}, ` +
        `non-2xx ${result.non2xx}, GraphQL ${graphqlErrors}); ` +
        `server RSS ${report.serverRssMB} MB\nReport: ${out}\n`,
    );
    process.exitCode = errors === 0 ? 0 : 1;
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    fs.closeSync(log);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
