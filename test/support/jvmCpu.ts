/**
 * The CPU time of the embedded test Neo4j's JVM, read from /proc, to tell whether a query still keeps
 * a core busy after its request was answered. Only for the embedded database globalSetup starts: the
 * JVM of a database named by TEST_NEO4J_URI is not ours to watch.
 */
import fs from 'node:fs';

/** The variable through which globalSetup publishes the embedded JVM's process id. */
export const JVM_PID_VARIABLE = 'TEST_NEO4J_PID';

/** The embedded test JVM's pid, or undefined when the run uses another database. */
export function testJvmPid(): number | undefined {
  const pid = Number(process.env[JVM_PID_VARIABLE]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

// Linux reports process times in clock ticks of 1/100 s (sysconf(_SC_CLK_TCK), 100 on every common kernel).
const TICK_MS = 10;

/** User plus system CPU time the process has used so far, in ms. */
export function cpuTimeMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'; utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * Resolves with how long it took until the JVM used less than a fifth of one core over a window of
 * `windowMs`; rejects, naming the CPU use, when that did not happen within `withinMs`.
 */
export async function waitUntilIdle(pid: number, options: { withinMs: number; windowMs?: number }): Promise<number> {
  const windowMs = options.windowMs ?? 500;
  const started = Date.now();
  const used: number[] = [];
  for (;;) {
    const before = cpuTimeMs(pid);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const spent = cpuTimeMs(pid) - before;
    used.push(spent);
    if (spent < windowMs / 5) return Date.now() - started;
    if (Date.now() - started > options.withinMs) {
      throw new Error(
        `Neo4j's JVM was still busy ${Date.now() - started} ms later: CPU ms per ${windowMs} ms: ${used.join(', ')}`,
      );
    }
  }
}
