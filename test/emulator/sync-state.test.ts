/**
 * A connection's sync state as the real server keeps it: written by successful syncs (one cursor per incremental
 * stream), read by state/get (unknown id → not_set), written by state/create_or_update_safe (423 while a sync runs;
 * create_or_update is admin-only), cleared by a reset or a delete, dropped per stream on a sync-mode change; kept in
 * the --data file and shown at /_emulator/state.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { tempDir } from '../temp.js';
import { createActors, request, startTestEmulator, streamEntry, type TestEmulator } from './helpers.js';

const JOB_MS = 1000;

/** An emulator on a clock the test moves: a job is running until `clock.advance(JOB_MS)`. */
async function withClock(options: { dataFile?: string } = {}) {
  const clock = { now: Date.UTC(2026, 0, 1), advance: (ms: number) => (clock.now += ms) };
  const t = await startTestEmulator({ jobDurationMs: JOB_MS, now: () => clock.now, ...options });
  return { t, clock };
}

const incremental = streamEntry('orders', { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append' });
const fullRefresh = streamEntry('customers', { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', cursorField: [] });

async function connection(t: TestEmulator, streams: JsonObject[] = [incremental, fullRefresh]): Promise<string> {
  const ids = await createActors(t);
  const created = await t.call('connections/create', { ...ids, status: 'active', syncCatalog: { streams } });
  expect(created.status).toBe(200);
  return created.body.connectionId;
}

async function syncToEnd(t: TestEmulator, clock: { advance(ms: number): number }, connectionId: string, call = 'connections/sync') {
  expect((await t.call(call, { connectionId })).status).toBe(200);
  clock.advance(JOB_MS);
}

const getState = async (t: TestEmulator, connectionId: string) => (await t.call('state/get', { connectionId })).body;

const streamState = (name: string, state: JsonObject) => ({ streamDescriptor: { name, namespace: 'public' }, streamState: state });

describe('state/get and syncs', () => {
  it('an unknown connection reads as not_set (no 404), like a connection that never synced', async () => {
    const { t } = await withClock();
    const unknown = await t.call('state/get', { connectionId: '00000000-0000-0000-0000-00000000abcd' });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ connectionId: '00000000-0000-0000-0000-00000000abcd', stateType: 'not_set' });
    const connectionId = await connection(t);
    expect(await getState(t, connectionId)).toEqual({ connectionId, stateType: 'not_set' });
    expect((await t.call('state/get', {})).status).toBe(400);
  });

  it('a successful sync writes a cursor for each incremental stream only, when it ends; the next sync advances it', async () => {
    const { t, clock } = await withClock();
    const connectionId = await connection(t);
    await t.call('connections/sync', { connectionId });
    expect((await getState(t, connectionId)).stateType).toBe('not_set');
    clock.advance(JOB_MS / 2);
    expect((await t.call('jobs/list', { configTypes: ['sync'], configId: connectionId })).body.jobs[0].job.status).toBe('running');
    expect((await getState(t, connectionId)).stateType).toBe('not_set');
    clock.advance(JOB_MS / 2);
    const first = await getState(t, connectionId);
    expect(first).toEqual({
      connectionId,
      stateType: 'stream',
      streamState: [
        streamState('orders', {
          state_type: 'cursor_based',
          version: 2,
          stream_name: 'orders',
          stream_namespace: 'public',
          cursor_field: ['updated_at'],
          cursor: new Date(clock.now).toISOString(),
          cursor_record_count: 1,
        }),
      ],
    });
    clock.advance(60_000);
    await syncToEnd(t, clock, connectionId);
    const second = await getState(t, connectionId);
    expect(second.streamState).toHaveLength(1);
    expect(second.streamState[0].streamState.cursor > first.streamState[0].streamState.cursor).toBe(true);
  });

  it('a failed or cancelled sync writes nothing', async () => {
    const { t, clock } = await withClock();
    const connectionId = await connection(t);
    const job = await t.call('connections/sync', { connectionId });
    await t.call('jobs/cancel', { id: job.body.job.id });
    clock.advance(JOB_MS);
    expect((await getState(t, connectionId)).stateType).toBe('not_set');
  });

  it('a reset clears the state when it ends', async () => {
    const { t, clock } = await withClock();
    const connectionId = await connection(t);
    await syncToEnd(t, clock, connectionId);
    expect((await getState(t, connectionId)).stateType).toBe('stream');
    await t.call('connections/reset', { connectionId });
    expect((await getState(t, connectionId)).stateType).toBe('stream');
    clock.advance(JOB_MS);
    expect(await getState(t, connectionId)).toEqual({ connectionId, stateType: 'not_set' });
  });
});

describe('state/create_or_update and state/create_or_update_safe', () => {
  const body = (connectionId: string, streams: ReturnType<typeof streamState>[]) => ({
    connectionId,
    connectionState: { connectionId, stateType: 'stream', streamState: streams },
  });

  it('create_or_update is admin-only: 403, and nothing changes', async () => {
    const { t } = await withClock();
    const connectionId = await connection(t);
    const answer = await t.call('state/create_or_update', body(connectionId, [streamState('orders', { cursor: 'x' })]));
    expect(answer.status).toBe(403);
    expect(answer.body.message).toContain('admin');
    expect((await getState(t, connectionId)).stateType).toBe('not_set');
  });

  it('create_or_update_safe answers 423 while a sync runs and writes the state once it has ended (per stream, keeping the others)', async () => {
    const { t, clock } = await withClock();
    const connectionId = await connection(t);
    await syncToEnd(t, clock, connectionId);
    await t.call('connections/sync', { connectionId });
    const refused = await t.call('state/create_or_update_safe', body(connectionId, [streamState('customers', { cursor: 'restored' })]));
    expect(refused.status).toBe(423);
    expect(refused.body.message).toBe('State cannot be updated while a sync is running for this connection.');
    clock.advance(JOB_MS);
    const written = await t.call('state/create_or_update_safe', body(connectionId, [streamState('customers', { cursor: 'restored' })]));
    expect(written.status).toBe(200);
    expect(written.body.stateType).toBe('stream');
    expect(written.body.streamState.map((entry: { streamDescriptor: { name: string } }) => entry.streamDescriptor.name).sort()).toEqual([
      'customers',
      'orders',
    ]);
    expect((await getState(t, connectionId)).streamState).toContainEqual(streamState('customers', { cursor: 'restored' }));
  });

  it('a running reset does not block it (only sync jobs do)', async () => {
    const { t } = await withClock();
    const connectionId = await connection(t);
    await t.call('connections/reset', { connectionId });
    expect((await t.call('state/create_or_update_safe', body(connectionId, [streamState('orders', { cursor: 'a' })]))).status).toBe(200);
  });

  it('checks the body: 400 for a missing field, 422 for a bad shape, 404 for an unknown connection', async () => {
    const { t } = await withClock();
    const connectionId = await connection(t);
    expect((await t.call('state/create_or_update_safe', { connectionId })).status).toBe(400);
    expect((await t.call('state/create_or_update_safe', { connectionId, connectionState: { connectionId } })).status).toBe(400);
    const badType = await t.call('state/create_or_update_safe', { connectionId, connectionState: { connectionId, stateType: 'streams' } });
    expect(badType.status).toBe(422);
    expect(badType.body.message).toContain('stateType');
    const noList = await t.call('state/create_or_update_safe', { connectionId, connectionState: { connectionId, stateType: 'stream', streamState: {} } });
    expect(noList.status).toBe(422);
    const noName = await t.call('state/create_or_update_safe', body(connectionId, [{ streamDescriptor: {}, streamState: {} } as never]));
    expect(noName.status).toBe(422);
    expect((await t.call('state/create_or_update_safe', body('00000000-0000-0000-0000-00000000abcd', []))).status).toBe(404);
    expect((await getState(t, connectionId)).stateType).toBe('not_set');
  });

  it('a stream state cannot become global without a reset (the server fails with a bare 500); a legacy one can change', async () => {
    const { t } = await withClock();
    const connectionId = await connection(t);
    await t.call('state/create_or_update_safe', body(connectionId, [streamState('orders', { cursor: 'a' })]));
    const global = { connectionId, connectionState: { connectionId, stateType: 'global', globalState: { shared_state: { lsn: 1 }, streamStates: [] } } };
    expect((await t.call('state/create_or_update_safe', global)).status).toBe(500);
    const other = await connection(t);
    const legacy = { connectionId: other, connectionState: { connectionId: other, stateType: 'legacy', state: { cursor: 1 } } };
    expect((await t.call('state/create_or_update_safe', legacy)).body).toEqual({ connectionId: other, stateType: 'legacy', state: { cursor: 1 } });
    const written = await t.call('state/create_or_update_safe', body(other, [streamState('orders', { cursor: 'b' })]));
    expect(written.body).toEqual({ connectionId: other, stateType: 'stream', streamState: [streamState('orders', { cursor: 'b' })] });
  });
});

describe('state changes made by other calls', () => {
  it("connections/update changing a stream's sync mode deletes that stream's state only", async () => {
    const { t, clock } = await withClock();
    const customers = streamEntry('customers', { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append' });
    const connectionId = await connection(t, [incremental, customers]);
    await syncToEnd(t, clock, connectionId);
    expect((await getState(t, connectionId)).streamState).toHaveLength(2);
    // The same catalog again: nothing changes.
    await t.call('connections/update', { connectionId, syncCatalog: { streams: [incremental, customers] } });
    expect((await getState(t, connectionId)).streamState).toHaveLength(2);
    const toFullRefresh = streamEntry('customers', { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' });
    expect((await t.call('connections/update', { connectionId, syncCatalog: { streams: [incremental, toFullRefresh] } })).status).toBe(200);
    const state = await getState(t, connectionId);
    expect(state.streamState.map((entry: { streamDescriptor: { name: string } }) => entry.streamDescriptor.name)).toEqual(['orders']);
    // When the last stream with state changes mode, the whole state goes.
    const ordersFull = streamEntry('orders', { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' });
    await t.call('connections/update', { connectionId, syncCatalog: { streams: [ordersFull, toFullRefresh] } });
    expect(await getState(t, connectionId)).toEqual({ connectionId, stateType: 'not_set' });
  });

  it('a sync running while the state changes still writes its cursors when it ends', async () => {
    const { t, clock } = await withClock();
    const customers = streamEntry('customers', { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append' });
    const connectionId = await connection(t, [incremental, customers]);
    await syncToEnd(t, clock, connectionId);
    await t.call('connections/sync', { connectionId });
    clock.advance(JOB_MS / 2);
    const toFullRefresh = streamEntry('customers', { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' });
    await t.call('connections/update', { connectionId, syncCatalog: { streams: [incremental, toFullRefresh] } });
    expect((await getState(t, connectionId)).streamState.map((entry: { streamDescriptor: { name: string } }) => entry.streamDescriptor.name)).toEqual([
      'orders',
    ]);
    clock.advance(JOB_MS / 2);
    const orders = (await getState(t, connectionId)).streamState.find(
      (entry: { streamDescriptor: { name: string } }) => entry.streamDescriptor.name === 'orders',
    );
    expect(orders.streamState.cursor).toBe(new Date(clock.now).toISOString());
  });

  it('deleting a connection, or its source, drops its state', async () => {
    const { t, clock } = await withClock();
    const connectionId = await connection(t);
    await syncToEnd(t, clock, connectionId);
    expect((await t.call('connections/delete', { connectionId })).status).toBe(204);
    expect((await getState(t, connectionId)).stateType).toBe('not_set');

    const other = await connection(t);
    await syncToEnd(t, clock, other);
    const sourceId = (await t.call('connections/get', { connectionId: other })).body.sourceId;
    expect((await t.call('sources/delete', { sourceId })).status).toBe(204);
    expect((await getState(t, other)).stateType).toBe('not_set');
  });

  it('is kept in the --data file and shown at /_emulator/state', async () => {
    const dataFile = join(tempDir(), 'state.json');
    const { t, clock } = await withClock({ dataFile });
    const connectionId = await connection(t);
    await syncToEnd(t, clock, connectionId);
    await t.call('state/create_or_update_safe', {
      connectionId,
      connectionState: { connectionId, stateType: 'stream', streamState: [streamState('customers', { cursor: 'kept' })] },
    });
    const expected = await getState(t, connectionId);
    const shown = (await request(`${t.origin}/_emulator/state`)).body;
    expect(shown.connectionStates).toEqual([expected]);
    await t.emulator.stop();

    const again = await startTestEmulator({ dataFile, jobDurationMs: JOB_MS, now: () => clock.now });
    expect(await getState(again, connectionId)).toEqual(expected);
  });
});
