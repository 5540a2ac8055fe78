/**
 * Shared setup for client tests: the network is disabled, every test must use all its mocks, and clients get a
 * recording sleep (no real waiting), a fixed jitter and a debug log.
 */
import nock from 'nock';
import { afterEach, beforeEach, expect } from 'vitest';
import { GitopsError } from '../../src/errors.js';
import { createClient, type AirbyteClient, type ClientOptions } from '../../src/client/index.js';

export const HOST = 'http://airbyte.test:8000';
export const BASE_URL = `${HOST}/api/v1`;

export interface TestClient {
  client: AirbyteClient;
  /** Every wait the client asked for, in ms. */
  sleeps: number[];
  /** Every debug line. */
  lines: string[];
  /** Every warning. */
  warnings: string[];
}

const open: AirbyteClient[] = [];

/** Registers the per-test nock checks; call once at the top of each test file. */
export function useNock(): void {
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(async () => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    await Promise.all(open.splice(0).map((client) => client.close()));
    expect(pending, 'mocks that were never called').toEqual([]);
  });
}

export function testClient(overrides: Partial<ClientOptions> = {}): TestClient {
  const sleeps: number[] = [];
  const lines: string[] = [];
  const warnings: string[] = [];
  const client = createClient({
    baseUrl: BASE_URL,
    auth: { mode: 'none' },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    debug: (line) => lines.push(line),
    warn: (message) => warnings.push(message),
    ...overrides,
  });
  open.push(client);
  return { client, sleeps, lines, warnings };
}

/** A nock scope for the test server. */
export function api(): nock.Scope {
  return nock(HOST);
}

/** The GitopsError a promise must reject with. */
export async function failure(promise: Promise<unknown>): Promise<GitopsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GitopsError);
    return error as GitopsError;
  }
  throw new Error('expected the call to fail');
}

/** A SourceRead as the server sends it (the fields the answer check requires, and the usual others). */
export function sourceRead(sourceId = 's1', name = 'PostgreSQL - Ecommerce') {
  return { sourceId, name, sourceDefinitionId: 'def', workspaceId: 'w', sourceName: 'Postgres', connectionConfiguration: {}, createdAt: 1 };
}

/** A DestinationRead as the server sends it. */
export function destinationRead(destinationId = 'd1', name = 'S3 Lake') {
  return { destinationId, name, destinationDefinitionId: 'def', workspaceId: 'w', destinationName: 'S3', connectionConfiguration: {}, createdAt: 1 };
}

/** A ConnectionRead with an empty catalog. */
export function connectionRead(connectionId = 'c1', name = 'pg-to-s3') {
  return { connectionId, name, sourceId: 's1', destinationId: 'd1', status: 'active', breakingChange: false, syncCatalog: { streams: [] } };
}

/** A JobInfoRead of a sync job. */
export function jobInfoRead(id = 7, status = 'running') {
  return { job: { id, configType: 'sync', configId: 'c1', createdAt: 1, updatedAt: 1, status }, attempts: [] };
}

/**
 * A network error as Node's http client raises it (an Error with a `code`), for `replyWithError`: nock answers a
 * plain object given there only to fetch, and leaves an http request waiting.
 */
export function netError(code: string, message: string = code): Error {
  return Object.assign(new Error(message), { code });
}
