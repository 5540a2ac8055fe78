import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { api, failure, jobInfoRead, testClient, useNock, netError } from './helpers.js';

useNock();

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the network is really disabled', () => {
  it('fails a request that no mock answers, after the read retries', async () => {
    const { client, sleeps } = testClient();
    const error = await failure(client.listConnections('w'));
    expect(error.code).toBe('NETWORK');
    expect(sleeps).toHaveLength(3);
    expect(client.stats().byCall).toEqual({ 'connections/list': 4 });
  });
});

describe('connection refused', () => {
  it('names the URL tried and says how to set one', async () => {
    nock.enableNetConnect('127.0.0.1');
    const port = await closedPort();
    const { client, sleeps } = testClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const error = await failure(client.listWorkspaces());
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe(`workspaces/list_by_organization_id: could not connect to Airbyte at http://127.0.0.1:${port}/api/v1 (connection refused)`);
    expect(error.hint).toContain('--url or AIRBYTE_URL');
    expect(error.hint).toContain('airbyte-gitops emulator');
    expect(error.ambiguous).toBe(false);
    expect(sleeps).toHaveLength(1); // refused means never sent, so it is retried
  });

  it('retries a refused create: the server never saw it', async () => {
    api().post('/api/v1/connections/sync').replyWithError(netError('ECONNREFUSED', 'connect ECONNREFUSED'));
    api().post('/api/v1/connections/sync').reply(200, jobInfoRead(1));
    const { client, sleeps } = testClient();
    expect((await client.syncConnection('c1')).job.id).toBe(1);
    expect(sleeps).toHaveLength(1);
  });

  it('says when the host is not found', async () => {
    api().post('/api/v1/sources/get').times(4).replyWithError(netError('ENOTFOUND', 'getaddrinfo ENOTFOUND'));
    const { client } = testClient();
    const error = await failure(client.getSource('s1'));
    expect(error.message).toContain('(host not found)');
  });
});

describe('the keep-alive agent', () => {
  it('keeps sockets alive and holds the connection limit against a real loopback server', async () => {
    // nock's pass-through opens a connection of its own per request: this test talks to the server directly.
    nock.restore();
    let sockets = 0;
    const paths: string[] = [];
    const server = createServer((request, response) => {
      paths.push(`${request.method} ${request.url}`);
      request.resume();
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ connections: [] }));
      });
    });
    server.on('connection', () => sockets++);
    const port = await listen(server);
    try {
      const { client } = testClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, maxConnections: 1 });
      await Promise.all([1, 2, 3, 4].map(() => client.listConnections('w')));
      await client.listConnections('w');
      // Without the agent's limit, each concurrent request would open a socket of its own.
      expect(sockets).toBe(1);
      expect(new Set(paths)).toEqual(new Set(['POST /api/v1/connections/list']));
      expect(client.stats().calls).toBe(5);
    } finally {
      nock.activate();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
