/**
 * An in-memory ApplyClient for executor tests: records every call, counts operations in flight, and fails
 * chosen calls the way the real client does (a GitopsError, `ambiguous` when the server may have acted).
 */
import type { ConnectionRead, DestinationRead, DestinationUpdate, SourceRead, SourceUpdate } from '../../src/api/types.js';
import type { ApplyClient } from '../../src/apply/types.js';
import { GitopsError } from '../../src/errors.js';
import type { ActorChange, Change, Plan } from '../../src/plan/types.js';
import { applyOrder } from '../../src/plan/diff/order.js';
import { actorCreateChange, connectionCreateChange } from '../../src/bench/executor.js';
import { summarize } from '../../src/plan/diff/index.js';

/** How a create of a given name fails: `lost` = created but the answer lost; `refused` = not created, ambiguous; `rejected` = 422. */
export type CreateFault = 'lost' | 'refused' | 'rejected';

type Item = { id: string; name: string; definitionId?: string; createdAt?: number };

export class FakeClient implements ApplyClient {
  calls: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  secrets: string[] = [];
  sources: Item[] = [];
  destinations: Item[] = [];
  connections: (Item & { sourceId: string; destinationId: string; streams: number })[] = [];
  /** The body of every source and destination update, in order. */
  updates: { call: string; body: SourceUpdate | DestinationUpdate }[] = [];
  /** Per name: the fault of each create attempt in turn. */
  createFaults = new Map<string, CreateFault[]>();
  private next = 1;
  /** Answer 404, as Airbyte does, for an update of a source or a connection create naming an id it does not hold. */
  strictIds = false;
  private gone(call: string, ids: Record<string, { id: string }[]>) {
    if (!this.strictIds) return;
    for (const [id, list] of Object.entries(ids)) {
      if (!list.some((item) => item.id === id)) throw new GitopsError('API_ERROR', `${call} failed with HTTP 404 Not Found`, { status: 404 });
    }
  }
  /** The creation time (epoch seconds) given to what is created next. */
  clock = 1_700_000_000;

  /** Waits a few turns of the event loop so that concurrent calls overlap, without timers. */
  private async work<T>(call: string, body: () => T): Promise<T> {
    this.calls.push(call);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      return body();
    } finally {
      this.inFlight--;
    }
  }

  private create<T extends Item>(call: string, list: T[], item: Omit<T, 'id'>): T {
    const fault = this.createFaults.get(item.name)?.shift();
    if (fault === 'rejected')
      throw new GitopsError('API_ERROR', `${call} failed (422): The provided configuration does not fulfill the specification`, { ambiguous: false });
    if (fault === 'refused') throw new GitopsError('API_ERROR', `${call} failed (503)`, { ambiguous: true });
    const created = { ...item, id: `id-${this.next++}`, createdAt: this.clock } as T;
    list.push(created);
    if (fault === 'lost') throw new GitopsError('NETWORK', `${call}: connection dropped`, { ambiguous: true });
    return created;
  }

  createSource = (body: { name: string; sourceDefinitionId: string }) =>
    this.work('sources/create', () => {
      const item = this.create('sources/create', this.sources, { name: body.name, definitionId: body.sourceDefinitionId });
      return { sourceId: item.id, createdAt: item.createdAt } as SourceRead;
    });
  updateSource = (body: SourceUpdate) =>
    this.work('sources/update', () => {
      this.gone('sources/update', { [body.sourceId]: this.sources });
      this.updates.push({ call: 'sources/update', body });
      return { sourceId: body.sourceId } as SourceRead;
    });
  deleteSource = (id: string) => this.work('sources/delete', () => void (this.sources = this.sources.filter((s) => s.id !== id)));
  listSources = () =>
    this.work('sources/list', () =>
      this.sources.map((s) => ({ sourceId: s.id, name: s.name, sourceDefinitionId: s.definitionId, createdAt: s.createdAt }) as SourceRead),
    );
  discoverSourceSchema = (body: { sourceId: string }) =>
    this.work(`sources/discover_schema ${body.sourceId}`, () => ({
      jobInfo: { id: 'j', configType: 'discover_schema', createdAt: 0, endedAt: 0, succeeded: true },
      catalog: {
        streams: [
          {
            stream: { name: 'users', supportedSyncModes: ['full_refresh' as const] },
            config: { syncMode: 'full_refresh' as const, destinationSyncMode: 'overwrite' as const },
          },
        ],
      },
    }));
  createDestination = (body: { name: string; destinationDefinitionId: string }) =>
    this.work('destinations/create', () => {
      const item = this.create('destinations/create', this.destinations, { name: body.name, definitionId: body.destinationDefinitionId });
      return { destinationId: item.id, createdAt: item.createdAt } as DestinationRead;
    });
  updateDestination = (body: DestinationUpdate) =>
    this.work('destinations/update', () => {
      this.updates.push({ call: 'destinations/update', body });
      return { destinationId: body.destinationId } as DestinationRead;
    });
  deleteDestination = (id: string) => this.work('destinations/delete', () => void (this.destinations = this.destinations.filter((d) => d.id !== id)));
  listDestinations = () =>
    this.work('destinations/list', () =>
      this.destinations.map((d) => ({ destinationId: d.id, name: d.name, destinationDefinitionId: d.definitionId, createdAt: d.createdAt }) as DestinationRead),
    );
  createConnection = (body: { name?: string; sourceId: string; destinationId: string; syncCatalog?: { streams: unknown[] } }) =>
    this.work('connections/create', () => {
      this.gone('connections/create', { [body.sourceId]: this.sources, [body.destinationId]: this.destinations });
      const item = { name: body.name ?? '', sourceId: body.sourceId, destinationId: body.destinationId, streams: body.syncCatalog?.streams.length ?? 0 };
      const created = this.create('connections/create', this.connections, item);
      return { connectionId: created.id, created_at: created.createdAt } as ConnectionRead;
    });
  getState = (connectionId: string) => this.work('state/get', () => ({ connectionId, stateType: 'not_set' as const }));
  updateConnection = (body: { connectionId: string }) => this.work('connections/update', () => ({ connectionId: body.connectionId }) as ConnectionRead);
  deleteConnection = (id: string) => this.work('connections/delete', () => void (this.connections = this.connections.filter((c) => c.id !== id)));
  listConnections = () =>
    this.work('connections/list', () =>
      this.connections.map(
        (c) =>
          ({
            connectionId: c.id,
            name: c.name,
            status: 'active',
            sourceId: c.sourceId,
            destinationId: c.destinationId,
            created_at: c.createdAt,
          }) as ConnectionRead,
      ),
    );
  addSecrets = (values: Iterable<string>) => void this.secrets.push(...values);
}

export function actorCreate(kind: 'source' | 'destination', name: string, password = 'pw'): ActorChange {
  return actorCreateChange(kind, name, { host: 'h', password }, `${kind}-def`);
}

export const connectionCreate = connectionCreateChange;

export function planOf(changes: Change[]): Plan {
  return { formatVersion: 1, workspace: { workspaceId: 'ws', name: 'W' }, changes, unmanaged: [], summary: summarize(changes), order: applyOrder(changes) };
}
