/**
 * The connection's syncCatalog as the real server handles it: only selected streams are stored, each must exist
 * in the source's discovered catalog with a supported sync mode, a cursor where incremental needs one and a
 * primary key where dedup needs one; reads return the stored streams as selected.
 */
import type { AirbyteCatalog, AirbyteStream, AirbyteStreamAndConfiguration, AirbyteStreamConfiguration, DestinationSyncMode, Json } from '../../api/types.js';
import { badRequest, invalidInput } from '../errors.js';
import { isJsonObject } from '../../util/json.js';

const DEDUP_MODES: DestinationSyncMode[] = ['append_dedup', 'overwrite_dedup'];

function label(stream: AirbyteStream): string {
  return stream.namespace ? `${stream.namespace}.${stream.name}` : stream.name;
}

function checkedEntry(entry: Json): AirbyteStreamAndConfiguration {
  if (!isJsonObject(entry) || !isJsonObject(entry['stream']) || !isJsonObject(entry['config']))
    throw badRequest('every syncCatalog stream needs stream and config');
  const { stream, config } = entry;
  if (typeof stream['name'] !== 'string') throw badRequest('syncCatalog: stream.name is required');
  if (config['syncMode'] === undefined || config['destinationSyncMode'] === undefined) {
    throw badRequest(`syncCatalog stream '${stream['name']}': config.syncMode and config.destinationSyncMode are required`);
  }
  return entry as unknown as AirbyteStreamAndConfiguration;
}

function discoveredStream(discovered: AirbyteCatalog, wanted: AirbyteStream, missingNote: string): AirbyteStream {
  const found = discovered.streams.find(
    ({ stream }) => stream.name === wanted.name && (wanted.namespace === undefined || wanted.namespace === stream.namespace),
  );
  if (!found) throw invalidInput(`Stream '${label(wanted)}' is not in the source's discovered catalog${missingNote}`);
  return found.stream;
}

/** Incoming stream fields win; what the client left out is taken from discovery. */
function mergedStream(discovered: AirbyteStream, incoming: AirbyteStream): AirbyteStream {
  const defined = Object.fromEntries(Object.entries(incoming).filter(([, value]) => value !== undefined && value !== null));
  return { ...structuredClone(discovered), ...structuredClone(defined) } as AirbyteStream;
}

function validateConfig(stream: AirbyteStream, config: AirbyteStreamConfiguration, destinationModes: DestinationSyncMode[] | undefined): void {
  const name = label(stream);
  if (!(stream.supportedSyncModes ?? []).includes(config.syncMode)) {
    throw invalidInput(`Stream '${name}' does not support sync mode '${config.syncMode}' (supported: ${(stream.supportedSyncModes ?? []).join(', ')})`);
  }
  if (destinationModes && !destinationModes.includes(config.destinationSyncMode)) {
    throw invalidInput(
      `Stream '${name}': the destination does not support destinationSyncMode '${config.destinationSyncMode}' (supported: ${destinationModes.join(', ')})`,
    );
  }
  if (config.syncMode === 'incremental' && stream.sourceDefinedCursor !== true && (config.cursorField ?? []).length === 0) {
    throw invalidInput(`Stream '${name}': incremental sync needs a cursorField (the source defines no cursor)`);
  }
  if (DEDUP_MODES.includes(config.destinationSyncMode) && (config.primaryKey ?? []).length === 0 && (stream.sourceDefinedPrimaryKey ?? []).length === 0) {
    throw invalidInput(`Stream '${name}': ${config.destinationSyncMode} needs a primaryKey (the source defines none)`);
  }
}

/**
 * The catalog to store for a create or update; an absent catalog stores an empty one. `missingNote` is added to
 * the message for a stream discovery did not find (the emulator explaining a catalog it made up).
 */
export function catalogToStore(
  incoming: Json | undefined,
  discovered: AirbyteCatalog,
  destinationModes: DestinationSyncMode[] | undefined,
  missingNote = '',
): AirbyteCatalog {
  if (incoming === undefined || incoming === null) return { streams: [] };
  if (!isJsonObject(incoming) || !Array.isArray(incoming['streams'])) throw badRequest('syncCatalog.streams must be a list');
  const stored: AirbyteStreamAndConfiguration[] = [];
  const seen = new Set<string>();
  for (const entry of incoming['streams'].map(checkedEntry)) {
    if (entry.config.selected !== true) continue;
    const found = discoveredStream(discovered, entry.stream, missingNote);
    const stream = mergedStream(found, entry.stream);
    if (seen.has(label(stream))) throw invalidInput(`Stream '${label(stream)}' appears more than once in the catalog`);
    seen.add(label(stream));
    // What the source supports comes from discovery, whatever metadata the client echoes.
    validateConfig(found, entry.config, destinationModes);
    stored.push({ stream, config: structuredClone(entry.config) });
  }
  return { streams: stored };
}

/**
 * Stored streams come back selected, not suggested, with aliasName recomputed from the name. The answer shares the
 * stored stream objects (no copy per read: connections/list reads every catalog): stored records are never changed
 * in place, and an answer is serialized as soon as it is built.
 */
export function catalogRead(catalog: AirbyteCatalog): AirbyteCatalog {
  return {
    streams: catalog.streams.map(({ stream, config }) => ({
      stream,
      config: { ...config, aliasName: stream.name, selected: true, suggested: false },
    })),
  };
}
