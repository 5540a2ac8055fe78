/**
 * Apply benchmark: 100 sources + 100 destinations + 100 connections on the emulator at 50 ms per call, applied
 * at --parallelism 8 and at --parallelism 1 in the same run, with the HTTP calls made against the minimum (the
 * plan's list calls, one write per change, one discovery per new connection's source).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executePlan } from '../apply/executor.js';
import { planSecrets } from '../apply/secrets.js';
import { createClient } from '../client/index.js';
import { startEmulator, type EmulatorHandle } from '../emulator/index.js';
import { prepare } from '../plan/prepare.js';
import type { Plan } from '../plan/types.js';

const COUNT = 100;
const LATENCY_MS = 50;

/** n Faker sources → n Local JSON destinations, one connection each, names starting with `prefix`. */
export function fakerPipelineYaml(n: number, prefix = 'bench'): string {
  const lines = ['sources:'];
  for (let i = 0; i < n; i++)
    lines.push(`  - name: ${prefix}-source-${i}`, '    definition: Sample Data (Faker)', '    configuration:', `      count: ${100 + i}`);
  lines.push('destinations:');
  for (let i = 0; i < n; i++)
    lines.push(`  - name: ${prefix}-dest-${i}`, '    definition: Local JSON', '    configuration:', `      destination_path: /local/${prefix}-${i}`);
  lines.push('connections:');
  for (let i = 0; i < n; i++) {
    lines.push(`  - name: ${prefix}-conn-${i}`, `    source: ${prefix}-source-${i}`, `    destination: ${prefix}-dest-${i}`, '    streams:');
    lines.push('      - name: users', '        syncMode: full_refresh', '        destinationSyncMode: overwrite');
  }
  return `${lines.join('\n')}\n`;
}

async function requests(emulator: EmulatorHandle): Promise<number> {
  const answer = await fetch(`${new URL(emulator.url).origin}/_emulator/requests`);
  return ((await answer.json()) as { total: number }).total;
}

/** New sources that new connections read from: apply discovers each once. */
function sourcesToDiscover(plan: Plan): number {
  const pending = new Set<string>();
  for (const change of plan.changes) {
    if (change.kind === 'connection' && change.syncCatalog === null && change.sourceRef !== null && 'pending' in change.sourceRef)
      pending.add(change.sourceRef.pending);
  }
  return pending.size;
}

interface Run {
  wallMs: number;
  planCalls: number;
  writes: number;
  discoveries: number;
  calls: number;
  status: string;
}

/** One apply from an empty workspace: plan, then execute; timed together, as a user waits for both. */
async function applyOnce(emulator: EmulatorHandle, file: string, parallelism: number): Promise<Run> {
  await fetch(`${new URL(emulator.url).origin}/_emulator/reset`, { method: 'POST' });
  const client = createClient({ baseUrl: emulator.url, auth: { mode: 'none' }, maxConnections: 16 });
  try {
    const started = performance.now();
    const { plan } = await prepare(client, { paths: [file], env: {} });
    const planCalls = await requests(emulator);
    const result = await executePlan(client, plan, { parallelism, secrets: planSecrets(plan) });
    const wallMs = performance.now() - started;
    return { wallMs, planCalls, writes: plan.order.length, discoveries: sourcesToDiscover(plan), calls: await requests(emulator), status: result.status };
  } finally {
    await client.close();
  }
}

export async function benchApply(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-apply-'));
  const file = join(dir, 'bench.yaml');
  writeFileSync(file, fakerPipelineYaml(COUNT));
  const emulator = await startEmulator({ port: 0, latencyMs: LATENCY_MS });
  try {
    const parallel = await applyOnce(emulator, file, 8);
    const serial = await applyOnce(emulator, file, 1);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const minimum = parallel.planCalls + parallel.writes + parallel.discoveries;
    return [
      `apply: ${COUNT} sources + ${COUNT} destinations + ${COUNT} connections, emulator latency ${LATENCY_MS} ms per call`,
      `  --parallelism 8: ${seconds(parallel.wallMs)} (${parallel.status})`,
      `  --parallelism 1: ${seconds(serial.wallMs)} (${serial.status})`,
      `  speed-up: ${(serial.wallMs / parallel.wallMs).toFixed(1)}x`,
      `  HTTP calls: ${parallel.calls} (parallelism 8), ${serial.calls} (parallelism 1); minimum ${minimum} = ` +
        `${parallel.planCalls} plan reads + ${parallel.writes} writes (one per change) + ${parallel.discoveries} discoveries (one per new source with connections)`,
    ].join('\n');
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
