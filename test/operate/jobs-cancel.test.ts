/** End to end: `jobs` and `cancel` against the emulator (build first: npm run build). */
import { describe, expect, it } from 'vitest';
import { cli, seedWorkspace, startEnv } from './helpers.js';

const ACTIVE = 'PostgreSQL → MinIO';

describe('jobs', () => {
  it("lists the connection's jobs newest first, as a table and as the documented JSON", async () => {
    const env = await startEnv({ jobDurationMs: 60_000 });
    const seeded = await seedWorkspace(env.client);
    await env.client.syncConnection(seeded.active);
    await env.client.cancelJob(1);
    await env.client.syncConnection(seeded.active);
    const json = await cli(['jobs', ACTIVE, '--json'], { url: env.emulator.url });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      jobs: [
        { id: 2, type: 'sync', status: 'pending', startedAt: null, durationSeconds: expect.any(Number), records: 0, bytes: 0 },
        { id: 1, type: 'sync', status: 'cancelled', startedAt: null, durationSeconds: expect.any(Number), records: 0, bytes: 0 },
      ],
    });
    const table = await cli(['jobs', ACTIVE, '--limit', '1'], { url: env.emulator.url });
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toBe('ID  TYPE  STATUS   STARTED  DURATION  RECORDS  BYTES');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^2 {3}sync {2}pending {2}- {8}\d+s/);
  });

  it('shows the records and bytes of a finished job', async () => {
    const env = await startEnv({ jobDurationMs: 200 });
    const seeded = await seedWorkspace(env.client);
    await env.client.syncConnection(seeded.active);
    const streams = await (async () => {
      for (;;) {
        const info = await env.client.getJobWithoutLogs(1);
        if (info.job.status === 'succeeded') return env.emulator.state.jobs[0]?.streams ?? [];
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const records = streams.reduce((sum, s) => sum + s.records, 0);
    const bytes = streams.reduce((sum, s) => sum + s.bytes, 0);
    const result = await cli(['jobs', ACTIVE, '--json'], { url: env.emulator.url });
    const [job] = (JSON.parse(result.stdout) as { jobs: { status: string; records: number; bytes: number; startedAt: string }[] }).jobs;
    expect(job).toMatchObject({ status: 'succeeded', records, bytes });
    expect(job?.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('names an unknown connection with a suggestion', async () => {
    const env = await startEnv();
    await seedWorkspace(env.client);
    const result = await cli(['jobs', 'Postgres → MinIO'], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(`error: unknown connection 'Postgres → MinIO' in workspace 'Default Workspace' (did you mean '${ACTIVE}'?)`);
  });

  it('prints a name typed with control characters escaped in the error, never raw', async () => {
    const env = await startEnv();
    await seedWorkspace(env.client);
    const result = await cli(['jobs', 'x\u001b[2J\nerror: fake'], { url: env.emulator.url });
    expect(result.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- the test looks for raw control characters
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(result.stderr.split('\n')[0]).toBe("error: unknown connection 'x\\u001b[2J\\u000aerror: fake' in workspace 'Default Workspace'");
  });
});

describe('cancel', () => {
  it('cancels a running job and shows its final status', async () => {
    const env = await startEnv({ jobDurationMs: 60_000 });
    const seeded = await seedWorkspace(env.client);
    await env.client.syncConnection(seeded.active);
    const result = await cli(['cancel', '1'], { url: env.emulator.url });
    expect(result).toEqual({ code: 0, stdout: '✓ job 1 cancelled (it was pending)\n', stderr: '' });
    expect((await env.client.getJobWithoutLogs(1)).job.status).toBe('cancelled');
  });

  it('exits 1 for a job that has already ended, and for one that does not exist', async () => {
    const env = await startEnv({ jobDurationMs: 60_000 });
    const seeded = await seedWorkspace(env.client);
    await env.client.syncConnection(seeded.active);
    await env.client.cancelJob(1);
    const again = await cli(['cancel', '1', '--json'], { url: env.emulator.url });
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toEqual({ jobId: 1, cancelled: false, statusBefore: 'cancelled', status: 'cancelled' });
    const missing = await cli(['cancel', '99'], { url: env.emulator.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("error: job 99 does not exist\nhint: list a connection's jobs with 'airbyte-gitops jobs <connection-name>'\n");
    const malformed = await cli(['cancel', 'abc'], { url: env.emulator.url });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toBe("error: a job id is a whole number (as shown by 'airbyte-gitops jobs'), got 'abc'\n");
  });
});
