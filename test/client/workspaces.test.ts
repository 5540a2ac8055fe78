import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANIZATION_ID } from '../../src/api/types.js';
import { api, failure, testClient, useNock } from './helpers.js';

useNock();

function workspace(name: string, slug: string, id: string) {
  return { workspaceId: id, organizationId: DEFAULT_ORGANIZATION_ID, customerId: 'c', name, slug, initialSetupComplete: true };
}
const ANALYTICS = workspace('Analytics', 'analytics', 'aaaaaaaa-0000-0000-0000-000000000001');
const MARKETING = workspace('Marketing', 'mkt', 'aaaaaaaa-0000-0000-0000-000000000002');
const byOrganization = () => api().post('/api/v1/workspaces/list_by_organization_id', { organizationId: DEFAULT_ORGANIZATION_ID });

describe('listing workspaces on any server version', () => {
  it('uses list_by_organization_id with the default organization, and keeps using it', async () => {
    byOrganization()
      .twice()
      .reply(200, { workspaces: [ANALYTICS, MARKETING] });
    const { client } = testClient();
    expect((await client.listWorkspaces()).map((w) => w.name)).toEqual(['Analytics', 'Marketing']);
    expect(await client.listWorkspaces()).toHaveLength(2);
  });

  it('falls back to workspaces/list on a 404, and remembers it', async () => {
    byOrganization().reply(404, '<html><body><h1>Not Found</h1></body></html>');
    api()
      .post('/api/v1/workspaces/list')
      .twice()
      .reply(200, { workspaces: [ANALYTICS] });
    const { client } = testClient();
    expect((await client.listWorkspaces()).map((w) => w.slug)).toEqual(['analytics']);
    expect((await client.listWorkspaces()).map((w) => w.slug)).toEqual(['analytics']);
    expect(client.stats().byCall).toEqual({ 'workspaces/list_by_organization_id': 1, 'workspaces/list': 2 });
  });

  it('does not fall back on an auth failure', async () => {
    byOrganization().reply(401, '');
    const { client } = testClient();
    expect((await failure(client.listWorkspaces())).code).toBe('AUTH_FAILED');
  });

  it('gets a workspace by slug', async () => {
    api().post('/api/v1/workspaces/get_by_slug', { slug: 'mkt' }).reply(200, MARKETING);
    const { client } = testClient();
    expect((await client.getWorkspaceBySlug('mkt')).workspaceId).toBe(MARKETING.workspaceId);
  });
});

describe('resolveWorkspace', () => {
  it('gets a uuid directly', async () => {
    api().post('/api/v1/workspaces/get', { workspaceId: MARKETING.workspaceId }).reply(200, MARKETING);
    const { client } = testClient();
    expect((await client.resolveWorkspace(MARKETING.workspaceId)).name).toBe('Marketing');
  });

  it('says a uuid that does not exist is not found', async () => {
    api().post('/api/v1/workspaces/get').reply(404, { errorId: 'e1' });
    const { client } = testClient();
    const error = await failure(client.resolveWorkspace(MARKETING.workspaceId));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(MARKETING.workspaceId);
  });

  it.each([
    ['a name', 'Marketing'],
    ['a slug', 'mkt'],
  ])('matches %s among the list', async (_, wanted) => {
    byOrganization().reply(200, { workspaces: [ANALYTICS, MARKETING] });
    const { client } = testClient();
    expect((await client.resolveWorkspace(wanted)).workspaceId).toBe(MARKETING.workspaceId);
  });

  it('takes the only workspace when none is named', async () => {
    byOrganization().reply(200, { workspaces: [ANALYTICS] });
    const { client } = testClient();
    expect((await client.resolveWorkspace()).name).toBe('Analytics');
  });

  it('asks which one when none is named and there are several, listing them', async () => {
    byOrganization().reply(200, { workspaces: [ANALYTICS, MARKETING] });
    const { client } = testClient();
    const error = await failure(client.resolveWorkspace());
    expect(error.code).toBe('USAGE');
    expect(error.message).toBe('Airbyte has 2 workspaces; say which one to use');
    expect(error.hint).toContain(`'Analytics' (slug analytics, id ${ANALYTICS.workspaceId})`);
    expect(error.hint).toContain(`'Marketing' (slug mkt, id ${MARKETING.workspaceId})`);
  });

  it('refuses to guess between two workspaces with the same name', async () => {
    const twin = workspace('Marketing', 'marketing-2', 'aaaaaaaa-0000-0000-0000-000000000003');
    byOrganization().reply(200, { workspaces: [ANALYTICS, MARKETING, twin] });
    const { client } = testClient();
    const error = await failure(client.resolveWorkspace('Marketing'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(MARKETING.workspaceId);
    expect(error.message).toContain(twin.workspaceId);
  });

  it('suggests the closest name for an unknown one', async () => {
    byOrganization().reply(200, { workspaces: [ANALYTICS, MARKETING] });
    const { client } = testClient();
    const error = await failure(client.resolveWorkspace('Marketting'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe("no workspace is named 'Marketting' (did you mean 'Marketing'?)");
  });
});
