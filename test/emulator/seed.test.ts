/**
 * Replays the calls of the Python examples in the seed API reference (same bodies) against flavor 1.6:
 * workspaces/list, source_definitions/list, sources/create, destinations/create, connections/create with the
 * legacy schedule and streams given only by name and namespace, connections/sync, jobs/get until done.
 */
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../src/emulator/catalog.js';
import { pollUntil, startTestEmulator } from './helpers.js';

const seedS3Config = {
  s3_bucket_name: 'datalake',
  s3_bucket_path: 'bronze/',
  s3_bucket_region: 'us-east-1',
  access_key_id: 'minioadmin',
  secret_access_key: 'minioadmin',
  s3_endpoint: 'http://minio:9000',
  format: { format_type: 'Parquet', compression_codec: 'snappy' },
};

const seedStreams = ['customers', 'orders'].map((name) => ({
  stream: { name, namespace: 'public' },
  config: { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append', selected: true },
}));

const catalogs = [
  ['the fixture connectors', {}],
  ['the built-in connector catalog', { definitions: builtInCatalog.definitions, syncVolume: builtInCatalog.syncVolume }],
] as const;

describe.each(catalogs)('the seed examples against --flavor 1.6 with %s', (_label, connectors) => {
  it('set up a pipeline and sync it; the emulator follows the real API where the seed does not', async () => {
    const t = await startTestEmulator({ flavor: '1.6', jobDurationMs: 300, ...connectors });
    const workspaceId: string = (await t.call('workspaces/list', {})).body.workspaces[0].workspaceId;
    const sourceDefinitions = (await t.call('source_definitions/list', { workspaceId })).body.sourceDefinitions;
    const pgDef = sourceDefinitions.find((definition: { name: string }) => definition.name.toLowerCase().includes('postgres'));
    const pgSource = await t.call('sources/create', {
      sourceDefinitionId: pgDef.sourceDefinitionId,
      connectionConfiguration: {
        host: 'postgres',
        port: 5432,
        database: 'ecommerce',
        username: 'postgres',
        password: 'postgres',
        ssl: false,
        replication_method: { method: 'Standard' },
      },
      workspaceId,
      name: 'PostgreSQL - Ecommerce',
    });
    expect(pgSource.status).toBe(200);
    expect((await t.call('sources/check_connection', { sourceId: pgSource.body.sourceId })).body.status).toBe('succeeded');

    const destinationDefinitions = (await t.call('destination_definitions/list', { workspaceId })).body.destinationDefinitions;
    const s3Def = destinationDefinitions.find((definition: { name: string }) => definition.name === 'S3');
    const destinationBody = {
      destinationDefinitionId: s3Def.destinationDefinitionId,
      connectionConfiguration: seedS3Config,
      workspaceId,
      name: 'MinIO - Bronze',
    };
    // The real S3 spec spells the codec SNAPPY; the seed's lowercase value is rejected as a real server would.
    const rejected = await t.call('destinations/create', destinationBody);
    expect(rejected.status).toBe(422);
    expect(rejected.body.message).toContain('compression_codec');
    const minioDest = await t.call('destinations/create', {
      ...destinationBody,
      connectionConfiguration: { ...seedS3Config, format: { format_type: 'Parquet', compression_codec: 'SNAPPY' } },
    });
    expect(minioDest.status).toBe(200);

    const connection = await t.call('connections/create', {
      sourceId: pgSource.body.sourceId,
      destinationId: minioDest.body.destinationId,
      syncCatalog: { streams: seedStreams },
      schedule: { units: 6, timeUnit: 'hours' },
      name: `${pgSource.body.sourceId.slice(0, 8)} → ${minioDest.body.destinationId.slice(0, 8)}`,
      namespaceDefinition: 'source',
      status: 'active',
    });
    expect(connection.status).toBe(200);
    expect(connection.body.syncCatalog.streams[0].stream.jsonSchema).toBeDefined();
    expect(connection.body.schedule).toEqual({ units: 6, timeUnit: 'hours' });

    const jobId: number = (await t.call('connections/sync', { connectionId: connection.body.connectionId })).body.job.id;
    const finalJob = await pollUntil(
      async () => (await t.call('jobs/get', { id: jobId })).body,
      (info) => ['succeeded', 'failed', 'cancelled'].includes(info.job.status),
    );
    expect(finalJob.job.status).toBe('succeeded');
    // The seed reads job.summary.recordsSynced; the real API has no summary: the counts are per attempt.
    expect(finalJob.job.summary).toBeUndefined();
    expect(finalJob.attempts[0].attempt.recordsSynced).toBeGreaterThan(0);

    const jobs = (await t.call('jobs/list', { configTypes: ['sync'], configId: connection.body.connectionId })).body.jobs;
    expect(jobs.map((entry: { job: { id: number } }) => entry.job.id)).toEqual([jobId]);
  });
});
