/**
 * The remote model: what Airbyte holds, fetched with list calls and normalized. Produced by `plan/fetch`;
 * read by the diff. Configurations are as the server returned them (masked at secret paths).
 */
import type {
  AirbyteCatalog,
  DestinationSyncMode,
  JsonObject,
  NamespaceDefinition,
  NonBreakingChangesPreference,
  ScheduleData,
  ScheduleType,
  ConnectionStatus,
} from '../api/types.js';
import type { ActorKind } from './desired.js';

export interface RemoteWorkspace {
  workspaceId: string;
  name: string;
  slug: string;
}

export interface RemoteDefinition {
  kind: ActorKind;
  definitionId: string;
  name: string;
  dockerRepository: string;
  dockerImageTag: string;
}

/** A connector's live specification, fetched once per distinct definition. */
export interface ConnectorSpec {
  kind: ActorKind;
  definitionId: string;
  /** JSON Schema (draft-07) of the connector configuration, with airbyte_secret marks. */
  connectionSpecification: JsonObject;
  /** Destinations only. */
  supportedDestinationSyncModes?: DestinationSyncMode[];
}

export interface RemoteActor {
  kind: ActorKind;
  id: string;
  name: string;
  definitionId: string;
  /** Masked configuration as read. */
  configuration: JsonObject;
  /** Creation time in epoch seconds, when the server reports it: the oldest of same-named copies is kept. */
  createdAt?: number;
}

export interface RemoteConnection {
  kind: 'connection';
  id: string;
  name: string;
  /** Creation time in epoch seconds (`created_at`), when the server reports it. */
  createdAt?: number;
  sourceId: string;
  destinationId: string;
  status: ConnectionStatus;
  scheduleType: ScheduleType;
  scheduleData?: ScheduleData;
  namespaceDefinition?: NamespaceDefinition;
  namespaceFormat?: string;
  prefix?: string;
  nonBreakingChangesPreference?: NonBreakingChangesPreference;
  notifySchemaChanges?: boolean;
  notifySchemaChangesByEmail?: boolean;
  /** Only the selected streams (the server stores no others), each with its stream metadata. */
  syncCatalog: AirbyteCatalog;
}

export interface RemoteState {
  workspace: RemoteWorkspace;
  definitions: RemoteDefinition[];
  /** By definitionId: the specs of the definitions the pipeline uses (and those of remote actors it compares). */
  specs: Record<string, ConnectorSpec>;
  sources: RemoteActor[];
  destinations: RemoteActor[];
  connections: RemoteConnection[];
  /**
   * Discovered catalogs by source id: for sources whose connections add streams Airbyte does not hold (or start
   * selecting all streams), and under `refreshed` for the source of every managed existing connection.
   */
  discovered: Record<string, AirbyteCatalog>;
  /** The server's id of each catalog in `discovered` (`catalogId` of the discovery), when it gave one. */
  discoveredCatalogIds?: Record<string, string>;
  /**
   * Catalogs of sources created by this apply, by declared source name: discovered at plan time from the declared
   * configuration (`scheduler/sources/discover_schema`). Absent or missing a name when not discovered (`--no-discover`).
   */
  discoveredNew?: Record<string, AirbyteCatalog>;
  /** True when `discovered` was read with `--refresh`: it is then the source's current schema, authoritative for drift. */
  refreshed?: boolean;
}
