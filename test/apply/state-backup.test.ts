/**
 * Sync state saved before the calls that reset it: the backup's state/get comes before the update or delete, the
 * file holds what was read, a failed read or write stops the call (and skips its dependents), and each connection is
 * saved once per run.
 */
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/api/types.js';
import { executePlan as execute } from '../../src/apply/executor.js';
import { stateBackupLine, summaryText, toJsonResult } from '../../src/apply/progress.js';
import type { ApplyClient, ExecuteOptions, StateBackupRecord } from '../../src/apply/types.js';
import { GitopsError } from '../../src/errors.js';
import type { ConnectionChange, Plan } from '../../src/plan/types.js';
import { plain } from '../../src/util/color.js';
import { tempDir } from '../temp.js';
import { actorCreate, connectionCreate, FakeClient, planOf } from './fake-client.js';

const NOW = Date.parse('2026-11-27T11:45:56.123Z');
const executePlan = (client: ApplyClient, plan: Plan, options: ExecuteOptions = {}) => execute(client, plan, { convergeWaitMs: 0, now: () => NOW, ...options });

const STREAM_STATE: ConnectionState = {
  connectionId: 'con-1',
  stateType: 'stream',
  streamState: [
    { streamDescriptor: { name: 'users', namespace: 'public' }, streamState: { cursor: '2026-11-01' } },
    { streamDescriptor: { name: 'orders', namespace: 'public' }, streamState: { cursor: 42 } },
  ],
};

/** A fake whose state/get answers `state` for every id (or fails as told). */
class StatefulClient extends FakeClient {
  readFault: GitopsError | undefined;
  constructor(private readonly state: Omit<ConnectionState, 'connectionId'> = STREAM_STATE) {
    super();
  }
  // FakeClient's own answers only not_set; this one answers any state.
  override getState = this.readState.bind(this) as unknown as FakeClient['getState'];
  private async readState(connectionId: string): Promise<ConnectionState> {
    this.calls.push(`state/get ${connectionId}`);
    await Promise.resolve();
    if (this.readFault) throw this.readFault;
    return { ...this.state, connectionId };
  }
}

const common = { fields: [], warnings: [], destructive: true, desired: null, sourceRef: null, destinationRef: null, syncCatalog: null };

function connectionChange(name: string, action: 'update' | 'delete' | 'replace', id: string, savesState = true): ConnectionChange {
  if (action === 'update') {
    return { ...common, kind: 'connection', name, action, id, patch: { status: 'active' }, remoteEndpoints: null, savesState };
  }
  if (action === 'delete') {
    return { ...common, kind: 'connection', name, action, id, patch: null, remoteEndpoints: { sourceId: 'src', destinationId: 'dst' }, savesState };
  }
  const created = connectionCreate(name, 's', 'd');
  return { ...created, action: 'replace', id, destructive: true, remoteEndpoints: { sourceId: 'src', destinationId: 'dst' }, savesState };
}

const backupsIn = (dir: string) => readdirSync(dir).filter((name) => !name.startsWith('.'));

describe('state backups in apply', () => {
  it('reads the state and writes the file before the update is sent; the file holds what was read', async () => {
    const client = new StatefulClient();
    const dir = join(tempDir(), 'backups');
    const seen: StateBackupRecord[] = [];
    const result = await executePlan(client, planOf([connectionChange('pg → s3', 'update', 'con-1')]), {
      stateBackupDir: dir,
      onStateBackup: (record) => {
        // The file is there when the callback runs, and the update has not been sent yet.
        expect(statSync(record.file).isFile()).toBe(true);
        expect(client.calls).not.toContain('connections/update');
        seen.push(record);
      },
    });
    expect(result.status).toBe('applied');
    expect(client.calls).toEqual(['state/get con-1', 'connections/update']);
    const [name] = backupsIn(dir);
    expect(name).toBe('2026-11-27T11-45-56.123Z-pg-s3-con-1.json');
    const file = join(dir, name!);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      formatVersion: 1,
      savedAt: '2026-11-27T11:45:56.123Z',
      workspaceId: 'ws',
      connectionId: 'con-1',
      connectionName: 'pg → s3',
      reason: 'update',
      state: STREAM_STATE,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const record = {
      connection: 'pg → s3',
      connectionId: 'con-1',
      file,
      stateType: 'stream',
      streams: 2,
      savedAt: '2026-11-27T11:45:56.123Z',
      reason: 'update',
    };
    expect(result.stateBackups).toEqual([record]);
    expect(seen).toEqual([record]);
  });

  it('saves before a connection delete and before the delete half of a replace, with the reason', async () => {
    const client = new StatefulClient();
    client.sources.push({ id: 's-id', name: 's' });
    client.destinations.push({ id: 'd-id', name: 'd' });
    const replaced = { ...connectionChange('swapped', 'replace', 'con-r'), sourceRef: { id: 's-id' }, destinationRef: { id: 'd-id' } };
    const dir = tempDir();
    const result = await executePlan(client, planOf([connectionChange('gone', 'delete', 'con-d'), replaced]), { stateBackupDir: dir });
    expect(result.status, JSON.stringify(result.steps)).toBe('applied');
    for (const id of ['con-d', 'con-r']) {
      const calls = client.calls.filter((call) => call.includes(id) || call === 'connections/delete');
      expect(calls[0]).toBe(`state/get ${id}`);
    }
    // The new connection of the replace is created after; its (empty) state is not saved.
    expect(client.calls.filter((call) => call.startsWith('state/get')).sort()).toEqual(['state/get con-d', 'state/get con-r']);
    expect(client.calls.indexOf('connections/create')).toBeGreaterThan(client.calls.indexOf('state/get con-r'));
    expect(result.stateBackups?.map((record) => [record.connection, record.reason]).sort()).toEqual([
      ['gone', 'delete'],
      ['swapped', 'replace'],
    ]);
    expect(backupsIn(dir)).toHaveLength(2);
  });

  it('a relative directory is taken under cwd and reported relative, as the user can pass it to restore', async () => {
    const cwd = tempDir();
    const result = await executePlan(new StatefulClient(), planOf([connectionChange('c', 'update', 'con-1')]), { cwd });
    const file = join('.airbyte-gitops/state-backups', '2026-11-27T11-45-56.123Z-c-con-1.json');
    expect(result.stateBackups?.[0]?.file).toBe(file);
    expect(statSync(join(cwd, file)).isFile()).toBe(true);
  });

  it('does not read the state of a change without savesState (and writes no directory)', async () => {
    const client = new StatefulClient();
    const dir = join(tempDir(), 'backups');
    const result = await executePlan(client, planOf([connectionChange('c', 'update', 'con-1', false)]), { stateBackupDir: dir });
    expect(result.status).toBe('applied');
    expect(client.calls).toEqual(['connections/update']);
    expect(result.stateBackups).toBeUndefined();
    expect(() => statSync(dir)).toThrow();
    expect(toJsonResult(planOf([]), result).stateBackups).toEqual([]);
  });

  it('records a not_set state too, so the user knows there was nothing to lose', async () => {
    const client = new StatefulClient({ stateType: 'not_set' });
    const dir = tempDir();
    const result = await executePlan(client, planOf([connectionChange('c', 'update', 'con-1')]), { stateBackupDir: dir });
    expect(result.stateBackups).toMatchObject([{ stateType: 'not_set', streams: 0 }]);
    const [name] = backupsIn(dir);
    expect(JSON.parse(readFileSync(join(dir, name!), 'utf8')).state).toEqual({ connectionId: 'con-1', stateType: 'not_set' });
    expect(stateBackupLine(result.stateBackups![0]!, plain)).toBe(`✓ saved the sync state of connection 'c' (no state yet (not_set)) to ${join(dir, name!)}`);
  });

  it('a failed read fails the step without sending the update, and skips what depends on it', async () => {
    const client = new StatefulClient();
    client.readFault = new GitopsError('API_ERROR', "state/get for connection 'c' failed with HTTP 500", { status: 500 });
    const dir = tempDir();
    const update = connectionChange('c', 'update', 'con-1');
    const plan = planOf([update]);
    // A step that waits for the update: skipped with it.
    plan.order.push({ key: 'later', op: 'update', kind: 'connection', name: 'later', change: 0, dependsOn: [plan.order[0]!.key] });
    const result = await executePlan(client, plan, { stateBackupDir: dir });
    expect(result.status).toBe('failed');
    expect(client.calls).toEqual(['state/get con-1']);
    expect(result.steps[0]).toMatchObject({
      status: 'failed',
      error: "could not read the sync state of connection 'c' to save it first, so the update was not sent: state/get for connection 'c' failed with HTTP 500",
    });
    expect(result.steps[1]).toMatchObject({ status: 'skipped', blockedBy: "connection 'c'" });
    expect(backupsIn(dir)).toEqual([]);
  });

  it('a connection Airbyte does not know has no state to lose: nothing is saved and the call goes on (to its 404)', async () => {
    const client = new StatefulClient();
    client.readFault = new GitopsError('API_ERROR', 'state/get failed with HTTP 404', { status: 404 });
    const dir = tempDir();
    const result = await executePlan(client, planOf([connectionChange('c', 'delete', 'con-1')]), { stateBackupDir: dir });
    expect(result.status).toBe('applied');
    expect(client.calls).toEqual(['state/get con-1', 'connections/delete']);
    expect(result.stateBackups).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  // Root writes anywhere: the permission is then checked through writeProblem (state-write.test.ts).
  it.skipIf(process.getuid?.() === 0)('a directory that cannot be written fails the step naming it and the setting; the delete is not sent', async () => {
    const client = new StatefulClient();
    client.connections.push({ id: 'con-1', name: 'c', sourceId: 'src', destinationId: 'dst', streams: 1 });
    const dir = tempDir();
    chmodSync(dir, 0o500);
    try {
      const result = await executePlan(client, planOf([connectionChange('c', 'delete', 'con-1')]), { stateBackupDir: dir });
      expect(result.status).toBe('failed');
      expect(result.steps[0]?.error).toBe(
        `could not save the sync state of connection 'c' to ${dir}: permission denied; the connection was not deleted. Choose a writable directory with --state-backup-dir or AIRBYTE_STATE_BACKUP_DIR`,
      );
      expect(client.calls).toEqual(['state/get con-1']);
      expect(client.connections).toHaveLength(1);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('a backup directory path that is a file fails the step (nothing sent)', async () => {
    const client = new StatefulClient();
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'mine');
    const result = await executePlan(client, planOf([connectionChange('c', 'update', 'con-1')]), { stateBackupDir: join(file, 'backups') });
    expect(result.steps[0]?.error).toContain('a part of the path is a file, not a directory; the update was not sent');
    expect(client.calls).not.toContain('connections/update');
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('saves each connection once per run, even when two steps name it', async () => {
    const client = new StatefulClient();
    const dir = tempDir();
    const plan = planOf([connectionChange('c', 'update', 'con-1'), connectionChange('c-again', 'delete', 'con-1')]);
    const result = await executePlan(client, plan, { stateBackupDir: dir });
    expect(result.status).toBe('applied');
    expect(client.calls.filter((call) => call.startsWith('state/get'))).toEqual(['state/get con-1']);
    expect(backupsIn(dir)).toHaveLength(1);
    expect(result.stateBackups).toHaveLength(1);
  });

  it('runs at the same moment never overwrite each other: a taken name gets -2, -3', async () => {
    const dir = tempDir();
    const runs = await Promise.all(
      [1, 2, 3].map(() => executePlan(new StatefulClient(), planOf([connectionChange('c', 'update', 'con-1')]), { stateBackupDir: dir })),
    );
    const files = runs.map((run) => run.stateBackups?.[0]?.file);
    expect(new Set(files).size).toBe(3);
    expect(backupsIn(dir).sort()).toEqual([
      '2026-11-27T11-45-56.123Z-c-con-1-2.json',
      '2026-11-27T11-45-56.123Z-c-con-1-3.json',
      '2026-11-27T11-45-56.123Z-c-con-1.json',
    ]);
  });

  it('an existing file with the name (even a symlink) is left as it is', async () => {
    const dir = tempDir();
    const target = join(tempDir(), 'elsewhere.txt');
    writeFileSync(target, 'keep me');
    symlinkSync(target, join(dir, '2026-11-27T11-45-56.123Z-c-con-1.json'));
    const result = await executePlan(new StatefulClient(), planOf([connectionChange('c', 'update', 'con-1')]), { stateBackupDir: dir });
    expect(result.stateBackups?.[0]?.file).toBe(join(dir, '2026-11-27T11-45-56.123Z-c-con-1-2.json'));
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('a hostile connection name gives a safe, bounded file name inside the directory; the file keeps the name', async () => {
    const dir = tempDir();
    const name = `../../etc/\u001b[31m..\\passwd\u0000${'x'.repeat(10_000)}`;
    const result = await executePlan(new StatefulClient(), planOf([connectionChange(name, 'update', 'con-1')]), { stateBackupDir: dir });
    const [file] = backupsIn(dir);
    expect(file).toMatch(/^2026-11-27T11-45-56\.123Z-etc-31m-passwd-x+-con-1\.json$/);
    expect(file!.length).toBeLessThan(130);
    expect(readdirSync(dir)).toEqual([file]);
    expect(JSON.parse(readFileSync(join(dir, file!), 'utf8')).connectionName).toBe(name);
    // Printed, the name shows its control characters as escapes.
    expect(summaryText(result, plain)).not.toContain('\u001b');
    expect(summaryText(result, plain)).toContain('\\u001b[31m');
  });

  it('lists the backups in the summary with the restore command, and in the JSON result', async () => {
    const dir = tempDir();
    const result = await executePlan(new StatefulClient(), planOf([connectionChange('c', 'update', 'con-1')]), { stateBackupDir: dir });
    const file = join(dir, '2026-11-27T11-45-56.123Z-c-con-1.json');
    expect(summaryText(result, plain)).toBe(
      [
        'Sync state saved before the change that resets it:',
        `  connection 'c' (stream state, 2 streams): ${file}`,
        '  Restore one with: airbyte-gitops state restore <connection> --from <file>',
        'Apply complete: 0 created, 1 updated, 0 deleted.',
        '',
      ].join('\n'),
    );
    expect(toJsonResult(planOf([]), result).stateBackups).toEqual(result.stateBackups);
  });

  it('a create-only plan never reads state', async () => {
    const client = new StatefulClient();
    await executePlan(client, planOf([actorCreate('source', 's'), actorCreate('destination', 'd'), connectionCreate('c', 's', 'd')]), {
      stateBackupDir: tempDir(),
    });
    expect(client.calls.some((call) => call.startsWith('state/get'))).toBe(false);
  });
});
