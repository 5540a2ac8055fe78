/**
 * Checks a connection's streams against the source's catalog and the destination's supported sync modes, so that
 * a stream Airbyte would reject (422) or silently misconfigure is reported at its YAML line before any write.
 */
import type { AirbyteStream, AirbyteStreamAndConfiguration, DestinationSyncMode } from '../../api/types.js';
import type { DesiredConnection, DesiredStream } from '../../model/desired.js';
import type { Problem } from '../../model/problem.js';
import { didYouMean } from '../../util/suggest.js';
import { streamLabel } from '../../streams/identity.js';
import { streamFinder } from '../catalog.js';
import { matchStream } from './stream-match.js';
import { isJsonObject } from '../../util/json.js';

const DEDUP_MODES: readonly DestinationSyncMode[] = ['append_dedup', 'overwrite_dedup'];

function quoteList(values: string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}

function fieldPath(path: string[]): string {
  return path.join('.');
}

function samePaths(left: string[][], right: string[][]): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function topLevelFields(stream: AirbyteStream): string[] | undefined {
  const properties = stream.jsonSchema?.['properties'];
  return isJsonObject(properties) ? Object.keys(properties) : undefined;
}

function syncModeFindings(desired: DesiredStream, stream: AirbyteStream): string[] {
  const supported = stream.supportedSyncModes ?? [];
  if (supported.length === 0 || supported.includes(desired.syncMode)) return [];
  return [`syncMode '${desired.syncMode}' is not supported by this stream (supported: ${supported.join(', ')})`];
}

function cursorFindings(desired: DesiredStream, stream: AirbyteStream): string[] {
  const sourceCursor = stream.defaultCursorField ?? [];
  if (stream.sourceDefinedCursor === true) {
    if (desired.cursorField === undefined || (sourceCursor.length > 0 && samePaths([desired.cursorField], [sourceCursor]))) return [];
    const which = sourceCursor.length > 0 ? ` ('${fieldPath(sourceCursor)}')` : '';
    return [`the source defines the cursor${which}; omit cursorField from the YAML`];
  }
  // An unsupported incremental mode is already reported; asking for its cursor too would only add noise.
  const supported = stream.supportedSyncModes ?? [];
  if (supported.length > 0 && !supported.includes('incremental')) return [];
  if (desired.syncMode !== 'incremental' || (desired.cursorField?.length ?? 0) > 0) return [];
  const suggests = sourceCursor.length > 0 ? ` (it suggests '${fieldPath(sourceCursor)}')` : '';
  return [`syncMode 'incremental' needs a cursorField: the source defines no cursor for this stream${suggests}`];
}

function primaryKeyFindings(desired: DesiredStream, stream: AirbyteStream): string[] {
  const sourceKey = stream.sourceDefinedPrimaryKey ?? [];
  if (sourceKey.length > 0) {
    if (desired.primaryKey === undefined || samePaths(desired.primaryKey, sourceKey)) return [];
    return [`the source defines the primary key (${quoteList(sourceKey.map(fieldPath))}); omit primaryKey from the YAML`];
  }
  if (!DEDUP_MODES.includes(desired.destinationSyncMode) || (desired.primaryKey?.length ?? 0) > 0) return [];
  return [`destinationSyncMode '${desired.destinationSyncMode}' needs a primaryKey: the source defines none for this stream`];
}

/** Cursor, key and selected fields must be top-level properties of the stream: the server rejects others. */
function fieldFindings(desired: DesiredStream, stream: AirbyteStream): string[] {
  const fields = topLevelFields(stream);
  if (fields === undefined) return [];
  const unknown = (role: string, field: string | undefined): string[] =>
    field === undefined || fields.includes(field) ? [] : [`${role} '${field}' is not a top-level field of this stream${didYouMean(field, fields)}`];
  return [
    ...unknown('cursorField', desired.cursorField?.[0]),
    ...(desired.primaryKey ?? []).flatMap((key) => unknown('primaryKey field', key[0])),
    ...(desired.selectedFields ?? []).flatMap((field) => unknown('selectedFields entry', field)),
  ];
}

/** With field selection, the fields the sync depends on (cursor, primary key) must stay selected. */
function selectionFindings(desired: DesiredStream, stream: AirbyteStream): string[] {
  const selected = desired.selectedFields;
  if (selected === undefined) return [];
  const needed: { role: string; field: string }[] = [];
  const cursor = desired.cursorField ?? (stream.sourceDefinedCursor === true ? stream.defaultCursorField : undefined);
  if (desired.syncMode === 'incremental' && cursor?.[0] !== undefined) needed.push({ role: 'cursor', field: cursor[0] });
  const key = desired.primaryKey ?? stream.sourceDefinedPrimaryKey ?? [];
  if (DEDUP_MODES.includes(desired.destinationSyncMode)) {
    for (const path of key) if (path[0] !== undefined) needed.push({ role: 'primary key', field: path[0] });
  }
  return needed.filter(({ field }) => !selected.includes(field)).map(({ role, field }) => `selectedFields must include the ${role} field '${field}'`);
}

function catalogFindings(desired: DesiredStream, stream: AirbyteStream): string[] {
  return [
    ...syncModeFindings(desired, stream),
    ...cursorFindings(desired, stream),
    ...primaryKeyFindings(desired, stream),
    ...fieldFindings(desired, stream),
    ...selectionFindings(desired, stream),
  ];
}

function destinationFindings(connection: DesiredConnection, desired: DesiredStream, modes: DestinationSyncMode[] | undefined): string[] {
  if (modes === undefined || modes.includes(desired.destinationSyncMode)) return [];
  return [`destinationSyncMode '${desired.destinationSyncMode}' is not supported by destination '${connection.destination}' (supported: ${modes.join(', ')})`];
}

/**
 * Problems with a connection's streams. `available` is the source's catalog (stored or discovered), or
 * 'unknown' for a source not created yet, in which case only the destination's sync modes can be checked.
 * `destinationModes` is the destination's `supportedDestinationSyncModes`, undefined when not known.
 */
export function checkStreams(
  connection: DesiredConnection,
  available: AirbyteStreamAndConfiguration[] | 'unknown',
  destinationModes: DestinationSyncMode[] | undefined,
  /** Under `--refresh`: the streams the connection stores, so a stream gone upstream is named as such. */
  stored: readonly AirbyteStreamAndConfiguration[] = [],
): Problem[] {
  const findStored = streamFinder(stored);
  const problems: Problem[] = [];
  const matched = new Set<AirbyteStreamAndConfiguration>();
  const find = available === 'unknown' ? undefined : streamFinder(available);
  for (const desired of connection.streams) {
    const prefix = `connection '${connection.name}': stream '${streamLabel(desired)}'`;
    const report = (message: string): void => {
      problems.push({ severity: 'error', file: desired.loc.file, line: desired.loc.line, col: desired.loc.col, message: `${prefix}${message}` });
    };
    for (const finding of destinationFindings(connection, desired, destinationModes)) report(`: ${finding}`);
    if (available === 'unknown') continue;
    const match = matchStream(desired, available, find);
    if (match.kind === 'missing' && findStored(desired).kind === 'found') {
      report(
        ` is gone from source '${connection.source}': the connection syncs it, but the source no longer offers it (--refresh); remove it from the pipeline`,
      );
    } else if (match.kind === 'missing') {
      report(` does not exist in source '${connection.source}' (${match.detail})`);
    } else if (match.kind === 'ambiguous') {
      report(` is in several namespaces of source '${connection.source}' (${quoteList(match.namespaces)}); set its namespace`);
    } else if (matched.has(match.entry)) {
      report(`: listed more than once (as stream '${streamLabel(match.entry.stream)}')`);
    } else {
      matched.add(match.entry);
      for (const finding of catalogFindings(desired, match.entry.stream)) report(`: ${finding}`);
    }
  }
  return problems;
}
