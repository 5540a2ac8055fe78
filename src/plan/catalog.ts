/**
 * Streams of a connection: building the `syncCatalog` to send, and comparing the stored catalog with the declared
 * streams. Streams are keyed by namespace + name, so their order never makes a difference.
 */
import equal from 'fast-deep-equal';
import type { AirbyteCatalog, AirbyteStream, AirbyteStreamAndConfiguration, AirbyteStreamConfiguration, Json } from '../api/types.js';
import { GitopsError } from '../errors.js';
import type { DesiredStream } from '../model/desired.js';
import { lookupStream, streamKey, streamLabel, type StreamLookup, type StreamName } from '../streams/identity.js';
import { didYouMean } from '../util/suggest.js';
import { groupBy } from './by-name.js';
import type { FieldChange } from './types.js';

/** Looks streams up in one catalog by the rule of streams/identity.ts. */
export type StreamFinder<T> = (wanted: StreamName) => StreamLookup<T>;

/**
 * A finder over `catalog` that groups its entries by name once: a connection's streams are then looked up without
 * scanning the whole catalog for each (the rule only ever considers the entries of the wanted name).
 */
export function streamFinder<T extends { stream: StreamName }>(catalog: readonly T[]): StreamFinder<T> {
  const byName = groupBy(catalog, ({ stream }) => stream.name);
  return (wanted) => lookupStream(wanted, byName.get(wanted.name) ?? []);
}

/**
 * The available stream a declared one means (the rule is streams/identity.ts's). The checks have already refused
 * missing and ambiguous streams; this throws only for a catalog they did not see.
 */
function findStream<T extends { stream: AirbyteStream }>(wanted: DesiredStream, find: StreamFinder<T>): T | undefined {
  const found = find(wanted);
  if (found.kind === 'ambiguous') {
    const keys = found.candidates.map(({ stream }) => `'${streamLabel(stream)}'`).join(', ');
    throw new GitopsError('CONFLICT', `${wanted.loc.file}:${wanted.loc.line}:${wanted.loc.col}: stream '${wanted.name}' is ambiguous: ${keys}`, {
      hint: 'Add its namespace to the stream.',
    });
  }
  return found.kind === 'found' ? found.entry : undefined;
}

const sourceDefinesCursor = (stream: AirbyteStream) => stream.sourceDefinedCursor === true;
const sourceDefinesKey = (stream: AirbyteStream) => (stream.sourceDefinedPrimaryKey?.length ?? 0) > 0;

/** The configuration sent for a selected stream: the source's own cursor / key where it defines one. */
function configure(wanted: DesiredStream, available: AirbyteStreamAndConfiguration): AirbyteStreamConfiguration {
  const { stream } = available;
  const { cursorField: _cursor, primaryKey: _key, selectedFields: _fields, fieldSelectionEnabled: _enabled, ...kept } = available.config;
  const config: AirbyteStreamConfiguration = { ...kept, syncMode: wanted.syncMode, destinationSyncMode: wanted.destinationSyncMode, selected: true };
  const cursor = sourceDefinesCursor(stream) ? stream.defaultCursorField : wanted.cursorField;
  if (cursor && cursor.length > 0) config.cursorField = cursor;
  const key = sourceDefinesKey(stream) ? stream.sourceDefinedPrimaryKey : wanted.primaryKey;
  if (key && key.length > 0) config.primaryKey = key;
  if (wanted.selectedFields !== undefined) {
    config.fieldSelectionEnabled = true;
    config.selectedFields = wanted.selectedFields.map((field) => ({ fieldPath: [field] }));
  }
  return config;
}

/**
 * The catalog for `connections/create|update`: every available stream, with its metadata as discovered; the
 * declared ones selected and configured, all others `selected: false` (the server stores only selected streams).
 */
export function buildSyncCatalog(desiredStreams: readonly DesiredStream[], available: readonly AirbyteStreamAndConfiguration[]): AirbyteCatalog {
  const chosen = new Map<AirbyteStreamAndConfiguration, DesiredStream>();
  const find = streamFinder(available);
  for (const wanted of desiredStreams) {
    const found = findStream(wanted, find);
    if (!found) {
      const names = available.map(({ stream }) => streamLabel(stream));
      throw new GitopsError(
        'NOT_FOUND',
        `${wanted.loc.file}:${wanted.loc.line}:${wanted.loc.col}: stream '${streamLabel(wanted)}' is not in the source's catalog${didYouMean(streamLabel(wanted), names)}`,
        { meta: { available: names } },
      );
    }
    chosen.set(found, wanted);
  }
  return {
    streams: available.map((entry) => {
      const wanted = chosen.get(entry);
      return { stream: entry.stream, config: wanted ? configure(wanted, entry) : { ...entry.config, selected: false } };
    }),
  };
}

/** What a stream's line shows when it is added or removed. */
function streamSummary(stream: { syncMode: string; destinationSyncMode: string; cursorField?: string[]; primaryKey?: string[][] }): Json {
  const summary: Record<string, Json> = { syncMode: stream.syncMode, destinationSyncMode: stream.destinationSyncMode };
  if (stream.cursorField && stream.cursorField.length > 0) summary['cursorField'] = stream.cursorField;
  if (stream.primaryKey && stream.primaryKey.length > 0) summary['primaryKey'] = stream.primaryKey;
  return summary;
}

/** Result of comparing stored streams with declared ones. */
export interface StreamComparison {
  fields: FieldChange[];
  warnings: string[];
  /** A stream's sync mode changes: Airbyte deletes its state. */
  resetsState: boolean;
  /** A stored stream is no longer selected (its state may be deleted with it). */
  deselects: boolean;
}

const sortedNames = (names: string[] | null) => (names === null ? null : [...names].sort());

function compareOne(wanted: DesiredStream, stored: AirbyteStreamAndConfiguration, result: StreamComparison): void {
  const key = streamLabel(stored.stream);
  const push = (field: string, before: Json, after: Json) => result.fields.push({ path: `streams[${key}].${field}`, before, after });
  if (wanted.syncMode !== stored.config.syncMode) {
    push('syncMode', stored.config.syncMode, wanted.syncMode);
    result.resetsState = true;
    result.warnings.push(
      `stream '${key}': syncMode changes from ${stored.config.syncMode} to ${wanted.syncMode}; Airbyte deletes its sync state and the next sync reads it in full`,
    );
  }
  if (wanted.destinationSyncMode !== stored.config.destinationSyncMode)
    push('destinationSyncMode', stored.config.destinationSyncMode, wanted.destinationSyncMode);
  if (wanted.cursorField !== undefined && !sourceDefinesCursor(stored.stream) && !equal(wanted.cursorField, stored.config.cursorField ?? [])) {
    push('cursorField', stored.config.cursorField ?? null, wanted.cursorField);
  }
  if (wanted.primaryKey !== undefined && !sourceDefinesKey(stored.stream) && !equal(wanted.primaryKey, stored.config.primaryKey ?? [])) {
    push('primaryKey', stored.config.primaryKey ?? null, wanted.primaryKey);
  }
  const storedFields = stored.config.fieldSelectionEnabled ? (stored.config.selectedFields ?? []).map((f) => f.fieldPath.join('.')) : null;
  const wantedFields = wanted.selectedFields ?? null;
  if (!equal(sortedNames(storedFields), sortedNames(wantedFields))) push('selectedFields', storedFields, wantedFields);
}

/**
 * Field by field, the stored (selected) streams of a connection against the declared ones. Where the source
 * defines the cursor or primary key, the declared one makes no difference (it is never sent either).
 */
export function compareStreams(desiredStreams: readonly DesiredStream[], storedCatalog: AirbyteCatalog): StreamComparison {
  const stored = storedCatalog.streams.filter((entry) => entry.config.selected !== false);
  const result: StreamComparison = { fields: [], warnings: [], resetsState: false, deselects: false };
  const matched = new Set<AirbyteStreamAndConfiguration>();
  const find = streamFinder(stored);
  for (const wanted of desiredStreams) {
    const found = findStream(wanted, find);
    if (found) {
      matched.add(found);
      compareOne(wanted, found, result);
    } else {
      result.fields.push({ path: `streams[${streamLabel(wanted)}]`, before: null, after: streamSummary(wanted) });
    }
  }
  for (const entry of stored) {
    if (matched.has(entry)) continue;
    const key = streamLabel(entry.stream);
    result.fields.push({ path: `streams[${key}]`, before: streamSummary(entry.config), after: null });
    result.deselects = true;
    result.warnings.push(`stream '${key}' is deselected: it stops syncing`);
  }
  return result;
}

/** The streams a catalog update may draw on: the discovered catalog where read, else what the connection stores. */
export function availableStreams(stored: AirbyteCatalog, discovered: AirbyteCatalog | undefined): AirbyteStreamAndConfiguration[] {
  if (!discovered) return stored.streams;
  const known = new Set(discovered.streams.map(({ stream }) => streamKey(stream)));
  return [...discovered.streams, ...stored.streams.filter(({ stream }) => !known.has(streamKey(stream)))];
}
