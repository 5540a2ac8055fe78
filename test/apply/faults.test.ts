import { describe, expect, it } from 'vitest';
import { emulator, expectedNames, generatePipeline, liveNames, RETRY_ENV, runCli, spawnCli, tempDir, waitFor } from './helpers.js';

const progressLines = (text: string) => text.split('\n').filter((line) => line.startsWith('✓ ')).length;

describe('apply under faults and interrupts (end to end)', () => {
  it('applies 100 sources + 100 destinations + 100 connections at a 20% fault rate: exactly the pipeline, no duplicates', async () => {
    const server = await emulator({ faultRate: 0.2, seed: 42 });
    const file = generatePipeline(tempDir(), 100);
    const run = await runCli(['apply', file, '--url', server.url, '--auto-approve'], { env: RETRY_ENV });
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Apply complete: 300 created, 0 updated, 0 deleted.');
    // Some creates lost their answer after the server acted: they were found by name, not sent twice.
    expect(run.stdout).toMatch(/found after its answer was lost; not created twice/);
    expect(liveNames(server)).toEqual(expectedNames(100));
    const connections = server.state.connections.filter((c) => c.status !== 'deprecated');
    for (const connection of connections) {
      const i = connection.name.split('-').at(-1);
      expect(server.state.sources.find((s) => s.id === connection.sourceId)?.name).toBe(`p-source-${i}`);
      expect(server.state.destinations.find((d) => d.id === connection.destinationId)?.name).toBe(`p-dest-${i}`);
    }
  }, 120_000);

  it('after SIGKILL mid-way, a re-run converges without duplicates', async () => {
    const server = await emulator({ latencyMs: 15 });
    const file = generatePipeline(tempDir(), 30);
    const first = spawnCli(['apply', file, '--url', server.url, '--auto-approve', '--parallelism', '4']);
    await waitFor(() => progressLines(first.stdout()) >= 10, 'ten finished operations');
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    expect(liveNames(server)).not.toEqual(expectedNames(30));
    const again = await runCli(['apply', file, '--url', server.url, '--auto-approve']);
    expect(again.code, again.stderr).toBe(0);
    expect(liveNames(server)).toEqual(expectedNames(30));
    const third = await runCli(['apply', file, '--url', server.url, '--auto-approve']);
    expect(third.stdout).toContain('No changes. Airbyte matches the pipeline.');
  }, 60_000);

  it('SIGTERM starts nothing new, finishes what is in flight, prints the summary and exits 130', async () => {
    const server = await emulator({ latencyMs: 15 });
    const file = generatePipeline(tempDir(), 30);
    const run = spawnCli(['apply', file, '--url', server.url, '--auto-approve', '--parallelism', '2']);
    await waitFor(() => progressLines(run.stdout()) >= 2, 'two finished operations');
    run.child.kill('SIGTERM');
    const ended = await run.done;
    expect(ended.code).toBe(130);
    expect(ended.stderr).toContain('starting nothing new');
    expect(ended.stdout).toMatch(/Apply interrupted: \d+ created, 0 updated, 0 deleted; \d+ not started/);
    const created = Number(/Apply interrupted: (\d+) created/.exec(ended.stdout)?.[1]);
    const live = liveNames(server);
    // Every create that was started finished, and was reported.
    expect(live.sources.length + live.destinations.length + live.connections.length).toBe(created);
    expect(progressLines(ended.stdout)).toBe(created);
    const again = await runCli(['apply', file, '--url', server.url, '--auto-approve']);
    expect(again.code).toBe(0);
    expect(liveNames(server)).toEqual(expectedNames(30));
  }, 60_000);
});
