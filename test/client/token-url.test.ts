/**
 * A token endpoint of its own (AIRBYTE_TOKEN_URL; Airbyte Cloud's is https://api.airbyte.com/v1/applications/token,
 * another host than the API): the client id and secret go there and nowhere else, the Config API calls go to the
 * API URL with the bearer token, and every failure of the token call names the token URL.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../../src/client/index.js';
import { api, BASE_URL, failure, netError, testClient, useNock } from './helpers.js';

useNock();

const CLIENT_ID = 'cloud-client-id';
const CLIENT_SECRET = 'cloud-client-secret-9f8e7d';
/** The public API's token request (a token URL of its own) names the grant `grant-type`; the Config API's own, `grant_type`. */
const TOKEN_BODY = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, 'grant-type': 'client_credentials' };
const CONFIG_API_TOKEN_BODY = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'client_credentials' };
const credentials: AuthConfig = { mode: 'client-credentials', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const TOKEN_HOST = 'https://token.test';
const TOKEN_URL = `${TOKEN_HOST}/v1/applications/token`;

const tokenServer = () => nock(TOKEN_HOST);
const noRetries = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 };

/** What error text a user sees: message, hint and meta. */
const shown = (error: { message: string; hint?: string | undefined; meta: unknown }) =>
  [error.message, error.hint ?? '', JSON.stringify(error.meta)].join('\n');

describe('a token URL on another host', () => {
  it('posts the credentials to the token URL only, and the API calls carry the token', async () => {
    tokenServer().post('/v1/applications/token', TOKEN_BODY).reply(200, { access_token: 'cloud-token', token_type: 'Bearer', expires_in: 900 });
    api()
      .post('/api/v1/connections/list', (body: Record<string, unknown>) => !JSON.stringify(body).includes(CLIENT_SECRET))
      .matchHeader('authorization', 'Bearer cloud-token')
      .twice()
      .reply(200, { connections: [] });
    const { client, lines } = testClient({ auth: credentials, tokenUrl: TOKEN_URL, now: () => 1_000 });
    await client.listConnections('w');
    await client.listConnections('w');
    // The token is reused; the count of the token call is the client's, whichever host it went to.
    expect(client.stats()).toEqual({ calls: 3, byCall: { 'applications/token': 1, 'connections/list': 2 } });
    expect(lines).toEqual([`POST ${TOKEN_URL} 200 0ms`, 'POST /api/v1/connections/list 200 0ms', 'POST /api/v1/connections/list 200 0ms']);
  });

  it('renews at the token URL after a 401 from the API', async () => {
    tokenServer().post('/v1/applications/token', TOKEN_BODY).reply(200, { access_token: 't1', expires_in: 900 });
    api().post('/api/v1/connections/list').matchHeader('authorization', 'Bearer t1').reply(401, '');
    tokenServer().post('/v1/applications/token', TOKEN_BODY).reply(200, { access_token: 't2', expires_in: 900 });
    api().post('/api/v1/connections/list').matchHeader('authorization', 'Bearer t2').reply(200, { connections: [] });
    const { client } = testClient({ auth: credentials, tokenUrl: TOKEN_URL });
    expect(await client.listConnections('w')).toEqual([]);
  });

  it('uses the token URL as given: no path is added', async () => {
    tokenServer().post('/oauth/token').reply(200, { access_token: 't' });
    api().get('/api/v1/health').matchHeader('authorization', 'Bearer t').reply(200, { available: true });
    const { client } = testClient({ auth: credentials, tokenUrl: `${TOKEN_HOST}/oauth/token/` });
    await client.health();
  });

  it('ignores the token URL for other auth modes', async () => {
    api().get('/api/v1/health').matchHeader('authorization', 'Bearer static').reply(200, { available: true });
    const { client } = testClient({ auth: { mode: 'bearer', token: 'static' }, tokenUrl: TOKEN_URL });
    await client.health();
  });

  it('a token URL beside the API is the same as none', async () => {
    api().post('/api/v1/applications/token', CONFIG_API_TOKEN_BODY).reply(200, { access_token: 't' });
    api().get('/api/v1/health').reply(200, { available: true });
    const { client, lines } = testClient({ auth: credentials, tokenUrl: `${BASE_URL}/applications/token`, now: () => 1_000 });
    await client.health();
    expect(lines[0]).toBe('POST /api/v1/applications/token 200 0ms');
  });
});

describe('failures of the token call name the token URL, never the secret', () => {
  it('rejected credentials (401)', async () => {
    tokenServer()
      .post('/v1/applications/token')
      .reply(401, { message: `invalid client ${CLIENT_SECRET}` });
    const { client } = testClient({ auth: credentials, tokenUrl: TOKEN_URL });
    const error = await failure(client.listConnections('w'));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      `applications/token: the token endpoint ${TOKEN_URL} refused the client credentials (HTTP 401 Unauthorized): invalid client (sensitive)`,
    );
    expect(error.hint).toContain('AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET');
    expect(error.hint).toContain('AIRBYTE_TOKEN_URL');
    expect(shown(error)).not.toContain(CLIENT_SECRET);
  });

  it('an unreachable token URL', async () => {
    tokenServer().post('/v1/applications/token').replyWithError(netError('ENOTFOUND'));
    const { client } = testClient({ auth: credentials, tokenUrl: TOKEN_URL, retry: noRetries });
    const error = await failure(client.listConnections('w'));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe(
      `applications/token for client credentials (AIRBYTE_CLIENT_ID): could not connect to the token endpoint ${TOKEN_URL} (host not found)`,
    );
    expect(error.hint).toContain('is AIRBYTE_TOKEN_URL right?');
    expect(error.hint).toContain('https://api.airbyte.com/v1/applications/token');
    expect(shown(error)).not.toContain(CLIENT_SECRET);
  });

  it('a wrong path (404 with a web page)', async () => {
    tokenServer().post('/v1/applications/token').reply(404, '<html><title>Not Found</title></html>');
    const { client } = testClient({ auth: credentials, tokenUrl: TOKEN_URL });
    const error = await failure(client.listConnections('w'));
    expect(error.message).toBe(`applications/token: the token endpoint ${TOKEN_URL} failed with HTTP 404 Not Found: an HTML page: Not Found`);
    expect(error.hint).toContain('AIRBYTE_TOKEN_URL');
  });

  it('an answer without a token', async () => {
    tokenServer().post('/v1/applications/token').reply(200, { token_type: 'Bearer' });
    const { client } = testClient({ auth: credentials, tokenUrl: TOKEN_URL });
    const error = await failure(client.listConnections('w'));
    expect(error.message).toBe(`applications/token: ${TOKEN_URL} answered without an access_token`);
    expect(error.hint).toContain('AIRBYTE_TOKEN_URL');
  });
});

describe('plain http:// to the token URL', () => {
  it.each([
    ['a remote http token URL, https API', 'https://airbyte.example.com/api/v1', 'http://auth.example.com/v1/applications/token', ['token']],
    ['a remote http token URL and a remote http API on other hosts', BASE_URL, 'http://auth.example.com/token', ['api', 'token']],
    ['a remote http token URL on the http API host', BASE_URL, 'http://airbyte.test:8000/auth/token', ['api']],
    ['an https token URL', 'https://airbyte.example.com/api/v1', 'https://auth.example.com/token', []],
    ['a loopback http token URL', 'https://airbyte.example.com/api/v1', 'http://127.0.0.1:8002/v1/applications/token', []],
  ])('%s', (_, baseUrl, tokenUrl, expected) => {
    const { warnings } = testClient({ baseUrl, auth: credentials, tokenUrl });
    expect(warnings.map((warning) => (warning.startsWith(tokenUrl) ? 'token' : 'api'))).toEqual(expected);
    if (expected.includes('token')) {
      expect(warnings).toContain(
        `${tokenUrl} (AIRBYTE_TOKEN_URL) is plain http:// to another machine: the client id and secret (AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET) travel unencrypted. Use https://.`,
      );
    }
    expect(warnings.join('\n')).not.toContain(CLIENT_SECRET);
  });
});

/** A real loopback server recording what it receives, so the redirect test does not depend on a mock library. */
async function serve(handler: (request: IncomingMessage) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: { url: string; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ url: request.url ?? '', body });
      const answer = handler(request);
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  opened.push(close);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const opened: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((close) => close()));
});

describe('a redirect from the token URL', () => {
  it('is not followed: the client id and secret reach the token URL only', async () => {
    nock.enableNetConnect('127.0.0.1');
    const other = await serve(() => ({ status: 200, body: JSON.stringify({ access_token: 'stolen' }) }));
    const token = await serve((request) => ({ status: 307, headers: { location: `${other.url}${request.url ?? ''}` } }));
    const airbyte = await serve(() => ({ status: 200, body: JSON.stringify({ connections: [] }) }));
    const tokenUrl = `${token.url}/v1/applications/token`;
    const { client } = testClient({ baseUrl: `${airbyte.url}/api/v1`, auth: credentials, tokenUrl });
    const error = await failure(client.listConnections('w'));
    expect(error.message).toBe(
      `applications/token for client credentials (AIRBYTE_CLIENT_ID): the server at ${tokenUrl} answered HTTP 307 Temporary Redirect to '${other.url}/v1/applications/token'; redirects are not followed`,
    );
    expect(error.hint).toContain('AIRBYTE_TOKEN_URL');
    expect(token.seen).toHaveLength(1);
    expect(token.seen[0]?.body).toContain(CLIENT_SECRET);
    expect(other.seen).toEqual([]);
    expect(airbyte.seen).toEqual([]);
  });
});
