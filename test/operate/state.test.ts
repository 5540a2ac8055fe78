/**
 * `state get` and `state restore` against the emulator: the state a sync wrote, a backup file that restore reads,
 * what restore shows and asks, and its refusals (another connection, no terminal, a running sync, no rights, a file
 * that is not a backup).
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/api/types.js';
import { cleanupAfterEachTest } from '../cleanup.js';
import { tempDir } from '../temp.js';
import { cli, seedWorkspace, startEnv, steppingClock, type Env } from './helpers.js';

const ACTIVE = 'PostgreSQL → MinIO';
const PAUSED = 'Paused PG → MinIO';

/** The seeded workspace after one successful sync of the active connection: it has a cursor per stream. */
async function synced(): Promise<{ env: Env; active: string; paused: string; state: ConnectionState }> {
  const env = await startEnv({ jobDurationMs: 1500, now: steppingClock(400).now });
  const seeded = await seedWorkspace(env.client);
  await env.client.syncConnection(seeded.active);
  for (let i = 0; i < 50; i++) {
    const info = await env.client.getJobWithoutLogs(1);
    if (info.job.status === 'succeeded') break;
  }
  const state = await env.client.getState(seeded.active);
  expect(state.stateType).toBe('stream');
  return { env, active: seeded.active, paused: seeded.paused, state };
}

/** `state get --out` into a fresh directory; returns the file. */
async function saved(env: Env, name = ACTIVE): Promise<string> {
  const file = join(tempDir(), 'state.json');
  const result = await cli(['state', 'get', name, '--out', file], { url: env.emulator.url });
  expect(result.code, result.stderr).toBe(0);
  return file;
}

const servers: Server[] = [];
cleanupAfterEachTest(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A proxy to the emulator that answers `status` to every `state/create_or_update_safe`. */
async function refusingProxy(env: Env, status: number): Promise<string> {
  const target = new URL(env.emulator.url);
  const server = createServer((incoming, outgoing) => {
    if (incoming.url?.endsWith('/state/create_or_update_safe')) {
      outgoing.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Forbidden' }));
      return;
    }
    const forwarded = request(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`;
}

describe('state get', () => {
  it('prints the state a sync wrote, as Airbyte answers it', async () => {
    const { env, state } = await synced();
    const result = await cli(['state', 'get', ACTIVE], { url: env.emulator.url });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(state);
    expect(state.streamState?.map((entry) => entry.streamDescriptor.name).sort()).toEqual(['customers', 'orders']);
  });

  it('--out saves a backup file (0600) that names the connection; --json says where', async () => {
    const { env, active, state } = await synced();
    const file = join(tempDir(), 'state.json');
    const result = await cli(['state', 'get', ACTIVE, '--out', file, '--json'], { url: env.emulator.url });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ connection: ACTIVE, connectionId: active, stateType: 'stream', streams: 2, file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      formatVersion: 1,
      savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      workspaceId: expect.any(String),
      connectionId: active,
      connectionName: ACTIVE,
      reason: 'state-get',
      state,
    });
    const text = await cli(['state', 'get', ACTIVE, '--out', join(tempDir(), 'again.json')], { url: env.emulator.url });
    expect(text.stdout).toMatch(/^Saved the sync state of connection 'PostgreSQL → MinIO' \(stream state of 2 streams\) to .*again\.json\n$/);
  });

  it.each([
    ['an existing file', (dir: string) => writeFileSync(join(dir, 'out.json'), 'mine'), 'it already exists'],
    ['a symbolic link', (dir: string) => symlinkSync(join(dir, 'elsewhere.json'), join(dir, 'out.json')), 'it is a symbolic link (never followed)'],
    ['a directory', (dir: string) => mkdirSync(join(dir, 'out.json')), 'it is a directory'],
  ])('--out refuses %s before reading anything, and leaves it as it was', async (_what, make, problem) => {
    const { env } = await synced();
    const dir = tempDir();
    make(dir);
    const out = join(dir, 'out.json');
    const before = lstatSync(out);
    const result = await cli(['state', 'get', ACTIVE, '--out', out], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: cannot save the state to ${out}: ${problem}; nothing was saved`);
    expect(result.stderr).toContain('existing files are never replaced');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(lstatSync(out).mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(dir)).toEqual(['out.json']);
    if (before.isFile()) expect(readFileSync(out, 'utf8')).toBe('mine');
  });

  it('--out in a missing directory is one error naming it', async () => {
    const out = join(tempDir(), 'missing', 'state.json');
    const result = await cli(['state', 'get', ACTIVE, '--out', out, '--emulator'], { env: { XDG_STATE_HOME: tempDir() } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: cannot save the state to ${out}: its directory ${join(out, '..')} does not exist`);
  });

  it('--out below a file is one error', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'mine');
    const out = join(file, 'deeper', 'state.json');
    const result = await cli(['state', 'get', ACTIVE, '--out', out, '--url', 'http://127.0.0.1:9/api/v1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: cannot save the state to ${out}: a part of the path is a file, not a directory; nothing was saved`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('an unknown connection is an error with a suggestion', async () => {
    const { env } = await synced();
    const result = await cli(['state', 'get', 'PostgreSQL -> MinIO'], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: unknown connection 'PostgreSQL -> MinIO'");
    expect(result.stderr).toContain(`'${ACTIVE}'`);
  });
});

describe('state restore', () => {
  it('shows what it writes, saves the state it replaces, and writes the backup back', async () => {
    const { env, active, state } = await synced();
    const file = await saved(env);
    // A second sync moves the cursors on: restore brings back the saved ones.
    await env.client.syncConnection(active);
    for (let i = 0; i < 50 && (await env.client.getJobWithoutLogs(2)).job.status !== 'succeeded'; i++);
    const moved = await env.client.getState(active);
    expect(moved).not.toEqual(state);
    const cwd = tempDir();
    const result = await cli(['state', 'restore', ACTIVE, '--from', file, '--yes'], { url: env.emulator.url, cwd });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      `Restore the sync state of connection '${ACTIVE}' (id ${active}) in workspace 'Default Workspace':`,
      `  from:     ${file}`,
      `  of:       connection '${ACTIVE}' (id ${active})`,
      expect.stringMatching(/^ {2}saved: {4}\d{4}-.*Z, by state get$/),
      '  writes:   stream state of 2 streams: public.customers, public.orders',
      '  current:  stream state of 2 streams: public.customers, public.orders',
    ]);
    expect(await env.client.getState(active)).toEqual(state);
    const backups = readdirSync(join(cwd, '.airbyte-gitops/state-backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}Z-PostgreSQL-MinIO-${active}\\.json$`));
    const replaced = JSON.parse(readFileSync(join(cwd, '.airbyte-gitops/state-backups', backups[0]!), 'utf8')) as { reason: string; state: ConnectionState };
    expect(replaced).toMatchObject({ reason: 'restore', state: moved });
    expect(result.stdout).toContain(`✓ saved the current sync state (stream state of 2 streams) to ${join('.airbyte-gitops/state-backups', backups[0]!)}\n`);
    expect(result.stdout).toContain(`✓ restored the sync state of connection '${ACTIVE}' (stream state of 2 streams)\n`);
  });

  it('without --yes and without a terminal, refuses with the hint and changes nothing', async () => {
    const { env, active } = await synced();
    const file = await saved(env);
    const orders = { streamDescriptor: { name: 'orders', namespace: 'public' }, streamState: { cursor: 'moved on' } };
    const moved = await env.client.updateStateSafe({
      connectionId: active,
      connectionState: { connectionId: active, stateType: 'stream', streamState: [orders] },
    });
    const result = await cli(['state', 'restore', ACTIVE, '--from', file], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  writes:   stream state of 2 streams');
    expect(result.stderr).toContain('error: state restore needs confirmation, but there is no terminal to ask on; nothing was changed');
    expect(result.stderr).toContain('pass --yes');
    expect(await env.client.getState(active)).toEqual(moved);
  });

  it('says that streams the backup does not name keep their current state (Airbyte writes stream by stream)', async () => {
    const { env, active, state } = await synced();
    const file = join(tempDir(), 'orders-only.json');
    const orders = state.streamState!.filter((entry) => entry.streamDescriptor.name === 'orders');
    writeFileSync(file, JSON.stringify({ ...state, streamState: orders.map((entry) => ({ ...entry, streamState: { cursor: 'older' } })) }));
    const result = await cli(['state', 'restore', ACTIVE, '--from', file, '--yes'], { url: env.emulator.url });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('  note: Airbyte writes a state stream by stream: public.customers (not in the backup) keep their current state\n');
    const after = await env.client.getState(active);
    const byName = Object.fromEntries((after.streamState ?? []).map((entry) => [entry.streamDescriptor.name, entry.streamState]));
    expect(byName['orders']).toEqual({ cursor: 'older' });
    expect(byName['customers']).toEqual(state.streamState!.find((entry) => entry.streamDescriptor.name === 'customers')?.streamState);
  });

  it('a backup of another connection is refused without --force, and written to this one with it', async () => {
    const { env, active, paused, state } = await synced();
    const file = await saved(env, ACTIVE);
    const refused = await cli(['state', 'restore', PAUSED, '--from', file, '--yes'], { url: env.emulator.url });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`  ⚠ the backup is of another connection (id ${active}); its state is written to this one (id ${paused})`);
    expect(refused.stderr).toContain(`is a backup of another connection (id ${active}); nothing was changed`);
    expect(refused.stderr).toContain('pass --force');
    expect((await env.client.getState(paused)).stateType).toBe('not_set');
    const forced = await cli(['state', 'restore', PAUSED, '--from', file, '--yes', '--force', '--json'], { url: env.emulator.url });
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toEqual({
      connection: PAUSED,
      connectionId: paused,
      stateType: 'stream',
      streams: 2,
      from: file,
      replacedStateSavedTo: null,
    });
    expect(await env.client.getState(paused)).toEqual({ ...state, connectionId: paused });
  });

  it('reads the bare state that state get prints', async () => {
    const { env, active, state } = await synced();
    const file = join(tempDir(), 'bare.json');
    writeFileSync(file, (await cli(['state', 'get', ACTIVE], { url: env.emulator.url })).stdout);
    const orders = { streamDescriptor: { name: 'orders', namespace: 'public' }, streamState: { cursor: 'moved on' } };
    await env.client.updateStateSafe({ connectionId: active, connectionState: { connectionId: active, stateType: 'stream', streamState: [orders] } });
    const result = await cli(['state', 'restore', ACTIVE, '--from', file, '--yes'], { url: env.emulator.url });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('  saved:    unknown (a bare connection state, not a backup file)');
    expect(await env.client.getState(active)).toEqual(state);
  });

  it('while a sync runs: Airbyte answers 423, and the error names the job to wait for or cancel', async () => {
    const clock = steppingClock(400);
    const env = await startEnv({ jobDurationMs: 1500, now: clock.now });
    const seeded = await seedWorkspace(env.client);
    const file = join(tempDir(), 'state.json');
    writeFileSync(
      file,
      JSON.stringify({
        connectionId: seeded.active,
        stateType: 'stream',
        streamState: [{ streamDescriptor: { name: 'orders', namespace: 'public' }, streamState: { cursor: 1 } }],
      }),
    );
    clock.hold();
    const job = await env.client.syncConnection(seeded.active);
    const result = await cli(['state', 'restore', ACTIVE, '--from', file, '--yes'], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: a sync is running for connection '${ACTIVE}' (job ${job.job.id}), and Airbyte does not change the state of a connection while it syncs; nothing was changed`,
    );
    expect(result.stderr).toContain(`hint: wait for it or cancel it (airbyte-gitops cancel ${job.job.id}), then run restore again`);
    expect((await env.client.getState(seeded.active)).stateType).toBe('not_set');
  });

  it('credentials without the right to write state: a clear error, nothing written', async () => {
    const { env, active, state } = await synced();
    const file = await saved(env);
    const orders = { streamDescriptor: { name: 'orders', namespace: 'public' }, streamState: { cursor: 'moved on' } };
    const moved = await env.client.updateStateSafe({
      connectionId: active,
      connectionState: { connectionId: active, stateType: 'stream', streamState: [orders] },
    });
    expect(moved).not.toEqual(state);
    const url = await refusingProxy(env, 403);
    const result = await cli(['state', 'restore', ACTIVE, '--from', file, '--yes'], { url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: the credentials may not write the sync state of connection '${ACTIVE}':`);
    expect(result.stderr).toContain("hint: writing a state needs edit rights on the workspace 'Default Workspace'");
    expect(await env.client.getState(active)).toEqual(moved);
  });

  it('not authenticated (401): an error saying so, with what to set', async () => {
    const { env } = await synced();
    const file = await saved(env);
    const result = await cli(['state', 'restore', ACTIVE, '--from', file, '--yes'], { url: await refusingProxy(env, 401) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: Airbyte did not accept the credentials to write the sync state of connection '${ACTIVE}': state/create_or_update_safe for connection '${ACTIVE}' was not authenticated (HTTP 401`,
    );
    expect(result.stderr).toContain('AIRBYTE_CLIENT_ID');
  });

  it('a connection deleted after it was looked up (404): an error saying it no longer exists', async () => {
    const { env, active } = await synced();
    const file = await saved(env);
    const result = await cli(['state', 'restore', ACTIVE, '--from', file, '--yes'], { url: await refusingProxy(env, 404) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: connection '${ACTIVE}' (id ${active}) no longer exists in workspace 'Default Workspace'; nothing was changed`);
  });

  it.each([
    ['not JSON', '{"formatVersion": 1,', /it is not valid JSON/],
    ['another format version', '{"formatVersion": 2}', /formatVersion 2 is not one this version reads \(1\)/],
    [
      'a backup without a state type',
      JSON.stringify({
        formatVersion: 1,
        savedAt: 'x',
        workspaceId: 'w',
        connectionId: 'c',
        connectionName: 'n',
        reason: 'update',
        state: { connectionId: 'c' },
      }),
      /state\.stateType is not one of global, stream, legacy, not_set/,
    ],
    [
      'a stream without a name',
      JSON.stringify({ connectionId: 'c', stateType: 'stream', streamState: [{ streamDescriptor: {} }] }),
      /streamState\[0\]\.streamDescriptor\.name is not a stream name/,
    ],
    ['a pipeline file', 'sources: []', /it is not valid JSON/],
    // The wrong file may hold secrets: the parser's message, which quotes the file, is not shown.
    ['an environment file', 'PG_PASSWORD=hunter2-secret', /it is not valid JSON; nothing was changed/],
  ])('a file that is %s is one error naming the file, before any call', async (_what, content, problem) => {
    const file = join(tempDir(), 'backup.json');
    writeFileSync(file, content);
    const result = await cli(['state', 'restore', ACTIVE, '--from', file, '--yes', '--url', 'http://127.0.0.1:9/api/v1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: cannot restore from ${file}: `);
    expect(result.stderr).toMatch(problem);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('a backup of a connection that had no state is refused: nothing to restore', async () => {
    const file = join(tempDir(), 'empty.json');
    writeFileSync(
      file,
      JSON.stringify({
        formatVersion: 1,
        savedAt: 's',
        workspaceId: 'w',
        connectionId: 'c',
        connectionName: 'n',
        reason: 'delete',
        state: { connectionId: 'c', stateType: 'not_set' },
      }),
    );
    const result = await cli(['state', 'restore', ACTIVE, '--from', file, '--yes', '--url', 'http://127.0.0.1:9/api/v1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: ${file} holds no state (not_set): there is nothing to restore; nothing was changed`);
  });

  it('a missing file is one error', async () => {
    const file = join(tempDir(), 'nope.json');
    const result = await cli(['state', 'restore', ACTIVE, '--from', file, '--yes', '--url', 'http://127.0.0.1:9/api/v1']);
    expect(result.stderr).toContain(`error: cannot restore from ${file}: no such file; nothing was changed`);
  });
});
