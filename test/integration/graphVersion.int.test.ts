/**
 * The graph version a request is answered under was read after the request arrived: a read already
 * running when it came may predate a write it must see, so it waits for the next read, which it
 * shares with every request that arrived meanwhile. Reads are held back after they ran, so a write can
 * commit between a read and its answer, as it can under load.
 */
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Database } from '../../src/database/Database';
import { GraphVersionReader } from '../../src/cache/graphVersion';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { CYPHER_DIR } from '../../src/paths';
import { connectTestDatabase } from '../support/testNeo4j';

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
});
afterAll(async () => {
  await db.close();
});

/** The real database, whose reads run at once but answer only when `release` is called. */
function heldReads(): { db: Database; reads: number; ran: Promise<void>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let ran!: () => void;
  const held = {
    reads: 0,
    ran: new Promise<void>((resolve) => (ran = resolve)),
    release,
    db: {
      read: async (cypher: string, params?: Record<string, unknown>) => {
        held.reads += 1;
        const rows = await db.read(cypher, params);
        ran();
        await gate;
        return rows;
      },
    } as unknown as Database,
  };
  return held;
}

const request = (): ServerResponse => ({}) as ServerResponse;
const raiseVersion = (): Promise<unknown> =>
  db.write("MATCH (v:GraphVersion {key: 'graph'}) SET v.version = v.version + 1");

describe("The graph's version for a request", () => {
  it('is read after the request arrived, even when a read was already running', async () => {
    const held = heldReads();
    const reader = new GraphVersionReader(held.db);
    const first = reader.versionFor(request());
    await held.ran;
    // The first read has its answer; a write commits before that answer is used.
    await raiseVersion();
    const later = [reader.versionFor(request()), reader.versionFor(request()), reader.versionFor(request())];
    held.release();
    const before = await first;
    const after = await Promise.all(later);
    expect(after).toEqual([after[0], after[0], after[0]]);
    expect(after[0]).not.toEqual(before);
    const [epoch, version] = before!.split(':');
    expect(after[0]).toBe(`${epoch}:${Number(version) + 1}`);
  });

  it('is one read for all the requests that arrived while another read ran', async () => {
    const held = heldReads();
    const reader = new GraphVersionReader(held.db);
    const first = reader.versionFor(request());
    await held.ran;
    const later = Array.from({ length: 5 }, () => reader.versionFor(request()));
    expect(held.reads).toBe(1);
    held.release();
    await Promise.all([first, ...later]);
    expect(held.reads).toBe(2);
  });

  it('is read once per request, however often the request asks', async () => {
    const held = heldReads();
    held.release();
    const reader = new GraphVersionReader(held.db);
    const res = request();
    const answers = await Promise.all([reader.versionFor(res), reader.versionFor(res), reader.versionFor(res)]);
    expect(new Set(answers).size).toBe(1);
    expect(held.reads).toBe(1);
  });
});
