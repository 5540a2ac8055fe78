/**
 * The documented rule that makes a sync fail at its end: a source or destination configuration string containing
 * `fail-sync`. Runs on the built-in catalog (no `definitions`), as users of `--emulator` see it.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { DEFAULT_WORKSPACE_ID, pollUntil, startTestEmulator, type Answer, type TestEmulator } from './helpers.js';

const POSTGRES = 'decd338e-5647-4c0b-adf4-da0e75f5a750';
const S3 = '4816b78f-1489-44c1-9060-4b19d5fa9362';

const postgres = (host: string): JsonObject => ({
  host,
  port: 5432,
  database: 'ecommerce',
  schemas: ['public'],
  username: 'postgres',
  password: 'pg-secret',
  ssl_mode: { mode: 'disable' },
  replication_method: { method: 'Standard' },
});

const s3 = (path: string): JsonObject => ({
  s3_bucket_name: 'datalake',
  s3_bucket_path: path,
  s3_bucket_region: 'us-east-1',
  access_key_id: 'key',
  secret_access_key: 's3-secret',
  format: { format_type: 'Parquet', compression_codec: 'SNAPPY' },
});

/** An active connection of `customers` between a built-in Postgres source and S3 destination. */
async function connection(t: TestEmulator, sourceConfig: JsonObject, destinationConfig: JsonObject): Promise<{ connectionId: string; sourceId: string }> {
  const workspaceId = DEFAULT_WORKSPACE_ID;
  const source = await t.call('sources/create', { workspaceId, sourceDefinitionId: POSTGRES, name: 'Orders DB', connectionConfiguration: sourceConfig });
  const destination = await t.call('destinations/create', {
    workspaceId,
    destinationDefinitionId: S3,
    name: 'Lake',
    connectionConfiguration: destinationConfig,
  });
  expect([source.status, destination.status]).toEqual([200, 200]);
  const { sourceId } = source.body;
  const discovered = await t.call('sources/discover_schema', { sourceId });
  const customers = discovered.body.catalog.streams.find((entry: { stream: { name: string } }) => entry.stream.name === 'customers');
  const syncCatalog = {
    streams: [{ stream: customers.stream, config: { ...customers.config, selected: true, syncMode: 'full_refresh', destinationSyncMode: 'overwrite' } }],
  };
  const created = await t.call('connections/create', { sourceId, destinationId: destination.body.destinationId, status: 'active', syncCatalog });
  expect(created.status).toBe(200);
  return { connectionId: created.body.connectionId, sourceId };
}

/** Follows a job to its end, collecting every status seen on the way (after `first`, the status it started in). */
async function follow(t: TestEmulator, id: number, first = 'pending'): Promise<{ final: Answer; seen: string[] }> {
  const seen: string[] = [first];
  const final = await pollUntil(
    () => t.call('jobs/get', { id }),
    (answer) => {
      const status: string = answer.body.job.status;
      if (seen.at(-1) !== status) seen.push(status);
      return ['succeeded', 'failed', 'cancelled'].includes(status);
    },
  );
  return { final, seen };
}

describe('a sync bound to fail (`fail-sync` in a configuration)', () => {
  it('source: check and discovery pass; the job goes pending → running → failed with a config_error attempt', async () => {
    const t = await startTestEmulator({ definitions: undefined, jobDurationMs: 2500 });
    const { connectionId, sourceId } = await connection(t, postgres('fail-sync.internal'), s3('bronze/'));
    expect((await t.call('sources/check_connection', { sourceId })).body.status).toBe('succeeded');
    const started = await t.call('connections/sync', { connectionId });
    expect(started.status).toBe(200);
    expect(started.body.job.status).toBe('pending');
    expect(started.body.attempts).toEqual([]);
    const id: number = started.body.job.id;
    const { final, seen } = await follow(t, id, started.body.job.status);
    expect(seen).toEqual(['pending', 'running', 'failed']);
    expect(final.body.attempts).toHaveLength(1);
    const { attempt } = final.body.attempts[0];
    expect(attempt).toMatchObject({ id: 0, status: 'failed', recordsSynced: 0, bytesSynced: 0 });
    expect(attempt.endedAt).toBeGreaterThanOrEqual(attempt.createdAt);
    expect(attempt.failureSummary.partialSuccess).toBe(false);
    expect(attempt.failureSummary.failures).toEqual([
      {
        failureOrigin: 'source',
        failureType: 'config_error',
        retryable: false,
        timestamp: expect.any(Number),
        externalMessage: expect.stringMatching(/^Source 'Orders DB' failed during the sync: .*'fail-sync'/),
      },
    ]);
    expect(attempt).not.toHaveProperty('streamStats');

    const listed = await t.call('jobs/list', { configTypes: ['sync'], configId: connectionId });
    expect(listed.status).toBe(200);
    expect(listed.body.totalJobCount).toBe(1);
    const [entry] = listed.body.jobs;
    expect(entry.job).toMatchObject({ id, status: 'failed', configType: 'sync', configId: connectionId });
    expect(entry.job.aggregatedStats).toEqual({ recordsEmitted: 0, bytesEmitted: 0, recordsCommitted: 0, bytesCommitted: 0, recordsRejected: 0 });
    expect(entry.attempts[0].failureSummary.failures[0].failureOrigin).toBe('source');

    // A failed job is over: the next sync starts (no 409).
    expect((await t.call('connections/sync', { connectionId })).status).toBe(200);
  });

  it('destination: the failure names the destination; a reset of the same connection still succeeds', async () => {
    const t = await startTestEmulator({ definitions: undefined, jobDurationMs: 400 });
    const { connectionId } = await connection(t, postgres('postgres'), s3('fail-sync/bronze/'));
    const { id } = (await t.call('connections/sync', { connectionId })).body.job;
    const { final } = await follow(t, id);
    expect(final.body.job.status).toBe('failed');
    const [failure] = final.body.attempts[0].attempt.failureSummary.failures;
    expect(failure).toMatchObject({ failureOrigin: 'destination', failureType: 'config_error' });
    expect(failure.externalMessage).toMatch(/^Destination 'Lake' failed during the sync/);
    const reset = await t.call('connections/reset', { connectionId });
    expect((await follow(t, reset.body.job.id)).final.body.job.status).toBe('succeeded');
  });

  it('a configuration without the marker syncs successfully', async () => {
    const t = await startTestEmulator({ definitions: undefined, jobDurationMs: 400 });
    const { connectionId } = await connection(t, postgres('sync-ok.internal'), s3('bronze/'));
    const { id } = (await t.call('connections/sync', { connectionId })).body.job;
    const { final } = await follow(t, id);
    expect(final.body.job.status).toBe('succeeded');
    expect(final.body.attempts[0].attempt.recordsSynced).toBeGreaterThan(0);
  });
});
