/**
 * `npm run bench:revisions -- --before DIR [--size small] [--runs 300]`: the same analyst reads sent in
 * turn to this checkout's server and to the server of another checkout of the project (DIR, with its own
 * `node_modules`, e.g. `git worktree add ../before <commit>` and a link to this `node_modules`), both in
 * this process on one database, so a change on the read path shows its before and after in one run. A
 * third server, this checkout's with sign-in configured, is asked with a reader's token: what verifying
 * credentials adds, and a fourth with the response cache on, which answers the repeated reads from memory
 * after the first. Uses the library `npm run bench -- --size SIZE` loaded (run that first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { signToken, testAuth } from '../support/signIn';
import { readConfig } from '../../src/config/readConfig';
import { openDatabase } from '../../src/startup/openDatabase';
import { startHttpServer } from '../../src/http/startHttpServer';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';
import { DEFAULT_RESPONSE_CACHE } from '../../src/cache/responseCache';
import { CYPHER_DIR, PROJECT_ROOT } from '../../src/paths';
import { applyMigrations } from '../../src/migrations/applyMigrations';

interface Server {
  url: string;
  close(): Promise<void>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      before: { type: 'string' },
      size: { type: 'string', default: 'small' },
      runs: { type: 'string', default: '300' },
    },
  });
  if (!values.before) throw new Error('--before DIR: a checkout of the revision to compare with');
  const before = path.resolve(values.before);
  const runs = Number(values.runs);
  const dataDir = path.join(PROJECT_ROOT, '.neo4j-data', `bench-${values.size}`);
  if (!fs.existsSync(path.join(dataDir, 'library.json'))) {
    throw new Error(`no ${values.size} library loaded: run npm run bench -- --size ${values.size} first`);
  }
  const config = readConfig(
    { ...process.env, NEO4J_EMBEDDED_DATA_DIR: dataDir, NEO4J_EMBEDDED_BOLT_PORT: '7697' },
    PROJECT_ROOT,
  );
  const logger = pino({ level: 'warn' });
  const { db, close } = await openDatabase(config, logger);
  // As the server does at start: the schema, and the graph's version that cached answers are keyed by.
  await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
  const servers: Server[] = [];
  let closeBefore: (() => Promise<void>) | undefined;
  try {
    const [ids] = await db.read(
      'MATCH (p:Plan) WITH p ORDER BY p.id LIMIT 1 MATCH (p)-[:SETS]->(g:Goal) WITH p, g ORDER BY g.id LIMIT 1 ' +
        'MATCH (i:Industry) WITH p, g, i ORDER BY COUNT { (i)<-[:DEVELOPS]-() } DESC, i.id LIMIT 1 ' +
        'RETURN p.id AS plan, g.id AS goal, i.id AS hub',
    );
    const { plan, goal, hub } = ids as { plan: string; goal: string; hub: string };
    const queries: Record<string, string> = {
      'root list, filter + sort':
        '{ goals(where: {targetYear: {gte: 2025}}, sort: [{field: ORDINAL}], limit: 100) { id name } }',
      '2-hop goal -> tasks -> industries': `{ goals(where: {id: {eq: "${goal}"}}) { id tasks { id industries { id name } } } }`,
      '3-hop plan -> goals -> tasks -> industries': `{ plans(where: {id: {eq: "${plan}"}}) { id goals { id tasks { id industries { id } } } } }`,
      'hub industry <- tasks -> goals': `{ industries(where: {id: {eq: "${hub}"}}) { id tasksConnection { totalCount } tasks { id goals { id } } } }`,
      goalImpact: `{ goalImpact(id: "${goal}") { tasks { id } industries { id } platforms { id } } }`,
      'neighborhood, depth 2': `{ neighborhood(id: "${plan}", depth: 2, limit: 500) { nodes { id } edges { id } } }`,
      'hub neighborhood, depth 2': `{ neighborhood(id: "${hub}", depth: 2, limit: 500) { nodes { id } edges { id } } }`,
      // Ties among shortest paths are ordered, so the whole set of them is read: the cost of a stable answer.
      'shortest path, goal to hub': `{ shortestPath(from: "${goal}", to: "${hub}") { length nodes { id } edges { type } } }`,
      'shortest path, plan to hub': `{ shortestPath(from: "${plan}", to: "${hub}") { length nodes { id } edges { type } } }`,
      // As the explorer asks: kinds and bases too, which make the statement longer than one TCP segment.
      'neighborhood, depth 2, as the explorer asks':
        `{ neighborhood(id: "${plan}", depth: 2, limit: 500) ` +
        '{ nodes { id kind name tier } edges { source target type basis review { status } } truncated } }',
    };

    // The other checkout's own modules, connected to the same database as any client would be.
    const load = async <T>(file: string): Promise<T> => (await import(path.join(before, file))) as T;
    const theirs = {
      readConfig: (await load<{ readConfig: typeof readConfig }>('src/config/readConfig.ts')).readConfig,
      openDatabase: (await load<{ openDatabase: typeof openDatabase }>('src/startup/openDatabase.ts')).openDatabase,
      startHttpServer: (await load<{ startHttpServer: typeof startHttpServer }>('src/http/startHttpServer.ts'))
        .startHttpServer,
    };
    const uri = config.neo4j.mode === 'external' ? config.neo4j.uri : `bolt://127.0.0.1:${config.neo4j.boltPort}`;
    const opened = await theirs.openDatabase(theirs.readConfig({ ...process.env, NEO4J_URI: uri }, before), logger);
    closeBefore = opened.close;
    const base = { host: '127.0.0.1', port: 0, logger, limits: { ...DEFAULT_API_LIMITS } };
    const beforeServer = await theirs.startHttpServer({ ...base, db: opened.db });
    servers.push(beforeServer);
    const afterServer = await startHttpServer({ ...base, db });
    servers.push(afterServer);
    const cachedServer = await startHttpServer({ ...base, db, responseCache: DEFAULT_RESPONSE_CACHE });
    servers.push(cachedServer);
    const secret = 'bench-secret-0123456789abcdef0123456789';
    const signedServer = await startHttpServer({
      ...base,
      db,
      auth: testAuth(secret),
    });
    servers.push(signedServer);
    const token = await signToken(secret, 'bench', ['reader']);

    const time = async (url: string, query: string, headers: Record<string, string> = {}): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
      return performance.now() - started;
    };
    const paths: Array<[string, (query: string) => Promise<number>]> = [
      ['before', (q) => time(beforeServer.url, q)],
      ['after', (q) => time(afterServer.url, q)],
      ['after, token', (q) => time(signedServer.url, q, { authorization: `Bearer ${token}` })],
      ['after, cached', (q) => time(cachedServer.url, q)],
    ];
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    process.stdout.write(
      `${values.size}, ${runs} requests per path and query, paths in turn (order rotating)\n\n` +
        '| query | before p50 ms | after p50 ms | after with a token p50 ms | after, cache hits p50 ms | ' +
        'after/before | with a token/before | cache hits/before |\n' +
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n',
    );
    for (const [name, query] of Object.entries(queries)) {
      const times = paths.map(() => [] as number[]);
      for (let i = 0; i < 30; i++) for (const [, run] of paths) await run(query);
      for (let i = 0; i < runs; i++) {
        for (let k = 0; k < paths.length; k++) {
          const j = (i + k) % paths.length;
          times[j]!.push(await paths[j]![1](query));
        }
      }
      const [b, a, t, c] = times.map(median) as [number, number, number, number];
      const cells = [b, a, t, c].map((x) => x.toFixed(2));
      const ratios = [a / b, t / b, c / b].map((x) => x.toFixed(2));
      process.stdout.write(`| ${name} | ${[...cells, ...ratios].join(' | ')} |\n`);
    }
  } finally {
    for (const server of servers.reverse()) await server.close();
    await closeBefore?.();
    await close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
