/**
 * A reader that stops reading (`airbyte-gitops … | head`) closes the pipe before the command has written all it has:
 * the command must neither crash with a stack trace nor change its exit status.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, EXAMPLES } from '../cli.js';

/** Runs the built CLI with its stdout closed by the reader right away; stderr and the exit status are kept. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  // Closed before the command has started: its first write meets a pipe without a reader (EPIPE).
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

describe('output closed by its reader', () => {
  it('--help: exit 0, nothing on stderr', async () => {
    const { code, stderr } = await runWithClosedStdout(['init', '--help']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('validate: its own exit status, no stack trace', async () => {
    const { code, stderr } = await runWithClosedStdout(['validate', EXAMPLES]);
    expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(code).toBe(0);
  });
});
