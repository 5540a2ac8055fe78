/**
 * Operate test helpers: an emulator in the test process, a workspace built through the API client, and the CLI run
 * in-process (../cli.ts) against that emulator.
 */
import { cleanupAfterEachTest } from '../cleanup.js';
import type { AirbyteCatalog, JsonObject } from '../../src/api/types.js';
import { createClient, type AirbyteClient } from '../../src/client/index.js';
import { DEFAULT_WORKSPACE_ID, startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../src/emulator/index.js';
import { runCli, type CliOptions, type CliResult } from '../cli.js';

export const POSTGRES_SOURCE = 'decd338e-5647-4c0b-adf4-da0e75f5a750';
export const S3_DESTINATION = '4816b78f-1489-44c1-9060-4b19d5fa9362';
export const PG_PASSWORD = 'pg-secret-value-1';
export const S3_SECRET = 's3-secret-value-2';

export interface Env {
  emulator: EmulatorHandle;
  client: AirbyteClient;
}

const open: Env[] = [];
cleanupAfterEachTest(async () => {
  await Promise.all(
    open.splice(0).map(async ({ emulator, client }) => {
      await client.close();
      await emulator.stop();
    }),
  );
});

export async function startEnv(options: EmulatorOptions = {}): Promise<Env> {
  const emulator = await startEmulator({ port: 0, jobDurationMs: 1500, ...options });
  const client = createClient({ baseUrl: emulator.url, auth: { mode: 'none' } });
  const env = { emulator, client };
  open.push(env);
  return env;
}

export function pgConfig(overrides: JsonObject = {}): JsonObject {
  return {
    host: 'postgres',
    port: 5432,
    database: 'ecommerce',
    schemas: ['public'],
    username: 'postgres',
    password: PG_PASSWORD,
    ssl_mode: { mode: 'disable' },
    replication_method: { method: 'Standard' },
    ...overrides,
  };
}

export function s3Config(overrides: JsonObject = {}): JsonObject {
  return {
    s3_bucket_name: 'datalake',
    s3_bucket_path: 'bronze/',
    s3_bucket_region: 'us-east-1',
    s3_endpoint: 'http://minio:9000',
    access_key_id: 'minio-access',
    secret_access_key: S3_SECRET,
    format: { format_type: 'Parquet', compression_codec: 'SNAPPY' },
    ...overrides,
  };
}

/** The discovered catalog with only `streams` selected, incremental + append on updated_at. */
async function catalogFor(client: AirbyteClient, sourceId: string, streams: string[]): Promise<AirbyteCatalog> {
  const { catalog } = await client.discoverSourceSchema({ sourceId });
  return {
    streams: (catalog?.streams ?? []).map(({ stream, config }) => ({
      stream,
      config: streams.includes(stream.name)
        ? { ...config, selected: true, syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'] }
        : { ...config, selected: false },
    })),
  };
}

/** The README's workspace: PostgreSQL → MinIO (active, every 6 h) and a paused copy (inactive). */
export async function seedWorkspace(client: AirbyteClient): Promise<{ sourceId: string; destinationId: string; active: string; paused: string }> {
  const workspaceId = DEFAULT_WORKSPACE_ID;
  const source = await client.createSource({
    workspaceId,
    sourceDefinitionId: POSTGRES_SOURCE,
    name: 'PostgreSQL - Ecommerce',
    connectionConfiguration: pgConfig(),
  });
  const destination = await client.createDestination({
    workspaceId,
    destinationDefinitionId: S3_DESTINATION,
    name: 'MinIO - Bronze',
    connectionConfiguration: s3Config(),
  });
  const syncCatalog = await catalogFor(client, source.sourceId, ['customers', 'orders']);
  const common = { sourceId: source.sourceId, destinationId: destination.destinationId, syncCatalog, namespaceDefinition: 'source' as const };
  const active = await client.createConnection({
    ...common,
    name: 'PostgreSQL → MinIO',
    status: 'active',
    scheduleType: 'basic',
    scheduleData: { basicSchedule: { units: 6, timeUnit: 'hours' } },
  });
  const paused = await client.createConnection({ ...common, name: 'Paused PG → MinIO', status: 'inactive', scheduleType: 'manual', prefix: 'paused_' });
  return { sourceId: source.sourceId, destinationId: destination.destinationId, active: active.connectionId, paused: paused.connectionId };
}

/** Runs the CLI in-process, against `url` when given (as --url, after the other arguments). */
export function cli(args: string[], options: CliOptions & { url?: string } = {}): Promise<CliResult> {
  const { url, ...rest } = options;
  return runCli(url === undefined ? args : [...args, '--url', url], rest);
}

/**
 * A clock for the emulator's job timelines that moves `stepMs` each time the emulator reads it (every job start,
 * poll or cancel), so a job's pending → running → succeeded follows the number of calls, not real waiting.
 */
export function steppingClock(stepMs: number): { now: () => number; peek: () => number; hold: () => void } {
  let time = Date.now();
  let step = stepMs;
  return {
    now: () => (time += step),
    peek: () => time,
    /** Stops the clock: a running job stays running until the test acts on it. */
    hold: () => {
      step = 0;
    },
  };
}
