/**
 * Shapes of the Airbyte Config API (POST /api/v1/<family>/<verb>) as far as this tool reads or writes them.
 * Field names follow the real server exactly; see the Config API reference. Both the client and the emulator use
 * these types, so the emulator cannot drift from what the client sends.
 */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const SECRET_MASK = '**********';
export const DEFAULT_ORGANIZATION_ID = '00000000-0000-0000-0000-000000000000';

export interface WorkspaceRead {
  workspaceId: string;
  organizationId: string;
  customerId: string;
  name: string;
  slug: string;
  initialSetupComplete: boolean;
  email?: string;
}
export interface WorkspaceReadList {
  workspaces: WorkspaceRead[];
}

export interface SourceDefinitionRead {
  sourceDefinitionId: string;
  name: string;
  dockerRepository: string;
  dockerImageTag: string;
  documentationUrl?: string;
  sourceType?: 'api' | 'file' | 'database' | 'custom';
  releaseStage?: string;
  supportLevel?: string;
}
export interface DestinationDefinitionRead {
  destinationDefinitionId: string;
  name: string;
  dockerRepository: string;
  dockerImageTag: string;
  documentationUrl: string;
  releaseStage?: string;
  supportLevel?: string;
}

export interface SynchronousJobRead {
  id: string;
  configType: string;
  configId?: string;
  createdAt: number;
  endedAt: number;
  succeeded: boolean;
  failureReason?: FailureReason;
  logs?: { logLines: string[] };
}

export interface SourceDefinitionSpecificationRead {
  sourceDefinitionId: string;
  jobInfo: SynchronousJobRead;
  documentationUrl?: string;
  connectionSpecification: JsonObject;
}
export interface DestinationDefinitionSpecificationRead {
  destinationDefinitionId: string;
  jobInfo: SynchronousJobRead;
  documentationUrl?: string;
  connectionSpecification: JsonObject;
  supportedDestinationSyncModes: DestinationSyncMode[];
}

export interface SourceRead {
  sourceDefinitionId: string;
  sourceId: string;
  workspaceId: string;
  /** Masked: every airbyte_secret path reads as SECRET_MASK. */
  connectionConfiguration: JsonObject;
  name: string;
  sourceName: string;
  createdAt: number;
  icon?: string;
  status?: 'active' | 'inactive';
}
export interface SourceReadList {
  sources: SourceRead[];
  page_size?: number;
  num_connections?: number;
}
export interface DestinationRead {
  destinationDefinitionId: string;
  destinationId: string;
  workspaceId: string;
  connectionConfiguration: JsonObject;
  name: string;
  destinationName: string;
  createdAt: number;
  icon?: string;
  status?: 'active' | 'inactive';
}
export interface DestinationReadList {
  destinations: DestinationRead[];
  page_size?: number;
  num_connections?: number;
}
export interface SourceCreate {
  sourceDefinitionId: string;
  workspaceId: string;
  name: string;
  connectionConfiguration: JsonObject;
}
export interface SourceUpdate {
  sourceId: string;
  name: string;
  connectionConfiguration: JsonObject;
}
export interface DestinationCreate {
  destinationDefinitionId: string;
  workspaceId: string;
  name: string;
  connectionConfiguration: JsonObject;
}
export interface DestinationUpdate {
  destinationId: string;
  name: string;
  connectionConfiguration: JsonObject;
}
/** cursor-paginated list (server >= 1.8); a body with only workspaceId works on every version. */
export interface ActorListRequest {
  workspaceId: string;
  pageSize?: number;
  cursor?: string;
}

export interface CheckConnectionRead {
  status?: 'succeeded' | 'failed';
  message?: string;
  jobInfo: SynchronousJobRead;
}

export type SyncMode = 'full_refresh' | 'incremental';
export type DestinationSyncMode = 'append' | 'overwrite' | 'append_dedup' | 'overwrite_dedup' | 'update' | 'soft_delete';

export interface AirbyteStream {
  name: string;
  jsonSchema?: JsonObject;
  supportedSyncModes?: SyncMode[];
  sourceDefinedCursor?: boolean;
  defaultCursorField?: string[];
  sourceDefinedPrimaryKey?: string[][];
  namespace?: string;
  isResumable?: boolean;
}
export interface SelectedFieldInfo {
  fieldPath: string[];
}
export interface AirbyteStreamConfiguration {
  syncMode: SyncMode;
  destinationSyncMode: DestinationSyncMode;
  cursorField?: string[];
  primaryKey?: string[][];
  aliasName?: string;
  selected?: boolean;
  suggested?: boolean;
  fieldSelectionEnabled?: boolean;
  selectedFields?: SelectedFieldInfo[];
}
export interface AirbyteStreamAndConfiguration {
  stream: AirbyteStream;
  config: AirbyteStreamConfiguration;
}
export interface AirbyteCatalog {
  streams: AirbyteStreamAndConfiguration[];
}
/**
 * The answer of `sources/discover_schema` and `scheduler/sources/discover_schema`. `jobInfo` is required in the spec
 * but the server leaves it out when discovery was asked with a `connectionId` (Config API reference §3h); `catalog`
 * is absent when the discover job failed. `catalogDiff`, `breakingChange` and `connectionStatus` come only with a
 * `connectionId` (and then the server may have disabled the connection: a read-only plan never sends one).
 */
export interface SourceDiscoverSchemaRead {
  jobInfo?: SynchronousJobRead;
  catalog?: AirbyteCatalog;
  catalogId?: string;
  catalogDiff?: CatalogDiff;
  breakingChange?: boolean;
  connectionStatus?: ConnectionStatus;
}

/** `scheduler/sources/discover_schema` request: discovery of a configuration that is not stored (nothing is created). */
export interface SourceCoreConfig {
  sourceDefinitionId: string;
  connectionConfiguration: JsonObject;
  workspaceId: string;
  sourceId?: string;
}

/** A stream by name and namespace, as the Config API names one outside a catalog. */
export interface StreamDescriptor {
  name: string;
  namespace?: string;
}

/** A field's JSON Schema in a diff. */
export interface FieldTransform {
  transformType: 'add_field' | 'remove_field' | 'update_field_schema';
  /** The path to the field (nested properties give longer paths). */
  fieldName: string[];
  breaking: boolean;
  addField?: { schema?: JsonObject };
  removeField?: { schema?: JsonObject };
  updateFieldSchema?: { oldSchema: JsonObject; newSchema: JsonObject };
}

export interface StreamAttributeTransform {
  transformType: 'update_primary_key';
  breaking: boolean;
  updatePrimaryKey?: { oldPrimaryKey?: string[][]; newPrimaryKey?: string[][] };
}

export interface StreamTransform {
  transformType: 'add_stream' | 'remove_stream' | 'update_stream';
  streamDescriptor: StreamDescriptor;
  updateStream?: { fieldTransforms: FieldTransform[]; streamAttributeTransforms: StreamAttributeTransform[] };
}

/** How a source's schema differs from what a connection holds (`CatalogDiff`; order of transforms does not matter). */
export interface CatalogDiff {
  transforms: StreamTransform[];
}

/** `ConnectionState`: only the field matching `stateType` is set (none for `not_set`). */
export type ConnectionStateType = 'global' | 'stream' | 'legacy' | 'not_set';
export interface StreamState {
  streamDescriptor: StreamDescriptor;
  streamState?: JsonObject;
}
export interface GlobalState {
  shared_state?: JsonObject;
  streamStates: StreamState[];
}
export interface ConnectionState {
  connectionId: string;
  stateType: ConnectionStateType;
  /** A legacy state blob. */
  state?: JsonObject;
  streamState?: StreamState[];
  globalState?: GlobalState;
}
/** `state/create_or_update` and `state/create_or_update_safe` request. */
export interface ConnectionStateCreateOrUpdate {
  connectionId: string;
  connectionState: ConnectionState;
}

export type TimeUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months';
export type ScheduleType = 'manual' | 'basic' | 'cron';
export interface ScheduleData {
  basicSchedule?: { timeUnit: TimeUnit; units: number };
  cron?: { cronExpression: string; cronTimeZone: string };
}
export type ConnectionStatus = 'active' | 'inactive' | 'deprecated' | 'locked';
export type NamespaceDefinition = 'source' | 'destination' | 'customformat';
export type NonBreakingChangesPreference = 'ignore' | 'disable' | 'propagate_columns' | 'propagate_fully';

export interface ConnectionCreate {
  sourceId: string;
  destinationId: string;
  status: ConnectionStatus;
  name?: string;
  namespaceDefinition?: NamespaceDefinition;
  namespaceFormat?: string;
  prefix?: string;
  syncCatalog?: AirbyteCatalog;
  /** Legacy; accepted on create only. Never sent by this tool. */
  schedule?: { units: number; timeUnit: TimeUnit };
  scheduleType?: ScheduleType;
  scheduleData?: ScheduleData;
  nonBreakingChangesPreference?: NonBreakingChangesPreference;
  notifySchemaChanges?: boolean;
  notifySchemaChangesByEmail?: boolean;
  sourceCatalogId?: string;
}
/** Patch-style: only connectionId is required; absent fields stay unchanged. */
export interface ConnectionUpdate {
  connectionId: string;
  name?: string;
  status?: ConnectionStatus;
  namespaceDefinition?: NamespaceDefinition;
  namespaceFormat?: string;
  prefix?: string;
  syncCatalog?: AirbyteCatalog;
  scheduleType?: ScheduleType;
  scheduleData?: ScheduleData;
  nonBreakingChangesPreference?: NonBreakingChangesPreference;
  notifySchemaChanges?: boolean;
  notifySchemaChangesByEmail?: boolean;
  sourceCatalogId?: string;
  /** Clears (false) the flag Airbyte sets when it noticed a breaking schema change. */
  breakingChange?: boolean;
}
export interface ConnectionRead {
  connectionId: string;
  name: string;
  sourceId: string;
  destinationId: string;
  syncCatalog: AirbyteCatalog;
  status: ConnectionStatus;
  breakingChange: boolean;
  namespaceDefinition?: NamespaceDefinition;
  namespaceFormat?: string;
  prefix?: string;
  schedule?: { units: number; timeUnit: TimeUnit };
  scheduleType?: ScheduleType;
  scheduleData?: ScheduleData;
  nonBreakingChangesPreference?: NonBreakingChangesPreference;
  notifySchemaChanges?: boolean;
  notifySchemaChangesByEmail?: boolean;
  workspaceId?: string;
  created_at?: number;
  sourceCatalogId?: string;
}
export interface ConnectionReadList {
  connections: ConnectionRead[];
}

export type JobStatus = 'pending' | 'running' | 'incomplete' | 'failed' | 'succeeded' | 'cancelled' | 'queued';
export type JobConfigType =
  'check_connection_source' | 'check_connection_destination' | 'discover_schema' | 'get_spec' | 'sync' | 'reset_connection' | 'refresh' | 'clear';
export interface JobAggregatedStats {
  recordsEmitted: number;
  bytesEmitted: number;
  recordsCommitted: number;
  bytesCommitted: number;
  recordsRejected: number;
}
export interface JobRead {
  id: number;
  configType: JobConfigType;
  configId: string;
  createdAt: number;
  updatedAt: number;
  status: JobStatus;
  startedAt?: number;
  aggregatedStats?: JobAggregatedStats;
}
export interface FailureReason {
  failureOrigin?: string;
  failureType?: string;
  externalMessage?: string;
  internalMessage?: string;
  retryable?: boolean;
  timestamp: number;
}
export interface AttemptStats {
  recordsEmitted?: number;
  bytesEmitted?: number;
  recordsCommitted?: number;
  bytesCommitted?: number;
  stateMessagesEmitted?: number;
  estimatedRecords?: number;
  estimatedBytes?: number;
}
export type AttemptStatus = 'running' | 'failed' | 'succeeded';
export interface AttemptRead {
  id: number;
  status: AttemptStatus;
  createdAt: number;
  updatedAt: number;
  endedAt?: number;
  bytesSynced?: number;
  recordsSynced?: number;
  totalStats?: AttemptStats;
  streamStats?: { streamName: string; streamNamespace?: string; stats: AttemptStats }[];
  failureSummary?: { failures: FailureReason[]; partialSuccess?: boolean };
}
export interface JobInfoRead {
  job: JobRead;
  attempts: { attempt: AttemptRead; logs?: { logLines: string[] } }[];
}
export interface JobWithAttemptsRead {
  job: JobRead;
  attempts: AttemptRead[];
}
export interface JobListRequest {
  configTypes: JobConfigType[];
  configId?: string;
  pagination?: { pageSize?: number; rowOffset?: number };
}
export interface JobReadList {
  jobs: JobWithAttemptsRead[];
  totalJobCount: number;
}
