/**
 * End-to-end helpers: the built CLI (dist/cli/main.js) run as a child process against an emulator started in the
 * test process on 127.0.0.1:0, generated pipelines, and reads of the emulator's unmasked state.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../src/emulator/index.js';

export const CLI = join(import.meta.dirname, '../../dist/cli/main.js');
if (!existsSync(CLI)) throw new Error('dist/cli/main.js is missing: run `npm run build` before these tests');
export const EXAMPLES = join(import.meta.dirname, '../../examples/pipelines');

/** Fast, patient retries: fault tests need more attempts than the default, never long waits. */
export const RETRY_ENV = { AIRBYTE_MAX_ATTEMPTS: '12', AIRBYTE_RETRY_BASE_MS: '5', AIRBYTE_RETRY_MAX_MS: '40' };

const running: EmulatorHandle[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
});

export async function emulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const handle = await startEmulator({ port: 0, jobDurationMs: 50, ...options });
  running.push(handle);
  return handle;
}

/** A CLI process whose output is collected as it arrives. */
export interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function spawnCli(args: string[], env: Record<string, string> = {}, cwd?: string): Cli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: cwd ?? mkdtempSync(join(tmpdir(), 'apply-cwd-')),
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err })),
  );
  return { child, stdout: () => out, stderr: () => err, done };
}

export const runCli = (args: string[], env: Record<string, string> = {}) => spawnCli(args, env).done;

/** Polls (no fixed sleeps) until `ready()` or the deadline. */
export async function waitFor(ready: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'apply-test-'));
}

/** n Faker sources → n Local JSON destinations, one connection each, in one file. */
export function generatePipeline(dir: string, n: number, prefix = 'p'): string {
  const lines = ['sources:'];
  for (let i = 0; i < n; i++)
    lines.push(`  - name: ${prefix}-source-${i}`, '    definition: Sample Data (Faker)', '    configuration:', `      count: ${100 + i}`, `      seed: ${i}`);
  lines.push('destinations:');
  for (let i = 0; i < n; i++)
    lines.push(`  - name: ${prefix}-dest-${i}`, '    definition: Local JSON', '    configuration:', `      destination_path: /local/${prefix}-${i}`);
  lines.push('connections:');
  for (let i = 0; i < n; i++) {
    lines.push(`  - name: ${prefix}-conn-${i}`, `    source: ${prefix}-source-${i}`, `    destination: ${prefix}-dest-${i}`, '    streams:');
    lines.push('      - name: users', '        syncMode: full_refresh', '        destinationSyncMode: overwrite');
  }
  const file = join(dir, `${prefix}.yaml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Live names in the emulator, sorted: what the workspace holds. */
export function liveNames(handle: EmulatorHandle) {
  const state = handle.state;
  return {
    sources: state.sources
      .filter((s) => !s.tombstone)
      .map((s) => s.name)
      .sort(),
    destinations: state.destinations
      .filter((d) => !d.tombstone)
      .map((d) => d.name)
      .sort(),
    connections: state.connections
      .filter((c) => c.status !== 'deprecated')
      .map((c) => c.name)
      .sort(),
  };
}

export function expectedNames(n: number, prefix = 'p') {
  const names = (what: string) => Array.from({ length: n }, (_, i) => `${prefix}-${what}-${i}`).sort();
  return { sources: names('source'), destinations: names('dest'), connections: names('conn') };
}

export async function writes(handle: EmulatorHandle): Promise<number> {
  const answer = await fetch(`${new URL(handle.url).origin}/_emulator/requests`);
  return ((await answer.json()) as { writes: number }).writes;
}
