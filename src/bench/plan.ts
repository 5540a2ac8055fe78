/**
 * Plan benchmark: 300 sources + 300 destinations + 300 connections already in the emulator; how many HTTP calls a
 * plan makes (list calls and pagination only) and how long it takes, beside what one `get` per resource would need.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../client/index.js';
import { startEmulator } from '../emulator/index.js';
import { prepare } from '../plan/prepare.js';
import { hasChanges } from '../plan/render/values.js';
import { writeLargePipeline } from './pipeline.js';
import { seedThroughApi } from './seed.js';

interface Counters {
  total: number;
  byPath: Record<string, number>;
}

async function counters(origin: string): Promise<Counters> {
  return (await (await fetch(`${origin}/_emulator/requests`)).json()) as Counters;
}

export async function benchPlan(n = 300, runs = 3): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-plan-'));
  const emulator = await startEmulator({ port: 0 });
  const origin = new URL(emulator.url).origin;
  try {
    const env = { ...process.env, ...writeLargePipeline(dir, n) };
    await seedThroughApi(emulator.url, [dir], env, 16);
    const times: number[] = [];
    let calls: Counters = { total: 0, byPath: {} };
    let changes = false;
    for (let run = 0; run < runs; run++) {
      const client = createClient({ baseUrl: emulator.url, auth: { mode: 'none' } });
      const before = await counters(origin);
      const started = performance.now();
      const prepared = await prepare(client, { paths: [dir], env });
      times.push(performance.now() - started);
      const after = await counters(origin);
      await client.close();
      changes ||= hasChanges(prepared.plan.summary);
      calls = {
        total: after.total - before.total,
        byPath: Object.fromEntries(
          Object.entries(after.byPath)
            .map(([path, count]) => [path, count - (before.byPath[path] ?? 0)])
            .filter(([, count]) => count !== 0),
        ),
      };
    }
    const specCalls = Object.entries(calls.byPath)
      .filter(([path]) => path.includes('specifications'))
      .reduce((sum, [, count]) => sum + count, 0);
    // A client that reads each resource with its own `get` needs the same workspace, definition and spec calls plus one per resource.
    const perResource = 1 + 2 + specCalls + 3 * n;
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
    const lines = [
      `plan of ${n} sources + ${n} destinations + ${n} connections (already in Airbyte, emulator without latency):`,
      `  result: ${changes ? 'CHANGES (unexpected)' : 'No changes'}`,
      `  HTTP calls: ${calls.total}  (one get per resource would need at least ${perResource})`,
      ...Object.entries(calls.byPath)
        .sort()
        .map(([path, count]) => `    ${String(count).padStart(4)}  ${path}`),
      `  time: median ${median.toFixed(0)} ms over ${runs} runs (${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
    ];
    return lines.join('\n');
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
