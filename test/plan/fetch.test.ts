import { describe, expect, test } from 'vitest';
import type { SourceDefinitionRead } from '../../src/api/types.js';
import { DISCOVERY_PARALLELISM, discoveryParallelismFromEnv, fetchRemoteState, type StateReader } from '../../src/plan/fetch.js';
import { PG, connection, pgConfig, pgSpec, pipeline, source } from './fixtures.js';

const OTHER_PG = 'aaaaaaaa-0000-4000-8000-000000000001';

/** A reader over literal definitions that records which specs were asked for. */
function reader(definitions: SourceDefinitionRead[]): { reader: StateReader; specsRead: string[] } {
  const specsRead: string[] = [];
  const empty = async () => [];
  return {
    specsRead,
    reader: {
      resolveWorkspace: async () => ({
        workspaceId: 'ws-1',
        organizationId: 'org',
        customerId: 'c',
        name: 'Default',
        slug: 'default',
        initialSetupComplete: true,
      }),
      listSourceDefinitions: async () => definitions,
      listDestinationDefinitions: empty,
      getSourceSpecification: async (id) => {
        specsRead.push(id);
        return {
          sourceDefinitionId: id,
          connectionSpecification: pgSpec,
          jobInfo: { id: 'job', configType: 'get_spec', createdAt: 0, endedAt: 0, succeeded: true },
        };
      },
      getDestinationSpecification: async () => {
        throw new Error('no destination in these pipelines');
      },
      listSources: empty,
      listDestinations: empty,
      listConnections: empty,
      discoverSourceSchema: async () => {
        throw new Error('nothing to discover');
      },
      discoverNewSourceSchema: async () => {
        throw new Error('nothing to discover');
      },
    },
  };
}

const postgres = (id: string, name = 'Postgres'): SourceDefinitionRead => ({
  sourceDefinitionId: id,
  name,
  dockerRepository: 'airbyte/source-postgres',
  dockerImageTag: '3.7.0',
});

describe('fetchRemoteState resolves definitions as the checks do', () => {
  test('an id in upper case reads the spec of that definition', async () => {
    const { reader: read, specsRead } = reader([postgres(PG)]);
    const remote = await fetchRemoteState(read, pipeline({ sources: [source('pg', pgConfig, { definition: PG.toUpperCase() })] }));
    expect(specsRead).toEqual([PG]);
    expect(Object.keys(remote.specs)).toEqual([PG]);
  });

  test('an ambiguous name reads no spec: it is not silently taken to mean the first definition', async () => {
    const { reader: read, specsRead } = reader([postgres(PG), postgres(OTHER_PG, 'postgres')]);
    await fetchRemoteState(read, pipeline({ sources: [source('pg', pgConfig)] }));
    expect(specsRead).toEqual([]);
  });
});

describe('fetchRemoteState --refresh', () => {
  /** Ten sources, each read by two managed connections; discovery records its bodies and its peak concurrency. */
  function refreshReader() {
    const bodies: { sourceId: string; disable_cache?: boolean }[] = [];
    let inFlight = 0;
    let peak = 0;
    const ids = Array.from({ length: 10 }, (_, i) => i);
    const { reader: base } = reader([]);
    const read: StateReader = {
      ...base,
      listSources: async () =>
        ids.map((i) => ({
          sourceId: `s${i}`,
          sourceDefinitionId: PG,
          workspaceId: 'ws-1',
          connectionConfiguration: {},
          name: `src-${i}`,
          sourceName: 'P',
          createdAt: 1,
        })),
      listConnections: async () =>
        ids.flatMap((i) =>
          ['a', 'b'].map((suffix) => ({
            connectionId: `c${i}${suffix}`,
            name: `conn-${i}-${suffix}`,
            sourceId: `s${i}`,
            destinationId: 'd',
            status: 'active' as const,
            breakingChange: false,
            syncCatalog: { streams: [] },
          })),
        ),
      discoverSourceSchema: async (body) => {
        bodies.push(body);
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
        return { catalog: { streams: [] } };
      },
    };
    const desired = pipeline({
      connections: ids.flatMap((i) => ['a', 'b'].map((suffix) => connection(`conn-${i}-${suffix}`, [], { source: `src-${i}`, destination: 'd' }))),
    });
    return { read, desired, bodies, peak: () => peak };
  }

  test('one discovery per distinct source, bypassing the cache, never with a connection id, at most four at once', async () => {
    const { read, desired, bodies, peak } = refreshReader();
    const lines: string[] = [];
    const remote = await fetchRemoteState(read, desired, undefined, { refresh: true, onProgress: (line) => lines.push(line) });
    expect(remote.refreshed).toBe(true);
    expect(bodies.map((body) => body.sourceId).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `s${i}`).sort());
    expect(bodies.every((body) => body.disable_cache === true && !('connectionId' in body))).toBe(true);
    expect(peak()).toBe(DISCOVERY_PARALLELISM);
    expect(lines[0]).toBe("Discovering the streams of source 'src-0' (1/10)…");
  });

  test('discoverParallelism bounds them instead; AIRBYTE_DISCOVER_PARALLELISM is read strictly', async () => {
    const { read, desired, peak } = refreshReader();
    await fetchRemoteState(read, desired, undefined, { refresh: true, discoverParallelism: 7 });
    expect(peak()).toBe(7);
    expect(discoveryParallelismFromEnv({})).toBe(DISCOVERY_PARALLELISM);
    expect(discoveryParallelismFromEnv({ AIRBYTE_DISCOVER_PARALLELISM: '16' })).toBe(16);
    for (const bad of ['0', '65', '2.5', 'many', '-1']) {
      expect(() => discoveryParallelismFromEnv({ AIRBYTE_DISCOVER_PARALLELISM: bad })).toThrow(
        /AIRBYTE_DISCOVER_PARALLELISM must be a whole number from 1 to 64/,
      );
    }
  });

  test('without --refresh, connections whose streams are all stored discover nothing', async () => {
    const { read, desired, bodies } = refreshReader();
    const remote = await fetchRemoteState(read, desired);
    expect(bodies).toEqual([]);
    expect(remote.refreshed).toBeUndefined();
  });
});
