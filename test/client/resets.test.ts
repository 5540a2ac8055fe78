/**
 * A connection reset after the request was sent, against the emulator (the real transport, no mocks). Whether the
 * server acted is unknowable to the client, so a create must come back ambiguous, never be sent again blindly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type AirbyteClient } from '../../src/client/index.js';
import { DEFAULT_WORKSPACE_ID, pgConfig, PG_SOURCE_ID, startTestEmulator } from '../emulator/helpers.js';

const clients: AirbyteClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

function clientFor(url: string): AirbyteClient {
  const client = createClient({ baseUrl: url, auth: { mode: 'none' }, sleep: async () => undefined });
  clients.push(client);
  return client;
}

const CREATE = { sourceDefinitionId: PG_SOURCE_ID, workspaceId: DEFAULT_WORKSPACE_ID, name: 'pg', connectionConfiguration: pgConfig() };

describe('a connection reset after the request was sent', () => {
  it.each(['after', 'before'] as const)('on a create (server acted: %s): ambiguous, sent once, never a duplicate', async (phase) => {
    const t = await startTestEmulator();
    t.emulator.injectFault('sources/create', { phase, effect: 'drop' });
    const client = clientFor(t.url);
    const error = await client.createSource(CREATE).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ code: 'NETWORK', ambiguous: true });
    expect(client.stats().byCall['sources/create']).toBe(1);
    expect(t.emulator.state.sources).toHaveLength(phase === 'after' ? 1 : 0);
  });

  it('on a read: sent again, and the caller never sees the reset', async () => {
    const t = await startTestEmulator();
    t.emulator.injectFault('sources/list', { phase: 'after', effect: 'drop' });
    const client = clientFor(t.url);
    expect(await client.listSources(DEFAULT_WORKSPACE_ID)).toEqual([]);
    expect(client.stats().byCall['sources/list']).toBe(2);
  });
});
