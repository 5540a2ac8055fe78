import { describe, expect, test } from 'vitest';
import type { AirbyteStreamConfiguration } from '../../src/api/types.js';
import { buildSyncCatalog, compareStreams } from '../../src/plan/catalog.js';
import { desiredStream, storedStream } from './fixtures.js';

const discovered = [
  storedStream('customers', { selected: false }, { sourceDefinedCursor: true, defaultCursorField: ['_ab_cdc_lsn'], sourceDefinedPrimaryKey: [['id']] }),
  storedStream('orders', { selected: false }),
  storedStream('events', { selected: false, syncMode: 'incremental', destinationSyncMode: 'append' }, { namespace: 'audit' }),
];

describe('buildSyncCatalog', () => {
  test.each<[string, Parameters<typeof desiredStream>[1] & { name?: string }, Partial<AirbyteStreamConfiguration>]>([
    [
      "source-defined cursor and key are the source's, not the declared ones",
      { name: 'customers', syncMode: 'incremental', destinationSyncMode: 'append_dedup', cursorField: ['updated_at'], primaryKey: [['uuid']] },
      { syncMode: 'incremental', destinationSyncMode: 'append_dedup', cursorField: ['_ab_cdc_lsn'], primaryKey: [['id']], selected: true },
    ],
    [
      'declared cursor and key where the source defines none',
      { name: 'orders', syncMode: 'incremental', destinationSyncMode: 'append_dedup', cursorField: ['updated_at'], primaryKey: [['order_id']] },
      { syncMode: 'incremental', destinationSyncMode: 'append_dedup', cursorField: ['updated_at'], primaryKey: [['order_id']], selected: true },
    ],
    [
      'selected fields',
      { name: 'orders', selectedFields: ['order_id', 'total'] },
      {
        syncMode: 'full_refresh',
        destinationSyncMode: 'overwrite',
        selected: true,
        fieldSelectionEnabled: true,
        selectedFields: [{ fieldPath: ['order_id'] }, { fieldPath: ['total'] }],
      },
    ],
  ])('%s', (_, declared, expected) => {
    const { name, ...rest } = declared;
    const catalog = buildSyncCatalog([desiredStream(name ?? 'orders', rest)], discovered);
    const entry = catalog.streams.find((s) => s.stream.name === name);
    expect(entry?.config).toEqual({ aliasName: name, ...expected });
    expect(entry?.stream).toBe(discovered.find((s) => s.stream.name === name)?.stream);
  });

  test('every available stream is present; the undeclared ones unselected with their metadata', () => {
    const catalog = buildSyncCatalog([desiredStream('orders')], discovered);
    expect(catalog.streams.map((s) => [s.stream.namespace, s.stream.name, s.config.selected])).toEqual([
      ['public', 'customers', false],
      ['public', 'orders', true],
      ['audit', 'events', false],
    ]);
    expect(catalog.streams[0]?.stream.sourceDefinedPrimaryKey).toEqual([['id']]);
    expect(catalog.streams[2]?.config).toMatchObject({ syncMode: 'incremental', destinationSyncMode: 'append' });
  });

  test('a stream without namespace matches by name when unambiguous', () => {
    const catalog = buildSyncCatalog([desiredStream('events', { namespace: undefined })], discovered);
    expect(catalog.streams.find((s) => s.config.selected)?.stream.namespace).toBe('audit');
  });

  test.each([
    ['unknown stream', [desiredStream('orderz')], discovered, /stream 'public.orderz' is not in the source's catalog \(did you mean 'public.orders'\?\)/],
    [
      'ambiguous name',
      [desiredStream('events', { namespace: undefined })],
      [...discovered, storedStream('events', {}, { namespace: 'public' })],
      /stream 'events' is ambiguous: 'audit.events', 'public.events'/,
    ],
  ])('%s is an error', (_, streams, available, message) => {
    expect(() => buildSyncCatalog(streams, available)).toThrow(message);
  });
});

describe('compareStreams', () => {
  const stored = {
    streams: [
      storedStream('customers'),
      storedStream('orders', { fieldSelectionEnabled: true, selectedFields: [{ fieldPath: ['total'] }, { fieldPath: ['id'] }] }),
    ],
  };

  test.each([
    ['equal, in any order', [desiredStream('orders', { selectedFields: ['id', 'total'] }), desiredStream('customers')], []],
    [
      'a new stream',
      [
        desiredStream('customers'),
        desiredStream('orders', { selectedFields: ['id', 'total'] }),
        desiredStream('refunds', { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['at'] }),
      ],
      [{ path: 'streams[public.refunds]', before: null, after: { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['at'] } }],
    ],
    [
      'a removed stream',
      [desiredStream('customers')],
      [{ path: 'streams[public.orders]', before: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' }, after: null }],
    ],
    [
      'all fields again',
      [desiredStream('customers'), desiredStream('orders')],
      [{ path: 'streams[public.orders].selectedFields', before: ['total', 'id'], after: null }],
    ],
    [
      'destination sync mode',
      [desiredStream('customers', { destinationSyncMode: 'append' }), desiredStream('orders', { selectedFields: ['id', 'total'] })],
      [{ path: 'streams[public.customers].destinationSyncMode', before: 'overwrite', after: 'append' }],
    ],
  ])('%s', (_, declared, fields) => {
    expect(compareStreams(declared, stored).fields).toEqual(fields);
  });
});
