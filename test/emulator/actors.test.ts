import { describe, expect, it } from 'vitest';
import { SECRET_MASK } from '../../src/api/types.js';
import { createActors, DEFAULT_WORKSPACE_ID, PG_SOURCE_ID, pgConfig, S3_DESTINATION_ID, s3Config, startTestEmulator, type TestEmulator } from './helpers.js';

async function createSource(t: TestEmulator, connectionConfiguration = pgConfig(), name = 'pg') {
  return t.call('sources/create', { sourceDefinitionId: PG_SOURCE_ID, workspaceId: DEFAULT_WORKSPACE_ID, name, connectionConfiguration });
}

function storedSource(t: TestEmulator, id: string) {
  return t.emulator.state.sources.find((source) => source.id === id);
}

describe('sources and destinations: create, get, masking', () => {
  it('creates a source, masks its secret in every read, stores it unmasked', async () => {
    const t = await startTestEmulator();
    const created = await createSource(t);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ sourceDefinitionId: PG_SOURCE_ID, workspaceId: DEFAULT_WORKSPACE_ID, name: 'pg', sourceName: 'Postgres' });
    expect(typeof created.body.createdAt).toBe('number');
    expect(created.body.createdAt).toBeLessThan(Date.now() / 100); // epoch seconds, not milliseconds
    expect(created.body.connectionConfiguration.password).toBe(SECRET_MASK);
    const read = await t.call('sources/get', { sourceId: created.body.sourceId });
    expect(read.body.connectionConfiguration).toEqual({ ...pgConfig(), password: SECRET_MASK });
    expect(storedSource(t, created.body.sourceId)?.configuration['password']).toBe('pg-secret');
  });

  it('every read after an update, a rename or a delete shows it, however often the actor was read before', async () => {
    const t = await startTestEmulator();
    const created = await createSource(t);
    const sourceId = created.body.sourceId as string;
    const listed = async () => (await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID })).body.sources;
    for (let i = 0; i < 3; i++) expect((await listed())[0]).toEqual(created.body);
    await t.call('sources/partial_update', { sourceId, connectionConfiguration: { port: 6543 } });
    expect((await listed())[0].connectionConfiguration).toEqual({ ...pgConfig(), port: 6543, password: SECRET_MASK });
    await t.call('sources/update', { sourceId, name: 'pg-renamed', connectionConfiguration: { ...pgConfig(), password: SECRET_MASK } });
    expect((await t.call('sources/get', { sourceId })).body).toMatchObject({ name: 'pg-renamed', connectionConfiguration: { port: 5432 } });
    expect((await listed()).map((source: { name: string }) => source.name)).toEqual(['pg-renamed']);
    await t.call('sources/delete', { sourceId });
    expect(await listed()).toEqual([]);
  });

  it('masks secrets inside oneOf branches and leaves an absent secret absent', async () => {
    const t = await startTestEmulator();
    const tunnel = { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'bastion', tunnel_user: 'me', ssh_key: 'PRIVATE KEY' };
    const { password: _omitted, ...withoutPassword } = pgConfig({ tunnel_method: tunnel });
    const created = await createSource(t, withoutPassword);
    expect(created.status).toBe(200);
    expect(created.body.connectionConfiguration.tunnel_method).toEqual({ ...tunnel, ssh_key: SECRET_MASK });
    expect('password' in created.body.connectionConfiguration).toBe(false);
  });

  it('create stores a sent mask literally', async () => {
    const t = await startTestEmulator();
    const created = await createSource(t, pgConfig({ password: SECRET_MASK }));
    expect(storedSource(t, created.body.sourceId)?.configuration['password']).toBe(SECRET_MASK);
  });

  it('rejects a configuration that does not fulfil the spec with a readable 422', async () => {
    const t = await startTestEmulator();
    const { host: _host, ...withoutHost } = pgConfig();
    const answer = await createSource(t, withoutHost);
    expect(answer.status).toBe(422);
    expect(answer.body.message).toMatch(/^The provided configuration does not fulfill the specification\. Errors: .*host/);
    expect(t.emulator.state.sources).toHaveLength(0);
  });

  it('answers 404 for an unknown definition and 400 for missing fields', async () => {
    const t = await startTestEmulator();
    const unknown = await t.call('sources/create', {
      sourceDefinitionId: '6f1ee7a4-0000-4000-8000-000000000000',
      workspaceId: DEFAULT_WORKSPACE_ID,
      name: 'x',
      connectionConfiguration: {},
    });
    expect(unknown.status).toBe(404);
    expect((await t.call('sources/create', { name: 'x' })).status).toBe(400);
    expect((await t.call('destinations/get', {})).status).toBe(400);
  });
});

describe('full update, partial update', () => {
  it('update: a mask at a secret path keeps the stored secret', async () => {
    const t = await startTestEmulator();
    const { sourceId } = (await createSource(t)).body;
    const answer = await t.call('sources/update', { sourceId, name: 'pg2', connectionConfiguration: pgConfig({ password: SECRET_MASK, host: 'db2' }) });
    expect(answer.status).toBe(200);
    expect(answer.body.name).toBe('pg2');
    expect(storedSource(t, sourceId)?.configuration).toMatchObject({ host: 'db2', password: 'pg-secret' });
  });

  it('update: an omitted secret is deleted', async () => {
    const t = await startTestEmulator();
    const { sourceId } = (await createSource(t)).body;
    const { password: _omitted, ...withoutPassword } = pgConfig();
    await t.call('sources/update', { sourceId, name: 'pg', connectionConfiguration: withoutPassword });
    expect(storedSource(t, sourceId)?.configuration).not.toHaveProperty('password');
  });

  it('update: keeps a oneOf secret while the branch matches, stores the mask literally after a branch switch', async () => {
    const t = await startTestEmulator();
    const keyTunnel = { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'bastion', tunnel_user: 'me', ssh_key: 'PRIVATE KEY' };
    const { sourceId } = (await createSource(t, pgConfig({ tunnel_method: keyTunnel }))).body;
    await t.call('sources/update', {
      sourceId,
      name: 'pg',
      connectionConfiguration: pgConfig({ password: SECRET_MASK, tunnel_method: { ...keyTunnel, ssh_key: SECRET_MASK } }),
    });
    expect(storedSource(t, sourceId)?.configuration['tunnel_method']).toMatchObject({ ssh_key: 'PRIVATE KEY' });
    const passwordTunnel = { tunnel_method: 'SSH_PASSWORD_AUTH', tunnel_host: 'bastion', tunnel_user: 'me', tunnel_user_password: SECRET_MASK };
    await t.call('sources/update', { sourceId, name: 'pg', connectionConfiguration: pgConfig({ password: SECRET_MASK, tunnel_method: passwordTunnel }) });
    expect(storedSource(t, sourceId)?.configuration['tunnel_method']).toEqual(passwordTunnel);
  });

  it('partial_update deep-merges and stores a sent mask literally', async () => {
    const t = await startTestEmulator();
    const { destinationId } = (
      await t.call('destinations/create', {
        destinationDefinitionId: S3_DESTINATION_ID,
        workspaceId: DEFAULT_WORKSPACE_ID,
        name: 's3',
        connectionConfiguration: s3Config(),
      })
    ).body;
    const answer = await t.call('destinations/partial_update', {
      destinationId,
      connectionConfiguration: { secret_access_key: SECRET_MASK, format: { compression_codec: 'GZIP' } },
    });
    expect(answer.status).toBe(200);
    const stored = t.emulator.state.destinations[0]?.configuration;
    expect(stored).toMatchObject({ secret_access_key: SECRET_MASK, access_key_id: 'AKIA-test', format: { format_type: 'Parquet', compression_codec: 'GZIP' } });
  });

  it('validates the merged configuration of a partial_update (422) and leaves the stored one alone', async () => {
    const t = await startTestEmulator();
    const { sourceId } = (await createSource(t)).body;
    const answer = await t.call('sources/partial_update', { sourceId, connectionConfiguration: { port: 'not a number' } });
    expect(answer.status).toBe(422);
    expect(storedSource(t, sourceId)?.configuration['port']).toBe(5432);
  });
});

describe('list, delete, check, discover', () => {
  it('current flavor pages sources/list by cursor (default 20, cursor = last id)', async () => {
    const t = await startTestEmulator();
    for (let i = 0; i < 25; i++) await createSource(t, pgConfig(), `pg-${String(i).padStart(2, '0')}`);
    const first = await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID });
    expect(first.body.sources).toHaveLength(20);
    expect(first.body.num_connections).toBe(25);
    const cursor = first.body.sources[19].sourceId;
    const second = await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID, cursor });
    expect(second.body.sources.map((source: { name: string }) => source.name)).toEqual(['pg-20', 'pg-21', 'pg-22', 'pg-23', 'pg-24']);
    const small = await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID, pageSize: 3 });
    expect(small.body.sources).toHaveLength(3);
  });

  it('a listing follows writes made between its pages: new, renamed and deleted sources', async () => {
    const t = await startTestEmulator();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await createSource(t, pgConfig(), `pg-${String(i).padStart(2, '0')}`)).body.sourceId);
    const names = (answer: { body: { sources: { name: string }[] } }) => answer.body.sources.map((source) => source.name);
    const first = await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID, pageSize: 10 });
    expect(names(first)).toEqual(Array.from({ length: 10 }, (_, i) => `pg-0${i}`));
    await createSource(t, pgConfig(), 'pg-05a');
    expect((await t.call('sources/partial_update', { sourceId: ids[15], name: 'zz' })).status).toBe(200);
    expect((await t.call('sources/delete', { sourceId: ids[12] })).status).toBe(204);
    const second = await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID, pageSize: 10, cursor: ids[9] });
    expect(names(second)).toEqual(['pg-10', 'pg-11', 'pg-13', 'pg-14', 'pg-16', 'pg-17', 'pg-18', 'pg-19', 'pg-20', 'pg-21']);
    expect(second.body.num_connections).toBe(30);
    expect((await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID, cursor: ids[12] })).status).toBe(404);
    const search = await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID, sortKey: 'actorName_desc', filters: { searchTerm: 'PG-2' } });
    expect(names(search)).toEqual(['pg-29', 'pg-28', 'pg-27', 'pg-26', 'pg-25', 'pg-24', 'pg-23', 'pg-22', 'pg-21', 'pg-20']);
    const last = await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID, pageSize: 10, cursor: ids[29] });
    expect(names(last)).toEqual(['zz']);
  });

  it('flavor 1.6 returns every source in one answer', async () => {
    const t = await startTestEmulator({ flavor: '1.6' });
    for (let i = 0; i < 25; i++) await createSource(t, pgConfig(), `pg-${i}`);
    const all = await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID });
    expect(all.body.sources).toHaveLength(25);
    expect(all.body.sources[0].connectionConfiguration.password).toBe(SECRET_MASK);
  });

  it('delete answers 204 with an empty body, hides the actor and deletes its connections', async () => {
    const t = await startTestEmulator();
    const { sourceId, destinationId } = await createActors(t);
    const connection = await t.call('connections/create', { sourceId, destinationId, status: 'active' });
    const deleted = await t.call('sources/delete', { sourceId });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await t.call('sources/get', { sourceId })).status).toBe(404);
    expect((await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID })).body.sources).toEqual([]);
    expect((await t.call('connections/list', { workspaceId: DEFAULT_WORKSPACE_ID })).body.connections).toEqual([]);
    expect((await t.call('connections/get', { connectionId: connection.body.connectionId })).body.status).toBe('deprecated');
    expect((await t.call('sources/update', { sourceId, name: 'x', connectionConfiguration: pgConfig() })).status).toBe(404);
  });

  it('check_connection answers 200 with status failed for a configuration that cannot work', async () => {
    const t = await startTestEmulator();
    const good = (await createSource(t)).body.sourceId;
    const bad = (await createSource(t, pgConfig({ host: 'unreachable' }), 'bad')).body.sourceId;
    const succeeded = await t.call('sources/check_connection', { sourceId: good });
    expect(succeeded.status).toBe(200);
    expect(succeeded.body).toMatchObject({ status: 'succeeded', jobInfo: { configType: 'check_connection_source', succeeded: true } });
    const failed = await t.call('sources/check_connection', { sourceId: bad });
    expect(failed.status).toBe(200);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.message).toContain('unreachable');
  });

  it('check_connection_for_update resolves masks from the stored config and stores nothing', async () => {
    const t = await startTestEmulator();
    const { destinationId } = await createActors(t);
    const answer = await t.call('destinations/check_connection_for_update', {
      destinationId,
      name: 's3',
      connectionConfiguration: s3Config({ s3_bucket_name: 'unreachable', secret_access_key: SECRET_MASK }),
    });
    expect(answer.body.status).toBe('failed');
    expect(t.emulator.state.destinations[0]?.configuration['s3_bucket_name']).toBe('datalake');
    const destinationCheck = await t.call('destinations/check_connection', { destinationId });
    expect(destinationCheck.body.status).toBe('succeeded');
  });

  it('discover_schema returns the connector catalog with a jobInfo', async () => {
    const t = await startTestEmulator();
    const { sourceId } = await createActors(t);
    const answer = await t.call('sources/discover_schema', { sourceId });
    expect(answer.status).toBe(200);
    expect(answer.body.catalog.streams.map((entry: { stream: { name: string } }) => entry.stream.name)).toEqual(['customers', 'orders', 'products']);
    expect(answer.body.jobInfo.configType).toBe('discover_schema');
    expect((await t.call('sources/discover_schema', { sourceId: '00000000-0000-4000-8000-000000000001' })).status).toBe(404);
  });
});
