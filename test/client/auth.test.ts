import { describe, expect, it } from 'vitest';
import { api, failure, jobInfoRead, sourceRead, testClient, useNock, netError } from './helpers.js';

useNock();

const CLIENT_ID = 'app-client-id';
const CLIENT_SECRET = 'client-secret-value-42';
const TOKEN_BODY = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'client_credentials' };
const credentials = { mode: 'client-credentials' as const, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

/** A clock the test moves by hand. */
function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const health = (token: string) => api().get('/api/v1/health').matchHeader('authorization', `Bearer ${token}`);

describe('static auth modes', () => {
  it('sends a bearer token', async () => {
    api().post('/api/v1/jobs/get', { id: 7 }).matchHeader('authorization', 'Bearer tok-1').reply(200, jobInfoRead(7));
    const { client } = testClient({ auth: { mode: 'bearer', token: 'tok-1' } });
    expect((await client.getJob(7)).job.id).toBe(7);
  });

  it('sends no Authorization header without auth', async () => {
    api()
      .get('/api/v1/health')
      .matchHeader('authorization', (value) => value === undefined)
      .reply(200, { available: true });
    const { client } = testClient();
    expect(await client.health()).toEqual({ available: true });
  });
});

describe('client credentials', () => {
  it('gets a token, then renews it at half its lifetime (expires_in)', async () => {
    const time = clock();
    api().post('/api/v1/applications/token', TOKEN_BODY).reply(200, { access_token: 't1', token_type: 'Bearer', expires_in: 100 });
    health('t1').twice().reply(200, { available: true });
    api().post('/api/v1/applications/token', TOKEN_BODY).reply(200, { access_token: 't2', expires_in: 100 });
    health('t2').reply(200, { available: true });
    const { client } = testClient({ auth: credentials, now: time.now });
    await client.health();
    time.advance(49_000);
    await client.health(); // still before half-life: same token, no token request
    time.advance(2_000);
    await client.health(); // past half-life: renewed first
    expect(client.stats().byCall['applications/token']).toBe(2);
  });

  it('falls back to the JWT exp claim when there is no expires_in', async () => {
    const time = clock();
    const first = jwt({ exp: time.now() / 1000 + 40 });
    api().post('/api/v1/applications/token').reply(200, { access_token: first });
    health(first).reply(200, { available: true });
    api().post('/api/v1/applications/token').reply(200, { access_token: 'plain-token' });
    health('plain-token').reply(200, { available: true });
    const { client } = testClient({ auth: credentials, now: time.now });
    await client.health();
    time.advance(21_000);
    await client.health();
  });

  it('shares one token request between concurrent calls', async () => {
    api().post('/api/v1/applications/token').once().reply(200, { access_token: 't1' });
    health('t1').times(3).reply(200, { available: true });
    const { client } = testClient({ auth: credentials });
    await Promise.all([client.health(), client.health(), client.health()]);
    expect(client.stats().byCall).toEqual({ 'applications/token': 1, health: 3 });
  });

  it('renews once on a 401 and sends the call again, even a create', async () => {
    const create = { sourceDefinitionId: 'def', workspaceId: 'w', name: 'pg', connectionConfiguration: {} };
    api().post('/api/v1/applications/token').reply(200, { access_token: 't1', expires_in: 900 });
    api().post('/api/v1/sources/create', create).matchHeader('authorization', 'Bearer t1').reply(401, '');
    api().post('/api/v1/applications/token').reply(200, { access_token: 't2', expires_in: 900 });
    api().post('/api/v1/sources/create', create).matchHeader('authorization', 'Bearer t2').reply(200, sourceRead('s1'));
    const { client } = testClient({ auth: credentials });
    expect((await client.createSource(create)).sourceId).toBe('s1');
  });

  it('renews only once: a second 401 is an auth error', async () => {
    api().post('/api/v1/applications/token').times(2).reply(200, { access_token: 't1' });
    api().get('/api/v1/health').times(2).reply(401, { message: 'Unauthorized' });
    const { client } = testClient({ auth: credentials });
    const error = await failure(client.health());
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.hint).toContain('AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET were rejected');
  });

  it('reports rejected credentials at the token call', async () => {
    api().post('/api/v1/applications/token').reply(401, { message: 'invalid client' });
    const { client } = testClient({ auth: credentials });
    const error = await failure(client.listConnections('w'));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('applications/token for client credentials (AIRBYTE_CLIENT_ID) was not authenticated');
  });
});

describe('secrets never reach a log line or an error message', () => {
  it('keeps passwords, tokens, client secrets and registered values out', async () => {
    const issued = 'issued-token-value-77';
    const pipelineSecret = 'pg-password-s3cr3t';
    api().post('/api/v1/applications/token').reply(200, { access_token: issued });
    api().post('/api/v1/sources/list').reply(200, { sources: [] });
    api()
      .post('/api/v1/sources/create')
      .reply(422, { message: `bad value ${pipelineSecret} with token ${issued} and ${CLIENT_SECRET}` });
    api()
      .post('/api/v1/sources/update')
      .replyWithError(netError('ECONNRESET', `reset ${CLIENT_SECRET}`));
    api().post('/api/v1/sources/update').reply(401, `<html><title>${issued}</title></html>`);
    api().post('/api/v1/applications/token').reply(200, { access_token: issued });
    api().post('/api/v1/sources/update').reply(401, '');
    const { client, lines } = testClient({ auth: credentials, now: () => 1_000 });
    client.addSecrets([pipelineSecret]);
    await client.listSources('w');
    const config = { password: pipelineSecret };
    const errors = [
      await failure(client.createSource({ sourceDefinitionId: 'd', workspaceId: 'w', name: 'pg', connectionConfiguration: config })),
      await failure(client.updateSource({ sourceId: 's', name: 'pg', connectionConfiguration: config })),
    ];
    expect(lines).toEqual([
      'POST /api/v1/applications/token 200 0ms',
      'POST /api/v1/sources/list 200 0ms',
      'POST /api/v1/sources/create 422 0ms',
      'POST /api/v1/sources/update ECONNRESET 0ms',
      'retry 2/4 of sources/update after dropped in 250ms',
      'POST /api/v1/sources/update 401 0ms',
      'POST /api/v1/applications/token 200 0ms',
      'POST /api/v1/sources/update 401 0ms',
    ]);
    expect(errors[0]?.message).toContain('bad value (sensitive) with token (sensitive) and (sensitive)');
    const everything = [...lines, ...errors.flatMap((e) => [e.message, e.hint ?? '', JSON.stringify(e.meta)])].join('\n');
    for (const secret of [CLIENT_SECRET, issued, pipelineSecret]) expect(everything).not.toContain(secret);
  });
});
