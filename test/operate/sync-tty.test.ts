/**
 * `sync --wait` on a terminal: run under `script` (a pseudo-terminal), the progress is one live line rewritten in
 * place (carriage return + erase line) and the run ends with the outcome line.
 */
import { describe, expect, it } from 'vitest';
import { hasScript, runOnTerminal } from '../cli.js';
import { seedWorkspace, startEnv } from './helpers.js';

describe.skipIf(!hasScript)('sync --wait on a terminal', () => {
  it('rewrites one live progress line, then prints the outcome', async () => {
    const env = await startEnv({ jobDurationMs: 2500 });
    await seedWorkspace(env.client);
    const result = await runOnTerminal(['sync', 'PostgreSQL → MinIO', '--wait', '--poll-interval', '200ms', '--url', env.emulator.url]);
    expect(result.code).toBe(0);
    // The live line is redrawn in place: carriage return, erase line, then the current status.
    // eslint-disable-next-line no-control-regex -- terminal escapes are what this test strips
    expect(result.output).toMatch(/\r\u001b\[2K'PostgreSQL → MinIO': job 1 (pending|running)/);
    expect(result.output).toMatch(/✓ 'PostgreSQL → MinIO': job 1 succeeded in \d+s: [\d,]+ records, [\d.]+ MB synced/);
  });
});
