/**
 * Duplicates that already exist (made by hand, or by runs of an older version at the same time): plan explains them
 * and plans against the kept copy; apply --dedupe removes the exact duplicates, and only those.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedThroughApi } from '../../src/bench/seed.js';
import { emulator, expectedNames, generatePipeline, liveNames, runCli, tempDir } from './helpers.js';

describe('existing duplicates (end to end)', () => {
  it('plan warns and plans against the oldest copies; apply --dedupe deletes the exact duplicates; the plan is clean after', async () => {
    const server = await emulator();
    const dir = tempDir();
    const file = generatePipeline(dir, 2);
    // The whole pipeline put in twice: every name is held by two exact copies.
    await seedThroughApi(server.url, [file], {});
    await seedThroughApi(server.url, [file], {});
    expect(liveNames(server).sources).toEqual(['p-source-0', 'p-source-0', 'p-source-1', 'p-source-1']);

    const plan = await runCli(['plan', file, '--url', server.url, '--detailed-exitcode']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('No changes.');
    expect(plan.stdout).toContain('Duplicates: Airbyte holds these names more than once');
    expect(plan.stderr).toMatch(/p\.yaml:\d+:\d+: warning: source 'p-source-0' exists 2 times in Airbyte, all exact duplicates: planned against the oldest/);

    const refused = await runCli(['apply', file, '--url', server.url, '--auto-approve', '--dedupe']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--allow-destroy/);
    expect(liveNames(server).sources).toHaveLength(4);

    const applied = await runCli(['apply', file, '--url', server.url, '--auto-approve', '--allow-destroy', '--dedupe']);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 0 created, 0 updated, 6 deleted.');
    expect(liveNames(server)).toEqual(expectedNames(2));
    // What is left is wired together: each connection's source and destination are the copies kept.
    const state = server.state;
    for (const connection of state.connections.filter((c) => c.status !== 'deprecated')) {
      expect(state.sources.find((s) => s.id === connection.sourceId)?.tombstone).toBeFalsy();
      expect(state.destinations.find((d) => d.id === connection.destinationId)?.tombstone).toBeFalsy();
    }

    const clean = await runCli(['plan', file, '--url', server.url, '--detailed-exitcode']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).not.toContain('Duplicates');
    expect(clean.stderr).not.toContain('exists 2 times');
  }, 60_000);

  it('a copy that differs is never deleted: plan and apply --dedupe refuse, naming every copy', async () => {
    const server = await emulator();
    const dir = tempDir();
    const file = generatePipeline(dir, 1);
    await seedThroughApi(server.url, [file], {});
    const changed = generatePipeline(tempDir(), 1);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('count: 100', 'count: 7'));
    await seedThroughApi(server.url, [changed], {});
    for (const args of [['plan'], ['apply', '--auto-approve', '--allow-destroy', '--dedupe']]) {
      const run = await runCli([...args, file, '--url', server.url]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('held by several remote resources that are not exact duplicates');
      expect(run.stderr).toMatch(/differs id [0-9a-f-]+ \(created [^)]+\): its configuration differs from the kept one's \(count\)/);
      expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    }
    expect(liveNames(server).sources).toEqual(['p-source-0', 'p-source-0']);
  }, 60_000);
});
