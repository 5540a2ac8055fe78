/**
 * Redirects are never followed: a 3xx from the Airbyte URL is an error naming the call and the Location, and the
 * host it points at receives nothing (no request body with a password, no token call with a client secret).
 * Two real loopback servers, so the test does not depend on how a mock library treats redirects.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, testClient, useNock } from './helpers.js';

useNock();

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

async function serve(handler: (request: IncomingMessage, body: string) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body });
      const answer = handler(request, body);
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

type Served = Awaited<ReturnType<typeof serve>>;

const PASSWORD = 'hunter2-pg-password';
const CREATE = { sourceDefinitionId: 'def', workspaceId: 'w', name: 'pg', connectionConfiguration: { host: 'db', password: PASSWORD } };

describe('a 307 from the Airbyte URL to another host', () => {
  let other: Served;
  let airbyte: Served;
  beforeEach(async () => {
    nock.enableNetConnect('127.0.0.1');
    // The other host answers every call as a real server would, so a followed redirect would "succeed".
    other = await serve(() => ({ status: 200, body: JSON.stringify({ sourceId: 'x', access_token: 't', name: 'pg' }) }));
    airbyte = await serve((request) => ({ status: 307, headers: { location: `${other.url}${request.url ?? ''}` } }));
  });
  afterEach(async () => {
    await other.close();
    await airbyte.close();
  });

  it('fails the create, naming the call and the Location; the other host receives nothing', async () => {
    const { client } = testClient({ baseUrl: `${airbyte.url}/api/v1` });
    const error = await failure(client.createSource(CREATE));
    expect(error.code).toBe('API_ERROR');
    expect(error.message).toBe(
      `sources/create for source 'pg': the server at ${airbyte.url}/api/v1 answered HTTP 307 Temporary Redirect to '${other.url}/api/v1/sources/create'; redirects are not followed`,
    );
    expect(error.hint).toContain('AIRBYTE_URL');
    expect(error.hint).toContain('final URL');
    expect(error.ambiguous).toBe(false);
    expect(airbyte.seen).toHaveLength(1); // not retried
    expect(airbyte.seen[0]?.body).toContain(PASSWORD); // sent where it was meant to go
    expect(other.seen).toEqual([]);
  });

  it('fails the token call without sending the client id and secret on', async () => {
    const { client } = testClient({
      baseUrl: `${airbyte.url}/api/v1`,
      auth: { mode: 'client-credentials', clientId: 'the-client-id', clientSecret: 'the-client-secret' },
    });
    const error = await failure(client.listConnections('w'));
    expect(error.code).toBe('API_ERROR');
    expect(error.message).toContain('applications/token');
    expect(error.message).toContain(`to '${other.url}/api/v1/applications/token'`);
    expect(airbyte.seen.map((request) => request.url)).toEqual(['/api/v1/applications/token']);
    expect(other.seen).toEqual([]);
  });

  it('fails a read too, not retried', async () => {
    const { client } = testClient({ baseUrl: `${airbyte.url}/api/v1`, auth: { mode: 'bearer', token: 'the-token' } });
    const error = await failure(client.getSource('s1'));
    expect(error.status).toBe(307);
    expect(airbyte.seen).toHaveLength(1);
    expect(other.seen).toEqual([]);
  });
});

describe.each([
  [301, 'Moved Permanently'],
  [302, 'Found'],
  [303, 'See Other'],
  [308, 'Permanent Redirect'],
])('a %i from the Airbyte URL', (status, text) => {
  let other: Served;
  let airbyte: Served;
  beforeEach(async () => {
    nock.enableNetConnect('127.0.0.1');
    other = await serve(() => ({ status: 200, body: JSON.stringify({ sourceId: 'x', name: 'pg' }) }));
    airbyte = await serve((request) => ({ status, headers: { location: `${other.url}${request.url ?? ''}` } }));
  });
  afterEach(async () => {
    await other.close();
    await airbyte.close();
  });

  it('is not followed either: the create fails naming the Location, and the other host receives nothing', async () => {
    const { client } = testClient({ baseUrl: `${airbyte.url}/api/v1` });
    const error = await failure(client.createSource(CREATE));
    expect(error.message).toBe(
      `sources/create for source 'pg': the server at ${airbyte.url}/api/v1 answered HTTP ${status} ${text} to '${other.url}/api/v1/sources/create'; redirects are not followed`,
    );
    expect(airbyte.seen).toHaveLength(1);
    expect(other.seen).toEqual([]);
  });
});
