/**
 * The desired model: what the pipeline YAML declares, after loading, merging and interpolation.
 * Produced by `spec/` (loadPipeline); read by the diff, apply, check and graph. Pure data.
 */
import type { DestinationSyncMode, JsonObject, NamespaceDefinition, NonBreakingChangesPreference, SyncMode, TimeUnit } from '../api/types.js';

/** Where something was written: 1-based line and column in the user's file (relative path as given). */
export interface SourceLocation {
  file: string;
  line: number;
  col: number;
}

/**
 * The origin of one configuration value. Keyed in `DesiredActor.origins` by the dotted path below
 * `configuration` (e.g. "port", "ssl_mode.mode", "format.compression_codec"; array items as "schemas.0").
 */
export interface ValueOrigin {
  loc: SourceLocation;
  /** The string exactly as written, when it contained `${...}` (e.g. "${PG_PASSWORD}" or "pg-${ENV}"). */
  template?: string;
  /**
   * True when the whole value was exactly one `${VAR}` / `${VAR:-default}`: the plan may coerce the string to the
   * type the connector asks for ("5432" → 5432, "true" → true).
   */
  wholeVar?: boolean;
  /** Names of the environment variables the value used, in order. */
  vars?: string[];
}

export type ResourceKind = 'source' | 'destination' | 'connection';
export type ActorKind = 'source' | 'destination';

/** A source or destination the pipeline declares. */
export interface DesiredActor {
  kind: ActorKind;
  /** Identity within its kind. */
  name: string;
  /**
   * Connector definition as written: a definition name (matched case-insensitively, exactly) or a definition id.
   * Undefined for a name-only reference to an existing resource that the pipeline does not manage.
   */
  definition?: string;
  /** The connector configuration with `${VAR}` already substituted. Undefined for references. */
  configuration?: JsonObject;
  /** Origins of configuration values, by dotted path below `configuration`. */
  origins: Record<string, ValueOrigin>;
  /** Old names to rename from, in place. */
  previousNames: string[];
  /** Where the resource's `name` key was written. */
  loc: SourceLocation;
  /** Where its `definition` and `configuration` keys were written (for error messages). */
  definitionLoc?: SourceLocation;
  configurationLoc?: SourceLocation;
}

/** Connection schedule, in the current Airbyte model (scheduleType / scheduleData). */
export type DesiredSchedule =
  { type: 'manual' } | { type: 'basic'; units: number; timeUnit: TimeUnit } | { type: 'cron'; cronExpression: string; cronTimeZone: string };

export interface DesiredStream {
  name: string;
  /** Undefined means "the stream's namespace as the source reports it" (matched loosely). */
  namespace?: string;
  syncMode: SyncMode;
  destinationSyncMode: DestinationSyncMode;
  cursorField?: string[];
  primaryKey?: string[][];
  /** Top-level field names; undefined = all fields. */
  selectedFields?: string[];
  loc: SourceLocation;
}

/** A stream left out of an all-streams connection: by name (any namespace) or by name and namespace. */
export interface ExcludedStream {
  name: string;
  /** Undefined = every namespace's stream of this name. */
  namespace?: string;
  loc: SourceLocation;
}

/**
 * `allStreams:` of a connection: select every stream the source offers (optionally only of some namespaces, minus
 * `exclude`). The connection's `streams` are then per-stream overrides, each of which must be a stream the source
 * offers and not excluded. A stream not overridden gets `syncMode` / `destinationSyncMode` when given, else
 * Airbyte's own default for it (from discovery), kept to the modes the destination supports.
 */
export interface DesiredAllStreams {
  /** Only streams of these namespaces; undefined = every namespace. */
  namespaces?: string[];
  exclude: ExcludedStream[];
  syncMode?: SyncMode;
  destinationSyncMode?: DestinationSyncMode;
  /** Where `allStreams` was written. */
  loc: SourceLocation;
}

export interface DesiredConnection {
  kind: 'connection';
  name: string;
  /** Source and destination by name (resolved to ids by the plan). */
  source: string;
  destination: string;
  /** Default 'active'. */
  status: 'active' | 'inactive';
  /** Default manual. */
  schedule: DesiredSchedule;
  /** Undefined = not managed by the pipeline (server default stays). */
  namespaceDefinition?: NamespaceDefinition;
  namespaceFormat?: string;
  prefix?: string;
  nonBreakingChangesPreference?: NonBreakingChangesPreference;
  /** Undefined = not managed (server default stays). */
  notifySchemaChanges?: boolean;
  notifySchemaChangesByEmail?: boolean;
  /** Set = every stream of the source is selected; `streams` are then overrides (see DesiredAllStreams). */
  allStreams?: DesiredAllStreams;
  /** The declared streams; with `allStreams`, the per-stream overrides (may be empty). */
  streams: DesiredStream[];
  previousNames: string[];
  loc: SourceLocation;
  sourceLoc?: SourceLocation;
  destinationLoc?: SourceLocation;
}

/** All files merged into one pipeline. */
export interface DesiredPipeline {
  /** Workspace name, slug or id, if a file set one (the CLI flag / env var win). */
  workspace?: string;
  workspaceLoc?: SourceLocation;
  sources: DesiredActor[];
  destinations: DesiredActor[];
  connections: DesiredConnection[];
  /** The files that were read, in load order. */
  files: string[];
}
