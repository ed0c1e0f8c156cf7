/** One JSON line per event on stdout, through pino. */
import pino from 'pino';
import type { LogLevel } from '../config/readConfig';

/** The logger every module receives from `main`. */
export type Logger = pino.Logger;

/** Creates the process logger at the configured level; the CLI logs to stderr (fd 2) to keep stdout for its report. */
export function createLogger(level: LogLevel, fd: 1 | 2 = 1): Logger {
  return pino(
    // The pid tells apart the lines of several server processes (WORKERS).
    { level, base: { service: 'zgc-plan-graph', pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ fd, sync: true }),
  );
}
