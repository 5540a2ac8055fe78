/**
 * Changing a source's schema while the emulator runs: POST /_emulator/schema (checked, persisted, applied on top of the
 * connector's or the --catalogs discovery) and a --catalogs file read again when it changes on disk.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { tempDir } from '../temp.js';
import { createActors, DEFAULT_WORKSPACE_ID, PG_SOURCE_ID, pgConfig, request, startTestEmulator, type TestEmulator } from './helpers.js';

async function post(t: TestEmulator, body: unknown, headers: Record<string, string> = {}) {
  return request(`${t.origin}/_emulator/schema`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function discover(t: TestEmulator, sourceId: string) {
  const answer = await t.call('sources/discover_schema', { sourceId, disable_cache: true });
  expect(answer.status).toBe(200);
  return answer.body.catalog.streams as { stream: { name: string; namespace?: string; jsonSchema: JsonObject } & JsonObject; config: JsonObject }[];
}

const find = (streams: Awaited<ReturnType<typeof discover>>, name: string) => streams.find(({ stream }) => stream.name === name);

describe('POST /_emulator/schema', () => {
  it('applies each kind of change, in order, to what the source discovers', async () => {
    const t = await startTestEmulator();
    const { sourceId } = await createActors(t);
    const answer = await post(t, {
      source: 'pg',
      changes: [
        { op: 'add_stream', stream: 'invoices', namespace: 'public', columns: { id: 'integer', total: 'number' }, primaryKey: [['id']] },
        { op: 'drop_stream', stream: 'products' },
        { op: 'add_column', stream: 'orders', column: 'note', type: 'string' },
        { op: 'drop_column', stream: 'customers', column: 'updated_at' },
        { op: 'change_column_type', stream: 'orders', column: 'id', type: { type: 'string', format: 'uuid' } },
        { op: 'set_primary_key', stream: 'orders', primaryKey: [['id'], ['note']] },
        { op: 'set_cursor', stream: 'orders', cursorField: ['updated_at'] },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ sourceId, source: 'pg', streams: ['public.customers', 'public.orders', 'public.invoices'] });
    expect(answer.body.changes).toHaveLength(7);

    const streams = await discover(t, sourceId);
    expect(streams.map(({ stream }) => stream.name)).toEqual(['customers', 'orders', 'invoices']);
    expect(find(streams, 'invoices')?.stream).toMatchObject({
      namespace: 'public',
      jsonSchema: { type: 'object', properties: { id: { type: 'integer' }, total: { type: 'number' } } },
      sourceDefinedPrimaryKey: [['id']],
      supportedSyncModes: ['full_refresh', 'incremental'],
    });
    expect(Object.keys(find(streams, 'customers')?.stream.jsonSchema['properties'] as JsonObject)).toEqual(['id']);
    const orders = find(streams, 'orders');
    expect(orders?.stream.jsonSchema['properties']).toEqual({
      id: { type: 'string', format: 'uuid' },
      updated_at: { type: 'string', format: 'date-time' },
      note: { type: 'string' },
    });
    expect(orders?.stream).toMatchObject({ sourceDefinedPrimaryKey: [['id'], ['note']], sourceDefinedCursor: true, defaultCursorField: ['updated_at'] });
    // The default configuration follows the new metadata: a source-defined cursor and key → incremental + append_dedup.
    expect(orders?.config).toMatchObject({
      syncMode: 'incremental',
      destinationSyncMode: 'append_dedup',
      cursorField: ['updated_at'],
      primaryKey: [['id'], ['note']],
    });

    // Connections are checked against the changed catalog too.
    const ids = { sourceId, destinationId: (await t.call('destinations/list', { workspaceId: DEFAULT_WORKSPACE_ID })).body.destinations[0].destinationId };
    const products = {
      stream: { name: 'products', namespace: 'public' },
      config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true },
    };
    expect((await t.call('connections/create', { ...ids, status: 'active', syncCatalog: { streams: [products] } })).status).toBe(422);
  });

  it('accumulates across calls, shows the changes at GET /_emulator/schema, and `replace: true` starts over', async () => {
    const t = await startTestEmulator();
    const { sourceId } = await createActors(t);
    await post(t, { source: sourceId, changes: [{ op: 'drop_stream', stream: 'products' }] });
    await post(t, { source: 'pg', changes: [{ op: 'drop_stream', stream: 'customers' }] });
    expect((await discover(t, sourceId)).map(({ stream }) => stream.name)).toEqual(['orders']);
    const listed = await request(`${t.origin}/_emulator/schema`);
    expect(listed.body).toEqual({
      sources: [
        {
          sourceId,
          source: 'pg',
          changes: [
            { op: 'drop_stream', stream: 'products' },
            { op: 'drop_stream', stream: 'customers' },
          ],
        },
      ],
    });
    await post(t, { source: 'pg', replace: true, changes: [{ op: 'add_column', stream: 'products', column: 'sku', type: 'string' }] });
    expect((await discover(t, sourceId)).map(({ stream }) => stream.name)).toEqual(['customers', 'orders', 'products']);
    await post(t, { source: 'pg', changes: [{ op: 'drop_stream', stream: 'orders' }] });
    // `replace` with no changes: back to what the connector discovers.
    await post(t, { source: 'pg', replace: true, changes: [] });
    expect((await request(`${t.origin}/_emulator/schema`)).body).toEqual({ sources: [] });
    expect((await discover(t, sourceId)).map(({ stream }) => stream.name)).toEqual(['customers', 'orders', 'products']);
  });

  it('refuses what does not apply with a message naming the source and the stream, and keeps nothing of the request', async () => {
    const t = await startTestEmulator();
    const { sourceId } = await createActors(t);
    const cases: [unknown, number, string][] = [
      [{ source: 'nope', changes: [{ op: 'drop_stream', stream: 'orders' }] }, 404, "no source named 'nope'"],
      [{ changes: [{ op: 'drop_stream', stream: 'orders' }] }, 400, '"source"'],
      [{ source: 'pg', changes: [] }, 400, '"changes"'],
      [{ source: 'pg', changes: [{ op: 'rename_stream', stream: 'orders' }] }, 422, '"op" must be one of'],
      [{ source: 'pg', changes: [{ op: 'drop_stream', stream: 'invoices' }] }, 422, "source 'pg': drop_stream 'invoices': no such stream"],
      [{ source: 'pg', changes: [{ op: 'drop_column', stream: 'orders', column: 'total' }] }, 422, "source 'pg': drop_column 'orders': no column 'total'"],
      [{ source: 'pg', changes: [{ op: 'add_column', stream: 'orders', column: 'id', type: 'integer' }] }, 422, "column 'id' already exists"],
      [{ source: 'pg', changes: [{ op: 'add_column', stream: 'orders', column: 'x', type: 'varchar' }] }, 422, '"type" must be one of'],
      [{ source: 'pg', changes: [{ op: 'add_stream', stream: 'orders', namespace: 'public' }] }, 422, 'already exists'],
      [{ source: 'pg', changes: [{ op: 'set_primary_key', stream: 'orders', primaryKey: 'id' }] }, 422, '"primaryKey" must be a list'],
      [{ source: 'pg', changes: [{ op: 'drop_stream', stream: 'orders', namespace: 'sales' }] }, 422, "drop_stream 'sales.orders': no such stream"],
    ];
    for (const [body, status, message] of cases) {
      const answer = await post(t, body);
      expect({ status: answer.status, message: answer.body.message }).toEqual({ status, message: expect.stringContaining(message) });
    }
    // A request whose second change fails keeps nothing of the first.
    expect(
      (
        await post(t, {
          source: 'pg',
          changes: [
            { op: 'drop_stream', stream: 'orders' },
            { op: 'drop_stream', stream: 'orders' },
          ],
        })
      ).status,
    ).toBe(422);
    expect((await discover(t, sourceId)).map(({ stream }) => stream.name)).toEqual(['customers', 'orders', 'products']);
    expect((await request(`${t.origin}/_emulator/schema`)).body).toEqual({ sources: [] });
  });

  it('a name two sources share is refused (409): give the id', async () => {
    const t = await startTestEmulator();
    await createActors(t);
    await t.call('sources/create', { sourceDefinitionId: PG_SOURCE_ID, workspaceId: DEFAULT_WORKSPACE_ID, name: 'pg', connectionConfiguration: pgConfig() });
    const answer = await post(t, { source: 'pg', changes: [{ op: 'drop_stream', stream: 'orders' }] });
    expect(answer.status).toBe(409);
    expect(answer.body.message).toContain("2 sources are named 'pg'");
  });

  it('POST /_emulator/reset forgets them', async () => {
    const t = await startTestEmulator();
    await createActors(t);
    await post(t, { source: 'pg', changes: [{ op: 'drop_stream', stream: 'products' }] });
    expect((await request(`${t.origin}/_emulator/reset`, { method: 'POST' })).status).toBe(204);
    expect((await request(`${t.origin}/_emulator/schema`)).body).toEqual({ sources: [] });
    const { sourceId } = await createActors(t);
    expect((await discover(t, sourceId)).map(({ stream }) => stream.name)).toEqual(['customers', 'orders', 'products']);
  });

  it('is kept in the --data file', async () => {
    const dataFile = join(tempDir(), 'state.json');
    const first = await startTestEmulator({ dataFile });
    const { sourceId } = await createActors(first);
    await post(first, { source: 'pg', changes: [{ op: 'drop_stream', stream: 'products' }] });
    await first.emulator.stop();
    const second = await startTestEmulator({ dataFile });
    expect((await discover(second, sourceId)).map(({ stream }) => stream.name)).toEqual(['customers', 'orders']);
  });

  it('needs the same credentials as the other /_emulator endpoints', async () => {
    const t = await startTestEmulator({ auth: { mode: 'basic', username: 'airbyte', password: 'password' } });
    const body = { source: 'pg', changes: [{ op: 'drop_stream', stream: 'orders' }] };
    expect((await post(t, body)).status).toBe(401);
    expect((await request(`${t.origin}/_emulator/schema`)).status).toBe(401);
    const right = { authorization: `Basic ${Buffer.from('airbyte:password').toString('base64')}` };
    expect((await post(t, body, right)).status).toBe(404); // authenticated; there is no source yet
  });
});

describe('--catalogs file changed while the emulator runs', () => {
  const streams = (...names: string[]) => `pg:\n${names.map((name) => `  - name: ${name}\n    namespace: app\n`).join('')}`;

  it('is read again, schema changes still apply on top, and a broken version answers 500 naming file:line until fixed', async () => {
    const file = join(tempDir(), 'catalogs.yaml');
    writeFileSync(file, streams('events'));
    const t = await startTestEmulator({ catalogsFile: file });
    const { sourceId } = await createActors(t);
    expect((await discover(t, sourceId)).map(({ stream }) => stream.name)).toEqual(['events']);
    await post(t, { source: 'pg', changes: [{ op: 'add_column', stream: 'events', column: 'kind', type: 'string' }] });

    writeFileSync(file, streams('events', 'sessions'));
    const changed = await discover(t, sourceId);
    expect(changed.map(({ stream }) => stream.name)).toEqual(['events', 'sessions']);
    expect(find(changed, 'events')?.stream.jsonSchema['properties']).toEqual({ kind: { type: 'string' } });

    writeFileSync(file, 'pg:\n  - namespace: app\n');
    const broken = await t.call('sources/discover_schema', { sourceId, disable_cache: true });
    expect(broken.status).toBe(500);
    expect(broken.body.message).toMatch(/catalogs\.yaml:2:5: source 'pg': a stream needs a "name"/);

    writeFileSync(file, streams('page_views'));
    expect((await discover(t, sourceId)).map(({ stream }) => stream.name)).toEqual(['page_views']);
  });

  it('an edited entry is a new connector version: the cache does not serve the old catalog (unlike a schema change)', async () => {
    const file = join(tempDir(), 'catalogs.yaml');
    writeFileSync(file, streams('events'));
    const t = await startTestEmulator({ catalogsFile: file });
    const { sourceId } = await createActors(t);
    await t.call('sources/discover_schema', { sourceId });
    writeFileSync(file, streams('events', 'sessions'));
    const answer = await t.call('sources/discover_schema', { sourceId });
    expect(answer.body.catalog.streams.map(({ stream }: { stream: { name: string } }) => stream.name)).toEqual(['events', 'sessions']);
  });
});
