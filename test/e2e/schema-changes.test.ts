/**
 * Sources change, end to end: the real CLI against the emulator on a loopback port, as a data team would run it.
 * - a source's schema changes while the emulator runs, and `plan --refresh` shows exactly that drift (and touches no
 *   connection);
 * - an all-streams connection picks up a new upstream table through plan → apply;
 * - a wrong stream on a new source fails at `plan`, and `apply` writes nothing;
 * - a sync-mode change saves the connection's sync state first, and `state restore` brings it back.
 */
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/api/types.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { cleanupAfterEachTest } from '../cleanup.js';
import { runCounted } from '../emulator-calls.js';
import { tempDir } from '../temp.js';

const SOURCE = 'PostgreSQL - Ecommerce';
const CONNECTION = 'PostgreSQL → MinIO';
const WRITES = ['sources/create', 'destinations/create', 'connections/create', 'connections/update', 'sources/update', 'destinations/update'];

const stops: (() => Promise<void>)[] = [];
cleanupAfterEachTest(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function emulator(options: { jobDurationMs?: number } = {}): Promise<EmulatorHandle> {
  const started = await startEmulator({ port: 0, ...options });
  stops.push(() => started.stop());
  return started;
}

const origin = (server: EmulatorHandle) => new URL(server.url).origin;

/** One CLI run against `server` in `cwd`: its result, and the API calls it made by name. */
const run = (server: EmulatorHandle, cwd: string, args: string[]) => runCounted(server, args, { cwd });

async function changeSchema(server: EmulatorHandle, changes: Record<string, unknown>[]): Promise<void> {
  const answer = await fetch(`${origin(server)}/_emulator/schema`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ source: SOURCE, changes }),
  });
  expect(answer.status, await answer.clone().text()).toBeLessThan(300);
}

/** A directory holding the ecommerce example (PostgreSQL → MinIO, streams customers and orders). */
function ecommerce(edit: (text: string) => string = (text) => text): { dir: string; file: string } {
  const dir = tempDir('e2e-schema-');
  cpSync('examples/pipelines/ecommerce.yaml', join(dir, 'ecommerce.yaml'));
  const file = join(dir, 'ecommerce.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return { dir, file };
}

interface JsonPlan {
  refreshed?: boolean;
  changes: {
    kind: string;
    name: string;
    action: string;
    drift?: {
      streamsAdded: string[];
      streamsRemoved: string[];
      streamsChanged: { stream: string; columnsAdded: string[]; columnsRemoved: string[]; columnsChanged: string[]; breaking: boolean }[];
      breaking: boolean;
    };
  }[];
}

describe('a source whose schema changes while the emulator runs', () => {
  it('plan --refresh shows exactly the drift, discovers past the cache and without the connection, and changes nothing', async () => {
    const server = await emulator();
    const { dir, file } = ecommerce();
    expect((await run(server, dir, ['apply', file, '--auto-approve'])).code).toBe(0);
    await changeSchema(server, [
      { op: 'add_stream', stream: 'refunds', namespace: 'public', columns: { id: 'integer', amount: 'number' }, primaryKey: [['id']] },
      { op: 'drop_column', stream: 'orders', namespace: 'public', column: 'status' },
      { op: 'add_column', stream: 'customers', namespace: 'public', column: 'loyalty_tier', type: 'string' },
    ]);

    // Without --refresh nothing is discovered and nothing shows.
    const plain = await run(server, dir, ['plan', file]);
    expect(plain.stdout).toContain('No changes. Airbyte matches the pipeline.');
    expect(plain.calls['sources/discover_schema']).toBeUndefined();

    const refreshed = await run(server, dir, ['plan', file, '--refresh', '--json']);
    expect(refreshed.code, refreshed.stderr).toBe(0);
    expect(refreshed.calls['sources/discover_schema']).toBe(1);
    for (const write of WRITES) expect(refreshed.calls[write]).toBeUndefined();
    const plan = JSON.parse(refreshed.stdout) as JsonPlan;
    expect(plan.refreshed).toBe(true);
    const connection = plan.changes.find((change) => change.kind === 'connection' && change.name === CONNECTION);
    expect(connection?.drift).toEqual({
      // Every stream the source offers that the connection does not sync: the new table among them.
      streamsAdded: expect.arrayContaining(['public.refunds', 'public.products', 'public.order_items']) as unknown as string[],
      streamsRemoved: [],
      streamsChanged: [
        { stream: 'public.customers', columnsAdded: ['loyalty_tier'], columnsRemoved: [], columnsChanged: [], breaking: false },
        { stream: 'public.orders', columnsAdded: [], columnsRemoved: ['status'], columnsChanged: [], breaking: false },
      ].sort((a, b) => a.stream.localeCompare(b.stream)),
      breaking: false,
    });
    expect(connection?.drift?.streamsAdded).toHaveLength(3);
    expect(connection?.action).toBe('update');

    const text = await run(server, dir, ['plan', file, '--refresh']);
    expect(text.stdout).toContain('schema drift upstream:');
    expect(text.stdout).toContain('~ stream public.customers: columns added: loyalty_tier');
    expect(text.stdout).toContain('~ stream public.orders: columns removed: status');
    expect(text.stdout).toContain('public.refunds');

    // The server's own diff (discovery with the connection) would have recorded the change on the connection: the
    // plan never asked for it, so the connection is untouched and still active.
    const stateAfter = (await (await fetch(`${origin(server)}/_emulator/state`)).json()) as {
      connections: Record<string, { name: string; status: string; breakingChange?: boolean }>;
    };
    const stored = Object.values(stateAfter.connections).find((item) => item.name === CONNECTION);
    expect(stored?.status).toBe('active');
    expect(stored?.breakingChange ?? false).toBe(false);

    // apply --refresh takes the refreshed catalog; afterwards the refreshed plan is clean of changes.
    const applied = await run(server, dir, ['apply', file, '--refresh', '--auto-approve']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.calls['connections/update']).toBe(1);
    const after = JSON.parse((await run(server, dir, ['plan', file, '--refresh', '--json'])).stdout) as JsonPlan;
    expect(after.changes.every((change) => change.action === 'no-op')).toBe(true);
  });
});

describe('an all-streams connection', () => {
  it('picks up a new upstream table: shown by plan --refresh first, selected by apply --refresh', async () => {
    const server = await emulator();
    const { dir, file } = ecommerce((text) =>
      text.replace(
        / {4}streams:\n[\s\S]*$/,
        ['    allStreams:', '      namespaces: [public]', '      syncMode: full_refresh', '      destinationSyncMode: overwrite', ''].join('\n'),
      ),
    );
    const created = await run(server, dir, ['apply', file, '--auto-approve']);
    expect(created.code, created.stderr).toBe(0);
    const streamsOf = async (): Promise<string[]> => {
      const state = (await (await fetch(`${origin(server)}/_emulator/state`)).json()) as {
        connections: Record<string, { name: string; syncCatalog: { streams: { stream: { name: string } }[] } }>;
      };
      const stored = Object.values(state.connections).find((item) => item.name === CONNECTION);
      return (stored?.syncCatalog.streams ?? []).map((entry) => entry.stream.name).sort();
    };
    expect(await streamsOf()).toEqual(['customers', 'order_items', 'orders', 'products']);

    await changeSchema(server, [{ op: 'add_stream', stream: 'invoices', namespace: 'public', columns: { id: 'integer' } }]);
    // Without --refresh the stored streams are the universe: nothing new yet, no discovery.
    const quiet = await run(server, dir, ['plan', file]);
    expect(quiet.stdout).toContain('No changes. Airbyte matches the pipeline.');
    expect(quiet.calls['sources/discover_schema']).toBeUndefined();

    const shown = await run(server, dir, ['plan', file, '--refresh']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/\+ streams\[public\.invoices\]/);
    expect(await streamsOf()).not.toContain('invoices');

    const applied = await run(server, dir, ['apply', file, '--refresh', '--auto-approve']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(await streamsOf()).toEqual(['customers', 'invoices', 'order_items', 'orders', 'products']);
    expect((await run(server, dir, ['plan', file, '--refresh'])).stdout).toContain('No changes. Airbyte matches the pipeline.');
  });
});

describe('a wrong stream on a new source', () => {
  it('fails at plan with the stream at its line, and apply writes nothing', async () => {
    const server = await emulator();
    const { dir, file } = ecommerce((text) => text.replace('- name: orders', '- name: ordrs'));
    const planned = await run(server, dir, ['plan', file]);
    expect(planned.code).toBe(1);
    expect(planned.stderr).toMatch(/ecommerce\.yaml:\d+:\d+: error: .*stream 'public\.ordrs' does not exist in source 'PostgreSQL - Ecommerce' \(did you mean/);
    expect(planned.calls['scheduler/sources/discover_schema']).toBe(1);
    const applied = await run(server, dir, ['apply', file, '--auto-approve']);
    expect(applied.code).toBe(1);
    for (const write of WRITES) expect(applied.calls[write]).toBeUndefined();
    const { writes } = (await (await fetch(`${origin(server)}/_emulator/requests`)).json()) as { writes: number };
    expect(writes).toBe(0);
  });
});

describe('a connection created again on an existing source', () => {
  it('is checked against what the source offers now: a stream dropped upstream fails the plan before anything is deleted', async () => {
    const server = await emulator();
    const { dir, file } = ecommerce();
    expect((await run(server, dir, ['apply', file, '--auto-approve'])).code).toBe(0);
    await changeSchema(server, [{ op: 'drop_stream', stream: 'orders', namespace: 'public' }]);
    // Another destination connector: the destination is replaced, and with it the connection.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /definition: S3\n {4}configuration:\n[\s\S]*?\n\nconnections:/,
        'definition: Local JSON\n    configuration:\n      destination_path: /local/bronze\n\nconnections:',
      ),
    );
    const planned = await run(server, dir, ['plan', file]);
    expect(planned.code).toBe(1);
    expect(planned.stderr).toMatch(/stream 'public\.orders' does not exist in source 'PostgreSQL - Ecommerce'/);
    expect(planned.calls['sources/discover_schema']).toBe(1);
    const applied = await run(server, dir, ['apply', file, '--auto-approve', '--allow-destroy']);
    expect(applied.code).toBe(1);
    for (const call of [...WRITES, 'connections/delete', 'destinations/delete']) expect(applied.calls[call]).toBeUndefined();
  });
});

describe('sync state kept safe', () => {
  it('a sync-mode change saves the state first; state restore brings it back', async () => {
    const server = await emulator({ jobDurationMs: 200 });
    const { dir, file } = ecommerce();
    expect((await run(server, dir, ['apply', file, '--auto-approve'])).code).toBe(0);
    const synced = await run(server, dir, ['sync', CONNECTION, '--wait']);
    expect(synced.code, synced.stderr).toBe(0);
    const before = JSON.parse((await run(server, dir, ['state', 'get', CONNECTION])).stdout) as ConnectionState;
    expect(before.stateType).toBe('stream');
    const streamsWithState = (state: ConnectionState) => (state.streamState ?? []).map((entry) => entry.streamDescriptor.name).sort();
    expect(streamsWithState(before)).toEqual(['customers', 'orders']);

    // orders: incremental → full refresh. Airbyte deletes that stream's state.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /- name: orders\n(\s+)namespace: public\n\s+syncMode: incremental\n\s+destinationSyncMode: append\n\s+cursorField: \[updated_at\]/,
        '- name: orders\n$1namespace: public\n$1syncMode: full_refresh\n$1destinationSyncMode: overwrite',
      ),
    );
    const planned = await run(server, dir, ['plan', file]);
    expect(planned.stdout).toContain('sync state saved to .airbyte-gitops/state-backups first');
    const applied = await run(server, dir, ['apply', file, '--auto-approve', '--allow-destroy', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    const result = JSON.parse(applied.stdout) as { stateBackups: { connection: string; file: string }[] };
    expect(result.stateBackups).toHaveLength(1);
    const backup = result.stateBackups[0]!;
    expect(backup.connection).toBe(CONNECTION);
    const backupPath = join(dir, backup.file);
    expect(statSync(backupPath).mode & 0o777).toBe(0o600);
    expect((JSON.parse(readFileSync(backupPath, 'utf8')) as { state: ConnectionState }).state).toEqual(before);

    const reset = JSON.parse((await run(server, dir, ['state', 'get', CONNECTION])).stdout) as ConnectionState;
    expect(streamsWithState(reset)).toEqual(['customers']);

    const restored = await run(server, dir, ['state', 'restore', CONNECTION, '--from', backup.file, '--yes']);
    expect(restored.code, restored.stderr).toBe(0);
    const after = JSON.parse((await run(server, dir, ['state', 'get', CONNECTION])).stdout) as ConnectionState;
    expect(after).toEqual(before);
  });

  it('a saved plan keeps the backup directory it showed: apply of the saved plan saves there', async () => {
    const server = await emulator({ jobDurationMs: 200 });
    const { dir, file } = ecommerce();
    expect((await run(server, dir, ['apply', file, '--auto-approve'])).code).toBe(0);
    expect((await run(server, dir, ['sync', CONNECTION, '--wait'])).code).toBe(0);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('syncMode: incremental', 'syncMode: full_refresh')
        .replace('destinationSyncMode: append', 'destinationSyncMode: overwrite'),
    );
    const savedPlan = join(dir, 'plan.json');
    const saved = await run(server, dir, ['plan', file, '--state-backup-dir', 'kept-states', '--out', savedPlan]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('sync state saved to kept-states first');
    const applied = await run(server, dir, ['apply', savedPlan, '--auto-approve', '--allow-destroy', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    const result = JSON.parse(applied.stdout) as { stateBackups: { file: string }[] };
    expect(result.stateBackups.map((backup) => backup.file.split('/')[0])).toEqual(['kept-states']);
  });
});
