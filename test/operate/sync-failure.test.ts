/**
 * End to end: a sync that fails at its end (the emulator's `fail-sync` rule), seen through `sync --wait` and
 * `jobs` (build first: npm run build).
 */
import { describe, expect, it } from 'vitest';
import { cli, pgConfig, seedWorkspace, startEnv, type Env } from './helpers.js';

const ACTIVE = 'PostgreSQL → MinIO';
const REASON =
  "Source 'PostgreSQL - Ecommerce' failed during the sync: the connector could not read from the configured server " +
  "(emulated: a configuration value contains 'fail-sync'). (source, config_error)";

/** The README workspace with its source pointing at a host the emulator fails every sync for. */
async function failingWorkspace(): Promise<Env> {
  const env = await startEnv({ jobDurationMs: 1000 });
  const seeded = await seedWorkspace(env.client);
  await env.client.updateSource({
    sourceId: seeded.sourceId,
    name: 'PostgreSQL - Ecommerce',
    connectionConfiguration: pgConfig({ host: 'fail-sync.internal' }),
  });
  return env;
}

describe('a failed sync job', () => {
  it('`sync --wait` exits 1 with the failure reason; `jobs` shows the failed job', async () => {
    const env = await failingWorkspace();
    const result = await cli(['sync', ACTIVE, '--wait', '--poll-interval', '100ms'], { url: env.emulator.url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`'${ACTIVE}': started job 1 (pending)`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^'${ACTIVE}': job 1 failed, \\d+s, 0 records, 0 B$`)));
    const [head, reason] = (lines.at(-1) ?? '').split(/(?<=after \d+s): /);
    expect(head).toMatch(new RegExp(`^✗ '${ACTIVE}': job 1 failed after \\d+s$`));
    expect(reason).toBe(REASON);

    const json = await cli(['jobs', ACTIVE, '--json'], { url: env.emulator.url });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      jobs: [
        {
          id: 1,
          type: 'sync',
          status: 'failed',
          startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          durationSeconds: expect.any(Number),
          records: 0,
          bytes: 0,
        },
      ],
    });
    const table = await cli(['jobs', ACTIVE], { url: env.emulator.url });
    expect(table.code).toBe(0);
    const rows = table.stdout.trim().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^1 +sync +failed +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ +\d+s +0 +0 B$/);
  });

  it('`sync --wait --json` reports the failure reason and exits 1', async () => {
    const env = await failingWorkspace();
    const result = await cli(['sync', ACTIVE, '--wait', '--poll-interval', '100ms', '--json'], { url: env.emulator.url });
    expect(result.code).toBe(1);
    const { jobs } = JSON.parse(result.stdout) as { jobs: { jobId: number; status: string; timedOut: boolean; records: number; failureReason: string }[] };
    expect(jobs).toEqual([expect.objectContaining({ jobId: 1, status: 'failed', timedOut: false, records: 0, failureReason: REASON })]);
  });
});
