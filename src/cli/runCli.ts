/**
 * Runs a command-line entry point: its exit code on success; for an expected failure (bad input,
 * configuration, start-up) its message and the exit code `expected` gives; otherwise the stack and 1.
 */
import { ConfigError, DatasetError, NotFoundError, StartupError } from '../errors/errors';

/** Options of `runCli`. */
export interface CliOptions {
  /** What failed, for unexpected errors: "Load failed, nothing was written". */
  failure: string;
  /** Appended to messages of expected failures, e.g. the usage line. */
  hint?: string;
}

/** Calls `main` with the command-line arguments and exits the process with its outcome. */
export function runCli(main: (argv: string[]) => Promise<number>, options: CliOptions): void {
  // A `main` that throws before its first await fails the same way as one that rejects.
  Promise.resolve(process.argv.slice(2))
    .then(main)
    .then(
      (code) => process.exit(code),
      (error: unknown) => {
        // Dataset errors mean the input file is wrong (1); the others mean the call or setup is (2).
        const expected =
          error instanceof DatasetError
            ? 1
            : error instanceof ConfigError ||
                error instanceof StartupError ||
                error instanceof NotFoundError ||
                isArgumentError(error)
              ? 2
              : undefined;
        if (expected !== undefined && error instanceof Error) {
          process.stderr.write(`\n${error.message}\n${options.hint ?? ''}`);
          process.exit(expected);
        }
        process.stderr.write(
          `\n${options.failure}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        process.exit(1);
      },
    );
}

// node:util parseArgs throws TypeErrors with a code such as ERR_PARSE_ARGS_UNKNOWN_OPTION.
function isArgumentError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')
  );
}
