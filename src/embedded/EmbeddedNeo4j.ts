/**
 * Starts the Neo4j launcher in `neo4j-embedded/` as a child JVM and stops it again.
 * The JVM exits by itself when our end of its stdin closes, so it cannot outlive this process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { StartupError } from '../errors/errors';

/** How to start the embedded database. */
export interface EmbeddedNeo4jOptions {
  /** The Maven project with the launcher's pom.xml. */
  launcherDir: string;
  dataDir: string;
  boltPort: number;
  /** JVM heap, as -Xmx takes it (e.g. 512m). */
  heap: string;
  pageCacheBytes: number;
  /** How long to wait for Bolt to open, Maven build excluded. */
  readyTimeoutMs?: number;
  /** Told about slow steps (the first Maven build) so a user is not left wondering. */
  onProgress?: (message: string) => void;
  /**
   * How long a query Neo4j has terminated (timed out) may keep running before the launcher's watchdog
   * stops it; default 1000 ms. See RunawayQueryWatchdog.java.
   */
  runawayGraceMs?: number;
  /** Most memory one transaction may use, in bytes; default a quarter of the heap. */
  transactionMemoryBytes?: number;
  /** Told what the launcher's watchdog did (a runaway query stopped), one line per event. */
  onWatchdog?: (message: string) => void;
}

/** A running embedded Neo4j. */
export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  /** Shuts the database down cleanly; resolves once the JVM has exited. */
  stop(): Promise<void>;
}

const MAIN_CLASS = 'org.zgcplan.neo4j.EmbeddedNeo4j';
/** How long a terminated query may go on before the launcher stops it, unless the caller says otherwise. */
export const DEFAULT_RUNAWAY_GRACE_MS = 1000;
const WATCHDOG_PREFIX = 'NEO4J_WATCHDOG ';
const INSTALL_HINT =
  'Install Java 17+ and Maven (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), ' +
  'or set NEO4J_URI (with NEO4J_USERNAME and NEO4J_PASSWORD) to use an existing Neo4j instead.';

/** Builds the launcher if needed, starts it and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const classpath = launcherClasspath(options.launcherDir, options.onProgress);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    'java',
    [
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      '-cp',
      classpath,
      MAIN_CLASS,
      options.dataDir,
      String(options.boltPort),
      String(options.pageCacheBytes),
      String(options.runawayGraceMs ?? DEFAULT_RUNAWAY_GRACE_MS),
      String(options.transactionMemoryBytes ?? 0),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const remember = (line: string): void => {
    output.push(line);
    output.splice(0, Math.max(0, output.length - 40));
  };
  readline.createInterface({ input: child.stderr }).on('line', remember);
  const stdout = readline.createInterface({ input: child.stdout });
  stdout.on('line', (line) => {
    if (line.startsWith(WATCHDOG_PREFIX)) options.onWatchdog?.(line.slice(WATCHDOG_PREFIX.length));
    else remember(line);
  });

  await new Promise<void>((resolve, reject) => {
    const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new StartupError(
          `Embedded Neo4j did not open Bolt on 127.0.0.1:${options.boltPort} within ${readyTimeoutMs} ms.\n` +
            output.join('\n'),
        ),
      );
    }, readyTimeoutMs);
    stdout.on('line', (line) => {
      if (line.startsWith('NEO4J_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new StartupError(
          error.code === 'ENOENT'
            ? `Java was not found on PATH. ${INSTALL_HINT}`
            : `Could not start Java: ${error.message}`,
          { cause: error },
        ),
      );
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new StartupError(explainEarlyExit(options, code, signal, output)));
    });
  });

  // Do not let a stray JVM outlive us even if our caller forgets to stop it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  return {
    uri: `bolt://127.0.0.1:${options.boltPort}`,
    pid: child.pid ?? -1,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

function explainEarlyExit(
  options: EmbeddedNeo4jOptions,
  code: number | null,
  signal: string | null,
  output: string[],
): string {
  const log = output.join('\n');
  let hint = '';
  if (/Address already in use|BindException/i.test(log)) {
    hint = `Port ${options.boltPort} is taken: set NEO4J_EMBEDDED_BOLT_PORT to a free port.\n`;
  } else if (/lock|FileLock/i.test(log)) {
    hint = `The data folder ${options.dataDir} is in use by another Neo4j: stop it or set NEO4J_EMBEDDED_DATA_DIR.\n`;
  }
  return (
    `Embedded Neo4j exited before it was ready (exit code ${code ?? 'none'}, signal ${signal ?? 'none'}).\n` +
    `${hint}${log}`
  );
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Closing stdin asks the launcher to shut down; SIGTERM does too, through its shutdown hook.
  child.stdin?.end();
  child.kill('SIGTERM');
  // A clean stop takes well under a second; past ten, something holds the JVM and it is killed.
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Returns the launcher's classpath (Neo4j and its tools), running Maven first when the build is missing or stale. */
export function launcherClasspath(dir: string, onProgress?: (message: string) => void): string {
  const classpathFile = path.join(dir, 'target', 'classpath.txt');
  // Maven leaves unchanged outputs untouched, so a stamp written after each good build tells freshness.
  const stamp = path.join(dir, 'target', 'launcher.stamp');
  const javaDir = path.join(dir, 'src', 'main', 'java');
  const sources = [
    path.join(dir, 'pom.xml'),
    ...fs
      .readdirSync(javaDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.java'))
      .map((file) => path.join(javaDir, file)),
  ];
  const builtAt = fs.existsSync(classpathFile) ? mtime(stamp) : -Infinity;
  if (sources.some((file) => mtime(file) > builtAt)) {
    onProgress?.('Building the embedded Neo4j launcher with Maven (the first run downloads Neo4j, about 100 MB)...');
    const build = spawnSync('mvn', ['-B', '-q', 'compile'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.error) {
      const missing = (build.error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new StartupError(
        missing ? `Maven (mvn) was not found on PATH. ${INSTALL_HINT}` : `Could not run Maven: ${build.error.message}`,
      );
    }
    if (build.status !== 0) {
      throw new StartupError(
        `Maven could not build the embedded Neo4j launcher in ${dir}:\n${(build.stdout + build.stderr).slice(-4000)}`,
      );
    }
    fs.writeFileSync(stamp, new Date().toISOString());
  }
  const dependencies = fs.readFileSync(classpathFile, 'utf8').trim();
  return [path.join(dir, 'target', 'classes'), dependencies].join(path.delimiter);
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    // A missing file is older than anything, so a missing build output forces a build.
    return -Infinity;
  }
}

/** Whether the embedded database's store exists in `dataDir`: once Neo4j has started there, or an import wrote it. */
export function embeddedStoreExists(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'data', 'databases', 'neo4j'));
}

/**
 * Removes the embedded database's store, so that the next start makes an empty database. Only for a
 * store no Neo4j has open: one this process imported, or checked empty and stopped.
 */
export function removeEmbeddedStore(dataDir: string): void {
  for (const dir of ['databases', 'transactions']) {
    fs.rmSync(path.join(dataDir, 'data', dir, 'neo4j'), { recursive: true, force: true });
  }
}
