/**
 * The approval question on a real terminal: apply runs under `script`, which gives it a pseudo-terminal, and the
 * test answers at the prompt. Only 'yes' applies; anything else writes nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, emulator, EXAMPLES, writes } from './helpers.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Runs apply on a pseudo-terminal and types `answer` once the question is shown. */
function applyOnTerminal(url: string, answer: string): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, CLI, 'apply', EXAMPLES, '--url', url].map(quote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', TERM: 'dumb' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let answered = false;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (!answered && output.includes("Only 'yes' will be accepted:")) {
      answered = true;
      child.stdin.write(`${answer}\r`);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe.skipIf(!hasScript)('apply asks for approval on a terminal', () => {
  it("applies after 'yes'", async () => {
    const server = await emulator();
    const result = await applyOnTerminal(server.url, 'yes');
    expect(result.output).toContain("Apply these changes? Only 'yes' will be accepted:");
    expect(result.output).toContain('Apply complete: 8 created, 0 updated, 0 deleted.');
    expect(result.code).toBe(0);
  });

  it('writes nothing after any other answer', async () => {
    const server = await emulator();
    const result = await applyOnTerminal(server.url, 'y');
    expect(result.output).toContain('apply cancelled; nothing was changed');
    expect(result.code).toBe(1);
    expect(await writes(server)).toBe(0);
  });
});
