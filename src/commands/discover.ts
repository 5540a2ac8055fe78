/**
 * `discover <source-name>`: the streams a source offers, as a table, JSON, or a ready-to-paste `streams:` block.
 */
import type { AirbyteCatalog, AirbyteStream } from '../api/types.js';
import type { AirbyteClient } from '../client/index.js';
import { GitopsError } from '../errors.js';
import { renderTable } from '../operate/format.js';
import { findByName } from '../operate/resolve.js';
import { toYaml } from '../operate/yaml.js';
import { withClient, type ConnectFlags } from './connect.js';
import type { CommandIo } from './io.js';
import { printable } from '../util/printable.js';

/** One stream in `discover --json`. */
export interface StreamJson {
  name: string;
  namespace: string | null;
  supportedSyncModes: string[];
  sourceDefinedCursor: boolean;
  defaultCursorField: string[];
  sourceDefinedPrimaryKey: string[][];
}

export function streamJson(stream: AirbyteStream): StreamJson {
  return {
    name: stream.name,
    namespace: stream.namespace ?? null,
    supportedSyncModes: stream.supportedSyncModes ?? [],
    sourceDefinedCursor: stream.sourceDefinedCursor === true,
    defaultCursorField: stream.defaultCursorField ?? [],
    sourceDefinedPrimaryKey: stream.sourceDefinedPrimaryKey ?? [],
  };
}

const paths = (keys: string[][]) => keys.map((key) => key.join('.')).join(', ');

export function renderStreamsTable(streams: readonly StreamJson[]): string {
  if (streams.length === 0) return 'The source offers no streams.\n';
  return renderTable(
    ['STREAM', 'NAMESPACE', 'SYNC MODES', 'CURSOR', 'PRIMARY KEY'],
    streams.map((stream) => [
      printable(stream.name),
      stream.namespace === null ? '-' : printable(stream.namespace),
      stream.supportedSyncModes.join(', '),
      stream.sourceDefinedCursor
        ? `${printable(stream.defaultCursorField.join('.')) || '(source-defined)'} (source-defined)`
        : stream.defaultCursorField.length > 0
          ? `${printable(stream.defaultCursorField.join('.'))} (suggested)`
          : '-',
      stream.sourceDefinedPrimaryKey.length > 0 ? printable(paths(stream.sourceDefinedPrimaryKey)) : '-',
    ]),
  );
}

/**
 * The declaration of a stream with sensible modes: incremental + append when the stream supports it and a cursor
 * field is known (the source's own, or its suggested default); otherwise full_refresh + overwrite. Append and overwrite
 * are the two modes every destination supports; switch to append_dedup where the destination supports it and the
 * stream has a primary key. The cursor and the source's primary key are always written out, so `validate` sees
 * them (plan treats a source-defined value as no difference and never sends it).
 */
export function streamDeclaration(stream: StreamJson): Record<string, unknown> {
  const declared: Record<string, unknown> = { name: stream.name };
  if (stream.namespace !== null) declared['namespace'] = stream.namespace;
  const incremental = stream.supportedSyncModes.includes('incremental') && stream.defaultCursorField.length > 0;
  declared['syncMode'] = incremental ? 'incremental' : 'full_refresh';
  declared['destinationSyncMode'] = incremental ? 'append' : 'overwrite';
  if (incremental) declared['cursorField'] = stream.defaultCursorField;
  if (stream.sourceDefinedPrimaryKey.length > 0) declared['primaryKey'] = stream.sourceDefinedPrimaryKey;
  return declared;
}

/** A `streams:` block for a connection in a pipeline file. */
export function streamsYaml(streams: readonly StreamJson[]): string {
  return toYaml({ streams: streams.map(streamDeclaration) });
}

/** Discovers the catalog of the source named `name` (bypassing the server's cache: the user asked for now). */
export async function discoverStreams(
  client: AirbyteClient,
  workspace: string | undefined,
  name: string,
): Promise<{ source: string; catalog: AirbyteCatalog }> {
  const ws = await client.resolveWorkspace(workspace);
  const source = findByName('source', name, await client.listSources(ws.workspaceId), (s) => s.sourceId, ws.name);
  const read = await client.discoverSourceSchema({ sourceId: source.sourceId, disable_cache: true }, `source '${source.name}'`);
  if (read.catalog === undefined || read.jobInfo?.succeeded === false) {
    const reason = read.jobInfo?.failureReason?.externalMessage ?? 'the discover job failed without a message';
    throw new GitopsError('CHECK_FAILED', `discovering the streams of source '${source.name}' failed: ${reason}`, {
      hint: `check the source with 'airbyte-gitops check' or in Airbyte's UI`,
    });
  }
  return { source: source.name, catalog: read.catalog };
}

export interface DiscoverFlags extends ConnectFlags {
  json?: boolean;
  yaml?: boolean;
}

/** `discover <source-name>`: the streams a source offers, as a table, JSON or a `streams:` block. */
export async function action(name: string, flags: DiscoverFlags, io: CommandIo): Promise<void> {
  await withClient(io, flags, async (client) => {
    const { source, catalog } = await discoverStreams(client, flags.workspace, name);
    const streams = catalog.streams.map(({ stream }) => streamJson(stream));
    if (flags.json) io.stdout.write(JSON.stringify({ source, streams }, null, 2) + '\n');
    else if (flags.yaml) io.stdout.write(streamsYaml(streams));
    else io.stdout.write(renderStreamsTable(streams));
  });
}
