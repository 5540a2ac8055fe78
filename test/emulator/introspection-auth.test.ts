/** /_emulator/* holds unmasked secrets and can wipe the state: with --auth on it needs the API's credentials. */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/util/loopback.js';
import { spawnCli, waitFor } from '../cli.js';
import { request, startTestEmulator } from './helpers.js';

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

describe('introspection under --auth', () => {
  it('basic: state, requests and reset answer 401 without the credentials, and serve with them', async () => {
    const t = await startTestEmulator({ auth: { mode: 'basic', username: 'airbyte', password: 'password' } });
    for (const headers of [{}, basic('airbyte', 'nope')]) {
      expect((await request(`${t.origin}/_emulator/state`, { headers })).status).toBe(401);
      expect((await request(`${t.origin}/_emulator/requests`, { headers })).status).toBe(401);
      expect((await request(`${t.origin}/_emulator/reset`, { method: 'POST', headers })).status).toBe(401);
    }
    const right = basic('airbyte', 'password');
    const state = await request(`${t.origin}/_emulator/state`, { headers: right });
    expect(state.status).toBe(200);
    expect(state.body.workspaces).toHaveLength(1);
    expect((await request(`${t.origin}/_emulator/reset`, { method: 'POST', headers: right })).status).toBe(204);
  });

  it('client credentials: a bearer token from applications/token is needed', async () => {
    const t = await startTestEmulator({ auth: { mode: 'client-credentials', clientId: 'app', clientSecret: 'app-secret', tokenTtlSeconds: 60 } });
    expect((await request(`${t.origin}/_emulator/state`)).status).toBe(401);
    expect((await request(`${t.origin}/_emulator/state`, { headers: { authorization: 'Bearer forged.token.here' } })).status).toBe(401);
    expect((await request(`${t.origin}/_emulator/reset`, { method: 'POST' })).status).toBe(401);
    const token = (await t.call('applications/token', { client_id: 'app', client_secret: 'app-secret' })).body.access_token as string;
    expect((await request(`${t.origin}/_emulator/state`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('no auth: introspection is open, as before', async () => {
    const t = await startTestEmulator();
    expect((await request(`${t.origin}/_emulator/state`)).status).toBe(200);
  });
});

describe('--host', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['api.localhost', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('listening on a non-loopback address prints a warning that secrets are served to the network', async () => {
    const run = spawnCli(['emulator', '--host', '0.0.0.0', '--port', '0']);
    await waitFor(() => /listening on/.test(run.stdout()) || run.child.exitCode !== null, 'the emulator to listen');
    run.child.kill('SIGTERM');
    const { code, stderr } = await run.done;
    expect(code).toBe(0);
    expect(stderr).toMatch(/^warning: listening on 0\.0\.0\.0, not a loopback address: .*secrets included.*--host 127\.0\.0\.1/m);
  });

  it('listening on loopback prints no warning', async () => {
    const run = spawnCli(['emulator', '--port', '0']);
    await waitFor(() => /listening on/.test(run.stdout()) || run.child.exitCode !== null, 'the emulator to listen');
    run.child.kill('SIGTERM');
    expect((await run.done).stderr).toBe('');
  });
});
