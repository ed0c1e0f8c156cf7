/**
 * Runs Neo4j's own bulk import (`neo4j-admin database import full`, on the launcher's classpath) into
 * the embedded database's store while no Neo4j has it open: it writes the store files directly, with
 * none of the transactional loader's per-statement work.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { StartupError } from '../errors/errors';
import { embeddedStoreExists, launcherClasspath, removeEmbeddedStore } from './EmbeddedNeo4j';

const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

/** What to import where. */
export interface ImportToolOptions {
  launcherDir: string;
  /** The embedded database's home, as the launcher is given it; it must exist. */
  dataDir: string;
  /** JVM heap, as -Xmx takes it. */
  heap: string;
  nodes: ReadonlyArray<{ labels: readonly string[]; file: string }>;
  relationships: ReadonlyArray<{ type: string; file: string }>;
  arrayDelimiter: string;
  /** Whether a value spans lines: the tool then cannot split files to read them in parallel. */
  multiline: boolean;
  /** Where the tool lists what it could not import. */
  reportFile: string;
  onProgress?: (message: string) => void;
}

/**
 * Imports the files into a store that does not exist yet; throws StartupError with the tool's own words
 * when it fails or would skip anything, having removed what it wrote.
 */
export async function runImportTool(options: ImportToolOptions): Promise<void> {
  // Never over an existing store: a failure would leave it unusable, and it may be in use.
  if (embeddedStoreExists(options.dataDir)) {
    throw new StartupError(
      `The bulk import writes only a new database, and ${options.dataDir} already holds one; ` +
        'load into it with the transactional loader',
    );
  }
  const classpath = launcherClasspath(options.launcherDir, options.onProgress);
  const args = [
    `-Xmx${options.heap}`,
    '-cp',
    classpath,
    ADMIN_TOOL,
    'database',
    'import',
    'full',
    'neo4j',
    ...options.nodes.map((n) => `--nodes=${n.labels.join(':')}=${n.file}`),
    ...options.relationships.map((r) => `--relationships=${r.type}=${r.file}`),
    `--array-delimiter=${options.arrayDelimiter}`,
    `--multiline-fields=${String(options.multiline)}`,
    // Anything the tool would skip (a link to a missing node, a repeated id) fails the whole import.
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    `--report-file=${options.reportFile}`,
    // On failure the reason comes with its cause only when verbose.
    '--verbose',
  ];
  const child = spawn('java', args, {
    env: { ...process.env, NEO4J_HOME: options.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString('utf8'));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) =>
      reject(new StartupError(`Could not run Neo4j's import tool: ${error.message}`, { cause: error })),
    );
    child.once('close', (exitCode) => resolve(exitCode));
  });
  const text = output.join('');
  if (code !== 0) {
    // The tool leaves a store it could not finish (ours: there was none before); without it, the
    // next start makes an empty database.
    removeEmbeddedStore(options.dataDir);
    const report = fs.existsSync(options.reportFile)
      ? fs.readFileSync(options.reportFile, 'utf8').split('\n').slice(0, 10).join('\n').trim()
      : '';
    // The reason is in the chain of causes; without one, in the last lines that are not progress bars.
    const lines = text.split('\n').map((line) => line.trim());
    const causes = [...new Set(lines.filter((line) => /^Caused by: /.test(line)))];
    const reason = (
      causes.length > 0 ? causes.slice(-2) : lines.filter((line) => line !== '' && !/^[-.*[\]]/.test(line)).slice(-15)
    ).join('\n');
    throw new StartupError(
      `Neo4j's import tool failed (exit code ${code ?? 'none'}):\n${reason}` +
        (report ? `\nFirst rows it refused:\n${report}` : ''),
    );
  }
  const done = /IMPORT DONE in ([^\n]+)/.exec(text);
  options.onProgress?.(`Neo4j's import tool finished${done ? ` in ${done[1]!.trim()}` : ''}`);
}
