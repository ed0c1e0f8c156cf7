/**
 * One server of a benchmark in a process of its own, so that each one's memory can be read apart and
 * none of them shares an event loop with the client or the others. Started by `startBenchServer`:
 * `benchServer.ts ours|peer|floor URI WORKLOAD`, where WORKLOAD names the floor's statements
 * (`bench-SIZE` or `plan-mix`). It tells its parent where it listens, then answers two requests:
 * `reset` starts recording the statements the server sends, `profile` stops and returns their db hits
 * (the sum over all of them); `cpuStart` starts V8's CPU profiler in this process and `cpuStop` stops it
 * and writes the profile (`.cpuprofile`, as `--cpu-prof` writes it) to the request's `file`.
 * With `BENCH_OURS_FROM=DIR`, `ours` is the server of another checkout of the project (its `src/`), so
 * that a change shows its before and after in one run.
 */
import fs from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import pino from 'pino';
import { readConfig } from '../../src/config/readConfig';
import { Database, type QueryEvent } from '../../src/database/Database';
import { startHttpServer } from '../../src/http/startHttpServer';
import { PROJECT_ROOT } from '../../src/paths';
import type * as DatabaseModule from '../../src/database/Database';
import type * as HttpModule from '../../src/http/startHttpServer';
import type * as ConfigModule from '../../src/config/readConfig';
import { startPeerServer } from './peerServer';
import { floorStatements } from './floorStatements';

/** What a bench server process tells its parent once it listens. */
export interface ServerReady {
  type: 'ready';
  url: string;
  startMs: number;
  schemaMs?: number;
}

/** A request from the parent. */
export interface ServerRequest {
  type: 'request';
  seq: number;
  op: 'reset' | 'profile' | 'cpuStart' | 'cpuStop';
  /** Where `cpuStop` writes the profile. */
  file?: string;
}

/** The answer to a request: for `profile`, the summed db hits of what was sent since the last reset. */
export interface ServerReply {
  type: 'reply';
  seq: number;
  value?: number;
  error?: string;
}

/** The summed db hits of `statements`; none is an error, as a server that sent nothing was not measured. */
async function dbHits(
  db: Database,
  statements: ReadonlyArray<{ cypher: string; params: Record<string, unknown> }>,
): Promise<number> {
  if (statements.length === 0) throw new Error('no statement was sent since the reset');
  let hits = 0;
  for (const q of statements) hits += (await db.profile(q.cypher, q.params)).dbHits;
  return hits;
}

async function main(): Promise<void> {
  const [kind, uri, workloadName] = process.argv.slice(2);
  if (!kind || !uri || !workloadName) throw new Error('usage: benchServer.ts ours|peer|floor URI WORKLOAD');
  // Statements are kept only between a reset and the next profile, so that what a server keeps for
  // the benchmark's sake does not grow through the timed steps and count in its memory.
  let recording = false;
  const sent: Array<{ cypher: string; params: Record<string, unknown> }> = [];
  const connect = (onQuery?: (q: QueryEvent) => void): Promise<Database> =>
    Database.connect({ uri, database: 'neo4j', connectTimeoutMs: 10_000, ...(onQuery ? { onQuery } : {}) });
  const started = performance.now();
  let url: string;
  let schemaMs: number | undefined;
  let close: () => Promise<void>;
  // Profiles what was sent since the reset, through `db`.
  let profile: (db?: Database) => Promise<number>;
  if (kind === 'ours') {
    const from = process.env['BENCH_OURS_FROM'];
    // Another checkout's own modules, all of them: its database access is part of what it changed.
    const theirs = from
      ? {
          Database: ((await import(path.join(from, 'src/database/Database'))) as typeof DatabaseModule).Database,
          startHttpServer: ((await import(path.join(from, 'src/http/startHttpServer'))) as typeof HttpModule)
            .startHttpServer,
          readConfig: ((await import(path.join(from, 'src/config/readConfig'))) as typeof ConfigModule).readConfig,
        }
      : { Database, startHttpServer, readConfig };
    const db = await theirs.Database.connect({
      uri,
      database: 'neo4j',
      connectTimeoutMs: 10_000,
      onQuery: (q) => void (recording && sent.push(q)),
    });
    const config = theirs.readConfig(process.env, from ?? PROJECT_ROOT);
    const server = await theirs.startHttpServer({
      host: '127.0.0.1',
      port: 0,
      db,
      logger: pino({ level: 'warn' }),
      limits: config.limits,
    });
    url = `${server.url.replace('localhost', '127.0.0.1')}/graphql`;
    profile = () => dbHits(db, sent);
    close = async () => {
      await server.close();
      await db.close();
    };
  } else if (kind === 'peer') {
    const peer = await startPeerServer(uri, (q) => void (recording && sent.push(q)));
    url = peer.url;
    schemaMs = peer.schemaMs;
    // The peer has its own driver; a second one, for PROFILE only, lives only while it profiles.
    profile = async () => {
      const db = await connect();
      try {
        return await dbHits(db, sent);
      } finally {
        await db.close();
      }
    };
    close = () => peer.close();
  } else if (kind === 'floor') {
    const db = await connect();
    const app = express();
    floorStatements(workloadName).forEach((statement, i) =>
      app.get(`/floor/${i}`, async (_req, res) => res.json(await db.read(statement.cypher, statement.params))),
    );
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/floor`;
    profile = () => Promise.reject(new Error('the floor records nothing: the client profiles its statements'));
    close = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    };
  } else {
    throw new Error(`no bench server called ${kind}`);
  }
  const ready: ServerReady = {
    type: 'ready',
    url,
    startMs: performance.now() - started,
    ...(schemaMs ? { schemaMs } : {}),
  };
  process.send!(ready);
  const inspector = new Session();
  inspector.connect();
  process.on('message', (message: ServerRequest) => {
    const reply = async (): Promise<number | undefined> => {
      if (message.op === 'cpuStart') {
        await inspector.post('Profiler.enable');
        // 100 µs between samples: fine enough to share a request of a millisecond out among its parts.
        await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
        await inspector.post('Profiler.start');
        return undefined;
      }
      if (message.op === 'cpuStop') {
        const { profile } = await inspector.post('Profiler.stop');
        fs.writeFileSync(message.file!, JSON.stringify(profile));
        return undefined;
      }
      if (message.op === 'reset') {
        sent.length = 0;
        recording = true;
        return undefined;
      }
      recording = false;
      return profile();
    };
    reply().then(
      (value) => process.send!({ type: 'reply', seq: message.seq, ...(value === undefined ? {} : { value }) }),
      (error: unknown) => process.send!({ type: 'reply', seq: message.seq, error: String(error) }),
    );
  });
  // The parent going away, by design or not, ends this process.
  process.on('disconnect', () => {
    void close().finally(() => process.exit(0));
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
