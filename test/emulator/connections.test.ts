import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { PG_DESTINATION_ID } from './fixtures/definitions.js';
import { createActors, DEFAULT_WORKSPACE_ID, startTestEmulator, streamEntry, type TestEmulator } from './helpers.js';

async function setup(): Promise<{ t: TestEmulator; sourceId: string; destinationId: string }> {
  const t = await startTestEmulator();
  return { t, ...(await createActors(t)) };
}

function create(t: TestEmulator, ids: { sourceId: string; destinationId: string }, extra: JsonObject = {}) {
  return t.call('connections/create', { ...ids, status: 'active', ...extra });
}

describe('connections: create, read, list, delete', () => {
  it('creates with defaults: manual schedule, empty catalog, default name, epoch-second created_at', async () => {
    const { t, sourceId, destinationId } = await setup();
    const answer = await create(t, { sourceId, destinationId });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      name: 'pg <> s3',
      scheduleType: 'manual',
      syncCatalog: { streams: [] },
      status: 'active',
      breakingChange: false,
      namespaceDefinition: 'source',
      workspaceId: DEFAULT_WORKSPACE_ID,
    });
    expect(answer.body.created_at).toBeLessThan(Date.now() / 100);
    expect(answer.body).not.toHaveProperty('schedule');
  });

  it('stores only selected streams and reads them back selected, filling metadata from discovery', async () => {
    const { t, sourceId, destinationId } = await setup();
    const catalog = {
      streams: [
        { stream: { name: 'customers', namespace: 'public' }, config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true } },
        streamEntry('orders', { selected: false }),
      ],
    };
    const answer = await create(t, { sourceId, destinationId }, { syncCatalog: catalog });
    expect(answer.status).toBe(200);
    const read = await t.call('connections/get', { connectionId: answer.body.connectionId });
    expect(read.body.syncCatalog.streams).toHaveLength(1);
    const [customers] = read.body.syncCatalog.streams;
    expect(customers.config).toMatchObject({ selected: true, suggested: false, aliasName: 'customers' });
    expect(customers.stream).toMatchObject({ name: 'customers', supportedSyncModes: ['full_refresh', 'incremental'], sourceDefinedPrimaryKey: [['id']] });
    expect(customers.stream.jsonSchema.properties).toHaveProperty('updated_at');
  });

  it.each([
    ['an unknown stream', streamEntry('invoices'), /not in the source's discovered catalog/],
    ['an unsupported sync mode', streamEntry('products', { syncMode: 'incremental' }), /does not support sync mode 'incremental'/],
    ['incremental without a cursor', streamEntry('orders', { cursorField: [] }), /needs a cursorField/],
    ['a destination sync mode the destination lacks', streamEntry('orders', { destinationSyncMode: 'append_dedup' }), /does not support destinationSyncMode/],
  ])('rejects a catalog with %s (422)', async (_case, entry, message) => {
    const { t, sourceId, destinationId } = await setup();
    const answer = await create(t, { sourceId, destinationId }, { syncCatalog: { streams: [entry] } });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toMatch(message);
    expect(t.emulator.state.connections).toHaveLength(0);
  });

  it('rejects dedup without a primary key when the source defines none (422), accepts it with one', async () => {
    const { t, sourceId } = await setup();
    const warehouse = await t.call('destinations/create', {
      destinationDefinitionId: PG_DESTINATION_ID,
      workspaceId: DEFAULT_WORKSPACE_ID,
      name: 'wh',
      connectionConfiguration: { host: 'wh', database: 'dw', schema: 'raw', username: 'loader', password: 'pw' },
    });
    const ids = { sourceId, destinationId: warehouse.body.destinationId };
    const products = {
      stream: { name: 'products', namespace: 'public' },
      config: { syncMode: 'full_refresh', destinationSyncMode: 'append_dedup', selected: true },
    };
    const rejected = await create(t, ids, { syncCatalog: { streams: [products] } });
    expect(rejected.status).toBe(422);
    expect(rejected.body.message).toMatch(/append_dedup needs a primaryKey/);
    const withKey = await create(t, ids, { syncCatalog: { streams: [{ ...products, config: { ...products.config, primaryKey: [['id']] } }] } });
    expect(withKey.status).toBe(200);
    const sourceDefined = await create(t, ids, { syncCatalog: { streams: [streamEntry('orders', { destinationSyncMode: 'append_dedup' })] } });
    expect(sourceDefined.status).toBe(200);
  });

  it('list hides deleted connections; delete is soft (204, get shows deprecated)', async () => {
    const { t, sourceId, destinationId } = await setup();
    const kept = await create(t, { sourceId, destinationId }, { name: 'kept' });
    const gone = await create(t, { sourceId, destinationId }, { name: 'gone' });
    const deleted = await t.call('connections/delete', { connectionId: gone.body.connectionId });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const list = await t.call('connections/list', { workspaceId: DEFAULT_WORKSPACE_ID });
    expect(list.body.connections.map((connection: { name: string }) => connection.name)).toEqual(['kept']);
    expect((await t.call('connections/get', { connectionId: gone.body.connectionId })).body.status).toBe('deprecated');
    expect(kept.status).toBe(200);
    expect((await t.call('connections/get', { connectionId: '00000000-0000-4000-8000-00000000000f' })).status).toBe(404);
  });

  it('list_all shows deleted connections as deprecated; with listDeletedConnections, so does list', async () => {
    for (const listDeletedConnections of [false, true]) {
      const t = await startTestEmulator({ listDeletedConnections });
      const ids = await createActors(t);
      await create(t, ids, { name: 'kept' });
      const gone = await create(t, ids, { name: 'gone' });
      await t.call('connections/delete', { connectionId: gone.body.connectionId });
      const statuses = async (call: string) =>
        (await t.call(call, { workspaceId: DEFAULT_WORKSPACE_ID })).body.connections.map((c: { name: string; status: string }) => `${c.name}:${c.status}`);
      expect(await statuses('connections/list_all')).toEqual(['kept:active', 'gone:deprecated']);
      expect(await statuses('connections/list')).toEqual(listDeletedConnections ? ['kept:active', 'gone:deprecated'] : ['kept:active']);
    }
  });

  it('update is a patch; a syncCatalog replaces the whole catalog', async () => {
    const { t, sourceId, destinationId } = await setup();
    const created = await create(
      t,
      { sourceId, destinationId },
      { name: 'c', prefix: 'raw_', syncCatalog: { streams: [streamEntry('customers'), streamEntry('orders')] } },
    );
    const { connectionId } = created.body;
    const renamed = await t.call('connections/update', { connectionId, name: 'renamed' });
    expect(renamed.body).toMatchObject({ name: 'renamed', prefix: 'raw_', status: 'active' });
    expect(renamed.body.syncCatalog.streams).toHaveLength(2);
    const replaced = await t.call('connections/update', { connectionId, syncCatalog: { streams: [streamEntry('orders')] } });
    expect(replaced.body.syncCatalog.streams.map((entry: { stream: { name: string } }) => entry.stream.name)).toEqual(['orders']);
    expect((await t.call('connections/update', { name: 'no id' })).status).toBe(400);
  });
});

describe('connection schedules', () => {
  it('accepts the legacy schedule on create and reads it back as basic plus legacy', async () => {
    const { t, sourceId, destinationId } = await setup();
    const answer = await create(t, { sourceId, destinationId }, { schedule: { units: 6, timeUnit: 'hours' } });
    expect(answer.body).toMatchObject({
      scheduleType: 'basic',
      scheduleData: { basicSchedule: { units: 6, timeUnit: 'hours' } },
      schedule: { units: 6, timeUnit: 'hours' },
    });
  });

  it('allows sub-hour basic schedules and validates cron as 6-7 Quartz fields', async () => {
    const { t, sourceId, destinationId } = await setup();
    const basic = await create(t, { sourceId, destinationId }, { scheduleType: 'basic', scheduleData: { basicSchedule: { units: 5, timeUnit: 'minutes' } } });
    expect(basic.status).toBe(200);
    const cron = await create(
      t,
      { sourceId, destinationId },
      { scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 12 * * ?', cronTimeZone: 'UTC' } } },
    );
    expect(cron.status).toBe(200);
    const unixCron = await create(
      t,
      { sourceId, destinationId },
      { scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 12 * * *', cronTimeZone: 'UTC' } } },
    );
    expect(unixCron.status).toBe(400);
    expect(unixCron.body).toMatchObject({ status: 400, type: expect.stringContaining('cron-validation') });
  });

  it('rejects both schedule models at once with 422', async () => {
    const { t, sourceId, destinationId } = await setup();
    const answer = await create(t, { sourceId, destinationId }, { schedule: { units: 1, timeUnit: 'hours' }, scheduleType: 'manual' });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toMatch(/not both/);
  });

  it('rejects an Etc time zone with a 400 problem body', async () => {
    const { t, sourceId, destinationId } = await setup();
    const answer = await create(
      t,
      { sourceId, destinationId },
      { scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 * * * ?', cronTimeZone: 'Etc/UTC' } } },
    );
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body).sort()).toEqual(['detail', 'status', 'title', 'type']);
    expect(answer.body.detail).toContain('Etc/UTC');
  });

  it('rejects the legacy schedule on update with a bare 500 and changes nothing', async () => {
    const { t, sourceId, destinationId } = await setup();
    const { connectionId } = (await create(t, { sourceId, destinationId })).body;
    const answer = await t.call('connections/update', { connectionId, schedule: { units: 1, timeUnit: 'hours' } });
    expect(answer.status).toBe(500);
    expect(Object.keys(answer.body)).toEqual(['errorId']);
    expect(t.emulator.state.connections[0]?.scheduleType).toBe('manual');
    const typed = await t.call('connections/update', { connectionId, scheduleType: 'basic', scheduleData: { basicSchedule: { units: 2, timeUnit: 'hours' } } });
    expect(typed.body.scheduleType).toBe('basic');
    expect((await t.call('connections/update', { connectionId, scheduleType: 'cron' })).status).toBe(500);
  });
});
