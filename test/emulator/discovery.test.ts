/**
 * Discovery as the real server answers it (Config API reference §3h): scheduler discovery of a configuration that is
 * not stored, the discovery cache, discovery with a connection id (diff, breaking change, disabling) and the
 * schema-change notification fields of connections.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { tempDir } from '../temp.js';
import { createActors, DEFAULT_WORKSPACE_ID, PG_SOURCE_ID, pgConfig, request, startTestEmulator, streamEntry, type TestEmulator } from './helpers.js';

const names = (catalog: { streams: { stream: { name: string } }[] }) => catalog.streams.map(({ stream }) => stream.name);

async function changeSchema(t: TestEmulator, source: string, changes: JsonObject[]) {
  return request(`${t.origin}/_emulator/schema`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ source, changes }),
  });
}

async function requests(t: TestEmulator): Promise<{ total: number; writes: number; byPath: Record<string, number> }> {
  return (await request(`${t.origin}/_emulator/requests`)).body;
}

describe('scheduler/sources/discover_schema: a configuration not stored', () => {
  const body = (connectionConfiguration: JsonObject) => ({ sourceDefinitionId: PG_SOURCE_ID, workspaceId: DEFAULT_WORKSPACE_ID, connectionConfiguration });

  it('discovers the catalog, creates nothing and counts as no write', async () => {
    const t = await startTestEmulator();
    const answer = await t.call('scheduler/sources/discover_schema', body(pgConfig()));
    expect(answer.status).toBe(200);
    expect(names(answer.body.catalog)).toEqual(['customers', 'orders', 'products']);
    expect(answer.body.jobInfo).toMatchObject({ configType: 'discover_schema', succeeded: true });
    expect(answer.body.catalogId).toEqual(expect.any(String));
    expect(t.emulator.state.sources).toEqual([]);
    expect(t.emulator.state.discoveries).toEqual([]);
    expect(await requests(t)).toMatchObject({ total: 1, writes: 0, byPath: { '/api/v1/scheduler/sources/discover_schema': 1 } });
  });

  it('a configuration the spec refuses is a failed job (HTTP 200) with the reason and no catalog', async () => {
    const t = await startTestEmulator();
    const { host: _host, ...withoutHost } = pgConfig();
    const answer = await t.call('scheduler/sources/discover_schema', body(withoutHost));
    expect(answer.status).toBe(200);
    expect(answer.body.catalog).toBeUndefined();
    expect(answer.body.jobInfo).toMatchObject({
      configType: 'discover_schema',
      succeeded: false,
      failureReason: {
        failureOrigin: 'source',
        failureType: 'config_error',
        externalMessage: 'Config validation error: $.host: is missing but it is required',
      },
    });
  });

  it('uses a --catalogs entry named after the connector, not one named after a source (the call carries no source name)', async () => {
    const file = join(tempDir(), 'catalogs.yaml');
    writeFileSync(file, 'pg:\n  - name: by_source_name\n');
    const bySource = await startTestEmulator({ catalogsFile: file });
    expect(names((await bySource.call('scheduler/sources/discover_schema', body(pgConfig()))).body.catalog)).toEqual(['customers', 'orders', 'products']);
    writeFileSync(file, 'Postgres:\n  - name: by_connector_name\n');
    expect(names((await bySource.call('scheduler/sources/discover_schema', body(pgConfig()))).body.catalog)).toEqual(['by_connector_name']);
  });

  it('answers 404 for an unknown definition or workspace, 400 for a missing field, 422 for a configuration that is not an object', async () => {
    const t = await startTestEmulator();
    expect(
      (await t.call('scheduler/sources/discover_schema', { ...body(pgConfig()), sourceDefinitionId: '00000000-0000-0000-0000-00000000abcd' })).status,
    ).toBe(404);
    expect((await t.call('scheduler/sources/discover_schema', { ...body(pgConfig()), workspaceId: '00000000-0000-0000-0000-00000000abcd' })).status).toBe(404);
    expect((await t.call('scheduler/sources/discover_schema', { sourceDefinitionId: PG_SOURCE_ID, workspaceId: DEFAULT_WORKSPACE_ID })).status).toBe(400);
    expect((await t.call('scheduler/sources/discover_schema', { ...body(pgConfig()), connectionConfiguration: 'host=db' })).status).toBe(422);
  });
});

describe('sources/discover_schema: the discovery cache', () => {
  it('without disable_cache, a source discovered before answers the cached catalog with an empty job, even after its schema changed', async () => {
    const t = await startTestEmulator();
    const { sourceId } = await createActors(t);
    const first = await t.call('sources/discover_schema', { sourceId });
    expect(first.body.jobInfo).toMatchObject({ succeeded: true, configId: sourceId });
    expect((await changeSchema(t, 'pg', [{ op: 'add_stream', stream: 'invoices', namespace: 'public' }])).status).toBe(200);

    const cached = await t.call('sources/discover_schema', { sourceId });
    expect(names(cached.body.catalog)).toEqual(['customers', 'orders', 'products']);
    expect(cached.body.catalogId).toBe(first.body.catalogId);
    expect(cached.body.jobInfo).toMatchObject({ configId: 'NoConfiguration', createdAt: 0, endedAt: 0, succeeded: true, logs: { logLines: [] } });

    const fresh = await t.call('sources/discover_schema', { sourceId, disable_cache: true });
    expect(names(fresh.body.catalog)).toEqual(['customers', 'orders', 'products', 'invoices']);
    expect(fresh.body.catalogId).not.toBe(first.body.catalogId);
    // The cache now holds the refreshed catalog.
    const again = await t.call('sources/discover_schema', { sourceId });
    expect(names(again.body.catalog)).toContain('invoices');
    expect(again.body.catalogId).toBe(fresh.body.catalogId);
  });

  it("a changed configuration is not served from the cache (the key is the source's configuration)", async () => {
    const t = await startTestEmulator();
    const { sourceId } = await createActors(t);
    await t.call('sources/discover_schema', { sourceId });
    await changeSchema(t, 'pg', [{ op: 'drop_stream', stream: 'products' }]);
    const updated = await t.call('sources/update', { sourceId, name: 'pg', connectionConfiguration: pgConfig({ database: 'shop' }) });
    expect(updated.status).toBe(200);
    expect(names((await t.call('sources/discover_schema', { sourceId })).body.catalog)).toEqual(['customers', 'orders']);
  });

  it('is not a write, and a disable_cache that is not a boolean is a 422', async () => {
    const t = await startTestEmulator();
    const { sourceId } = await createActors(t);
    const before = await requests(t);
    await t.call('sources/discover_schema', { sourceId, disable_cache: true });
    await t.call('sources/discover_schema', { sourceId });
    expect((await requests(t)).writes).toBe(before.writes);
    expect((await t.call('sources/discover_schema', { sourceId, disable_cache: 'yes' })).status).toBe(422);
    expect((await t.call('sources/discover_schema', { sourceId: '00000000-0000-0000-0000-00000000abcd' })).status).toBe(404);
  });
});

describe('sources/discover_schema with a connectionId', () => {
  async function connected(t: TestEmulator, config: JsonObject, extra: JsonObject = {}) {
    const ids = await createActors(t);
    const created = await t.call('connections/create', { ...ids, status: 'active', syncCatalog: { streams: [streamEntry('orders', config)] }, ...extra });
    expect(created.status).toBe(200);
    return { ...ids, connectionId: created.body.connectionId as string };
  }

  it('answers the diff, breakingChange and connectionStatus without jobInfo, sets breakingChange and disables the connection on a breaking change', async () => {
    const t = await startTestEmulator();
    const { sourceId, connectionId } = await connected(t, { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append' });
    await changeSchema(t, 'pg', [{ op: 'drop_column', stream: 'orders', column: 'updated_at' }]);
    const before = await requests(t);
    const answer = await t.call('sources/discover_schema', { sourceId, connectionId, disable_cache: true });
    expect(answer.status).toBe(200);
    expect(answer.body.jobInfo).toBeUndefined();
    expect(answer.body).toMatchObject({ breakingChange: true, connectionStatus: 'inactive', catalogId: expect.any(String) });
    const transforms = answer.body.catalogDiff.transforms;
    // Every unselected upstream stream is an add_stream (the stored catalog holds only selected streams).
    expect(transforms).toEqual(
      expect.arrayContaining([
        { transformType: 'add_stream', streamDescriptor: { name: 'customers', namespace: 'public' } },
        {
          transformType: 'update_stream',
          streamDescriptor: { name: 'orders', namespace: 'public' },
          updateStream: {
            fieldTransforms: [
              { transformType: 'remove_field', fieldName: ['updated_at'], breaking: true, removeField: { schema: { type: 'string', format: 'date-time' } } },
            ],
            streamAttributeTransforms: [],
          },
        },
      ]),
    );
    expect((await requests(t)).writes).toBe(before.writes + 1);
    const read = (await t.call('connections/get', { connectionId })).body;
    expect(read).toMatchObject({ breakingChange: true, status: 'inactive' });
    // The stored catalog is not changed.
    expect(read.syncCatalog.streams[0].stream.jsonSchema.properties.updated_at).toBeDefined();
    // connections/update is a patch that may set the flag back.
    expect((await t.call('connections/update', { connectionId, breakingChange: false, status: 'active' })).body).toMatchObject({
      breakingChange: false,
      status: 'active',
    });
  });

  it('a non-breaking change leaves the connection active under ignore, and disables it under disable', async () => {
    const t = await startTestEmulator();
    const ignore = await connected(t, { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' });
    await changeSchema(t, ignore.sourceId, [{ op: 'add_column', stream: 'orders', column: 'note', type: 'string' }]);
    const quiet = await t.call('sources/discover_schema', { sourceId: ignore.sourceId, connectionId: ignore.connectionId, disable_cache: true });
    expect(quiet.body).toMatchObject({ breakingChange: false, connectionStatus: 'active' });
    expect((await t.call('connections/get', { connectionId: ignore.connectionId })).body).toMatchObject({ breakingChange: false, status: 'active' });

    const strict = await t.call('connections/create', {
      sourceId: ignore.sourceId,
      destinationId: ignore.destinationId,
      status: 'active',
      nonBreakingChangesPreference: 'disable',
      syncCatalog: { streams: [streamEntry('orders', { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' })] },
    });
    const disabled = await t.call('sources/discover_schema', { sourceId: ignore.sourceId, connectionId: strict.body.connectionId, disable_cache: true });
    expect(disabled.body).toMatchObject({ breakingChange: false, connectionStatus: 'inactive' });
    expect((await t.call('connections/get', { connectionId: strict.body.connectionId })).body.status).toBe('inactive');
  });

  it('served from the cache, a discovery with a connectionId has no diff and no side effect', async () => {
    const t = await startTestEmulator();
    const { sourceId, connectionId } = await connected(t, { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append' });
    await t.call('sources/discover_schema', { sourceId });
    await changeSchema(t, 'pg', [{ op: 'drop_column', stream: 'orders', column: 'updated_at' }]);
    const answer = await t.call('sources/discover_schema', { sourceId, connectionId });
    expect(answer.body.catalogDiff).toBeUndefined();
    expect(answer.body.jobInfo).toMatchObject({ configId: 'NoConfiguration' });
    expect((await t.call('connections/get', { connectionId })).body).toMatchObject({ breakingChange: false, status: 'active' });
  });

  it('an unknown connectionId is a 404 and changes nothing', async () => {
    const t = await startTestEmulator();
    const { sourceId } = await createActors(t);
    const answer = await t.call('sources/discover_schema', { sourceId, connectionId: '00000000-0000-0000-0000-00000000abcd', disable_cache: true });
    expect(answer.status).toBe(404);
    expect(t.emulator.state.discoveries).toEqual([]);
  });
});

describe('connections: schema-change notifications', () => {
  it('stores notifySchemaChanges and notifySchemaChangesByEmail on create and update, returns them in get and list (false when never set)', async () => {
    const t = await startTestEmulator();
    const ids = await createActors(t);
    const plain = await t.call('connections/create', { ...ids, status: 'active' });
    expect(plain.body).toMatchObject({ notifySchemaChanges: false, notifySchemaChangesByEmail: false, breakingChange: false });
    const created = await t.call('connections/create', { ...ids, status: 'active', notifySchemaChanges: true, notifySchemaChangesByEmail: false });
    const connectionId = created.body.connectionId as string;
    expect(created.body).toMatchObject({ notifySchemaChanges: true, notifySchemaChangesByEmail: false });
    const updated = await t.call('connections/update', { connectionId, notifySchemaChangesByEmail: true });
    expect(updated.body).toMatchObject({ notifySchemaChanges: true, notifySchemaChangesByEmail: true });
    expect((await t.call('connections/get', { connectionId })).body).toMatchObject({ notifySchemaChanges: true, notifySchemaChangesByEmail: true });
    const listed = (await t.call('connections/list', { workspaceId: DEFAULT_WORKSPACE_ID })).body.connections;
    expect(listed.find((connection: { connectionId: string }) => connection.connectionId === connectionId)).toMatchObject({
      notifySchemaChanges: true,
      notifySchemaChangesByEmail: true,
    });
    expect((await t.call('connections/update', { connectionId, notifySchemaChanges: 'yes' })).status).toBe(422);
  });
});
