/** Starting fixture emulators and calling them over HTTP with the global fetch. */
import { cleanupAfterEachTest } from '../cleanup.js';
import type { JsonObject } from '../../src/api/types.js';
import { DEFAULT_WORKSPACE_ID, startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../src/emulator/index.js';
import { fixtureDefinitions, PG_SOURCE_ID, S3_DESTINATION_ID } from './fixtures/definitions.js';

export { DEFAULT_WORKSPACE_ID, PG_SOURCE_ID, S3_DESTINATION_ID };

/** One HTTP answer: status, parsed JSON body (undefined when empty or not JSON), raw text and headers. */
export interface Answer {
  status: number;
  // Answers are arbitrary JSON; tests index into them freely and assert the shape they expect.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  headers: Headers;
}

/** A running test emulator with a `call(path, body)` bound to it. */
export interface TestEmulator {
  emulator: EmulatorHandle;
  url: string;
  origin: string;
  call(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

const running: EmulatorHandle[] = [];
cleanupAfterEachTest(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
});

export async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, headers: response.headers };
}

/** Starts an emulator on 127.0.0.1:0 with the fixture definitions; stopped after the test. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, definitions: fixtureDefinitions, jobDurationMs: 400, ...options });
  running.push(emulator);
  const origin = new URL(emulator.url).origin;
  const call = (path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    request(`${emulator.url}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { emulator, url: emulator.url, origin, call };
}

export function pgConfig(overrides: JsonObject = {}): JsonObject {
  return {
    host: 'db.internal',
    port: 5432,
    database: 'ecommerce',
    username: 'reader',
    password: 'pg-secret',
    replication_method: { method: 'Standard' },
    ...overrides,
  };
}

export function s3Config(overrides: JsonObject = {}): JsonObject {
  return {
    s3_bucket_name: 'datalake',
    s3_bucket_path: 'bronze/',
    s3_bucket_region: 'us-east-1',
    access_key_id: 'AKIA-test',
    secret_access_key: 's3-secret',
    format: { format_type: 'Parquet', compression_codec: 'SNAPPY' },
    ...overrides,
  };
}

/** Creates a source and a destination; returns their ids. */
export async function createActors(t: TestEmulator): Promise<{ sourceId: string; destinationId: string }> {
  const source = await t.call('sources/create', {
    sourceDefinitionId: PG_SOURCE_ID,
    workspaceId: DEFAULT_WORKSPACE_ID,
    name: 'pg',
    connectionConfiguration: pgConfig(),
  });
  const destination = await t.call('destinations/create', {
    destinationDefinitionId: S3_DESTINATION_ID,
    workspaceId: DEFAULT_WORKSPACE_ID,
    name: 's3',
    connectionConfiguration: s3Config(),
  });
  if (source.status !== 200 || destination.status !== 200) throw new Error(`setup failed: ${source.text} ${destination.text}`);
  return { sourceId: source.body.sourceId, destinationId: destination.body.destinationId };
}

/** A selected stream as a client would send it (metadata as discovered). */
export function streamEntry(name: string, config: JsonObject = {}): JsonObject {
  return {
    stream: {
      name,
      namespace: 'public',
      supportedSyncModes: ['full_refresh', 'incremental'],
      sourceDefinedCursor: false,
      defaultCursorField: ['updated_at'],
      sourceDefinedPrimaryKey: [['id']],
    },
    config: { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append', selected: true, ...config },
  };
}

/** Polls `probe` until `done` says so (no fixed sleeps); fails after `timeoutMs`. */
export async function pollUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
