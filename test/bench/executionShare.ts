/**
 * `npm run bench:execution -- [--size small|medium|large|xl] [--runs N]`: how much of a request
 * graphql-js's execution costs once the answer is fetched, per benchmark query. For each query it takes
 * our API's answer, then times `execute` over that answer (no database: the root fields read it, every
 * other field goes through `readResponseKey` as in the server) against `JSON.stringify` of it, against
 * the whole request through our server and against the gap between it and the floor's. This bounds
 * what a compiled executor or serialising straight from the rows could gain. Uses the library
 * `npm run bench` loaded for that size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execute, Kind, parse, print, visit, type DocumentNode, type SelectionSetNode } from 'graphql';
import pino from 'pino';
import { readConfig } from '../../src/config/readConfig';
import { openDatabase } from '../../src/startup/openDatabase';
import { startBenchServer } from './startBenchServer';
import { loadSchema } from '../../src/graphql/loadSchema';
import { readResponseKey } from '../../src/graphql/resolvers';
import { SIZES } from '../../src/synthetic/generateLibrary';
import { PROJECT_ROOT, SCHEMA_DIR } from '../../src/paths';
import { benchLibrary } from './benchLibrary';
import { workload, workloadIds } from './workload';

const p50 = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: (node: SelectionSetNode): SelectionSetNode => ({
      ...node,
      selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }, ...node.selections],
    }),
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { size: { type: 'string', default: 'medium' }, runs: { type: 'string', default: '50' } },
  });
  const sizeName = values.size as keyof typeof SIZES;
  const shape = SIZES[sizeName];
  if (!shape) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const runs = Number(values.runs);
  const { dataDir, env } = benchLibrary(sizeName);
  if (!fs.existsSync(path.join(dataDir, 'library.json'))) {
    throw new Error(`no ${sizeName} library in ${dataDir}: run \`npm run bench -- --size ${sizeName}\` first`);
  }
  const config = readConfig(env, PROJECT_ROOT);
  const { close } = await openDatabase(config, pino({ level: 'warn' }));
  const uri = `bolt://127.0.0.1:${env['NEO4J_EMBEDDED_BOLT_PORT']}`;
  const { schema } = loadSchema(SCHEMA_DIR);
  const lines = [
    `Size ${sizeName}, ${runs} runs, NODE_ENV=${process.env['NODE_ENV'] ?? '(unset)'}`,
    '',
    '| query | answer KB | ours p50 ms | floor p50 ms | ours - floor ms | execute p50 ms | JSON.stringify p50 ms | ' +
      'execute / ours | execute / (ours - floor) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const opened: Array<() => Promise<void>> = [close];
  try {
    // Both servers in processes of their own, as `npm run bench` runs them, so a request is timed
    // as there and not slowed by this process's own work.
    const serverEnv = { ...env, NODE_ENV: process.env['NODE_ENV'] ?? 'production' };
    const ours = await startBenchServer('ours', uri, `bench-${sizeName}`, serverEnv);
    opened.push(() => ours.close());
    const floor = await startBenchServer('floor', uri, `bench-${sizeName}`, serverEnv);
    opened.push(() => floor.close());
    for (const [index, c] of workload(workloadIds(shape)).entries()) {
      // Every selection also asks for `__typename`, so that execution over the answer can resolve
      // abstract types (an entity of a search hit) as the server's resolvers do from the rows.
      const document = withTypenames(parse(c.ours));
      const query = print(document);
      const ask = async (): Promise<Record<string, unknown>> => {
        const response = await fetch(ours.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        return ((await response.json()) as { data: Record<string, unknown> }).data;
      };
      const data = await ask();
      const samples = {
        ours: [] as number[],
        floor: [] as number[],
        execute: [] as number[],
        stringify: [] as number[],
      };
      for (let i = 0; i < runs + 5; i++) {
        let start = performance.now();
        await ask();
        const request = performance.now() - start;
        start = performance.now();
        await (await fetch(`${floor.url}/${index}`)).json();
        const floorRequest = performance.now() - start;
        start = performance.now();
        const result = await execute({
          schema,
          document,
          rootValue: data,
          fieldResolver: readResponseKey,
          typeResolver: (value) => (value as { __typename: string }).__typename,
        });
        const execution = performance.now() - start;
        if (result.errors) throw new Error(`${c.name}: ${result.errors[0]!.message}`);
        start = performance.now();
        JSON.stringify(data);
        const serialisation = performance.now() - start;
        // The first rounds warm the JIT and Neo4j's plan cache.
        if (i < 5) continue;
        samples.ours.push(request);
        samples.floor.push(floorRequest);
        samples.execute.push(execution);
        samples.stringify.push(serialisation);
      }
      const [o, f, e, s] = [p50(samples.ours), p50(samples.floor), p50(samples.execute), p50(samples.stringify)];
      lines.push(
        `| ${c.name} | ${(JSON.stringify(data).length / 1024).toFixed(1)} | ${o.toFixed(2)} | ${f.toFixed(2)} | ` +
          `${(o - f).toFixed(2)} | ${e.toFixed(2)} | ${s.toFixed(2)} | ${(e / o).toFixed(2)} | ` +
          `${o > f ? (e / (o - f)).toFixed(2) : '-'} |`,
      );
      process.stderr.write(`${lines.at(-1)!}\n`);
    }
  } finally {
    for (const shut of opened.reverse()) await shut();
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
