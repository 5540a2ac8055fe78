/**
 * `state restore` asks on a real terminal (the built CLI under `script`, as apply's approval test does): only 'yes'
 * writes the state; anything else changes nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasScript, runOnTerminal } from '../cli.js';
import { tempDir } from '../temp.js';
import { seedWorkspace, startEnv } from './helpers.js';

const ACTIVE = 'PostgreSQL → MinIO';

/** Restores a one-stream state to the seeded active connection on a terminal, typing `answer` at the question. */
async function restoreOnTerminal(answer: string) {
  const env = await startEnv();
  const { active } = await seedWorkspace(env.client);
  const file = join(tempDir(), 'state.json');
  const orders = { streamDescriptor: { name: 'orders', namespace: 'public' }, streamState: { cursor: '2026-11-01' } };
  writeFileSync(file, JSON.stringify({ connectionId: active, stateType: 'stream', streamState: [orders] }));
  let answered = false;
  const result = await runOnTerminal(['state', 'restore', ACTIVE, '--from', file, '--url', env.emulator.url], (output, type) => {
    if (!answered && output.includes("Only 'yes' will be accepted:")) {
      answered = true;
      type(`${answer}\r`);
    }
  });
  return { ...result, state: await env.client.getState(active), orders };
}

describe.skipIf(!hasScript)('state restore asks on a terminal', () => {
  it("writes the state after 'yes'", async () => {
    const result = await restoreOnTerminal('yes');
    expect(result.output).toContain("Restore this state? Only 'yes' will be accepted:");
    expect(result.output).toContain(`✓ restored the sync state of connection '${ACTIVE}' (stream state of 1 stream)`);
    expect(result.code).toBe(0);
    expect(result.state.streamState).toEqual([result.orders]);
  });

  it('changes nothing after any other answer', async () => {
    const result = await restoreOnTerminal('y');
    expect(result.output).toContain('restore cancelled; nothing was changed');
    expect(result.code).toBe(1);
    expect(result.state.stateType).toBe('not_set');
  });
});
