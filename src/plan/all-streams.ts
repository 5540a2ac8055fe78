/**
 * All-streams connections (`allStreams:`): the concrete streams they select, from the streams their source offers
 * (the "universe"): a new connection's from discovery, an existing connection's from what it stores (or, under
 * `--refresh`, from the refreshed catalog). Each offered stream is selected unless filtered out by `namespaces` or
 * `exclude`; a per-stream override (the connection's `streams`) wins; any other stream keeps what Airbyte stores for
 * it, else gets the `allStreams` defaults, else Airbyte's own default (the discovered `config`), kept to the
 * destination's supported modes. The plan shows the result as ordinary streams, so a new upstream table is a stream
 * addition a reviewer sees.
 */
import type { AirbyteStreamAndConfiguration, DestinationSyncMode, SyncMode } from '../api/types.js';
import { GitopsError } from '../errors.js';
import type { DesiredAllStreams, DesiredConnection, DesiredStream } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import { namespaceOf, streamKey, streamLabel, type StreamName } from '../streams/identity.js';
import { printable } from '../util/printable.js';
import { streamFinder } from './catalog.js';

/** The concrete streams of an all-streams connection, and the mistakes in its overrides. */
export interface Expansion {
  streams: DesiredStream[];
  problems: Problem[];
}

/** Why a stream of the source is left out, or undefined when it is selected. */
export function leftOut(all: DesiredAllStreams, stream: StreamName): string | undefined {
  const namespace = namespaceOf(stream);
  if (all.namespaces !== undefined && !all.namespaces.includes(namespace)) return 'its namespace is not in allStreams.namespaces';
  const excluded = all.exclude.some((rule) => rule.name === stream.name && (rule.namespace === undefined || rule.namespace === namespace));
  return excluded ? 'it is excluded by allStreams.exclude' : undefined;
}

const sourceDefinesCursor = (entry: AirbyteStreamAndConfiguration) => entry.stream.sourceDefinedCursor === true;
const sourceDefinesKey = (entry: AirbyteStreamAndConfiguration) => (entry.stream.sourceDefinedPrimaryKey?.length ?? 0) > 0;

/** The destination mode that goes with a sync mode when the default one cannot be used. */
const plainMode = (syncMode: SyncMode): DestinationSyncMode => (syncMode === 'incremental' ? 'append' : 'overwrite');

/** The modes of a stream nobody overrides: the `allStreams` defaults, else the stored or discovered configuration. */
function modesOf(all: DesiredAllStreams, base: AirbyteStreamAndConfiguration['config'], destinationModes: DestinationSyncMode[] | undefined) {
  const syncMode = all.syncMode ?? base.syncMode;
  if (all.destinationSyncMode !== undefined) return { syncMode, destinationSyncMode: all.destinationSyncMode };
  let destinationSyncMode = syncMode === base.syncMode ? base.destinationSyncMode : plainMode(syncMode);
  if (destinationModes !== undefined && !destinationModes.includes(destinationSyncMode)) destinationSyncMode = plainMode(syncMode);
  return { syncMode, destinationSyncMode };
}

/**
 * A stream nobody overrides. `stored` is what the connection stores for it (kept: the pipeline does not manage its
 * modes); a stream it does not store gets Airbyte's default from `entry` (the discovered configuration).
 */
function defaultStream(
  all: DesiredAllStreams,
  entry: AirbyteStreamAndConfiguration,
  stored: AirbyteStreamAndConfiguration | undefined,
  destinationModes: DestinationSyncMode[] | undefined,
): DesiredStream {
  const base = stored?.config ?? entry.config;
  const stream: DesiredStream = { name: entry.stream.name, namespace: namespaceOf(entry.stream), ...modesOf(all, base, destinationModes), loc: all.loc };
  const cursor = base.cursorField ?? entry.stream.defaultCursorField;
  if (stream.syncMode === 'incremental' && !sourceDefinesCursor(entry) && cursor !== undefined && cursor.length > 0) stream.cursorField = cursor;
  if (!sourceDefinesKey(entry) && base.primaryKey !== undefined && base.primaryKey.length > 0) stream.primaryKey = base.primaryKey;
  if (stored?.config.fieldSelectionEnabled === true) stream.selectedFields = (stored.config.selectedFields ?? []).map((field) => field.fieldPath.join('.'));
  return stream;
}

/**
 * The streams an all-streams connection selects from `universe`, in the universe's order (overrides that match no
 * stream come last, so the stream checks report them where they were written). `stored` is the connection's stored
 * (selected) streams, empty for a new connection.
 */
export function expandAllStreams(
  connection: DesiredConnection,
  universe: readonly AirbyteStreamAndConfiguration[],
  stored: readonly AirbyteStreamAndConfiguration[],
  destinationModes: DestinationSyncMode[] | undefined,
): Expansion {
  const all = connection.allStreams;
  if (all === undefined) return { streams: connection.streams, problems: [] };
  const problems: Problem[] = [];
  const find = streamFinder(universe);
  const overrides = new Map<AirbyteStreamAndConfiguration, DesiredStream>();
  const unmatched: DesiredStream[] = [];
  for (const override of connection.streams) {
    const found = find(override);
    if (found.kind !== 'found') {
      unmatched.push(override);
      continue;
    }
    const why = leftOut(all, found.entry.stream);
    if (why !== undefined) {
      const { file, line, col } = override.loc;
      const message = `connection '${printable(connection.name)}': stream '${printable(streamLabel(found.entry.stream))}' is overridden but ${why}; remove one of the two`;
      problems.push({ severity: 'error', file, line, col, message });
    } else {
      overrides.set(found.entry, override);
    }
  }
  const storedByKey = new Map(stored.map((entry) => [streamKey(entry.stream), entry]));
  const streams: DesiredStream[] = [];
  for (const entry of universe) {
    const override = overrides.get(entry);
    if (override !== undefined) streams.push(override);
    else if (leftOut(all, entry.stream) === undefined) streams.push(defaultStream(all, entry, storedByKey.get(streamKey(entry.stream)), destinationModes));
  }
  return { streams: [...streams, ...unmatched], problems };
}

/**
 * The streams apply selects when it discovered the catalog itself (a source created in the same run, planned with
 * `--no-discover`): the declared ones, or an all-streams connection's expansion. A mistake only this catalog shows
 * (an override of an excluded stream) is an error naming the file:line; a missing stream is buildSyncCatalog's.
 */
export function streamsToCreate(
  connection: DesiredConnection,
  discovered: readonly AirbyteStreamAndConfiguration[],
  destinationModes: DestinationSyncMode[] | undefined,
): DesiredStream[] {
  const { streams, problems } = expandAllStreams(connection, discovered, [], destinationModes);
  const [problem] = problems;
  if (problem !== undefined) throw new GitopsError('CONFLICT', `${problem.file ?? '?'}:${problem.line ?? 0}:${problem.col ?? 0}: ${problem.message}`);
  return streams;
}
