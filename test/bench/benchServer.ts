/**
 * One server of a benchmark in a process of its own, so that each one's memory can be read apart and
 * none of them shares an event loop with the client or the others. Started by `startBenchServer`:
 * `benchServer.ts ours|peer|floor URI WORKLOAD`, where WORKLOAD names the floor's statements
 * (`bench-SIZE` or `plan-mix`). It tells its parent where it listens, then answers two requests:
 * `reset` forgets the statements sent so far, `profile` returns the db hits of those statements.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { readConfig } from '../../src/config/readConfig';
import { Database, type QueryEvent } from '../../src/database/Database';
import { startHttpServer } from '../../src/http/startHttpServer';
import { PROJECT_ROOT } from '../../src/paths';
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
  op: 'reset' | 'profile';
}

/** The answer to a request: for `profile`, the summed db hits of what was sent since the last reset. */
export interface ServerReply {
  type: 'reply';
  seq: number;
  value?: number;
  error?: string;
}

async function main(): Promise<void> {
  const [kind, uri, workloadName] = process.argv.slice(2);
  if (!kind || !uri || !workloadName) throw new Error('usage: benchServer.ts ours|peer|floor URI WORKLOAD');
  const sent: QueryEvent[] = [];
  const db = await Database.connect({
    uri,
    database: 'neo4j',
    connectTimeoutMs: 10_000,
    // Only our server's own statements are recorded; the peer brings its own driver and records there.
    ...(kind === 'ours' ? { onQuery: (q: QueryEvent) => void sent.push(q) } : {}),
  });
  const started = performance.now();
  let url: string;
  let schemaMs: number | undefined;
  let recorded: () => Array<{ cypher: string; params: Record<string, unknown> }>;
  let close: () => Promise<void>;
  let reset = (): void => void (sent.length = 0);
  if (kind === 'ours') {
    const config = readConfig(process.env, PROJECT_ROOT);
    const server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      db,
      logger: pino({ level: 'warn' }),
      limits: config.limits,
    });
    url = `${server.url.replace('localhost', '127.0.0.1')}/graphql`;
    // The answer's own statement is the last one; anything before it is bookkeeping.
    recorded = () => sent.slice(-1);
    close = () => server.close();
  } else if (kind === 'peer') {
    const peer = await startPeerServer(uri);
    url = peer.url;
    schemaMs = peer.schemaMs;
    recorded = () => [...peer.recorded];
    reset = () => void (peer.recorded.length = 0);
    close = () => peer.close();
  } else if (kind === 'floor') {
    const app = express();
    floorStatements(workloadName).forEach((statement, i) =>
      app.get(`/floor/${i}`, async (_req, res) => res.json(await db.read(statement.cypher, statement.params))),
    );
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/floor`;
    recorded = () => [];
    close = () => new Promise((resolve) => server.close(() => resolve()));
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
  process.on('message', (message: ServerRequest) => {
    const reply = async (): Promise<number | undefined> => {
      if (message.op === 'reset') {
        reset();
        return undefined;
      }
      let hits = 0;
      for (const q of recorded()) hits += (await db.profile(q.cypher, q.params)).dbHits;
      return hits;
    };
    reply().then(
      (value) => process.send!({ type: 'reply', seq: message.seq, ...(value === undefined ? {} : { value }) }),
      (error: unknown) => process.send!({ type: 'reply', seq: message.seq, error: String(error) }),
    );
  });
  // The parent going away, by design or not, ends this process.
  process.on('disconnect', () => {
    void close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
