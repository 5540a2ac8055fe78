/** `sync` through the CLI (in-process) against the emulator. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { tempDir } from '../temp.js';
import { cli, seedWorkspace, startEnv, steppingClock, type Env } from './helpers.js';

const ACTIVE = 'PostgreSQL → MinIO';
const PAUSED = 'Paused PG → MinIO';

function totals(env: Env, jobIndex = 0): { records: number; bytes: number } {
  const streams = env.emulator.state.jobs[jobIndex]?.streams ?? [];
  return streams.reduce((sum, s) => ({ records: sum.records + s.records, bytes: sum.bytes + s.bytes }), { records: 0, bytes: 0 });
}

const grouped = (n: number) => n.toLocaleString('en-US');

async function until(probe: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('sync', () => {
  it('starts a job and follows it from pending to succeeded, ending with records and bytes', async () => {
    // Each emulator read of the clock moves it 200 ms: the 1.5 s job passes through pending and running in a few polls.
    const env = await startEnv({ jobDurationMs: 1500, now: steppingClock(200).now });
    await seedWorkspace(env.client);
    const result = await cli(['sync', ACTIVE, '--wait', '--poll-interval', '100ms'], { url: env.emulator.url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`'${ACTIVE}': started job 1 (pending)`);
    expect(lines.some((line) => line.startsWith(`'${ACTIVE}': job 1 running`))).toBe(true);
    const { records, bytes } = totals(env);
    expect(records).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatch(new RegExp(`^✓ '${ACTIVE}': job 1 succeeded in \\d+s: ${grouped(records)} records, [\\d.]+ MB synced$`));
    expect(env.emulator.state.jobs).toHaveLength(1);
    expect(bytes).toBeGreaterThan(1_000_000);
  });

  it('without --wait only starts the job; --json gives the documented shape', async () => {
    const env = await startEnv({ jobDurationMs: 60_000 });
    const seeded = await seedWorkspace(env.client);
    const result = await cli(['sync', ACTIVE, '--json'], { url: env.emulator.url });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`'${ACTIVE}': started job 1 (pending)\n`);
    expect(JSON.parse(result.stdout)).toEqual({
      jobs: [
        {
          connection: ACTIVE,
          connectionId: seeded.active,
          jobId: 1,
          attached: false,
          status: 'pending',
          timedOut: false,
          interrupted: false,
          startedAt: null,
          durationSeconds: expect.any(Number),
          records: null,
          bytes: null,
          failureReason: null,
        },
      ],
    });
  });

  it('refuses an inactive connection before calling Airbyte, and says why', async () => {
    const env = await startEnv();
    await seedWorkspace(env.client);
    const result = await cli(['sync', ACTIVE, PAUSED, '--wait'], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `error: cannot sync '${PAUSED}' (inactive): Airbyte only syncs active connections (it answers an inactive one with a bare HTTP 500)\n` +
        'hint: set `status: active` on the connection in its pipeline file and run apply, then sync again\n',
    );
    expect(env.emulator.state.jobs).toEqual([]);
  });

  it('names an unknown connection with a suggestion and the available names', async () => {
    const env = await startEnv();
    await seedWorkspace(env.client);
    const result = await cli(['sync', 'PostgreSQL -> MinIO'], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: unknown connection 'PostgreSQL -> MinIO' in workspace 'Default Workspace' (did you mean '${ACTIVE}'?)\n` +
        `hint: available connections: '${PAUSED}', '${ACTIVE}'\n`,
    );
    expect(env.emulator.state.jobs).toEqual([]);
  });

  it('gives up at --timeout with exit 1 and says how to cancel the job, which keeps running', async () => {
    const env = await startEnv({ jobDurationMs: 120_000 });
    await seedWorkspace(env.client);
    const result = await cli(['sync', ACTIVE, '--wait', '--timeout', '400ms', '--poll-interval', '100ms'], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      `✗ '${ACTIVE}': job 1 is still pending after the 400ms timeout; it keeps running in Airbyte. Cancel it with: airbyte-gitops cancel 1`,
    );
    const job = await env.client.getJobWithoutLogs(1);
    expect(job.job.status).toBe('pending');
  });

  it('attaches to the running job when Airbyte answers 409 "already running"', async () => {
    // The clock moves 1 s per emulator read, whatever the machine's speed: the job started here is still active when
    // the CLI asks for a sync (409), and ends a few polls later.
    const env = await startEnv({ jobDurationMs: 6000, now: steppingClock(1000).now });
    const seeded = await seedWorkspace(env.client);
    const first = await env.client.syncConnection(seeded.active);
    const result = await cli(['sync', ACTIVE, '--wait', '--poll-interval', '100ms'], { url: env.emulator.url });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(
      new RegExp(`^'${ACTIVE}': a sync was already running; following job ${first.job.id} \\((pending|running)\\)$`),
    );
    expect(result.stdout).toContain(`✓ '${ACTIVE}': job ${first.job.id} succeeded`);
    expect(env.emulator.state.jobs).toHaveLength(1);
  });

  it('exits 1 with the failure reason when the job ends without success (cancelled while waiting)', async () => {
    // Running (with an attempt) from 12 s of emulated time, 2 s per poll; the clock is then held so the job is still
    // running when it is cancelled, and the attempt carries the failure reason.
    const clock = steppingClock(2000);
    const env = await startEnv({ jobDurationMs: 60_000, now: clock.now });
    await seedWorkspace(env.client);
    const running = cli(['sync', ACTIVE, '--wait', '--poll-interval', '100ms'], { url: env.emulator.url });
    await until(() => env.emulator.state.jobs.length === 1, 'the sync job');
    await until(() => clock.peek() >= (env.emulator.state.jobs[0]?.createdAtMs ?? Infinity) + 12_100, 'the job to run');
    clock.hold();
    expect((await env.client.cancelJob(1)).job.status).toBe('cancelled');
    const result = await running;
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`'${ACTIVE}': job 1 cancelled, `);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(
      new RegExp(`^✗ '${ACTIVE}': job 1 cancelled after \\d+s: The sync was cancelled\\. \\(airbyte_platform, manual_cancellation\\)$`),
    );
  });

  it('triggers several connections and waits for all of them', async () => {
    const env = await startEnv({ jobDurationMs: 1000 });
    const seeded = await seedWorkspace(env.client);
    await env.client.updateConnection({ connectionId: seeded.paused, status: 'active' });
    const result = await cli(['sync', ACTIVE, PAUSED, '--wait', '--poll-interval', '100ms', '--json'], { url: env.emulator.url });
    expect(result.code).toBe(0);
    const jobs = (JSON.parse(result.stdout) as { jobs: { connection: string; status: string; records: number }[] }).jobs;
    expect(jobs.map((job) => [job.connection, job.status])).toEqual([
      [ACTIVE, 'succeeded'],
      [PAUSED, 'succeeded'],
    ]);
    expect(jobs.every((job) => job.records > 0)).toBe(true);
    expect(env.emulator.state.jobs).toHaveLength(2);
  });

  it('rejects a malformed --timeout', async () => {
    const result = await cli(['sync', ACTIVE, '--wait', '--timeout', 'soon'], { url: 'http://127.0.0.1:9' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: --timeout must be a duration such as 1h, 30m, 90s or 500ms, got 'soon'\n");
  });

  describe('on the embedded emulator (the README promise)', () => {
    it("`sync 'PostgreSQL → MinIO' --wait --emulator` shows pending → succeeded with records and bytes", async () => {
      const dir = tempDir('gitops-sync-');
      const seeding = await startEmulator({ port: 0, dataFile: join(dir, 'state.json') });
      const { createClient } = await import('../../src/client/index.js');
      const client = createClient({ baseUrl: seeding.url, auth: { mode: 'none' } });
      await seedWorkspace(client);
      await client.close();
      await seeding.stop();
      const result = await cli(['sync', ACTIVE, '--wait', '--emulator'], { cwd: dir, env: { AIRBYTE_EMULATOR_STATE: 'state.json' } });
      expect(result.code).toBe(0);
      const lines = result.stdout.trim().split('\n');
      expect(lines[0]).toBe(`'${ACTIVE}': started job 1 (pending)`);
      expect(lines.at(-1)).toMatch(new RegExp(`^✓ '${ACTIVE}': job 1 succeeded in \\d+s: [\\d,]+ records, [\\d.]+ MB synced$`));
    });
  });
});
