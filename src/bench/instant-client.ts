/**
 * An in-memory ApplyClient that answers at once: the executor benchmark measures scheduling and convergence
 * bookkeeping alone, with no HTTP and no server work.
 */
import type { ConnectionRead, DestinationRead, SourceDiscoverSchemaRead, SourceRead } from '../api/types.js';
import type { ApplyClient } from '../apply/types.js';

const DISCOVERED: SourceDiscoverSchemaRead = {
  jobInfo: { id: 'job', configType: 'discover_schema', createdAt: 0, endedAt: 0, succeeded: true },
  catalog: {
    streams: [
      {
        stream: { name: 'users', jsonSchema: {}, supportedSyncModes: ['full_refresh'] },
        config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' },
      },
    ],
  },
};

export class InstantClient implements ApplyClient {
  readonly sources = new Map<string, SourceRead>();
  readonly destinations = new Map<string, DestinationRead>();
  readonly connections = new Map<string, ConnectionRead>();
  calls = 0;
  private next = 0;
  private id = () => `00000000-0000-4000-8000-${String(++this.next).padStart(12, '0')}`;
  private now = () => Math.floor(Date.now() / 1000);

  createSource = async (body: Parameters<ApplyClient['createSource']>[0]) => {
    this.calls++;
    const read = { ...body, sourceId: this.id(), sourceName: 'X', createdAt: this.now() } as SourceRead;
    this.sources.set(read.sourceId, read);
    return read;
  };
  updateSource = async (body: Parameters<ApplyClient['updateSource']>[0]) => {
    this.calls++;
    return this.sources.get(body.sourceId) as SourceRead;
  };
  deleteSource = async (id: string) => {
    this.calls++;
    this.sources.delete(id);
  };
  listSources = async () => {
    this.calls++;
    return [...this.sources.values()];
  };
  discoverSourceSchema = async () => {
    this.calls++;
    return DISCOVERED;
  };
  createDestination = async (body: Parameters<ApplyClient['createDestination']>[0]) => {
    this.calls++;
    const read = { ...body, destinationId: this.id(), destinationName: 'X', createdAt: this.now() } as DestinationRead;
    this.destinations.set(read.destinationId, read);
    return read;
  };
  updateDestination = async (body: Parameters<ApplyClient['updateDestination']>[0]) => {
    this.calls++;
    return this.destinations.get(body.destinationId) as DestinationRead;
  };
  deleteDestination = async (id: string) => {
    this.calls++;
    this.destinations.delete(id);
  };
  listDestinations = async () => {
    this.calls++;
    return [...this.destinations.values()];
  };
  createConnection = async (body: Parameters<ApplyClient['createConnection']>[0]) => {
    this.calls++;
    const read = { ...body, connectionId: this.id(), status: 'active', created_at: this.now() } as ConnectionRead;
    this.connections.set(read.connectionId, read);
    return read;
  };
  updateConnection = async (body: Parameters<ApplyClient['updateConnection']>[0]) => {
    this.calls++;
    return this.connections.get(body.connectionId) as ConnectionRead;
  };
  deleteConnection = async (id: string) => {
    this.calls++;
    this.connections.delete(id);
  };
  listConnections = async () => {
    this.calls++;
    return [...this.connections.values()];
  };
  getState = async (connectionId: string) => {
    this.calls++;
    return { connectionId, stateType: 'not_set' as const };
  };
  addSecrets = () => undefined;
}
