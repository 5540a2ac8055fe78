/**
 * State backups through the real client against the emulator: the state a sync wrote is what the file holds, and a
 * state larger than the client's answer cap fails the step (with the way out) without sending the update.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { executePlan } from '../../src/apply/executor.js';
import { createClient } from '../../src/client/index.js';
import type { ConnectionChange } from '../../src/plan/types.js';
import { cleanupAfterEachTest } from '../cleanup.js';
import { seedWorkspace, startEnv, steppingClock } from '../operate/helpers.js';
import { tempDir } from '../temp.js';
import { planOf } from './fake-client.js';

const closers: (() => Promise<void>)[] = [];
cleanupAfterEachTest(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The seeded workspace after a sync: the active connection has a cursor per stream. */
async function syncedWorkspace() {
  const env = await startEnv({ jobDurationMs: 1500, now: steppingClock(400).now });
  const seeded = await seedWorkspace(env.client);
  await env.client.syncConnection(seeded.active);
  for (let i = 0; i < 50 && (await env.client.getJobWithoutLogs(1)).job.status !== 'succeeded'; i++);
  return { env, active: seeded.active };
}

function pausing(id: string): ConnectionChange {
  return {
    kind: 'connection',
    name: 'PostgreSQL → MinIO',
    action: 'update',
    id,
    fields: [],
    warnings: [],
    destructive: true,
    desired: null,
    sourceRef: null,
    destinationRef: null,
    syncCatalog: null,
    remoteEndpoints: null,
    patch: { status: 'inactive' },
    savesState: true,
  };
}

async function requests(url: string, call: string): Promise<number> {
  const answer = await fetch(`${new URL(url).origin}/_emulator/requests`);
  return ((await answer.json()) as { byPath: Record<string, number> }).byPath[`/api/v1/${call}`] ?? 0;
}

describe('state backups against the emulator', () => {
  it('saves the state the sync wrote, then sends the update', async () => {
    const { env, active } = await syncedWorkspace();
    const state = await env.client.getState(active);
    const result = await executePlan(env.client, planOf([pausing(active)]), { convergeWaitMs: 0, stateBackupDir: tempDir() });
    expect(result.status, JSON.stringify(result.steps)).toBe('applied');
    const [record] = result.stateBackups ?? [];
    expect(record).toMatchObject({ connectionId: active, stateType: 'stream', streams: 2, reason: 'update' });
    expect(JSON.parse(readFileSync(record!.file, 'utf8')).state).toEqual(state);
    expect(env.emulator.state.connections.find((c) => c.connectionId === active)?.status).toBe('inactive');
  });

  it('a state larger than the answer cap fails the step, names the setting to raise, and the update is not sent', async () => {
    const { env, active } = await syncedWorkspace();
    const small = createClient({ baseUrl: env.emulator.url, auth: { mode: 'none' }, maxAnswerBytes: 300 });
    closers.push(() => small.close());
    const updatesBefore = await requests(env.emulator.url, 'connections/update');
    const dir = tempDir();
    const result = await executePlan(small, planOf([pausing(active)]), { convergeWaitMs: 0, stateBackupDir: dir });
    expect(result.status).toBe('failed');
    expect(result.steps[0]?.error).toMatch(
      /^could not read the sync state of connection 'PostgreSQL → MinIO' to save it first, so the update was not sent: .*larger than 300 bytes.*AIRBYTE_MAX_ANSWER_BYTES/,
    );
    expect(await requests(env.emulator.url, 'connections/update')).toBe(updatesBefore);
    expect(env.emulator.state.connections.find((c) => c.connectionId === active)?.status).toBe('active');
  });
});
