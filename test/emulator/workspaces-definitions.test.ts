import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANIZATION_ID } from '../../src/api/types.js';
import { DEFAULT_WORKSPACE_ID, PG_SOURCE_ID, request, S3_DESTINATION_ID, startTestEmulator } from './helpers.js';

describe('health and workspaces', () => {
  it('GET health answers {available: true}', async () => {
    const t = await startTestEmulator();
    const answer = await request(`${t.url}/health`);
    expect(answer).toMatchObject({ status: 200, body: { available: true } });
  });

  it('lists the default workspace by organization, gets it by id and slug', async () => {
    const t = await startTestEmulator();
    const list = await t.call('workspaces/list_by_organization_id', { organizationId: DEFAULT_ORGANIZATION_ID });
    expect(list.status).toBe(200);
    expect(list.body.workspaces).toEqual([
      expect.objectContaining({
        workspaceId: DEFAULT_WORKSPACE_ID,
        organizationId: DEFAULT_ORGANIZATION_ID,
        name: 'Default Workspace',
        slug: 'default',
        initialSetupComplete: true,
        customerId: expect.any(String),
      }),
    ]);
    expect((await t.call('workspaces/get', { workspaceId: DEFAULT_WORKSPACE_ID })).body.slug).toBe('default');
    expect((await t.call('workspaces/get_by_slug', { slug: 'default' })).body.workspaceId).toBe(DEFAULT_WORKSPACE_ID);
    expect((await t.call('workspaces/get_by_slug', { slug: 'nope' })).status).toBe(404);
    expect((await t.call('workspaces/get', {})).status).toBe(400);
  });

  it('serves workspaces/list only in flavor 1.6', async () => {
    const current = await startTestEmulator();
    expect((await current.call('workspaces/list', {})).status).toBe(404);
    const legacy = await startTestEmulator({ flavor: '1.6' });
    const answer = await legacy.call('workspaces/list', {});
    expect(answer.status).toBe(200);
    expect(answer.body.workspaces[0].workspaceId).toBe(DEFAULT_WORKSPACE_ID);
  });
});

describe('definitions and specifications', () => {
  it('lists and gets source and destination definitions', async () => {
    const t = await startTestEmulator();
    const sources = await t.call('source_definitions/list');
    expect(sources.body.sourceDefinitions).toEqual([
      expect.objectContaining({ sourceDefinitionId: PG_SOURCE_ID, name: 'Postgres', dockerRepository: 'airbyte/source-postgres', sourceType: 'database' }),
    ]);
    expect((await t.call('source_definitions/list_for_workspace', { workspaceId: DEFAULT_WORKSPACE_ID })).body).toEqual(sources.body);
    expect((await t.call('source_definitions/get', { sourceDefinitionId: PG_SOURCE_ID })).body.name).toBe('Postgres');
    const destinations = await t.call('destination_definitions/list');
    expect(destinations.body.destinationDefinitions.map((definition: { name: string }) => definition.name)).toEqual(['S3', 'Postgres']);
    expect((await t.call('destination_definitions/list_for_workspace', { workspaceId: DEFAULT_WORKSPACE_ID })).body).toEqual(destinations.body);
    const s3 = await t.call('destination_definitions/get', { destinationDefinitionId: S3_DESTINATION_ID });
    expect(s3.body).toMatchObject({ name: 'S3', documentationUrl: expect.stringContaining('s3') });
    expect((await t.call('destination_definitions/get', { destinationDefinitionId: PG_SOURCE_ID })).status).toBe(404);
  });

  it('serves connector specifications with a jobInfo; destinations list their sync modes', async () => {
    const t = await startTestEmulator();
    const source = await t.call('source_definition_specifications/get', { sourceDefinitionId: PG_SOURCE_ID, workspaceId: DEFAULT_WORKSPACE_ID });
    expect(source.body.connectionSpecification.properties.password.airbyte_secret).toBe(true);
    expect(source.body.jobInfo).toMatchObject({ configType: 'get_spec', succeeded: true });
    const destination = await t.call('destination_definition_specifications/get', {
      destinationDefinitionId: S3_DESTINATION_ID,
      workspaceId: DEFAULT_WORKSPACE_ID,
    });
    expect(destination.body.supportedDestinationSyncModes).toEqual(['overwrite', 'append']);
    expect((await t.call('source_definition_specifications/get', { sourceDefinitionId: PG_SOURCE_ID })).status).toBe(400);
  });
});
