/**
 * The emulator's token endpoint moved off the API, as on Airbyte Cloud (API at cloud.airbyte.com, tokens from
 * api.airbyte.com/v1/applications/token): on a port of its own or a path of its own. Then the CLI against it with
 * AIRBYTE_TOKEN_URL, the way a CI job runs against Cloud.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANIZATION_ID } from '../../src/api/types.js';
import { GitopsError } from '../../src/errors.js';
import { DEFAULT_WORKSPACE_ID, startEmulator } from '../../src/emulator/index.js';
import { runCli, spawnCli, waitFor } from '../cli.js';
import { tempDir } from '../temp.js';
import { request, startTestEmulator } from './helpers.js';

const CLIENT_ID = 'ci-application';
const CLIENT_SECRET = 'ci-secret-5b1e0c7a';
const auth = { mode: 'client-credentials', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenTtlSeconds: 900 } as const;
const LIST = { organizationId: DEFAULT_ORGANIZATION_ID };

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function tokenFrom(url: string): Promise<string> {
  const answer = await post(url, { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'client_credentials' });
  expect(answer.status).toBe(200);
  return answer.body.access_token as string;
}

/** Requests the emulator received, per path (its introspection needs the API's credentials). */
async function received(origin: string, token: string): Promise<Record<string, number>> {
  return (await request(`${origin}/_emulator/requests`, { headers: { authorization: `Bearer ${token}` } })).body.byPath;
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a token endpoint on a port of its own', () => {
  it('issues tokens at /v1/applications/token there; the API takes them; the API no longer issues any', async () => {
    const t = await startTestEmulator({ auth, tokenEndpoint: { port: 0 } });
    const tokenUrl = new URL(t.emulator.tokenUrl);
    expect(tokenUrl.pathname).toBe('/v1/applications/token');
    expect(tokenUrl.port).not.toBe(new URL(t.url).port);
    const token = await tokenFrom(t.emulator.tokenUrl);
    expect((await t.call('workspaces/list_by_organization_id', LIST, { authorization: `Bearer ${token}` })).status).toBe(200);
    // On the API's server applications/token is an unknown call, behind authentication like any other.
    expect((await t.call('applications/token', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET })).status).toBe(401);
    expect((await t.call('applications/token', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET }, { authorization: `Bearer ${token}` })).status).toBe(404);
    expect((await post(t.emulator.tokenUrl, { client_id: CLIENT_ID, client_secret: 'wrong' })).status).toBe(401);
    expect((await request(t.emulator.tokenUrl)).status).toBe(405);
    expect((await post(`${tokenUrl.origin}/api/v1/workspaces/list_by_organization_id`, LIST, { authorization: `Bearer ${token}` })).status).toBe(404);
    const byPath = await received(t.origin, token);
    expect(byPath['/v1/applications/token']).toBe(3);
    expect(byPath['/api/v1/applications/token']).toBe(2);
  });

  it('stops with the emulator', async () => {
    const emulator = await startEmulator({ port: 0, tokenEndpoint: { port: 0 } });
    await emulator.stop();
    await expect(fetch(emulator.tokenUrl, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});

describe('a token endpoint on a path of its own', () => {
  it('is served by the API server at that path', async () => {
    const t = await startTestEmulator({ auth, tokenEndpoint: { path: '/oauth/token' } });
    expect(t.emulator.tokenUrl).toBe(`${t.origin}/oauth/token`);
    const token = await tokenFrom(t.emulator.tokenUrl);
    expect((await t.call('workspaces/list_by_organization_id', LIST, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await t.call('applications/token', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET }, { authorization: `Bearer ${token}` })).status).toBe(404);
  });

  it('by default tokens are issued beside the API', async () => {
    const t = await startTestEmulator({ auth });
    expect(t.emulator.tokenUrl).toBe(`${t.url}/applications/token`);
    await tokenFrom(t.emulator.tokenUrl);
  });

  it.each([
    [{ path: 'oauth/token' }, "token path must start with / (and hold no query), got 'oauth/token'"],
    [{ path: '/api/v1/sources/list' }, 'token path /api/v1/sources/list is taken by the API'],
    [{ path: '/_emulator/state' }, 'token path /_emulator/state is taken by the API'],
    [{ port: 70000 }, 'token port must be a whole number from 0 to 65535, got 70000'],
  ])('refuses %o before starting', async (tokenEndpoint, message) => {
    const error = await startEmulator({ port: 0, tokenEndpoint }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitopsError);
    expect((error as GitopsError).message).toContain(message);
  });
});

describe('airbyte-gitops emulator --token-port', () => {
  it('prints the token URL, and serves tokens there for the credentials from the environment', async () => {
    const run = spawnCli(['emulator', '--port', '0', '--auth', 'client-credentials', '--token-port', '0'], {
      env: { AIRBYTE_EMULATOR_CLIENT_ID: CLIENT_ID, AIRBYTE_EMULATOR_CLIENT_SECRET: CLIENT_SECRET },
    });
    const printed = /^Token endpoint \(AIRBYTE_TOKEN_URL\): (http:\/\/127\.0\.0\.1:\d+\/v1\/applications\/token)$/m;
    await waitFor(() => printed.test(run.stdout()) || run.child.exitCode !== null, 'the emulator to listen');
    const tokenUrl = printed.exec(run.stdout())?.[1];
    expect(tokenUrl, run.stdout() + run.stderr()).toBeDefined();
    const api = /^Airbyte emulator listening on (\S+)$/m.exec(run.stdout())?.[1];
    const token = await tokenFrom(tokenUrl!);
    expect((await post(`${api}/workspaces/list_by_organization_id`, LIST, { authorization: `Bearer ${token}` })).status).toBe(200);
    run.child.kill('SIGTERM');
    expect((await run.done).code).toBe(0);
  });

  it('refuses a token port out of range', async () => {
    const run = await runCli(['emulator', '--token-port', '70000']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--token-port');
  });
});

/** A one-connection pipeline of built-in connectors, without secrets of its own. */
function pipeline(): string {
  const file = join(tempDir(), 'pipeline.yaml');
  writeFileSync(
    file,
    [
      'sources:',
      '  - name: Sample',
      '    definition: Sample Data (Faker)',
      '    configuration: { count: 10 }',
      'destinations:',
      '  - name: Files',
      '    definition: Local JSON',
      '    configuration: { destination_path: /local/files }',
      'connections:',
      '  - name: Sample → Files',
      '    source: Sample',
      '    destination: Files',
      '    streams:',
      '      - name: users',
      '        syncMode: full_refresh',
      '        destinationSyncMode: overwrite',
      '',
    ].join('\n'),
  );
  return file;
}

describe('the CLI against a separate token endpoint (AIRBYTE_TOKEN_URL)', () => {
  const credentials = { AIRBYTE_CLIENT_ID: CLIENT_ID, AIRBYTE_CLIENT_SECRET: CLIENT_SECRET, AIRBYTE_WORKSPACE: DEFAULT_WORKSPACE_ID };

  it('plans: the token comes from the token URL, every API call carries it, the secret is never printed', async () => {
    const emulator = await startEmulator({ port: 0, auth, tokenEndpoint: { port: 0 } });
    try {
      const run = await runCli(['plan', pipeline(), '--url', emulator.url, '--debug'], { env: { ...credentials, AIRBYTE_TOKEN_URL: emulator.tokenUrl } });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/3 to create/);
      // The client sent the token request to the token URL (named whole), the API calls to the API.
      const requests = run.stderr.split('\n').filter((line) => line.startsWith('debug: POST'));
      expect(requests[0]).toMatch(new RegExp(`^debug: POST ${emulator.tokenUrl} 200 \\d+ms$`));
      expect(requests.slice(1).every((line) => line.startsWith('debug: POST /api/v1/') && / 200 \d+ms$/.test(line))).toBe(true);
      expect(requests.length).toBeGreaterThan(3);
      // The server agrees: one token from its token port, none from the API, and the API answered every call
      // (it answers 401 to a call without a valid bearer token).
      const byPath = await received(new URL(emulator.url).origin, await tokenFrom(emulator.tokenUrl));
      expect(byPath['/v1/applications/token']).toBe(2); // the run's, and this test's own
      expect(byPath['/api/v1/applications/token']).toBeUndefined();
      expect(byPath['/api/v1/workspaces/get']).toBe(1);
      expect(byPath['/api/v1/workspaces/list_by_organization_id']).toBeUndefined();
      expect(run.stdout + run.stderr).not.toContain(CLIENT_SECRET);
    } finally {
      await emulator.stop();
    }
  });

  it('rejected credentials: one error naming the token URL, without the secret', async () => {
    const emulator = await startEmulator({ port: 0, auth, tokenEndpoint: { port: 0 } });
    try {
      const wrong = 'wrong-secret-0d9c8b';
      const run = await runCli(['plan', pipeline(), '--url', emulator.url], {
        env: { ...credentials, AIRBYTE_CLIENT_SECRET: wrong, AIRBYTE_TOKEN_URL: emulator.tokenUrl },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`applications/token: the token endpoint ${emulator.tokenUrl} refused the client credentials (HTTP 401 Unauthorized)`);
      expect(run.stderr).toContain('AIRBYTE_TOKEN_URL');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout + run.stderr).not.toContain(wrong);
    } finally {
      await emulator.stop();
    }
  });

  it('an unreachable token URL: one error naming it', async () => {
    const emulator = await startEmulator({ port: 0, auth, tokenEndpoint: { port: 0 } });
    try {
      const tokenUrl = `http://127.0.0.1:${await closedPort()}/v1/applications/token`;
      const run = await runCli(['plan', pipeline(), '--url', emulator.url], {
        env: { ...credentials, AIRBYTE_TOKEN_URL: tokenUrl, AIRBYTE_MAX_ATTEMPTS: '1' },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`could not connect to the token endpoint ${tokenUrl} (connection refused)`);
      expect(run.stderr).toContain('is AIRBYTE_TOKEN_URL right?');
      expect(run.stdout + run.stderr).not.toContain(CLIENT_SECRET);
    } finally {
      await emulator.stop();
    }
  });

  it('without AIRBYTE_TOKEN_URL the token is asked of the API, which does not issue it here', async () => {
    const emulator = await startEmulator({ port: 0, auth, tokenEndpoint: { port: 0 } });
    try {
      const run = await runCli(['plan', pipeline(), '--url', emulator.url], { env: { ...credentials, AIRBYTE_MAX_ATTEMPTS: '1' } });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('applications/token');
      expect(run.stdout + run.stderr).not.toContain(CLIENT_SECRET);
    } finally {
      await emulator.stop();
    }
  });
});
