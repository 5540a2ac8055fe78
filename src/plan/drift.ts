/**
 * Schema drift of a managed connection (`--refresh`): the connection's stored catalog against its source's catalog
 * discovered now, by the server's own rules (streams/catalog-diff.ts), seen from the pipeline: which offered streams
 * it does not select, which selected ones are gone, how the streams that stay selected changed, and whether Airbyte
 * calls that breaking.
 */
import equal from 'fast-deep-equal';
import type { AirbyteCatalog, AirbyteStreamAndConfiguration, FieldTransform, Json, JsonObject } from '../api/types.js';
import type { DesiredStream } from '../model/desired.js';
import { diffCatalogs } from '../streams/catalog-diff.js';
import { streamKey, streamLabel, type StreamName } from '../streams/identity.js';
import { streamFinder } from './catalog.js';
import type { ConnectionDrift, FieldChange, StreamDrift } from './types.js';

const columnName = (transform: FieldTransform) => transform.fieldName.join('.');

/**
 * With field selection the server stores only the selected columns' schema, so every other column reads as added
 * upstream: those are no drift.
 */
function unselectedColumn(stored: AirbyteStreamAndConfiguration, transform: FieldTransform): boolean {
  if (stored.config.fieldSelectionEnabled !== true || transform.transformType !== 'add_field') return false;
  const selected = new Set((stored.config.selectedFields ?? []).map((field) => field.fieldPath[0]));
  return !selected.has(transform.fieldName[0]);
}

function streamDrift(
  stored: AirbyteStreamAndConfiguration,
  discovered: AirbyteStreamAndConfiguration,
  fields: FieldTransform[],
  keyBreaks: boolean,
): StreamDrift | undefined {
  const kept = fields.filter((transform) => !unselectedColumn(stored, transform));
  const drift: StreamDrift = {
    stream: streamLabel(stored.stream),
    columnsAdded: kept.filter((t) => t.transformType === 'add_field').map(columnName),
    columnsRemoved: kept.filter((t) => t.transformType === 'remove_field').map(columnName),
    columnsChanged: kept.filter((t) => t.transformType === 'update_field_schema').map(columnName),
    breaking: keyBreaks || kept.some((transform) => transform.breaking),
  };
  const oldKey = stored.stream.sourceDefinedPrimaryKey ?? [];
  const newKey = discovered.stream.sourceDefinedPrimaryKey ?? [];
  if (!equal(oldKey, newKey)) drift.primaryKey = { before: oldKey, after: newKey };
  if (stored.stream.sourceDefinedCursor === true || discovered.stream.sourceDefinedCursor === true) {
    const oldCursor = stored.stream.defaultCursorField ?? [];
    const newCursor = discovered.stream.defaultCursorField ?? [];
    if (!equal(oldCursor, newCursor)) drift.cursor = { before: oldCursor, after: newCursor };
  }
  const changed = drift.columnsAdded.length + drift.columnsRemoved.length + drift.columnsChanged.length > 0;
  return changed || drift.primaryKey !== undefined || drift.cursor !== undefined ? drift : undefined;
}

/**
 * The drift of a connection storing `stored` whose source now offers `discovered`; `selected` are the streams the
 * pipeline selects (declared, or an all-streams connection's expansion).
 */
export function connectionDrift(
  stored: AirbyteCatalog,
  discovered: AirbyteCatalog,
  selected: readonly DesiredStream[],
  /** Streams the pipeline leaves out on purpose (an all-streams connection's namespaces and exclude): no drift. */
  leftOut: (stream: StreamName) => boolean = () => false,
): ConnectionDrift {
  const findDiscovered = streamFinder(discovered.streams);
  const staying = new Set<string>();
  for (const wanted of selected) {
    const found = findDiscovered(wanted);
    if (found.kind === 'found') staying.add(streamKey(found.entry.stream));
  }
  const storedByKey = new Map(stored.streams.map((entry) => [streamKey(entry.stream), entry]));
  const discoveredByKey = new Map(discovered.streams.map((entry) => [streamKey(entry.stream), entry]));
  const drift: ConnectionDrift = { streamsAdded: [], streamsRemoved: [], streamsChanged: [], breaking: false };
  for (const transform of diffCatalogs(stored, discovered).transforms) {
    const key = streamKey(transform.streamDescriptor);
    const label = streamLabel(transform.streamDescriptor);
    if (transform.transformType === 'add_stream') {
      if (!staying.has(key) && !leftOut(transform.streamDescriptor)) drift.streamsAdded.push(label);
    } else if (transform.transformType === 'remove_stream') {
      drift.streamsRemoved.push(label);
    } else {
      const before = storedByKey.get(key);
      const after = discoveredByKey.get(key);
      if (!staying.has(key) || before === undefined || after === undefined || transform.updateStream === undefined) continue;
      const keyBreaks = transform.updateStream.streamAttributeTransforms.some((attribute) => attribute.breaking);
      const changed = streamDrift(before, after, transform.updateStream.fieldTransforms, keyBreaks);
      if (changed !== undefined) drift.streamsChanged.push(changed);
    }
  }
  drift.breaking = drift.streamsChanged.some((stream) => stream.breaking);
  return drift;
}

/** True when the drift shows anything. */
export function hasDrift(drift: ConnectionDrift): boolean {
  return drift.streamsAdded.length + drift.streamsRemoved.length + drift.streamsChanged.length > 0;
}

/**
 * A column's JSON Schema type as one word (`integer`, `string|null`), with its `format` / `airbyte_type` when set
 * (`string(date-time)`), for the plan's field lines: a timestamp becoming a plain string shows as a change.
 */
function typeOf(schema: Json | undefined): Json {
  if (schema === undefined || schema === null || typeof schema !== 'object' || Array.isArray(schema)) return null;
  const node = schema as JsonObject;
  const type = node['type'];
  const base = Array.isArray(type) ? type.map(String).join('|') : typeof type === 'string' ? type : 'object';
  const refinements = [node['format'], node['airbyte_type']].filter((value): value is string => typeof value === 'string');
  return refinements.length === 0 ? base : `${base}(${refinements.join(', ')})`;
}

/** The schema node of a column (`address.city`; `items` steps into an array) in a stream's JSON Schema. */
function columnSchema(entry: AirbyteStreamAndConfiguration | undefined, column: string): Json | undefined {
  let node: Json | undefined = entry?.stream.jsonSchema;
  for (const segment of column.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    const props: Json | undefined = node['properties'];
    const child: Json | undefined = props !== null && typeof props === 'object' && !Array.isArray(props) ? props[segment] : undefined;
    node = child ?? (segment === 'items' ? node['items'] : undefined);
  }
  return node;
}

/**
 * One field line per stream whose schema changed: `streams[ns.name].schema` with the changed columns' types before
 * (null: added) and after (null: removed), so the update that sends the refreshed catalog says why.
 */
export function schemaFields(drift: ConnectionDrift, stored: AirbyteCatalog, discovered: AirbyteCatalog): FieldChange[] {
  const storedByLabel = new Map(stored.streams.map((entry) => [streamLabel(entry.stream), entry]));
  const discoveredByLabel = new Map(discovered.streams.map((entry) => [streamLabel(entry.stream), entry]));
  return drift.streamsChanged.map((stream) => {
    const before: Record<string, Json> = {};
    const after: Record<string, Json> = {};
    const old = storedByLabel.get(stream.stream);
    const now = discoveredByLabel.get(stream.stream);
    for (const column of [...stream.columnsRemoved, ...stream.columnsChanged, ...stream.columnsAdded]) {
      before[column] = typeOf(columnSchema(old, column));
      after[column] = typeOf(columnSchema(now, column));
    }
    if (stream.primaryKey) {
      before['(primary key)'] = stream.primaryKey.before;
      after['(primary key)'] = stream.primaryKey.after;
    }
    if (stream.cursor) {
      before['(cursor)'] = stream.cursor.before;
      after['(cursor)'] = stream.cursor.after;
    }
    return { path: `streams[${stream.stream}].schema`, before, after };
  });
}

/** One warning per stream that stays selected and whose schema change Airbyte calls breaking. */
export function breakingWarnings(drift: ConnectionDrift | undefined): string[] {
  return (drift?.streamsChanged ?? [])
    .filter((stream) => stream.breaking)
    .map(
      (stream) =>
        `stream '${stream.stream}' has a breaking schema change upstream (its cursor or primary key changed): Airbyte stops syncing it until the refreshed catalog is applied, and its data may need a refresh`,
    );
}
