/**
 * Apply's create of a connection the plan could not build a catalog for (its source created in the same run, planned
 * with --no-discover): the catalog is discovered once the source exists, an all-streams connection expanded as the
 * plan would have, and the declared schema-change notifications sent.
 */
import { describe, expect, test } from 'vitest';
import type { ConnectionCreate, ConnectionRead } from '../../src/api/types.js';
import { adapterFor, type AdapterContext } from '../../src/apply/adapters.js';
import type { ConnectionChange } from '../../src/plan/types.js';
import { at, connection, storedStream } from './fixtures.js';

function context(sent: ConnectionCreate[]): AdapterContext {
  const client = {
    createConnection: async (body: ConnectionCreate) => {
      sent.push(body);
      return { connectionId: 'conn-new', created_at: 1 } as ConnectionRead;
    },
  };
  return {
    client: client as unknown as AdapterContext['client'],
    workspaceId: 'ws-1',
    resolve: (kind) => (kind === 'source' ? 'src-new' : 'dst-1'),
    discover: async () => ({
      streams: [
        storedStream(
          'customers',
          { selected: false, syncMode: 'incremental', destinationSyncMode: 'append_dedup' },
          { sourceDefinedCursor: true, sourceDefinedPrimaryKey: [['id']] },
        ),
        storedStream('audit_log', { selected: false }),
      ],
    }),
    relocate: async () => undefined,
  };
}

function unchecked(extra: Partial<ConnectionChange['desired'] & object>): ConnectionChange {
  const desired = connection('pg-all', [], { allStreams: { exclude: [{ name: 'audit_log', loc: at(45) }], loc: at(44) }, ...extra });
  return {
    kind: 'connection',
    name: 'pg-all',
    action: 'create',
    id: null,
    fields: [],
    warnings: [],
    destructive: false,
    sourceRef: { pending: 'pg' },
    destinationRef: { id: 'dst-1' },
    desired,
    patch: null,
    syncCatalog: null,
    remoteEndpoints: null,
    savesState: false,
    streamsUnchecked: true,
    destinationSyncModes: ['overwrite', 'append'],
  };
}

describe('create after discovery', () => {
  test("an all-streams connection is expanded with the destination's modes; notifications are sent", async () => {
    const sent: ConnectionCreate[] = [];
    await adapterFor('connection').create(unchecked({ notifySchemaChanges: true, notifySchemaChangesByEmail: false }), context(sent));
    const [body] = sent;
    expect(body?.notifySchemaChanges).toBe(true);
    expect(body?.notifySchemaChangesByEmail).toBe(false);
    expect(body?.syncCatalog?.streams.map(({ stream, config }) => [stream.name, config.selected, config.destinationSyncMode])).toEqual([
      ['customers', true, 'append'],
      ['audit_log', false, 'overwrite'],
    ]);
  });
});
