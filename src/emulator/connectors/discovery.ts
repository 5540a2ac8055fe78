/**
 * Discovered streams and the default configuration the real server attaches to each discovered stream
 * (`CatalogConverter`, see the Config API reference §3c), so that `sources/discover_schema` reads like Airbyte's.
 */
import type { AirbyteCatalog, AirbyteStream, AirbyteStreamConfiguration, DestinationSyncMode, JsonObject, SyncMode } from '../../api/types.js';

/** A column: name and its JSON Schema. */
export type Column = [name: string, schema: JsonObject];

/** Column types as JDBC sources report them (integers are numbers with an airbyte_type). */
export const DB = {
  integer: { type: 'number', airbyte_type: 'integer' },
  number: { type: 'number' },
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  timestamp: { type: 'string', format: 'date-time', airbyte_type: 'timestamp_with_timezone' },
  date: { type: 'string', format: 'date' },
} satisfies Record<string, JsonObject>;

/** A stream's JSON Schema from its columns. */
export function objectSchema(columns: Column[]): JsonObject {
  return { type: 'object', properties: Object.fromEntries(columns) };
}

/** What a source says about one stream; everything else in AirbyteStream is derived. */
export interface StreamShape {
  name: string;
  namespace?: string;
  columns: Column[];
  supportedSyncModes: SyncMode[];
  /** The cursor the source itself maintains; empty when the user must pick one. */
  sourceCursor: string[];
  primaryKey: string[][];
  isResumable: boolean;
}

export function airbyteStream(shape: StreamShape): AirbyteStream {
  const stream: AirbyteStream = {
    name: shape.name,
    jsonSchema: objectSchema(shape.columns),
    supportedSyncModes: shape.supportedSyncModes,
    sourceDefinedCursor: shape.sourceCursor.length > 0,
    defaultCursorField: shape.sourceCursor,
    sourceDefinedPrimaryKey: shape.primaryKey,
    isResumable: shape.isResumable,
  };
  if (shape.namespace !== undefined) stream.namespace = shape.namespace;
  return stream;
}

/** The server's default modes for a discovered stream, rule for rule as in the reference. */
export function defaultModes(stream: AirbyteStream): { syncMode: SyncMode; destinationSyncMode: DestinationSyncMode } {
  const cursor = stream.sourceDefinedCursor === true;
  const primaryKey = (stream.sourceDefinedPrimaryKey ?? []).length > 0;
  if (cursor && primaryKey) return { syncMode: 'incremental', destinationSyncMode: 'append_dedup' };
  if (cursor && (stream.supportedSyncModes ?? []).includes('full_refresh')) return { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' };
  if (cursor) return { syncMode: 'incremental', destinationSyncMode: 'append' };
  return { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' };
}

/**
 * The catalog with default configs: a stream is selected only when it is the sole stream or the connector
 * suggests it (its metadata's `suggestedStreams`), and `suggested` says the latter.
 */
export function withDefaultConfigs(streams: AirbyteStream[], suggestedStreams: string[] = []): AirbyteCatalog {
  return {
    streams: streams.map((stream) => {
      const suggested = suggestedStreams.includes(stream.name);
      const config: AirbyteStreamConfiguration = {
        ...defaultModes(stream),
        cursorField: [...(stream.defaultCursorField ?? [])],
        primaryKey: (stream.sourceDefinedPrimaryKey ?? []).map((key) => [...key]),
        aliasName: stream.name,
        selected: streams.length === 1 || suggested,
        suggested,
      };
      return { stream, config };
    }),
  };
}
