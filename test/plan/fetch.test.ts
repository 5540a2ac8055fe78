import { describe, expect, test } from 'vitest';
import type { SourceDefinitionRead } from '../../src/api/types.js';
import { fetchRemoteState, type StateReader } from '../../src/plan/fetch.js';
import { PG, pgConfig, pgSpec, pipeline, source } from './fixtures.js';

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
