import { describe, expect, test } from 'vitest';
import type { AirbyteStream, AirbyteStreamAndConfiguration, DestinationSyncMode } from '../../src/api/types.js';
import type { DesiredConnection, DesiredStream } from '../../src/model/desired.js';
import { formatProblem } from '../../src/model/problem.js';
import { checkStreams } from '../../src/plan/checks/streams.js';
import { matchStream } from '../../src/plan/checks/stream-match.js';

const C = "connection 'PostgreSQL → MinIO'";
const SRC = "source 'PostgreSQL - Ecommerce'";

function entry(stream: Partial<AirbyteStream> & { name: string; fields: string[] }): AirbyteStreamAndConfiguration {
  const { fields, ...rest } = stream;
  const properties = Object.fromEntries(fields.map((field) => [field, { type: ['null', 'string'] }]));
  return {
    stream: { namespace: 'public', supportedSyncModes: ['full_refresh', 'incremental'], jsonSchema: { type: 'object', properties }, ...rest },
    config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' },
  };
}

const catalog: AirbyteStreamAndConfiguration[] = [
  entry({ name: 'orders', fields: ['id', 'customer_id', 'total', 'created_at'] }),
  entry({ name: 'customers', fields: ['id', 'name', 'email', 'updated_at'], defaultCursorField: ['updated_at'], sourceDefinedPrimaryKey: [['id']] }),
  entry({ name: 'order_items', fields: ['order_id', 'line', 'sku'], supportedSyncModes: ['full_refresh'], sourceDefinedPrimaryKey: [['order_id'], ['line']] }),
  entry({
    name: 'products',
    fields: ['sku', 'title', '_ab_cdc_lsn'],
    sourceDefinedCursor: true,
    defaultCursorField: ['_ab_cdc_lsn'],
    sourceDefinedPrimaryKey: [['sku']],
  }),
];

let line = 20;
function stream(name: string, settings: Partial<DesiredStream> = {}): DesiredStream {
  line += 1;
  return {
    name,
    namespace: 'public',
    syncMode: 'full_refresh',
    destinationSyncMode: 'overwrite',
    loc: { file: 'pipelines/conn.yaml', line, col: 9 },
    ...settings,
  };
}

function connection(streams: DesiredStream[]): DesiredConnection {
  return {
    kind: 'connection',
    name: 'PostgreSQL → MinIO',
    source: 'PostgreSQL - Ecommerce',
    destination: 'MinIO',
    status: 'active',
    schedule: { type: 'manual' },
    streams,
    previousNames: [],
    loc: { file: 'pipelines/conn.yaml', line: 10, col: 9 },
  };
}

const S3_MODES: DestinationSyncMode[] = ['overwrite', 'append'];
const PG_MODES: DestinationSyncMode[] = ['overwrite', 'append', 'append_dedup', 'overwrite_dedup'];

describe('checkStreams against the catalog', () => {
  test.each<[string, DesiredStream, string[]]>([
    ['a valid stream', stream('customers'), []],
    [
      'unknown stream, with did-you-mean and the available names',
      stream('custmers'),
      [`${C}: stream 'public.custmers' does not exist in ${SRC} (did you mean 'customers'? available: customers, order_items, orders, products)`],
    ],
    [
      'unknown stream, nothing close',
      stream('invoices'),
      [`${C}: stream 'public.invoices' does not exist in ${SRC} (available: customers, order_items, orders, products)`],
    ],
    [
      'the name exists in another namespace',
      stream('orders', { namespace: 'sales' }),
      [`${C}: stream 'sales.orders' does not exist in ${SRC} (it is in namespace 'public')`],
    ],
    ['no namespace matches by name when unambiguous', stream('orders', { namespace: undefined }), []],
    [
      'unsupported syncMode',
      stream('order_items', { syncMode: 'incremental', destinationSyncMode: 'append' }),
      [`${C}: stream 'public.order_items': syncMode 'incremental' is not supported by this stream (supported: full_refresh)`],
    ],
    [
      'incremental without a cursor where the source defines none',
      stream('orders', { syncMode: 'incremental', destinationSyncMode: 'append' }),
      [`${C}: stream 'public.orders': syncMode 'incremental' needs a cursorField: the source defines no cursor for this stream`],
    ],
    [
      '… and names the suggested cursor',
      stream('customers', { syncMode: 'incremental', destinationSyncMode: 'append' }),
      [`${C}: stream 'public.customers': syncMode 'incremental' needs a cursorField: the source defines no cursor for this stream (it suggests 'updated_at')`],
    ],
    ['incremental with a cursor', stream('orders', { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['created_at'] }), []],
    ['source-defined cursor: none in the YAML', stream('products', { syncMode: 'incremental', destinationSyncMode: 'append' }), []],
    [
      'source-defined cursor: the same one is harmless',
      stream('products', { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['_ab_cdc_lsn'] }),
      [],
    ],
    [
      'source-defined cursor contradicted',
      stream('products', { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['title'] }),
      [`${C}: stream 'public.products': the source defines the cursor ('_ab_cdc_lsn'); omit cursorField from the YAML`],
    ],
    [
      'dedup without a primary key where the source defines none',
      stream('orders', { destinationSyncMode: 'append_dedup', syncMode: 'incremental', cursorField: ['created_at'] }),
      [`${C}: stream 'public.orders': destinationSyncMode 'append_dedup' needs a primaryKey: the source defines none for this stream`],
    ],
    [
      'overwrite_dedup too',
      stream('orders', { destinationSyncMode: 'overwrite_dedup' }),
      [`${C}: stream 'public.orders': destinationSyncMode 'overwrite_dedup' needs a primaryKey: the source defines none for this stream`],
    ],
    ['dedup with a primary key', stream('orders', { destinationSyncMode: 'append_dedup', primaryKey: [['id']] }), []],
    ['dedup on a source-defined primary key', stream('customers', { destinationSyncMode: 'append_dedup' }), []],
    [
      'source-defined primary key contradicted',
      stream('order_items', { primaryKey: [['sku']] }),
      [`${C}: stream 'public.order_items': the source defines the primary key ('order_id', 'line'); omit primaryKey from the YAML`],
    ],
    ['source-defined primary key repeated exactly', stream('order_items', { primaryKey: [['order_id'], ['line']] }), []],
    [
      'cursor, key and selected fields must be top-level fields',
      stream('orders', {
        syncMode: 'incremental',
        destinationSyncMode: 'append',
        cursorField: ['created'],
        primaryKey: [['idd']],
        selectedFields: ['id', 'totl', 'created'],
      }),
      [
        `${C}: stream 'public.orders': cursorField 'created' is not a top-level field of this stream (did you mean 'created_at'?)`,
        `${C}: stream 'public.orders': primaryKey field 'idd' is not a top-level field of this stream (did you mean 'id'?)`,
        `${C}: stream 'public.orders': selectedFields entry 'totl' is not a top-level field of this stream (did you mean 'total'?)`,
        `${C}: stream 'public.orders': selectedFields entry 'created' is not a top-level field of this stream (did you mean 'created_at'?)`,
      ],
    ],
    [
      'selected fields must keep the cursor',
      stream('orders', { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['created_at'], selectedFields: ['id', 'total'] }),
      [`${C}: stream 'public.orders': selectedFields must include the cursor field 'created_at'`],
    ],
    [
      '… and the source-defined cursor',
      stream('products', { syncMode: 'incremental', destinationSyncMode: 'append', selectedFields: ['sku', 'title'] }),
      [`${C}: stream 'public.products': selectedFields must include the cursor field '_ab_cdc_lsn'`],
    ],
    [
      '… and the source-defined primary key when deduplicating',
      stream('customers', { destinationSyncMode: 'append_dedup', selectedFields: ['name', 'email'] }),
      [`${C}: stream 'public.customers': selectedFields must include the primary key field 'id'`],
    ],
    [
      'selected fields that keep what the sync needs',
      stream('customers', { syncMode: 'incremental', destinationSyncMode: 'append_dedup', cursorField: ['updated_at'], selectedFields: ['id', 'updated_at'] }),
      [],
    ],
  ])('%s', (_name, desired, expected) => {
    const problems = checkStreams(connection([desired]), catalog, PG_MODES);
    expect(problems.map((p) => p.message)).toEqual(expected);
    for (const problem of problems) expect(problem).toMatchObject({ severity: 'error', file: 'pipelines/conn.yaml', line: desired.loc.line, col: 9 });
  });

  test('each problem is at its own stream', () => {
    const streams = [stream('customers'), stream('custmers'), stream('order_items', { syncMode: 'incremental' })];
    expect(checkStreams(connection(streams), catalog, S3_MODES).map(formatProblem)).toEqual([
      `pipelines/conn.yaml:${streams[1]?.loc.line}:9: error: ${C}: stream 'public.custmers' does not exist in ${SRC} (did you mean 'customers'? available: customers, order_items, orders, products)`,
      `pipelines/conn.yaml:${streams[2]?.loc.line}:9: error: ${C}: stream 'public.order_items': syncMode 'incremental' is not supported by this stream (supported: full_refresh)`,
    ]);
  });

  test('the same catalog stream listed twice', () => {
    const streams = [stream('orders'), stream('orders', { namespace: undefined })];
    expect(checkStreams(connection(streams), catalog, S3_MODES).map((p) => p.message)).toEqual([
      `${C}: stream 'orders': listed more than once (as stream 'public.orders')`,
    ]);
  });

  test('a source that reports no streams', () => {
    expect(checkStreams(connection([stream('orders')]), [], S3_MODES).map((p) => p.message)).toEqual([
      `${C}: stream 'public.orders' does not exist in ${SRC} (the source reports no streams)`,
    ]);
  });

  test('long available lists are summarised', () => {
    const many = Array.from({ length: 25 }, (_, i) => entry({ name: `t${String(i).padStart(2, '0')}`, fields: ['id'] }));
    const [problem] = checkStreams(connection([stream('zzzzzz')]), many, undefined);
    const listed = Array.from({ length: 20 }, (_, i) => `t${String(i).padStart(2, '0')}`).join(', ');
    expect(problem?.message).toBe(`${C}: stream 'public.zzzzzz' does not exist in ${SRC} (available: ${listed}, … (5 more))`);
  });
});

describe('namespaces', () => {
  const twoNamespaces = [
    entry({ name: 'orders', fields: ['id'] }),
    entry({ name: 'orders', namespace: 'sales', fields: ['id'] }),
    entry({ name: 'refunds', namespace: 'sales', fields: ['id'] }),
    entry({ name: 'events', namespace: undefined, fields: ['id'] }),
  ];

  test.each<[string, DesiredStream, string[]]>([
    ['exact namespace', stream('orders', { namespace: 'sales' }), []],
    ['a stream without namespace', stream('events', { namespace: undefined }), []],
    [
      'ambiguous without namespace',
      stream('orders', { namespace: undefined }),
      [`${C}: stream 'orders' is in several namespaces of ${SRC} ('public', 'sales'); set its namespace`],
    ],
    [
      'a typo within a known namespace suggests plain names of that namespace',
      stream('refund', { namespace: 'sales' }),
      [`${C}: stream 'sales.refund' does not exist in ${SRC} (did you mean 'refunds'? available: orders, refunds)`],
    ],
    [
      'the name is only in another namespace',
      stream('refunds', { namespace: 'public' }),
      [`${C}: stream 'public.refunds' does not exist in ${SRC} (it is in namespace 'sales')`],
    ],
    [
      'a typo in an unknown namespace suggests qualified names',
      stream('orderz', { namespace: 'sale' }),
      [`${C}: stream 'sale.orderz' does not exist in ${SRC} (did you mean 'sales.orders'? available: events, public.orders, sales.orders, sales.refunds)`],
    ],
    [
      'nothing close across namespaces',
      stream('ordes', { namespace: 'billing' }),
      [`${C}: stream 'billing.ordes' does not exist in ${SRC} (available: events, public.orders, sales.orders, sales.refunds)`],
    ],
  ])('%s', (_name, desired, expected) => {
    expect(checkStreams(connection([desired]), twoNamespaces, undefined).map((p) => p.message)).toEqual(expected);
  });

  test('matchStream returns the catalog entry it matched', () => {
    const found = matchStream(stream('orders', { namespace: 'sales' }), twoNamespaces);
    expect(found).toEqual({ kind: 'found', entry: twoNamespaces[1] });
  });
});

describe('destination sync modes', () => {
  test.each<[string, AirbyteStreamAndConfiguration[] | 'unknown', DestinationSyncMode[] | undefined, DesiredStream, string[]]>([
    [
      'S3 has no append_dedup',
      catalog,
      S3_MODES,
      stream('customers', { destinationSyncMode: 'append_dedup' }),
      [`${C}: stream 'public.customers': destinationSyncMode 'append_dedup' is not supported by destination 'MinIO' (supported: overwrite, append)`],
    ],
    [
      'checked even when the source is not created yet',
      'unknown',
      S3_MODES,
      stream('anything', { destinationSyncMode: 'append_dedup' }),
      [`${C}: stream 'public.anything': destinationSyncMode 'append_dedup' is not supported by destination 'MinIO' (supported: overwrite, append)`],
    ],
    ['unknown source: no catalog checks', 'unknown', S3_MODES, stream('no_such_stream', { syncMode: 'incremental', destinationSyncMode: 'append' }), []],
    ['unknown destination modes: not checked', catalog, undefined, stream('customers', { destinationSyncMode: 'soft_delete' }), []],
    ['supported mode', catalog, PG_MODES, stream('customers', { destinationSyncMode: 'append_dedup' }), []],
  ])('%s', (_name, available, modes, desired, expected) => {
    expect(checkStreams(connection([desired]), available, modes).map((p) => p.message)).toEqual(expected);
  });
});
