/**
 * Runs the README's test command on a clean clone of the current commit in each situation a new user may
 * be in: the source report present or absent, Chromium present or absent. One line per case; the exit code
 * is 0 only when every case passed. Uncommitted changes are not part of the clone, so they are not tested.
 *
 *   npm run test:matrix                      all four cases, one after another (about 15 minutes each)
 *   npm run test:matrix -- --case absent,absent   report absent, Chromium absent only
 *
 * The report comes from SOURCE_TEXTS_DIR, else `../shared/source` beside this checkout; Chromium from
 * CHROMIUM_PATH, else `chromium` on the PATH. A "present" case that cannot have its prerequisite is reported
 * as not run, and fails the matrix: the point is to see all four green.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../support/chromium';
import { findSourceReport } from '../support/sourceDocument';

const REPOSITORY = path.resolve(__dirname, '..', '..');

/** One situation: whether the run has the report and whether it has Chromium. */
interface MatrixCase {
  report: boolean;
  chromium: boolean;
}

/** What one case came to, as printed. */
interface CaseOutcome {
  passed: boolean;
  line: string;
}

const ALL_CASES: MatrixCase[] = [
  { report: true, chromium: true },
  { report: true, chromium: false },
  { report: false, chromium: true },
  { report: false, chromium: false },
];

function presence(present: boolean): string {
  return present ? 'present' : 'absent';
}

function describeCase(c: MatrixCase): string {
  return `report ${presence(c.report)}, Chromium ${presence(c.chromium)}`;
}

/** Reads `--case present,absent` (report, Chromium); several may be given, comma pairs separated by spaces. */
function chosenCases(argv: string[]): MatrixCase[] {
  const at = argv.indexOf('--case');
  if (at === -1) return ALL_CASES;
  const picked = argv.slice(at + 1).filter((a) => !a.startsWith('--'));
  if (picked.length === 0) throw new Error('--case needs a value such as present,absent (report, Chromium)');
  return picked.map((value) => {
    const [report, chromium] = value.split(',');
    const flag = (word: string | undefined): boolean => {
      if (word === 'present') return true;
      if (word === 'absent') return false;
      throw new Error(`--case ${value}: each half must be present or absent (report, Chromium)`);
    };
    return { report: flag(report), chromium: flag(chromium) };
  });
}

/** Runs a command to its end, its output appended to a log file; resolves to its exit code. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(log, 'a');
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('close', (code) => {
      fs.closeSync(out);
      resolve(code ?? 1);
    });
  });
}

/** The environment of one case: the user's, with the two prerequisites set or turned off explicitly. */
function caseEnvironment(
  c: MatrixCase,
  reportDir: string | undefined,
  chromium: string | undefined,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  env['SOURCE_TEXTS_DIR'] = c.report && reportDir ? reportDir : 'none';
  env['CHROMIUM_PATH'] = c.chromium && chromium ? chromium : 'none';
  return env;
}

/** Jest's summary line ("Tests: 5 skipped, 700 passed, 705 total"), or the last line of the log. */
function summaryOf(log: string): string {
  const lines = fs.readFileSync(log, 'utf8').split('\n');
  const tests = lines.filter((l) => l.startsWith('Tests:')).pop();
  return (tests ?? lines.filter((l) => l.trim() !== '').pop() ?? '(no output)').replace(/\s+/g, ' ').trim();
}

async function runCase(
  c: MatrixCase,
  clone: string,
  logs: string,
  reportDir: string | undefined,
  chromium: string | undefined,
): Promise<CaseOutcome> {
  const name = describeCase(c);
  if (c.report && !reportDir) return { passed: false, line: `${name}: not run, there is no report to give it` };
  if (c.chromium && !chromium) return { passed: false, line: `${name}: not run, there is no Chromium to give it` };
  const log = path.join(logs, `${presence(c.report)}-report-${presence(c.chromium)}-chromium.log`);
  const started = Date.now();
  const code = await run('npm', ['test'], clone, caseEnvironment(c, reportDir, chromium), log);
  const seconds = Math.round((Date.now() - started) / 1000);
  const verdict = code === 0 ? 'passed' : `FAILED (exit ${code}, log ${log})`;
  return { passed: code === 0, line: `${name}: ${verdict}; ${summaryOf(log)}; ${seconds} s` };
}

async function main(): Promise<void> {
  const cases = chosenCases(process.argv.slice(2));
  const report = findSourceReport();
  const reportDir = report.found ? path.dirname(report.file) : undefined;
  const found = findChromium();
  const chromium = found.found ? found.executable : undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'test-matrix-'));
  const clone = path.join(work, 'clone');
  const setupLog = path.join(work, 'setup.log');
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPOSITORY, encoding: 'utf8' }).trim();
  console.log(`Testing commit ${commit.slice(0, 12)} in a clean clone at ${clone} (logs beside it)`);
  const steps: [string, string[], string][] = [
    ['git', ['clone', '--quiet', '--no-hardlinks', REPOSITORY, clone], REPOSITORY],
    ['git', ['checkout', '--quiet', commit], clone],
    ['npm', ['ci', '--no-audit', '--no-fund'], clone],
  ];
  for (const [command, args, cwd] of steps) {
    if ((await run(command, args, cwd, process.env, setupLog)) !== 0)
      throw new Error(`${command} ${args[0]} failed: see ${setupLog}`);
  }

  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    const outcome = await runCase(c, clone, work, reportDir, chromium);
    console.log(outcome.line);
    outcomes.push(outcome);
  }
  const failed = outcomes.filter((o) => !o.passed).length;
  console.log(failed === 0 ? `All ${outcomes.length} cases passed.` : `${failed} of ${outcomes.length} cases failed.`);
  if (failed === 0) fs.rmSync(clone, { recursive: true, force: true });
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
