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
    expect(error.hint).toContain('--workspace <id> or AIRBYTE_WORKSPACE=<id>');
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

describe('many workspaces, and servers that do not list them (Airbyte Cloud)', () => {
  const many = Array.from({ length: 300 }, (_, i) =>
    workspace(`Team ${String(i).padStart(3, '0')}`, `team-${i}`, `bbbbbbbb-0000-0000-0000-${String(i).padStart(12, '0')}`),
  );

  it('without a workspace named, names ten of hundreds, how many more, and how to pick one', async () => {
    byOrganization().reply(200, { workspaces: [...many].reverse() });
    const { client } = testClient();
    const error = await failure(client.resolveWorkspace());
    expect(error.message).toBe('Airbyte has 300 workspaces; say which one to use');
    expect(error.hint).toMatch(/^pass its id with --workspace <id> or AIRBYTE_WORKSPACE=<id>/);
    expect(error.hint).toContain(`'Team 000' (slug team-0, id ${many[0]!.workspaceId})`);
    expect(error.hint).toContain(`'Team 009' (slug team-9, id ${many[9]!.workspaceId})`);
    expect(error.hint).not.toContain("'Team 010'");
    expect(error.hint).toMatch(/, and 290 more$/);
    expect(error.hint!.length).toBeLessThan(1500);
  });

  it('an unknown name among hundreds lists a bounded few', async () => {
    byOrganization().reply(200, { workspaces: many });
    const { client } = testClient();
    const error = await failure(client.resolveWorkspace('Team 1000'));
    expect(error.hint).toMatch(/, and 290 more$/);
  });

  it('an empty listing says to pass the id', async () => {
    byOrganization().reply(200, { workspaces: [] });
    const { client } = testClient();
    const error = await failure(client.resolveWorkspace());
    expect(error.message).toBe('Airbyte has no workspace visible with these credentials');
    expect(error.hint).toMatch(/^pass its id with --workspace <id> or AIRBYTE_WORKSPACE=<id>/);
  });

  it('a workspace id needs no listing: only workspaces/get is sent', async () => {
    api().post('/api/v1/workspaces/get', { workspaceId: MARKETING.workspaceId }).reply(200, MARKETING);
    const { client } = testClient();
    expect((await client.resolveWorkspace(MARKETING.workspaceId)).name).toBe('Marketing');
    expect(client.stats().byCall).toEqual({ 'workspaces/get': 1 });
  });

  it.each([
    ['refused (403)', () => byOrganization().reply(403, { message: 'Forbidden' }), 'AUTH_FAILED', 403],
    [
      'not served (404 from both list calls)',
      () => {
        byOrganization().reply(404, { message: 'Organization not found' });
        api().post('/api/v1/workspaces/list').reply(404, { message: 'Not Found' });
      },
      'API_ERROR',
      404,
    ],
  ] as const)('a listing %s: says to name the workspace by id', async (_, mock, code, status) => {
    mock();
    const { client } = testClient();
    const error = await failure(client.resolveWorkspace());
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(/^no workspace was named, and the workspaces cannot be listed with these credentials \(workspaces\/list/);
    expect(error.hint).toContain('--workspace <id> or AIRBYTE_WORKSPACE=<id>');
    expect(error.hint).toContain('https://cloud.airbyte.com/workspaces/<id>/');
  });

  it('a name that needs a listing the server refuses says it is not an id', async () => {
    byOrganization().reply(403, { message: 'Forbidden' });
    const { client } = testClient();
    const error = await failure(client.resolveWorkspace('Marketing'));
    expect(error.message).toMatch(/^'Marketing' is not a workspace id, and the workspaces cannot be listed/);
  });

  it('an auth failure of the listing stays what it is', async () => {
    byOrganization().reply(401, '');
    const { client } = testClient();
    const error = await failure(client.resolveWorkspace());
    expect(error.message).toMatch(/^workspaces\/list_by_organization_id was not authenticated/);
  });
});
