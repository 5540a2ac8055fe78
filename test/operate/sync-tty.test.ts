/**
 * `sync --wait` on a terminal: run under `script` (a pseudo-terminal), the progress is one live line rewritten in
 * place (carriage return + erase line) and the run ends with the outcome line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seedWorkspace, startEnv } from './helpers.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const CLI = `${process.cwd()}/dist/cli/main.js`;

function onTerminal(args: string[]): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', TERM: 'dumb' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe.skipIf(!hasScript)('sync --wait on a terminal', () => {
  it('rewrites one live progress line, then prints the outcome', async () => {
    const env = await startEnv({ jobDurationMs: 2500 });
    await seedWorkspace(env.client);
    const result = await onTerminal(['sync', 'PostgreSQL → MinIO', '--wait', '--poll-interval', '200ms', '--url', env.emulator.url]);
    expect(result.code).toBe(0);
    // The live line is redrawn in place: carriage return, erase line, then the current status.
    // eslint-disable-next-line no-control-regex -- terminal escapes are what this test strips
    expect(result.output).toMatch(/\r\u001b\[2K'PostgreSQL → MinIO': job 1 (pending|running)/);
    expect(result.output).toMatch(/✓ 'PostgreSQL → MinIO': job 1 succeeded in \d+s: [\d,]+ records, [\d.]+ MB synced/);
  });
});
