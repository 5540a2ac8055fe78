/**
 * The one way tests run the CLI.
 *
 * - `runCli` runs the real program (buildProgram + runProgram) inside the test process: its own stdout, stderr,
 *   stdin, environment and working directory, the exit status returned. No spawn, no build needed. Most CLI tests.
 * - `spawnCli` / `runBuiltCli` run the built `dist/cli/main.js` as a child process: the end-to-end tier (the quick
 *   start, signals, terminals), where the process itself is what is tested. The vitest global setup builds dist/
 *   before the run, so it is never stale.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { cleanupAfterEachTest } from './cleanup.js';
import { runProgram } from '../src/cli/run.js';
import { tempDir } from './temp.js';

export const CLI = join(import.meta.dirname, '../dist/cli/main.js');
export const EXAMPLES = join(import.meta.dirname, '../examples/pipelines');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to a clean environment: only NO_COLOR=1 (no AIRBYTE_*, GITHUB_ACTIONS or FORCE_COLOR from the machine). */
  env?: Record<string, string>;
  /** The working directory the program is told about (where --emulator keeps its state); default a fresh temp dir. */
  cwd?: string;
  /** Text on stdin (never a terminal). */
  stdin?: string;
}

function collector(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

/**
 * Runs `airbyte-gitops ...args` in this process. Paths in `args` are resolved against the test process's
 * directory (the repository), not `cwd`: pass absolute paths when it matters.
 */
/**
 * Every CLI run here is alone on its emulator, so apply skips the wait that lets concurrent runs see each other's
 * creates (test/apply/concurrent.test.ts runs with the default). Pass `AIRBYTE_CONVERGE_WAIT_MS: ''` for the default.
 */
const QUICK = { AIRBYTE_CONVERGE_WAIT_MS: '0' };

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const io = {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { NO_COLOR: '1', ...QUICK, ...options.env },
    cwd: options.cwd ?? tempDir('gitops-cwd-'),
  };
  const code = await runProgram(io, ['node', 'airbyte-gitops', ...args]);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** A built CLI process whose output is collected as it arrives. */
export interface SpawnedCli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

const children: ChildProcess[] = [];
cleanupAfterEachTest(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Spawns the built CLI with a clean environment (PATH and NO_COLOR=1, plus `env`); killed after the test if still running. */
export function spawnCli(args: string[], options: Omit<CliOptions, 'stdin'> = {}): SpawnedCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? tempDir('gitops-cwd-'),
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...QUICK, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err }));
  });
  return { child, stdout: () => out, stderr: () => err, done };
}

export const runBuiltCli = (args: string[], options: Omit<CliOptions, 'stdin'> = {}) => spawnCli(args, options).done;

/** Polls (no fixed sleeps) until `ready()` or the deadline. */
export async function waitFor(ready: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether `script` (util-linux) is there to give the CLI a pseudo-terminal. */
export const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the built CLI on a pseudo-terminal (under `script`), so stdin and stdout are terminals. `onOutput` sees the
 * output so far each time more arrives and may type into the terminal.
 */
export function runOnTerminal(
  args: string[],
  onOutput: (output: string, type: (text: string) => void) => void = () => {},
): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: tempDir('gitops-cwd-'),
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', TERM: 'dumb' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    onOutput(output, (text) => child.stdin.write(text));
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
