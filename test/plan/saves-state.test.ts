/**
 * `savesState`: set on exactly the connection changes whose step resets or clears sync state, and rendered with the
 * backup directory; the schema-change notification settings are managed like the other optional settings.
 */
import { describe, expect, test } from 'vitest';
import { stateBackupDirOf } from '../../src/commands/plan.js';
import { renderJson, renderMarkdown, renderText } from '../../src/plan/render/index.js';
import type { ConnectionChange } from '../../src/plan/types.js';
import { plain } from '../../src/util/color.js';
import { MYSQL, connection, desiredStream, inSync, planFor, remoteConnection, storedStream } from './fixtures.js';

type State = ReturnType<typeof inSync>;

const connections = (plan: ReturnType<typeof planFor>) => plan.changes.filter((change): change is ConnectionChange => change.kind === 'connection');

describe('savesState', () => {
  test.each([
    ['a sync-mode change', (s: State): unknown => (s.desired.connections[0]!.streams[0]!.syncMode = 'incremental'), 'update', true],
    ['a deselected stream', (s: State): unknown => s.remote.connections[0]!.syncCatalog.streams.push(storedStream('orders')), 'update', true],
    ['a replace (its source is replaced)', (s: State): unknown => (s.desired.sources[0]!.definition = MYSQL), 'replace', true],
    ['a settings change', (s: State): unknown => (s.desired.connections[0]!.status = 'inactive'), 'update', false],
    ['a stream added', (s: State): unknown => s.desired.connections[0]!.streams.push(desiredStream('orders')), 'update', false],
    ['nothing', (): unknown => undefined, 'no-op', false],
  ] as const)('%s', (_, change, action, saves) => {
    const state = inSync();
    state.remote.discovered['src-1'] = { streams: [storedStream('customers'), storedStream('orders')] };
    change(state);
    const [planned] = connections(planFor(state.desired, state.remote));
    expect(planned).toMatchObject({ action, savesState: saves });
  });

  test('a create saves nothing; a pruned connection is deleted after its state is saved', () => {
    const { desired, remote } = inSync();
    desired.connections.push(connection('second', [desiredStream('customers')]));
    remote.discovered['src-1'] = { streams: [storedStream('customers')] };
    remote.connections.push(remoteConnection('conn-9', 'old', []));
    const plan = planFor(desired, remote, { prune: true });
    expect(connections(plan).map((change) => [change.name, change.action, change.savesState])).toEqual([
      ['pg-to-lake', 'no-op', false],
      ['second', 'create', false],
      ['old', 'delete', true],
    ]);
  });

  test('every renderer names the backup directory', () => {
    const { desired, remote } = inSync();
    desired.connections[0]!.streams[0]!.syncMode = 'incremental';
    const plan = planFor(desired, remote);
    const options = { stateBackupDir: '/var/backups/airbyte' };
    expect(renderText(plan, plain, options)).toContain('      # sync state saved to /var/backups/airbyte first\n');
    expect(renderText(plan, plain)).toContain('      # sync state saved to .airbyte-gitops/state-backups first\n');
    expect(renderMarkdown(plan, desired, options)).toContain('- sync state saved to /var/backups/airbyte first');
    const json = JSON.parse(renderJson(plan, options)) as { stateBackupDir: string; changes: { kind: string; savesState?: boolean }[] };
    expect(json.stateBackupDir).toBe('/var/backups/airbyte');
    expect(json.changes.find((change) => change.kind === 'connection')?.savesState).toBe(true);
  });
});

describe('the backup directory', () => {
  test('--state-backup-dir, else AIRBYTE_STATE_BACKUP_DIR (when not empty), else the default', () => {
    expect(stateBackupDirOf('/flag', { AIRBYTE_STATE_BACKUP_DIR: '/env' })).toBe('/flag');
    expect(stateBackupDirOf(undefined, { AIRBYTE_STATE_BACKUP_DIR: '/env' })).toBe('/env');
    expect(stateBackupDirOf(undefined, { AIRBYTE_STATE_BACKUP_DIR: '' })).toBe('.airbyte-gitops/state-backups');
    expect(stateBackupDirOf(undefined, {})).toBe('.airbyte-gitops/state-backups');
  });
});

describe('schema-change notifications', () => {
  test('absent: not managed; declared: compared and patched; equal: nothing to do', () => {
    const { desired, remote } = inSync();
    expect(connections(planFor(desired, remote))[0]?.action).toBe('no-op');
    desired.connections[0]!.notifySchemaChanges = true;
    desired.connections[0]!.notifySchemaChangesByEmail = false;
    const [update] = connections(planFor(desired, remote));
    expect(update?.fields).toEqual([
      { path: 'notifySchemaChanges', before: null, after: true },
      { path: 'notifySchemaChangesByEmail', before: null, after: false },
    ]);
    expect(update?.patch).toEqual({ notifySchemaChanges: true, notifySchemaChangesByEmail: false });
    remote.connections[0]!.notifySchemaChanges = true;
    remote.connections[0]!.notifySchemaChangesByEmail = false;
    expect(connections(planFor(desired, remote))[0]?.action).toBe('no-op');
  });

  test('a create shows them', () => {
    const { desired, remote } = inSync();
    desired.connections[0]!.notifySchemaChanges = false;
    remote.connections = [];
    remote.discovered['src-1'] = { streams: [storedStream('customers')] };
    const [create] = connections(planFor(desired, remote));
    expect(create?.fields).toContainEqual({ path: 'notifySchemaChanges', before: null, after: false });
  });
});
