import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE_ID, PG_SOURCE_ID, pgConfig, S3_DESTINATION_ID, s3Config, startTestEmulator } from './helpers.js';

describe('scheduler/*/check_connection: checking a configuration before it is stored', () => {
  it('checks a new source configuration, 200 with status succeeded or failed, and stores nothing', async () => {
    const t = await startTestEmulator();
    const body = { sourceDefinitionId: PG_SOURCE_ID, workspaceId: DEFAULT_WORKSPACE_ID, connectionConfiguration: pgConfig() };
    const good = await t.call('scheduler/sources/check_connection', body);
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ status: 'succeeded', jobInfo: { configType: 'check_connection_source', succeeded: true } });
    const bad = await t.call('scheduler/sources/check_connection', { ...body, connectionConfiguration: pgConfig({ host: 'unreachable' }) });
    expect(bad.status).toBe(200);
    expect(bad.body.status).toBe('failed');
    expect(bad.body.message).toContain('unreachable');
    expect(t.emulator.state.sources).toHaveLength(0);
  });

  it('checks a new destination configuration', async () => {
    const t = await startTestEmulator();
    const body = {
      destinationDefinitionId: S3_DESTINATION_ID,
      workspaceId: DEFAULT_WORKSPACE_ID,
      connectionConfiguration: s3Config({ s3_bucket_name: 'unreachable' }),
    };
    const answer = await t.call('scheduler/destinations/check_connection', body);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'failed', jobInfo: { configType: 'check_connection_destination' } });
    expect(t.emulator.state.destinations).toHaveLength(0);
  });

  it('rejects a missing field (400), an unknown definition (404) and a configuration that does not fit the spec (422)', async () => {
    const t = await startTestEmulator();
    expect((await t.call('scheduler/sources/check_connection', { workspaceId: DEFAULT_WORKSPACE_ID, connectionConfiguration: pgConfig() })).status).toBe(400);
    const unknown = { sourceDefinitionId: '00000000-0000-0000-0000-00000000abcd', workspaceId: DEFAULT_WORKSPACE_ID, connectionConfiguration: pgConfig() };
    expect((await t.call('scheduler/sources/check_connection', unknown)).status).toBe(404);
    const { host: _host, ...withoutHost } = pgConfig();
    const invalid = { sourceDefinitionId: PG_SOURCE_ID, workspaceId: DEFAULT_WORKSPACE_ID, connectionConfiguration: withoutHost };
    expect((await t.call('scheduler/sources/check_connection', invalid)).status).toBe(422);
  });
});
