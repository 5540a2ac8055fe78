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
  const client = createClient({
    baseUrl: BASE_URL,
    auth: { mode: 'none' },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    debug: (line) => lines.push(line),
    ...overrides,
  });
  open.push(client);
  return { client, sleeps, lines };
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
