/**
 * Ctrl-C (SIGINT) or SIGTERM during `sync --wait` stops waiting as a timeout does: a line naming each job still
 * running with the cancel command, exit status 130; the jobs keep running in Airbyte. The built CLI, since only a
 * real process receives signals.
 */
import { describe, expect, it } from 'vitest';
import { spawnCli, waitFor } from '../cli.js';
import { cli, seedWorkspace, startEnv, steppingClock } from './helpers.js';

const ACTIVE = 'PostgreSQL → MinIO';

describe('sync --wait, interrupted', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s once the job has started: stops waiting, names the job and how to cancel it, exit 130', async (signal) => {
    // A job that runs for an hour: whatever the machine's speed, it is still running when the signal comes.
    const env = await startEnv({ jobDurationMs: 3_600_000 });
    await seedWorkspace(env.client);
    const run = spawnCli(['sync', ACTIVE, '--wait', '--poll-interval', '200ms', '--url', env.emulator.url]);
    await waitFor(() => run.stdout().includes('started job') || run.child.exitCode !== null, 'the job to start');
    run.child.kill(signal);
    const { code, signal: killedBy, stdout, stderr } = await run.done;
    expect(killedBy).toBeNull();
    expect(code, stderr).toBe(130);
    expect(stderr).toContain(`${signal}: stopped waiting; the jobs keep running in Airbyte`);
    expect(stdout.trim().split('\n').at(-1)).toMatch(
      new RegExp(
        `^✗ '${ACTIVE}': job 1 is still (pending|running): stopped waiting \\(${signal}\\); it keeps running in Airbyte\\. Cancel it with: airbyte-gitops cancel 1$`,
      ),
    );
    expect(['pending', 'running']).toContain((await env.client.getJobWithoutLogs(1)).job.status);
  });

  it('--json says which jobs the signal left running', async () => {
    const env = await startEnv({ jobDurationMs: 3_600_000 });
    await seedWorkspace(env.client);
    const run = spawnCli(['sync', ACTIVE, '--wait', '--json', '--url', env.emulator.url]);
    await waitFor(() => run.stderr().includes('started job') || run.child.exitCode !== null, 'the job to start');
    run.child.kill('SIGINT');
    const { code, stdout } = await run.done;
    expect(code).toBe(130);
    expect(JSON.parse(stdout).jobs).toEqual([expect.objectContaining({ jobId: 1, interrupted: true, timedOut: false })]);
  });

  it('the signal handlers are active only while waiting: a run in this process leaves none behind', async () => {
    const env = await startEnv({ jobDurationMs: 1500, now: steppingClock(200).now });
    await seedWorkspace(env.client);
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const result = await cli(['sync', ACTIVE, '--wait', '--poll-interval', '100ms'], { url: env.emulator.url });
    expect(result.code, result.stderr).toBe(0);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });
});
