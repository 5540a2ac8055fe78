/**
 * Changing a source's schema while the emulator runs: `POST /_emulator/schema` records changes (add or drop a stream
 * or a column, change a column's type, set the primary key or the cursor) for one source; every discovery of that
 * source afterwards applies them, in order, on top of what its connector (or the --catalogs file) discovers. A test,
 * or a CI job rehearsing an upstream migration, can so make the schema drift between two steps.
 *
 * Changes are checked against the source's catalog when they are posted (a clear 4xx naming the source and the
 * stream); one that no longer applies later (the catalogs file was edited since) is skipped.
 */
import type { AirbyteCatalog, AirbyteStream, AirbyteStreamAndConfiguration, JsonObject } from '../../api/types.js';
import { lookupStream, streamLabel } from '../../streams/identity.js';
import { isJsonObject } from '../../util/json.js';
import { defaultModes } from '../connectors/discovery.js';
import type { SchemaChange, StoredActor } from '../state.js';
import type { Context } from '../types.js';

const OPS: SchemaChange['op'][] = ['add_stream', 'drop_stream', 'add_column', 'drop_column', 'set_primary_key', 'set_cursor', 'change_column_type'];

/** Column types by short name; anything else must be a JSON Schema object. */
const TYPES: Record<string, JsonObject> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  object: { type: 'object' },
  array: { type: 'array', items: {} },
  date: { type: 'string', format: 'date' },
  timestamp: { type: 'string', format: 'date-time', airbyte_type: 'timestamp_with_timezone' },
};

/** A mistake in a POST /_emulator/schema request: its status and message. */
export class SchemaChangeError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SchemaChangeError';
  }
}

const invalid = (message: string) => new SchemaChangeError(422, message);

function columnSchema(type: unknown, where: string): JsonObject {
  if (isJsonObject(type)) return structuredClone(type);
  if (typeof type === 'string' && TYPES[type] !== undefined) return structuredClone(TYPES[type]);
  throw invalid(`${where}: "type" must be one of ${Object.keys(TYPES).join(', ')} or a JSON Schema object, got ${JSON.stringify(type)}`);
}

function stringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Checks one change's shape (not yet whether it applies). */
function parseChange(value: unknown, index: number): SchemaChange {
  const where = `changes[${index}]`;
  if (!isJsonObject(value)) throw invalid(`${where} must be an object {op, stream, ...}`);
  const op = value['op'] as SchemaChange['op'];
  if (!OPS.includes(op)) throw invalid(`${where}: "op" must be one of ${OPS.join(', ')}, got ${JSON.stringify(value['op'])}`);
  const stream = value['stream'];
  if (typeof stream !== 'string' || stream === '') throw invalid(`${where} (${op}): "stream" (the stream's name) is required`);
  const change: SchemaChange = { op, stream };
  const namespace = value['namespace'];
  if (namespace !== undefined && namespace !== null) {
    if (typeof namespace !== 'string') throw invalid(`${where} (${op}): "namespace" must be a string`);
    change.namespace = namespace;
  }
  const at = `${where} (${op} ${streamLabel({ name: stream, namespace: change.namespace })})`;
  if (op === 'add_column' || op === 'drop_column' || op === 'change_column_type') {
    const column = value['column'];
    if (typeof column !== 'string' || column === '') throw invalid(`${at}: "column" is required`);
    change.column = column;
    if (op !== 'drop_column') {
      columnSchema(value['type'], at);
      change.type = value['type'] as string | JsonObject;
    }
  }
  if (op === 'add_stream' && value['columns'] !== undefined) {
    const columns = value['columns'];
    if (!isJsonObject(columns)) throw invalid(`${at}: "columns" must map column names to types`);
    for (const [name, type] of Object.entries(columns)) columnSchema(type, `${at} column '${name}'`);
    change.columns = columns as Record<string, string | JsonObject>;
  }
  if (op === 'set_primary_key' || (op === 'add_stream' && value['primaryKey'] !== undefined)) {
    const key = value['primaryKey'];
    if (!Array.isArray(key) || !key.every(stringList)) throw invalid(`${at}: "primaryKey" must be a list of column paths, e.g. [["id"]] ([] for none)`);
    change.primaryKey = key;
  }
  if (op === 'set_cursor' || (op === 'add_stream' && value['cursorField'] !== undefined)) {
    const cursor = value['cursorField'];
    if (!stringList(cursor)) throw invalid(`${at}: "cursorField" must be a column path, e.g. ["updated_at"] ([] for none)`);
    change.cursorField = cursor;
  }
  return change;
}

/** The changes of a POST /_emulator/schema body, shape-checked; an empty list only with `replace` (back to the connector's schema). */
export function parseChanges(value: unknown, replace = false): SchemaChange[] {
  if (!Array.isArray(value) || (value.length === 0 && !replace)) {
    throw new SchemaChangeError(400, '"changes" must be a non-empty list of {op, stream, ...} (or [] with "replace": true, to undo them all)');
  }
  return value.map(parseChange);
}

/** The live source a request names, by id or by name (which must then be unique). */
export function sourceNamed(ctx: Context, name: unknown): StoredActor {
  if (typeof name !== 'string' || name === '') throw new SchemaChangeError(400, '"source" (a source name or id) is required');
  const byId = ctx.store.actor('sources', name);
  if (byId && !byId.tombstone) return byId;
  const named = [...ctx.store.actors('sources')].filter((source) => !source.tombstone && source.name === name);
  if (named.length === 0) throw new SchemaChangeError(404, `no source named '${name}' (nor with that id)`);
  if (named.length > 1) throw new SchemaChangeError(409, `${named.length} sources are named '${name}': give the source's id instead`);
  return named[0] as StoredActor;
}

/** The default configuration of a stream whose metadata changed, keeping whether it is selected and suggested. */
function reconfigured(entry: AirbyteStreamAndConfiguration): AirbyteStreamAndConfiguration {
  const { stream, config } = entry;
  return {
    stream,
    config: {
      ...config,
      ...defaultModes(stream),
      cursorField: [...(stream.defaultCursorField ?? [])],
      primaryKey: (stream.sourceDefinedPrimaryKey ?? []).map((path) => [...path]),
    },
  };
}

function properties(stream: AirbyteStream): Record<string, unknown> {
  const schema = stream.jsonSchema;
  return isJsonObject(schema) && isJsonObject(schema['properties']) ? schema['properties'] : {};
}

function withProperties(stream: AirbyteStream, next: Record<string, unknown>): AirbyteStream {
  const schema = isJsonObject(stream.jsonSchema) ? stream.jsonSchema : { type: 'object' };
  return { ...stream, jsonSchema: { ...schema, properties: next as JsonObject } };
}

/** Applies one change to `streams`; throws SchemaChangeError (422) when it does not apply. */
function applyOne(streams: AirbyteStreamAndConfiguration[], change: SchemaChange, sourceName: string): AirbyteStreamAndConfiguration[] {
  const label = `source '${sourceName}': ${change.op} '${streamLabel({ name: change.stream, namespace: change.namespace })}'`;
  const found = lookupStream({ name: change.stream, namespace: change.namespace }, streams);
  if (change.op === 'add_stream') {
    const exact = streams.some(({ stream }) => stream.name === change.stream && (stream.namespace ?? '') === (change.namespace ?? ''));
    if (exact) throw invalid(`${label}: the stream already exists`);
    const columns = Object.fromEntries(Object.entries(change.columns ?? {}).map(([name, type]) => [name, columnSchema(type, label)]));
    const stream: AirbyteStream = {
      name: change.stream,
      jsonSchema: { type: 'object', properties: columns },
      supportedSyncModes: ['full_refresh', 'incremental'],
      sourceDefinedCursor: (change.cursorField ?? []).length > 0,
      defaultCursorField: [...(change.cursorField ?? [])],
      sourceDefinedPrimaryKey: change.primaryKey ?? [],
      ...(change.namespace !== undefined ? { namespace: change.namespace } : {}),
    };
    return [...streams, reconfigured({ stream, config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: false, suggested: false } })];
  }
  if (found.kind === 'missing') throw invalid(`${label}: no such stream in the source's catalog`);
  if (found.kind === 'ambiguous') {
    const namespaces = found.candidates.map(({ stream }) => JSON.stringify(stream.namespace ?? '')).join(', ');
    throw invalid(`${label}: streams of that name are in several namespaces (${namespaces}); give "namespace"`);
  }
  const target = found.entry;
  if (change.op === 'drop_stream') return streams.filter((entry) => entry !== target);
  let stream = target.stream;
  const columns = properties(stream);
  const column = change.column ?? '';
  switch (change.op) {
    case 'add_column':
      if (column in columns) throw invalid(`${label}: column '${column}' already exists`);
      stream = withProperties(stream, { ...columns, [column]: columnSchema(change.type, label) });
      break;
    case 'drop_column': {
      if (!(column in columns)) throw invalid(`${label}: no column '${column}'`);
      const { [column]: _dropped, ...rest } = columns;
      stream = withProperties(stream, rest);
      break;
    }
    case 'change_column_type':
      if (!(column in columns)) throw invalid(`${label}: no column '${column}'`);
      stream = withProperties(stream, { ...columns, [column]: columnSchema(change.type, label) });
      break;
    case 'set_primary_key':
      stream = { ...stream, sourceDefinedPrimaryKey: (change.primaryKey ?? []).map((path) => [...path]) };
      break;
    case 'set_cursor':
      stream = { ...stream, sourceDefinedCursor: (change.cursorField ?? []).length > 0, defaultCursorField: [...(change.cursorField ?? [])] };
      break;
  }
  const changed = reconfigured({ stream, config: target.config });
  return streams.map((entry) => (entry === target ? changed : entry));
}

/**
 * The catalog with `changes` applied in order. Strict (when changes are posted): a change that does not apply is a
 * SchemaChangeError; otherwise it is skipped.
 */
export function withSchemaChanges(catalog: AirbyteCatalog, changes: readonly SchemaChange[], sourceName: string, strict = false): AirbyteCatalog {
  if (changes.length === 0) return catalog;
  let streams = catalog.streams;
  for (const change of changes) {
    try {
      streams = applyOne(streams, change, sourceName);
    } catch (error) {
      if (strict || !(error instanceof SchemaChangeError)) throw error;
    }
  }
  return { streams };
}
