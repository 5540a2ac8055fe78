/**
 * Lists start at the largest page: a plan of a workspace with more sources than the server's default page (20)
 * still reads each list in one call, and an unchanged plan costs the same few calls whatever the size (up to a
 * page of 100 per list).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE } from '../../src/client/index.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { cleanupAfterEachTest } from '../cleanup.js';
import { runCli } from '../cli.js';
import { UNCHANGED_PLAN_CALLS } from '../emulator-calls.js';
import { tempDir } from '../temp.js';

const stops: (() => Promise<void>)[] = [];
cleanupAfterEachTest(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function requests(emulator: EmulatorHandle): Promise<{ total: number; byPath: Record<string, number> }> {
  const answer = await fetch(`${new URL(emulator.url).origin}/_emulator/requests`);
  return (await answer.json()) as { total: number; byPath: Record<string, number> };
}

/** The calls one run of `args` made, by path (without the /api/v1/ prefix). */
async function callsOf(emulator: EmulatorHandle, args: string[]): Promise<Record<string, number>> {
  const before = await requests(emulator);
  const result = await runCli([...args, '--url', emulator.url]);
  expect(result.stderr).toBe('');
  const after = await requests(emulator);
  const calls: Record<string, number> = {};
  for (const [path, count] of Object.entries(after.byPath)) {
    const made = count - (before.byPath[path] ?? 0);
    if (made > 0) calls[path.replace('/api/v1/', '')] = made;
  }
  return calls;
}

function pipeline(sources: number, destinations: number): string {
  const lines = ['sources:'];
  for (let i = 0; i < sources; i++) lines.push(`  - name: faker-${i}`, '    definition: Sample Data (Faker)', '    configuration:', `      count: ${100 + i}`);
  lines.push('destinations:');
  for (let i = 0; i < destinations; i++)
    lines.push(`  - name: json-${i}`, '    definition: Local JSON', '    configuration:', `      destination_path: /local/json-${i}`);
  return `${lines.join('\n')}\n`;
}

describe('list pages', () => {
  it('plans an unchanged workspace of 45 sources and 30 destinations with one call per list', async () => {
    const emulator = await startEmulator({ port: 0 });
    stops.push(() => emulator.stop());
    const file = join(tempDir('gitops-pages-'), 'pipeline.yaml');
    writeFileSync(file, pipeline(45, 30));
    expect((await runCli(['apply', file, '--auto-approve', '--url', emulator.url])).code).toBe(0);
    const calls = await callsOf(emulator, ['plan', file]);
    expect(calls['sources/list']).toBe(1);
    expect(calls['destinations/list']).toBe(1);
    expect(calls['connections/list']).toBe(1);
    // The reads of an unchanged plan: the workspace, the two definition lists, the three lists; and the spec of
    // each definition used, to check the configurations against it.
    expect(calls).toEqual(UNCHANGED_PLAN_CALLS);
  });

  it('reads a list longer than a page in pages of the largest size (125 sources: 2 calls, not 20 + 100 + 5)', async () => {
    const emulator = await startEmulator({ port: 0 });
    stops.push(() => emulator.stop());
    const file = join(tempDir('gitops-pages-'), 'pipeline.yaml');
    writeFileSync(file, pipeline(LIST_PAGE_SIZE + 25, 1));
    expect((await runCli(['apply', file, '--auto-approve', '--url', emulator.url])).code).toBe(0);
    const calls = await callsOf(emulator, ['plan', file]);
    expect(calls['sources/list']).toBe(2);
    expect(calls['destinations/list']).toBe(1);
  });
});
