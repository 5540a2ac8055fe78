/**
 * All-streams connections: expanded to concrete streams from the source's streams (discovered for a new connection,
 * stored for an existing one, refreshed under --refresh), with namespaces, exclude, overrides and defaults; new
 * upstream streams appear as stream additions only with --refresh.
 */
import { describe, expect, test } from 'vitest';
import type { AirbyteStreamAndConfiguration, DestinationSyncMode } from '../../src/api/types.js';
import type { DesiredAllStreams, DesiredConnection } from '../../src/model/desired.js';
import { expandAllStreams, streamsToCreate } from '../../src/plan/all-streams.js';
import { validateOffline, validate } from '../../src/plan/validate.js';
import { diff } from '../../src/plan/diff/index.js';
import { registryState } from '../../src/plan/offline.js';
import type { ConnectionChange } from '../../src/plan/types.js';
import { GitopsError } from '../../src/errors.js';
import { fetchRemoteState } from '../../src/plan/fetch.js';
import {
  at,
  connection,
  desiredStream,
  destination,
  inSync,
  pipeline,
  remoteConnection,
  s3Config,
  source,
  pgConfig,
  storedStream,
  planFor,
} from './fixtures.js';

const allStreams = (extra: Partial<DesiredAllStreams> = {}): DesiredAllStreams => ({ exclude: [], loc: at(44), ...extra });

/** Discovered streams carry Airbyte's default configuration (not selected unless the only stream). */
function offered(
  name: string,
  namespace: string,
  config: Partial<AirbyteStreamAndConfiguration['config']> = {},
  stream: Partial<AirbyteStreamAndConfiguration['stream']> = {},
) {
  return storedStream(name, { selected: false, ...config }, { namespace, ...stream });
}

const universe = [
  offered(
    'customers',
    'public',
    { syncMode: 'incremental', destinationSyncMode: 'append_dedup' },
    { sourceDefinedCursor: true, defaultCursorField: ['updated_at'], sourceDefinedPrimaryKey: [['id']] },
  ),
  offered('orders', 'public'),
  offered('audit_log', 'public'),
  offered('events', 'staging'),
];

const expandWith = (conn: DesiredConnection, modes?: DestinationSyncMode[]) => expandAllStreams(conn, universe, [], modes);
const summary = (conn: DesiredConnection, modes?: DestinationSyncMode[]) =>
  expandWith(conn, modes).streams.map((stream) => `${stream.namespace ?? '?'}.${stream.name} ${stream.syncMode}/${stream.destinationSyncMode}`);

describe('expandAllStreams', () => {
  test("every offered stream with Airbyte's default modes, kept to the destination's modes", () => {
    const conn = connection('c', [], { allStreams: allStreams() });
    expect(summary(conn)).toEqual([
      'public.customers incremental/append_dedup',
      'public.orders full_refresh/overwrite',
      'public.audit_log full_refresh/overwrite',
      'staging.events full_refresh/overwrite',
    ]);
    expect(summary(conn, ['overwrite', 'append'])[0]).toBe('public.customers incremental/append');
  });

  test('namespaces and exclude (by name, or by name and namespace) leave streams out; an override wins', () => {
    const conn = connection('c', [desiredStream('orders', { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['id'] })], {
      allStreams: allStreams({
        namespaces: ['public'],
        exclude: [
          { name: 'audit_log', loc: at(45) },
          { name: 'customers', namespace: 'other', loc: at(46) },
        ],
      }),
    });
    expect(summary(conn)).toEqual(['public.customers incremental/append_dedup', 'public.orders incremental/append']);
  });

  test('allStreams defaults apply to streams not overridden', () => {
    const conn = connection('c', [], { allStreams: allStreams({ syncMode: 'full_refresh', destinationSyncMode: 'append' }) });
    expect(new Set(summary(conn).map((line) => line.split(' ')[1]))).toEqual(new Set(['full_refresh/append']));
  });

  test('an override of an excluded stream is a problem at its line', () => {
    const conn = connection('c', [desiredStream('audit_log', { loc: at(61) })], { allStreams: allStreams({ exclude: [{ name: 'audit_log', loc: at(45) }] }) });
    expect(expandWith(conn).problems).toEqual([
      {
        severity: 'error',
        file: 'pipelines/shop.yaml',
        line: 61,
        col: 5,
        message: "connection 'c': stream 'public.audit_log' is overridden but it is excluded by allStreams.exclude; remove one of the two",
      },
    ]);
  });

  test('a stream the connection stores keeps its stored modes (the pipeline does not manage them)', () => {
    const conn = connection('c', [], { allStreams: allStreams() });
    const stored = [storedStream('orders', { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['id'] })];
    const orders = expandAllStreams(conn, universe, stored, undefined).streams.find((stream) => stream.name === 'orders');
    expect(orders).toMatchObject({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['id'] });
  });

  test("apply's expansion after discovering a new source refuses what the plan would have refused", () => {
    const conn = connection('c', [desiredStream('audit_log', { loc: at(61) })], { allStreams: allStreams({ exclude: [{ name: 'audit_log', loc: at(45) }] }) });
    expect(() => streamsToCreate(conn, universe, undefined)).toThrow(GitopsError);
    expect(streamsToCreate(connection('c', [], { allStreams: allStreams() }), universe, undefined)).toHaveLength(4);
  });
});

const connectionOf = (changes: readonly { kind: string }[]) => changes.find((change) => change.kind === 'connection') as ConnectionChange;

describe('all-streams connections in the plan', () => {
  test('a new connection on an existing source selects every discovered stream not excluded', () => {
    const { desired, remote } = inSync();
    desired.connections[0] = connection('pg-all', [], { allStreams: allStreams({ exclude: [{ name: 'audit_log', loc: at(45) }] }) });
    remote.discovered['src-1'] = { streams: universe };
    const { validated, problems } = validate(desired, remote);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const create = diff(validated, remote).changes.find((change) => change.name === 'pg-all') as ConnectionChange;
    expect(create.action).toBe('create');
    expect(create.syncCatalog?.streams.filter(({ config }) => config.selected).map(({ stream }) => stream.name)).toEqual(['customers', 'orders', 'events']);
    expect(create.fields.filter((field) => field.path.startsWith('streams[')).map((field) => field.path)).toEqual([
      'streams[public.customers]',
      'streams[public.orders]',
      'streams[staging.events]',
    ]);
  });

  test('an existing connection: its stored streams are the universe, so a new upstream stream appears only with --refresh', () => {
    const { desired, remote } = inSync();
    desired.connections[0] = connection('pg-to-lake', [], { allStreams: allStreams() });
    remote.connections[0] = remoteConnection('conn-1', 'pg-to-lake', [storedStream('orders')]);
    const unchanged = validate(desired, remote);
    expect(connectionOf(diff(unchanged.validated, remote).changes).action).toBe('no-op');

    remote.discovered['src-1'] = { streams: [offered('orders', 'public'), offered('invoices', 'public')] };
    remote.refreshed = true;
    const refreshed = validate(desired, remote);
    const change = connectionOf(diff(refreshed.validated, remote).changes);
    expect(change.action).toBe('update');
    expect(change.fields).toEqual([{ path: 'streams[public.invoices]', before: null, after: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' } }]);
    expect(change.drift?.streamsAdded).toEqual([]);
    expect(change.patch?.syncCatalog?.streams.filter(({ config }) => config.selected).map(({ stream }) => stream.name)).toEqual(['orders', 'invoices']);
    expect(change.savesState).toBe(false);
  });

  test('a new source not discovered (--no-discover): created with a catalog apply expands, its destination modes carried', () => {
    const desired = pipeline({
      sources: [source('pg', pgConfig)],
      destinations: [destination('lake', s3Config)],
      connections: [connection('pg-all', [], { allStreams: allStreams() })],
    });
    const { remote } = inSync();
    remote.sources = [];
    remote.connections = [];
    const change = connectionOf(planFor(desired, remote).changes);
    expect(change).toMatchObject({ action: 'create', syncCatalog: null, streamsUnchecked: true, destinationSyncModes: ['overwrite', 'append'] });
    expect(change.fields).toContainEqual({ path: 'streams', before: null, after: "every stream of source 'pg' (known after apply)" });
  });

  test('validate --registry accepts an all-streams connection (its streams are checked against a server only)', () => {
    const desired = pipeline({
      connections: [connection('pg-all', [desiredStream('orders')], { source: 'pg', destination: 'lake', allStreams: allStreams() })],
    });
    expect(validateOffline(desired, registryState({ origin: 'test', all: () => [] } as unknown as Parameters<typeof registryState>[0]))).toEqual([]);
  });
});

describe('all-streams connections: what fetch discovers', () => {
  const reader = (discovered: string[]) => {
    const empty = async () => [];
    return {
      resolveWorkspace: async () => ({ workspaceId: 'ws-1', organizationId: 'o', customerId: 'c', name: 'W', slug: 'w', initialSetupComplete: true }),
      listSourceDefinitions: empty,
      listDestinationDefinitions: empty,
      getSourceSpecification: async () => {
        throw new Error('no spec');
      },
      getDestinationSpecification: async () => {
        throw new Error('no spec');
      },
      listSources: async () => [
        { sourceId: 'src-1', sourceDefinitionId: 'd', workspaceId: 'ws-1', connectionConfiguration: {}, name: 'pg', sourceName: 'P', createdAt: 1 },
      ],
      listDestinations: async () => [
        {
          destinationId: 'dst-1',
          destinationDefinitionId: 'd',
          workspaceId: 'ws-1',
          connectionConfiguration: {},
          name: 'lake',
          destinationName: 'S',
          createdAt: 1,
        },
      ],
      listConnections: async () => [
        {
          connectionId: 'conn-1',
          name: 'pg-all',
          sourceId: 'src-1',
          destinationId: 'dst-1',
          status: 'active' as const,
          breakingChange: false,
          syncCatalog: { streams: [storedStream('orders')] },
        },
      ],
      discoverSourceSchema: async (body: { sourceId: string; disable_cache?: boolean }) => {
        discovered.push(`${body.sourceId}${body.disable_cache === true ? ' (no cache)' : ''}`);
        return { catalog: { streams: universe } };
      },
      discoverNewSourceSchema: async () => {
        throw new Error('no new source');
      },
    };
  };
  const desiredWith = (overrides: ReturnType<typeof desiredStream>[]) =>
    pipeline({ connections: [connection('pg-all', overrides, { allStreams: allStreams() })] });

  test('an existing all-streams connection is not discovered, unless an override names a stream it does not store, or --refresh', async () => {
    const calls: string[] = [];
    await fetchRemoteState(reader(calls), desiredWith([desiredStream('orders')]));
    expect(calls).toEqual([]);
    await fetchRemoteState(reader(calls), desiredWith([desiredStream('customers')]));
    // Past the discovery cache: a cached catalog may predate the stream the override names.
    expect(calls).toEqual(['src-1 (no cache)']);
    await fetchRemoteState(reader(calls), desiredWith([]), undefined, { refresh: true });
    expect(calls).toEqual(['src-1 (no cache)', 'src-1 (no cache)']);
  });
});
