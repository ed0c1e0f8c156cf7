/** Starts one benchmark server (`benchServer.ts`) in a process of its own and talks to it. */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ServerReady, ServerReply, ServerRequest } from './benchServer';

/** A benchmark server running in its own process. */
export interface BenchServer {
  url: string;
  pid: number;
  startMs: number;
  schemaMs?: number;
  /** Forgets the statements the server has sent so far. */
  reset(): Promise<void>;
  /** The db hits of the statements the server sent since the last reset, by PROFILE. */
  dbHits(): Promise<number>;
  /** The highest resident set size the process has reached, in MB (Linux: VmHWM). */
  peakRssMB(): number;
  /** Starts V8's CPU profiler in the server's process. */
  cpuStart(): Promise<void>;
  /** Stops it and writes the profile to `file`. */
  cpuStop(file: string): Promise<void>;
  close(): Promise<void>;
}

/** The highest resident set size process `pid` has reached, in MB (Linux: VmHWM). */
export function peakRssMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Forks `benchServer.ts KIND URI WORKLOAD` and waits until it listens. */
export async function startBenchServer(
  kind: 'ours' | 'peer' | 'floor',
  uri: string,
  workload: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<BenchServer> {
  const child = fork(path.join(__dirname, 'benchServer.ts'), [kind, uri, workload], {
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (reply: ServerReply) => void; reject: (error: Error) => void }>();
  let seq = 0;
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      // A server that dies leaves no question unanswered: the run fails instead of hanging.
      for (const pending of waiting.values()) pending.reject(new Error(`the ${kind} bench server exited with ${code}`));
      waiting.clear();
      resolve();
    }),
  );
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    child.once('error', reject);
    void exited.then(() => reject(new Error(`the ${kind} bench server exited with ${String(exitCode)}`)));
    child.on('message', (message: ServerReady | ServerReply) => {
      if (message.type === 'ready') resolve(message);
      else waiting.get(message.seq)?.resolve(message);
    });
  });
  const ask = async (op: ServerRequest['op'], file?: string): Promise<ServerReply> => {
    if (exitCode !== undefined) throw new Error(`the ${kind} bench server exited with ${String(exitCode)}`);
    const request: ServerRequest = { type: 'request', seq: ++seq, op, ...(file ? { file } : {}) };
    const reply = await new Promise<ServerReply>((resolve, reject) => {
      waiting.set(request.seq, { resolve, reject });
      child.send(request);
    });
    waiting.delete(request.seq);
    if (reply.error) throw new Error(`the ${kind} bench server could not ${op}: ${reply.error}`);
    return reply;
  };
  return {
    url: ready.url,
    pid: child.pid!,
    startMs: ready.startMs,
    ...(ready.schemaMs === undefined ? {} : { schemaMs: ready.schemaMs }),
    reset: async () => void (await ask('reset')),
    dbHits: async () => (await ask('profile')).value ?? 0,
    peakRssMB: () => peakRssMB(child.pid!),
    cpuStart: async () => void (await ask('cpuStart')),
    cpuStop: async (file) => void (await ask('cpuStop', file)),
    close: async () => {
      if (child.connected) child.disconnect();
      // Disconnecting asks the server to close; one that has not exited after the grace is killed.
      const grace = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(grace);
    },
  };
}
