/**
 * The streams a declared connection can choose from, as validation sees them: whether its source exists or is created
 * by this apply, the source's catalog (stored, discovered, refreshed, or discovered at plan time for a new source),
 * what the connection stores now, and the universe an all-streams connection expands from.
 */
import type { AirbyteStreamAndConfiguration } from '../api/types.js';
import type { DesiredActor, DesiredConnection } from '../model/desired.js';
import type { RemoteActor, RemoteConnection, RemoteState } from '../model/remote.js';
import { streamKey } from '../streams/identity.js';
import type { ByName } from './by-name.js';
import { streamFinder } from './catalog.js';
import { resolveDefinition } from './checks/index.js';

/** The look-ups these functions need (validation builds them once per run). */
export interface SourceIndex {
  remote: RemoteState;
  remoteByName: { source: ByName<RemoteActor> };
  declared: { source: ByName<DesiredActor> };
  /** Stored connections by source id. */
  connectionsBySource: Map<string, RemoteConnection[]>;
  connections: ByName<RemoteConnection>;
}

/** The remote source a connection will read from, unless it is created or replaced by this apply. */
export function existingSource(connection: DesiredConnection, known: SourceIndex): RemoteActor | undefined {
  const declared = known.declared.source.get(connection.source);
  const previous = declared?.previousNames ?? [];
  const source = known.remoteByName.source.nameOrPrevious(connection.source, previous);
  if (!source || declared?.definition === undefined) return source;
  const resolved = resolveDefinition('source', declared.definition, known.remote.definitions);
  return 'definitionId' in resolved && resolved.definitionId === source.definitionId ? source : undefined;
}

/** A declared source created by this apply (no remote one of its name, or its definition changed). */
export function isNewSource(connection: DesiredConnection, known: SourceIndex): boolean {
  return known.declared.source.get(connection.source)?.definition !== undefined && existingSource(connection, known) === undefined;
}

/**
 * Streams known for a connection's source. A new source: its catalog discovered at plan time ('unknown' when not
 * discovered). An existing one: under `--refresh` its refreshed catalog alone (a stream gone upstream is gone);
 * otherwise the stored catalogs' streams (with their metadata) and any discovered ones.
 */
export function availableStreams(connection: DesiredConnection, known: SourceIndex): AirbyteStreamAndConfiguration[] | 'unknown' {
  const source = existingSource(connection, known);
  if (!source) return known.remote.discoveredNew?.[connection.source]?.streams ?? 'unknown';
  const discovered = known.remote.discovered[source.id];
  // Discovery bypasses Airbyte's cache, so what it found is what the source offers now: the stored catalogs of
  // the source's connections (which may predate a dropped table) only stand in when it was not discovered.
  if (discovered !== undefined) return discovered.streams;
  const streams = new Map<string, AirbyteStreamAndConfiguration>();
  for (const stored of known.connectionsBySource.get(source.id) ?? []) {
    for (const stream of stored.syncCatalog.streams) streams.set(streamKey(stream.stream), stream);
  }
  return [...streams.values()];
}

/** The streams a connection stores now: those of the remote connection of its name on the same source. */
export function storedStreams(connection: DesiredConnection, known: SourceIndex): AirbyteStreamAndConfiguration[] | undefined {
  const source = existingSource(connection, known);
  const existing = known.connections.nameOrPrevious(connection.name, connection.previousNames);
  return source !== undefined && existing !== undefined && existing.sourceId === source.id ? existing.syncCatalog.streams : undefined;
}

/**
 * The streams an all-streams connection chooses from. An existing connection without `--refresh`: the streams it
 * stores (nothing new appears until a refresh), plus any stream an override names that the source offers. Otherwise
 * the source's catalog (discovered, refreshed, or discovered at plan time for a new source).
 */
export function universeOf(connection: DesiredConnection, known: SourceIndex): AirbyteStreamAndConfiguration[] | 'unknown' {
  const stored = storedStreams(connection, known);
  const available = availableStreams(connection, known);
  if (stored === undefined || available === 'unknown') return stored ?? available;
  if (known.remote.refreshed === true) return available;
  const findStored = streamFinder(stored);
  const findAvailable = streamFinder(available);
  const extra = connection.streams.flatMap((override) => {
    if (findStored(override).kind !== 'missing') return [];
    const found = findAvailable(override);
    return found.kind === 'found' ? [found.entry] : [];
  });
  return [...stored, ...extra];
}
