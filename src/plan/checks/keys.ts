/**
 * The loader warns about an incremental stream without `cursorField` and a dedup stream without `primaryKey`: only the
 * source's catalog can tell whether the source defines them. Once plan has that catalog (the connection's stored
 * syncCatalog, a discovered catalog, or one discovered for a new source), a warning it answers is dropped: where the
 * source defines the cursor or key there is nothing to warn about, and where it does not, checkStreams reports an
 * error at the stream. The warnings stay where the catalog is unknown (`validate` offline, `--no-discover`).
 */
import type { AirbyteStream, AirbyteStreamAndConfiguration } from '../../api/types.js';
import type { DesiredConnection, DesiredPipeline, DesiredStream } from '../../model/desired.js';
import type { Problem } from '../../model/problem.js';
import type { RemoteState } from '../../model/remote.js';
import { ByName, groupBy } from '../by-name.js';
import { streamFinder } from '../catalog.js';
import { availableStreams, storedStreams, type SourceIndex } from '../source-streams.js';

/** The loader's words (pipeline/build.ts): a warning is recognised by its exact message. */
const cursorWarning = (stream: DesiredStream, connection: string) =>
  `stream '${stream.name}' of connection '${connection}' is incremental but has no 'cursorField': the source must define a cursor`;
const keyWarning = (stream: DesiredStream, connection: string) =>
  `stream '${stream.name}' of connection '${connection}' uses ${stream.destinationSyncMode} but has no 'primaryKey': the source must define one`;

function sourceIndex(desired: DesiredPipeline, remote: RemoteState): SourceIndex {
  return {
    remote,
    remoteByName: { source: new ByName(remote.sources) },
    declared: { source: new ByName(desired.sources) },
    connectionsBySource: groupBy(remote.connections, (connection) => connection.sourceId),
    connections: new ByName(remote.connections),
  };
}

/** The catalog entry of a declared stream: from the source's catalog, else from what the connection stores. */
function catalogStream(desired: DesiredStream, catalogs: AirbyteStreamAndConfiguration[][]): AirbyteStream | undefined {
  for (const catalog of catalogs) {
    const found = streamFinder(catalog)(desired);
    if (found.kind === 'found') return found.entry.stream;
  }
  return undefined;
}

/** The loader's warnings this connection's catalog answers. */
function answeredBy(connection: DesiredConnection, known: SourceIndex): string[] {
  const available = availableStreams(connection, known);
  const catalogs = [...(available === 'unknown' ? [] : [available]), ...[storedStreams(connection, known) ?? []]];
  if (catalogs.every((catalog) => catalog.length === 0)) return [];
  const answered: string[] = [];
  for (const desired of connection.streams) {
    const stream = catalogStream(desired, catalogs);
    if (stream === undefined) continue;
    if (stream.sourceDefinedCursor === true) answered.push(cursorWarning(desired, connection.name));
    if ((stream.sourceDefinedPrimaryKey ?? []).length > 0) answered.push(keyWarning(desired, connection.name));
  }
  return answered;
}

/** The warnings without those about a cursor or primary key the source's catalog shows the source defines. */
export function withoutAnsweredKeyWarnings(warnings: Problem[], desired: DesiredPipeline, remote: RemoteState): Problem[] {
  if (!warnings.some((problem) => problem.severity === 'warning')) return warnings;
  const known = sourceIndex(desired, remote);
  const answered = new Set(desired.connections.flatMap((connection) => answeredBy(connection, known)));
  return answered.size === 0 ? warnings : warnings.filter((problem) => problem.severity !== 'warning' || !answered.has(problem.message));
}
