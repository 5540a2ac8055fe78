/** Credentials sent over plain http:// to another machine get one warning per client; loopback and https do not. */
import { describe, expect, it } from 'vitest';
import type { AuthConfig } from '../../src/client/index.js';
import { api, testClient, useNock } from './helpers.js';

useNock();

const CREDENTIALS: AuthConfig[] = [
  { mode: 'basic', username: 'airbyte', password: 'password' },
  { mode: 'bearer', token: 'the-token' },
  { mode: 'client-credentials', clientId: 'id', clientSecret: 'the-secret' },
];

describe('plain http:// with credentials', () => {
  it.each(CREDENTIALS.map((auth) => [auth.mode, auth] as const))('warns once for %s to a remote host', async (_, auth) => {
    api().post('/api/v1/applications/token').optionally().reply(200, { access_token: 't' });
    api().post('/api/v1/connections/list').twice().reply(200, { connections: [] });
    const { client, warnings } = testClient({ auth });
    await client.listConnections('w');
    await client.listConnections('w');
    expect(warnings).toEqual([
      `http://airbyte.test:8000/api/v1 is plain http:// to another machine: the credentials (${auth.mode}) and every secret in the pipeline travel unencrypted. Use https://.`,
    ]);
    expect(warnings.join('')).not.toMatch(/the-token|the-secret/);
  });

  it.each([
    ['http://localhost:8000/api/v1', { mode: 'bearer', token: 't' }],
    ['http://127.0.0.1:8000/api/v1', { mode: 'bearer', token: 't' }],
    ['http://[::1]:8000/api/v1', { mode: 'bearer', token: 't' }],
    ['https://airbyte.example.com/api/v1', { mode: 'bearer', token: 't' }],
    ['http://airbyte.example.com/api/v1', { mode: 'none' }],
  ] as const)('does not warn for %s with %o', (baseUrl, auth) => {
    const { warnings } = testClient({ baseUrl, auth });
    expect(warnings).toEqual([]);
  });
});
