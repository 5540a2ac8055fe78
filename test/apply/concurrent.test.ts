/**
 * Concurrent applies of one pipeline, truly concurrent: separate CLI processes against one emulator with latency.
 * Airbyte has no lock; the runs must still end with exactly one copy of every resource and a clean plan.
 */
import { describe, expect, it } from 'vitest';
import { emulator, expectedNames, generatePipeline, liveNames, runCli, spawnCli, tempDir } from './helpers.js';

async function creates(origin: string): Promise<number> {
  const counters = (await (await fetch(`${origin}/_emulator/requests`)).json()) as { byPath: Record<string, number> };
  return Object.entries(counters.byPath)
    .filter(([path]) => path.endsWith('/create'))
    .reduce((sum, [, count]) => sum + count, 0);
}

describe('concurrent applies of the same pipeline (separate processes, one emulator with latency)', () => {
  for (const runs of [2, 3]) {
    it(`${runs} runs at once end with exactly one of each resource, connections on the kept ones, and a clean plan`, async () => {
      const server = await emulator({ latencyMs: 40 });
      const n = 10;
      const file = generatePipeline(tempDir(), n);
      // With the default wait between a create and the listing that checks it (the test helpers turn it off elsewhere).
      const env = { AIRBYTE_CONVERGE_WAIT_MS: '' };
      const children = Array.from({ length: runs }, () => spawnCli(['apply', file, '--url', server.url, '--auto-approve', '--parallelism', '4'], { env }));
      const ended = await Promise.all(children.map((child) => child.done));
      for (const run of ended) {
        expect(run.stderr).not.toMatch(/internal error/);
        expect(run.code, run.stdout + run.stderr).toBe(0);
      }
      // The runs did overlap: more creates were sent than the pipeline has resources.
      expect(await creates(new URL(server.url).origin)).toBeGreaterThan(3 * n);
      expect(ended.some((run) => /another run created it at the same time/.test(run.stdout))).toBe(true);

      expect(liveNames(server)).toEqual(expectedNames(n));
      const state = server.state;
      for (const connection of state.connections.filter((c) => c.status !== 'deprecated')) {
        const i = connection.name.split('-').at(-1);
        const source = state.sources.find((s) => s.id === connection.sourceId);
        const destination = state.destinations.find((d) => d.id === connection.destinationId);
        expect(source?.tombstone ? 'deleted' : source?.name).toBe(`p-source-${i}`);
        expect(destination?.tombstone ? 'deleted' : destination?.name).toBe(`p-dest-${i}`);
      }
      const plan = await runCli(['plan', file, '--url', server.url, '--detailed-exitcode']);
      expect(plan.code, plan.stdout + plan.stderr).toBe(0);
      expect(plan.stdout).toContain('No changes.');
    }, 120_000);
  }
});
