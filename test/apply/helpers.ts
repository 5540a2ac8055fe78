/**
 * Apply test helpers: an emulator started in the test process on 127.0.0.1:0, generated pipelines, and reads of
 * the emulator's unmasked state. The CLI runs through ../cli.ts (in-process, or spawned for the end-to-end tier).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupAfterEachTest } from '../cleanup.js';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../src/emulator/index.js';

export { EXAMPLES, runCli, spawnCli, waitFor } from '../cli.js';
export { tempDir } from '../temp.js';

/** Fast, patient retries: fault tests need more attempts than the default, never long waits. */
export const RETRY_ENV = { AIRBYTE_MAX_ATTEMPTS: '12', AIRBYTE_RETRY_BASE_MS: '5', AIRBYTE_RETRY_MAX_MS: '40' };

const running: EmulatorHandle[] = [];
cleanupAfterEachTest(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
});

export async function emulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const handle = await startEmulator({ port: 0, jobDurationMs: 50, ...options });
  running.push(handle);
  return handle;
}

/** n Faker sources → n Local JSON destinations, one connection each, in one file. */
export function generatePipeline(dir: string, n: number, prefix = 'p'): string {
  const lines = ['sources:'];
  for (let i = 0; i < n; i++)
    lines.push(`  - name: ${prefix}-source-${i}`, '    definition: Sample Data (Faker)', '    configuration:', `      count: ${100 + i}`, `      seed: ${i}`);
  lines.push('destinations:');
  for (let i = 0; i < n; i++)
    lines.push(`  - name: ${prefix}-dest-${i}`, '    definition: Local JSON', '    configuration:', `      destination_path: /local/${prefix}-${i}`);
  lines.push('connections:');
  for (let i = 0; i < n; i++) {
    lines.push(`  - name: ${prefix}-conn-${i}`, `    source: ${prefix}-source-${i}`, `    destination: ${prefix}-dest-${i}`, '    streams:');
    lines.push('      - name: users', '        syncMode: full_refresh', '        destinationSyncMode: overwrite');
  }
  const file = join(dir, `${prefix}.yaml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Live names in the emulator, sorted: what the workspace holds. */
export function liveNames(handle: EmulatorHandle) {
  const state = handle.state;
  return {
    sources: state.sources
      .filter((s) => !s.tombstone)
      .map((s) => s.name)
      .sort(),
    destinations: state.destinations
      .filter((d) => !d.tombstone)
      .map((d) => d.name)
      .sort(),
    connections: state.connections
      .filter((c) => c.status !== 'deprecated')
      .map((c) => c.name)
      .sort(),
  };
}

export function expectedNames(n: number, prefix = 'p') {
  const names = (what: string) => Array.from({ length: n }, (_, i) => `${prefix}-${what}-${i}`).sort();
  return { sources: names('source'), destinations: names('dest'), connections: names('conn') };
}

export async function writes(handle: EmulatorHandle): Promise<number> {
  const answer = await fetch(`${new URL(handle.url).origin}/_emulator/requests`);
  return ((await answer.json()) as { writes: number }).writes;
}
