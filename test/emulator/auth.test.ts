import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANIZATION_ID } from '../../src/api/types.js';
import { pollUntil, request, startTestEmulator } from './helpers.js';

const body = { organizationId: DEFAULT_ORGANIZATION_ID };

describe('basic auth (the old proxy)', () => {
  it('401 with an HTML page without credentials or with wrong ones, 200 with the right ones; health is open', async () => {
    const t = await startTestEmulator({ auth: { mode: 'basic', username: 'airbyte', password: 'password' } });
    const anonymous = await t.call('workspaces/list_by_organization_id', body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).toContain('<html>');
    const wrong = await t.call('workspaces/list_by_organization_id', body, { authorization: `Basic ${Buffer.from('airbyte:nope').toString('base64')}` });
    expect(wrong.status).toBe(401);
    const right = await t.call('workspaces/list_by_organization_id', body, { authorization: `Basic ${Buffer.from('airbyte:password').toString('base64')}` });
    expect(right.status).toBe(200);
    expect((await request(`${t.url}/health`)).status).toBe(200);
  });
});

describe('client credentials (abctl / Cloud style)', () => {
  const auth = { mode: 'client-credentials', clientId: 'app', clientSecret: 'app-secret', tokenTtlSeconds: 1 } as const;

  it('issues a bearer token for the right credentials only', async () => {
    const t = await startTestEmulator({ auth });
    expect((await t.call('applications/token', { client_id: 'app', client_secret: 'wrong' })).status).toBe(401);
    expect((await t.call('workspaces/list_by_organization_id', body)).status).toBe(401);
    expect((await t.call('workspaces/list_by_organization_id', body, { authorization: 'Bearer forged.token.here' })).status).toBe(401);
    const token = await t.call('applications/token', { client_id: 'app', client_secret: 'app-secret', grant_type: 'client_credentials' });
    expect(token.status).toBe(200);
    expect(token.body.access_token.split('.')).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(token.body.access_token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims.exp - claims.iat).toBeGreaterThanOrEqual(1);
  });

  it('a token stops working once its lifetime (1 s) has passed', async () => {
    const t = await startTestEmulator({ auth });
    const issuedAt = Date.now();
    const token = (await t.call('applications/token', { client_id: 'app', client_secret: 'app-secret' })).body.access_token;
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.call('workspaces/list_by_organization_id', body, headers)).status).toBe(200);
    await pollUntil(
      () => t.call('workspaces/list_by_organization_id', body, headers),
      (answer) => answer.status === 401,
      5000,
    );
    expect(Date.now() - issuedAt).toBeGreaterThanOrEqual(1000);
  });
});
