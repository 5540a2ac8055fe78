import { describe, expect, test } from 'vitest';
import type { DesiredSchedule } from '../../src/model/desired.js';
import type { RemoteConnection } from '../../src/model/remote.js';
import type { ConnectionChange, Plan } from '../../src/plan/types.js';
import { toSchedule } from '../../src/plan/diff/connections.js';
import {
  connection,
  desiredStream,
  inSync,
  pgConfig,
  pipeline,
  remoteActor,
  maskedPg,
  remoteState,
  source,
  destination,
  s3Config,
  storedStream,
  planFor,
} from './fixtures.js';

function connectionChange(plan: Plan): ConnectionChange {
  return plan.changes.find((c) => c.kind === 'connection') as ConnectionChange;
}

/** Plan of the in-sync pipeline after `edit` changes the desired connection and `remoteEdit` the stored one. */
function planWith(edit: (c: ReturnType<typeof inSync>['desired']['connections'][number]) => void, remoteEdit: (c: RemoteConnection) => void = () => {}) {
  const { desired, remote } = inSync([desiredStream('customers'), desiredStream('orders')]);
  edit(desired.connections[0]!);
  remoteEdit(remote.connections[0]!);
  return connectionChange(planFor(desired, remote));
}

describe('diff: connections', () => {
  test('stream order never makes a difference', () => {
    const change = planWith(
      (c) => c.streams.reverse(),
      (r) => r.syncCatalog.streams.reverse(),
    );
    expect(change.action).toBe('no-op');
    const reordered = planWith((c) => c.streams.reverse());
    expect(reordered.action).toBe('no-op');
  });

  test('a stream declared without namespace matches the stored one by name', () => {
    const change = planWith((c) => c.streams.forEach((s) => delete s.namespace));
    expect(change.action).toBe('no-op');
  });

  const basic = (units: number): DesiredSchedule => ({ type: 'basic', units, timeUnit: 'hours' });
  const cron: DesiredSchedule = { type: 'cron', cronExpression: '0 0 * * * ?', cronTimeZone: 'UTC' };
  test.each<[string, DesiredSchedule, Partial<RemoteConnection> & { schedule?: unknown }, object[]]>([
    ['manual = manual', { type: 'manual' }, { scheduleType: 'manual' }, []],
    [
      'basic equal (legacy schedule ignored)',
      basic(6),
      { scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 6 } }, schedule: { units: 24, timeUnit: 'days' } },
      [],
    ],
    ['cron equal', cron, { scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 * * * ?', cronTimeZone: 'UTC' } } }, []],
    [
      'basic units',
      basic(6),
      { scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 24 } } },
      [{ path: 'schedule.units', before: 24, after: 6 }],
    ],
    [
      'basic units and time unit',
      basic(6),
      { scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'days', units: 1 } } },
      [
        { path: 'schedule.units', before: 1, after: 6 },
        { path: 'schedule.timeUnit', before: 'days', after: 'hours' },
      ],
    ],
    [
      'cron expression',
      cron,
      { scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 30 2 * * ?', cronTimeZone: 'UTC' } } },
      [{ path: 'schedule.cron', before: '0 30 2 * * ?', after: '0 0 * * * ?' }],
    ],
    ['basic stored without its data', basic(6), { scheduleType: 'basic' }, [{ path: 'schedule', before: 'basic', after: { units: 6, timeUnit: 'hours' } }]],
    ['manual → cron', cron, { scheduleType: 'manual' }, [{ path: 'schedule', before: 'manual', after: { cron: '0 0 * * * ?', timezone: 'UTC' } }]],
    [
      'basic → manual',
      { type: 'manual' },
      { scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 1 } } },
      [{ path: 'schedule', before: { units: 1, timeUnit: 'hours' }, after: 'manual' }],
    ],
  ])('schedules: %s', (_, schedule, stored, fields) => {
    const change = planWith(
      (c) => (c.schedule = schedule),
      (r) => Object.assign(r, stored),
    );
    expect(change.fields).toEqual(fields);
    expect(change.action).toBe(fields.length === 0 ? 'no-op' : 'update');
    if (fields.length > 0) {
      expect(change.patch).not.toHaveProperty('schedule');
      expect(change.patch).not.toHaveProperty('syncCatalog');
      // What apply sends stays in Airbyte's model: the type with its whole data.
      expect(change.patch?.scheduleType).toBe(schedule.type);
      expect(change.patch?.scheduleData).toEqual(toSchedule(schedule).scheduleData);
    }
  });

  test('the patch carries only the changed settings; no catalog when streams are equal', () => {
    const change = planWith((c) => {
      c.status = 'inactive';
      c.nonBreakingChangesPreference = 'propagate_columns';
    });
    expect(change.patch).toEqual({ status: 'inactive', nonBreakingChangesPreference: 'propagate_columns' });
    expect(change.destructive).toBe(false);
  });

  test('unset optional settings are not managed; absent remote values equal server defaults', () => {
    const unset = planWith(
      () => {},
      (r) => {
        r.prefix = 'x_';
        r.namespaceDefinition = 'destination';
      },
    );
    expect(unset.action).toBe('no-op');
    const defaults = planWith(
      (c) => {
        c.prefix = '';
        c.namespaceDefinition = 'source';
        c.nonBreakingChangesPreference = 'ignore';
      },
      (r) => {
        delete r.prefix;
        delete r.namespaceDefinition;
        delete r.nonBreakingChangesPreference;
      },
    );
    expect(defaults.action).toBe('no-op');
  });

  test.each([
    [
      'syncMode change loses state',
      (c: ReturnType<typeof inSync>['desired']['connections'][number]) => (c.streams[0]!.syncMode = 'incremental'),
      true,
      "stream 'public.customers': syncMode changes from full_refresh to incremental; Airbyte deletes its sync state and the next sync reads it in full",
    ],
    [
      'deselected stream stops syncing',
      (c: ReturnType<typeof inSync>['desired']['connections'][number]) => c.streams.splice(1, 1),
      false,
      "stream 'public.orders' is deselected: it stops syncing",
    ],
    [
      'prefix change writes new tables',
      (c: ReturnType<typeof inSync>['desired']['connections'][number]) => (c.prefix = 'raw_'),
      false,
      `prefix changes from "" to "raw_": streams 'public.customers', 'public.orders' are written to new tables`,
    ],
    [
      'namespace change writes new tables',
      (c: ReturnType<typeof inSync>['desired']['connections'][number]) => (c.namespaceDefinition = 'destination'),
      false,
      `namespaceDefinition changes from "source" to "destination": streams 'public.customers', 'public.orders' are written to new tables`,
    ],
  ])('warning: %s', (_, edit, destructive, warning) => {
    const change = planWith(edit);
    expect(change.action).toBe('update');
    expect(change.warnings).toEqual([warning]);
    expect(change.destructive).toBe(destructive);
  });

  test('a stream change sends the whole catalog, built from the stored streams', () => {
    const change = planWith((c) => (c.streams[0]!.syncMode = 'incremental'));
    expect(change.fields).toEqual([{ path: 'streams[public.customers].syncMode', before: 'full_refresh', after: 'incremental' }]);
    expect(change.patch?.syncCatalog?.streams.map((s) => [s.stream.name, s.config.syncMode, s.config.selected])).toEqual([
      ['customers', 'incremental', true],
      ['orders', 'full_refresh', true],
    ]);
  });

  test.each([
    ['cursor', { cursorField: ['updated_at'] }, { sourceDefinedCursor: true, defaultCursorField: ['_ab_cdc_lsn'] }, { cursorField: ['_ab_cdc_lsn'] }],
    ['primary key', { primaryKey: [['uuid']] }, { sourceDefinedPrimaryKey: [['id']] }, { primaryKey: [['id']] }],
  ])('a source-defined %s: the declared one makes no diff', (_, declared, metadata, stored) => {
    const { desired, remote } = inSync([desiredStream('customers', { syncMode: 'incremental', destinationSyncMode: 'append', ...declared })]);
    remote.connections[0]!.syncCatalog.streams = [storedStream('customers', { syncMode: 'incremental', destinationSyncMode: 'append', ...stored }, metadata)];
    expect(connectionChange(planFor(desired, remote)).action).toBe('no-op');
  });

  test('a declared cursor / primary key / field selection where the source defines none is compared', () => {
    const change = planWith((c) => {
      c.streams[0]!.cursorField = ['updated_at'];
      c.streams[0]!.primaryKey = [['id']];
      c.streams[0]!.selectedFields = ['id', 'email'];
    });
    expect(change.fields).toEqual([
      { path: 'streams[public.customers].cursorField', before: null, after: ['updated_at'] },
      { path: 'streams[public.customers].primaryKey', before: null, after: [['id']] },
      { path: 'streams[public.customers].selectedFields', before: null, after: ['id', 'email'] },
    ]);
  });

  test('a connection whose endpoint moves is replaced (Airbyte cannot move it)', () => {
    const { desired, remote } = inSync();
    remote.sources.push(remoteActor('source', 'src-2', 'pg-replica', maskedPg));
    desired.connections[0]!.source = 'pg-replica';
    desired.sources.push(source('pg-replica', pgConfig));
    const change = connectionChange(planFor(desired, remote));
    expect(change).toMatchObject({ action: 'replace', id: 'conn-1', destructive: true, sourceRef: { id: 'src-2' }, patch: null });
    expect(change.fields).toEqual([{ path: 'source', before: 'pg', after: 'pg-replica' }]);
    expect(change.warnings).toEqual(['its source changes: the connection is deleted and created again, and its sync state is lost']);
  });

  test('a connection moved to another destination and source shows both by name, never by id', () => {
    const { desired, remote } = inSync();
    remote.sources.push(remoteActor('source', 'src-2', 'pg-replica', maskedPg));
    desired.sources.push(source('pg-replica', pgConfig));
    desired.destinations.push(destination('bronze', s3Config));
    desired.connections[0]!.source = 'pg-replica';
    desired.connections[0]!.destination = 'bronze';
    const change = connectionChange(planFor(desired, remote));
    expect(change).toMatchObject({ action: 'replace', id: 'conn-1', sourceRef: { id: 'src-2' }, destinationRef: { pending: 'bronze' } });
    expect(change.fields).toEqual([
      { path: 'source', before: 'pg', after: 'pg-replica' },
      { path: 'destination', before: 'lake', after: 'bronze' },
    ]);
    expect(change.warnings).toEqual([
      'its source changes and its destination changes: the connection is deleted and created again, and its sync state is lost',
    ]);
  });

  test('a connection whose source is replaced under the same name shows no field, only why it is replaced', () => {
    const { desired, remote } = inSync();
    desired.sources[0]!.definition = 'MySQL';
    const change = connectionChange(planFor(desired, remote));
    expect(change).toMatchObject({ action: 'replace', sourceRef: { pending: 'pg' }, fields: [] });
    expect(change.warnings).toEqual(["its source 'pg' is replaced: the connection is deleted and created again, and its sync state is lost"]);
  });

  test('a new connection on new actors: endpoints pending, catalog left to apply', () => {
    const desired = pipeline({
      sources: [source('pg', pgConfig)],
      destinations: [destination('lake', s3Config)],
      connections: [connection('pg-to-lake', [desiredStream('customers')], { schedule: { type: 'basic', units: 1, timeUnit: 'days' } })],
    });
    const change = connectionChange(planFor(desired, remoteState({})));
    expect(change).toMatchObject({
      action: 'create',
      id: null,
      sourceRef: { pending: 'pg' },
      destinationRef: { pending: 'lake' },
      syncCatalog: null,
      patch: null,
    });
    expect(change.fields).toEqual([
      { path: 'name', before: null, after: 'pg-to-lake' },
      { path: 'source', before: null, after: 'pg' },
      { path: 'destination', before: null, after: 'lake' },
      { path: 'sourceId', before: null, after: '(known after apply)' },
      { path: 'destinationId', before: null, after: '(known after apply)' },
      { path: 'status', before: null, after: 'active' },
      { path: 'schedule', before: null, after: { units: 1, timeUnit: 'days' } },
      { path: 'streams[public.customers]', before: null, after: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' } },
    ]);
  });

  test('a new connection on an existing source with a discovered catalog carries its catalog', () => {
    const { desired, remote } = inSync();
    remote.connections = [];
    remote.discovered['src-1'] = { streams: [storedStream('customers', { selected: false }), storedStream('orders', { selected: false })] };
    const change = connectionChange(planFor(desired, remote));
    expect(change.sourceRef).toEqual({ id: 'src-1' });
    expect(change.syncCatalog?.streams.map((s) => [s.stream.name, s.config.selected])).toEqual([
      ['customers', true],
      ['orders', false],
    ]);
  });

  test('a renamed connection is patched with its new name only', () => {
    const change = planWith((c) => {
      c.name = 'shop-to-lake';
      c.previousNames = ['pg-to-lake'];
    });
    expect(change).toMatchObject({ action: 'update', id: 'conn-1', rename: { from: 'pg-to-lake' }, patch: { name: 'shop-to-lake' } });
  });
});
