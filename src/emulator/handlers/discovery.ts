/**
 * sources/discover_schema and the discovered catalog the connection handlers validate against: the connector's
 * own discovery, or the --catalogs override for the source (matched by source name, then definition name).
 */
import { randomUUID } from 'node:crypto';
import type { AirbyteCatalog, AirbyteStream, AirbyteStreamConfiguration, Json, JsonObject } from '../../api/types.js';
import { sourceDefinition } from '../catalog.js';
import { madeUpStreamNames } from '../registry.js';
import { requiredString } from '../request.js';
import type { StoredActor } from '../state.js';
import { ok, type Context, type Reply, type RouteTable } from '../types.js';
import { findActor, SOURCE } from './actor-kind.js';
import { synchronousJob } from './synchronous-job.js';

/** The server's default stream configuration for a discovered stream (Config API reference, catalog section). */
export function defaultStreamConfig(stream: AirbyteStream, soleStream: boolean): AirbyteStreamConfiguration {
  const modes = stream.supportedSyncModes ?? ['full_refresh'];
  const cursor = stream.sourceDefinedCursor === true;
  const primaryKey = stream.sourceDefinedPrimaryKey ?? [];
  let syncMode: AirbyteStreamConfiguration['syncMode'] = 'full_refresh';
  let destinationSyncMode: AirbyteStreamConfiguration['destinationSyncMode'] = 'overwrite';
  if (cursor && primaryKey.length > 0 && modes.includes('incremental')) [syncMode, destinationSyncMode] = ['incremental', 'append_dedup'];
  else if (cursor && !modes.includes('full_refresh')) [syncMode, destinationSyncMode] = ['incremental', 'append'];
  return {
    syncMode,
    destinationSyncMode,
    cursorField: stream.defaultCursorField ?? [],
    primaryKey,
    aliasName: stream.name,
    selected: soleStream,
    suggested: soleStream,
  };
}

function overrideFor(ctx: Context, source: StoredActor): AirbyteStream[] | undefined {
  return ctx.overrides.get(source.name) ?? ctx.overrides.get(sourceDefinition(ctx, source.definitionId).name);
}

/**
 * For a registry source discovering the emulator's made-up catalog: what to add to a "stream not found" message
 * (which catalog it is, and how to give the real streams); '' otherwise.
 */
export function madeUpCatalogNote(ctx: Context, source: StoredActor): string {
  const definition = sourceDefinition(ctx, source.definitionId);
  if (definition.fromRegistry !== true || overrideFor(ctx, source) !== undefined) return '';
  const names = madeUpStreamNames(definition).join(', ');
  return (
    ` (source '${source.name}' uses '${definition.name}' from the connector registry, which lists no streams, so the emulator made up its catalog: ${names};` +
    ` give its real streams with --catalogs <file.yaml>, or AIRBYTE_EMULATOR_CATALOGS for --emulator, see docs/emulator.md)`
  );
}

/** What discovery finds for this source now. */
export function discoveredCatalog(ctx: Context, source: StoredActor): AirbyteCatalog {
  const override = overrideFor(ctx, source);
  if (override) {
    return { streams: override.map((stream) => ({ stream: structuredClone(stream), config: defaultStreamConfig(stream, override.length === 1) })) };
  }
  const definition = sourceDefinition(ctx, source.definitionId);
  return definition.discover ? definition.discover(structuredClone(source.configuration)) : { streams: [] };
}

function discoverSchema(ctx: Context, body: JsonObject): Reply {
  const source = findActor(ctx, SOURCE, requiredString(body, 'sourceId'));
  return ok({
    catalog: discoveredCatalog(ctx, source) as unknown as Json,
    jobInfo: synchronousJob('discover_schema', source.id, []) as unknown as Json,
    catalogId: randomUUID(),
  });
}

export const discoveryRoutes: RouteTable = {
  'sources/discover_schema': { handler: discoverSchema, write: false },
};
