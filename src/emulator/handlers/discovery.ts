/**
 * sources/discover_schema and the discovered catalog the connection handlers validate against: the connector's
 * own discovery, or the --catalogs override for the source (matched by source name, then definition name), with the
 * source's schema changes (POST /_emulator/schema) on top; the discovery cache; the diff with a connection.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AirbyteCatalog, AirbyteStream, AirbyteStreamConfiguration, Json, JsonObject } from '../../api/types.js';
import { GitopsError } from '../../errors.js';
import { diffCatalogs, isBreaking } from '../../streams/catalog-diff.js';
import { sourceDefinition } from '../catalog.js';
import type { ConnectorDefinition } from '../connectors/types.js';
import { ApiError, invalidInput } from '../errors.js';
import type { CatalogOverrides } from '../overrides.js';
import { madeUpStreamNames } from '../registry.js';
import { requiredString } from '../request.js';
import type { SchemaChange, StoredActor } from '../state.js';
import { ok, type Context, type Reply, type RouteTable } from '../types.js';
import { findActor, SOURCE } from './actor-kind.js';
import { findConnection } from './connections.js';
import { withSchemaChanges } from './schema-changes.js';
import { catalogRead } from './sync-catalog.js';
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

/** The --catalogs overrides now; a broken file (edited while the emulator runs) is a 500 naming file:line:col. */
function overridesNow(ctx: Context): CatalogOverrides {
  try {
    return ctx.catalogs.current();
  } catch (error) {
    if (error instanceof GitopsError) throw new ApiError('emulator', `the emulator cannot read its --catalogs file: ${error.message}`);
    throw error;
  }
}

/** The --catalogs streams for a source named so, or whose connector is named so. */
function overrideFor(ctx: Context, sourceName: string | undefined, definitionName: string): AirbyteStream[] | undefined {
  const overrides = overridesNow(ctx);
  return (sourceName === undefined ? undefined : overrides.get(sourceName)) ?? overrides.get(definitionName);
}

function overrideCatalog(override: AirbyteStream[]): AirbyteCatalog {
  return { streams: override.map((stream) => ({ stream: structuredClone(stream), config: defaultStreamConfig(stream, override.length === 1) })) };
}

/**
 * For a registry source discovering the emulator's made-up catalog: what to add to a "stream not found" message
 * (which catalog it is, and how to give the real streams); '' otherwise.
 */
export function madeUpCatalogNote(ctx: Context, source: StoredActor): string {
  const definition = sourceDefinition(ctx, source.definitionId);
  if (definition.fromRegistry !== true || overrideFor(ctx, source.name, definition.name) !== undefined) return '';
  const names = madeUpStreamNames(definition).join(', ');
  return (
    ` (source '${source.name}' uses '${definition.name}' from the connector registry, which lists no streams, so the emulator made up its catalog: ${names};` +
    ` give its real streams with --catalogs <file.yaml>, or AIRBYTE_EMULATOR_CATALOGS for --emulator, see docs/emulator.md)`
  );
}

/** What the connector (or the --catalogs file) discovers for this source now, before any schema change. */
function connectorCatalog(ctx: Context, source: StoredActor): AirbyteCatalog {
  const definition = sourceDefinition(ctx, source.definitionId);
  const override = overrideFor(ctx, source.name, definition.name);
  if (override) return overrideCatalog(override);
  return definition.discover ? definition.discover(structuredClone(source.configuration)) : { streams: [] };
}

function schemaChangesOf(ctx: Context, source: StoredActor): SchemaChange[] {
  return ctx.store.keyed('schemaChanges', source.id)?.changes ?? [];
}

/** What discovery finds for this source now: the connector's catalog with the source's schema changes applied. */
export function discoveredCatalog(ctx: Context, source: StoredActor): AirbyteCatalog {
  return withSchemaChanges(connectorCatalog(ctx, source), schemaChangesOf(ctx, source), source.name);
}

/** Checks schema changes against the source's catalog now: throws SchemaChangeError (naming the stream) if one does not apply. */
export function checkSchemaChanges(ctx: Context, source: StoredActor, changes: readonly SchemaChange[]): void {
  withSchemaChanges(connectorCatalog(ctx, source), changes, source.name, true);
}

/** What discovers a configuration that is not stored (scheduler discovery): only a --catalogs entry named after the connector applies. */
export function discoveredForConfiguration(ctx: Context, definition: ConnectorDefinition, configuration: JsonObject): AirbyteCatalog {
  const override = overrideFor(ctx, undefined, definition.name);
  if (override) return overrideCatalog(override);
  return definition.discover ? definition.discover(structuredClone(configuration)) : { streams: [] };
}

/**
 * The cache key of a source's discovery: its connector version and configuration, as the server's. The source's
 * --catalogs entry counts as part of the connector (a changed entry is a new connector version); its schema changes
 * (POST /_emulator/schema) do not: they are upstream changes, which the real server's cache does not notice either.
 */
function configHash(ctx: Context, source: StoredActor): string {
  const definition = sourceDefinition(ctx, source.definitionId);
  const override = overrideFor(ctx, source.name, definition.name);
  const connector = `${definition.dockerImageTag}\u0000${override === undefined ? '' : JSON.stringify(override)}`;
  return createHash('md5')
    .update(`${connector}\u0000${JSON.stringify(source.configuration)}`)
    .digest('hex');
}

/** The job the server answers for a catalog served from its cache (SchedulerHandler.discover). */
function cachedJob(): Json {
  return {
    id: randomUUID(),
    configType: 'discover_schema',
    configId: 'NoConfiguration',
    createdAt: 0,
    endedAt: 0,
    logType: 'formatted',
    logs: { logLines: [] },
    succeeded: true,
  };
}

function optionalBoolean(body: JsonObject, field: string): boolean {
  const value = body[field];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw invalidInput(`${field} must be a boolean, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * With a connection: the server's diff of the connection's stored catalog against the new one, and its side
 * effects: `breakingChange` set, the connection disabled on a breaking change, or on any change when it says
 * `nonBreakingChangesPreference: disable`. The answer has no jobInfo (ConnectionsHandler.diffCatalogAndConditionallyDisable).
 */
function diffWithConnection(ctx: Context, connectionId: string, catalog: AirbyteCatalog, catalogId: string): Reply {
  const connection = findConnection(ctx, connectionId);
  const catalogDiff = diffCatalogs(catalogRead(connection.syncCatalog), catalog);
  const breakingChange = isBreaking(catalogDiff);
  const disable = breakingChange || (connection.nonBreakingChangesPreference === 'disable' && catalogDiff.transforms.length > 0);
  // A deleted connection stays deleted.
  const status = disable && connection.status !== 'deprecated' ? 'inactive' : connection.status;
  ctx.store.putConnection({ ...connection, breakingChange, status });
  return ok({
    catalog: catalog as unknown as Json,
    catalogId,
    catalogDiff: catalogDiff as unknown as Json,
    breakingChange,
    connectionStatus: status,
  });
}

/**
 * sources/discover_schema. Without `disable_cache: true`, a catalog already discovered for the source's current
 * configuration comes from the cache (even if the schema changed since), with an empty job and no diff, whatever
 * else the body says. Otherwise the source is discovered again and the cache refreshed.
 */
function discoverSchema(ctx: Context, body: JsonObject): Reply {
  const source = findActor(ctx, SOURCE, requiredString(body, 'sourceId'));
  const disableCache = optionalBoolean(body, 'disable_cache');
  const connectionId = body['connectionId'];
  if (connectionId !== undefined && connectionId !== null && typeof connectionId !== 'string') throw invalidInput('connectionId must be a uuid string');
  const hash = configHash(ctx, source);
  const cached = ctx.store.keyed('discoveries', source.id);
  if (!disableCache && cached !== undefined && cached.configHash === hash) {
    const catalog = withSchemaChanges(connectorCatalog(ctx, source), cached.changes, source.name);
    return ok({ catalog: catalog as unknown as Json, jobInfo: cachedJob(), catalogId: cached.catalogId });
  }
  const changes = schemaChangesOf(ctx, source);
  const catalog = withSchemaChanges(connectorCatalog(ctx, source), changes, source.name);
  const catalogId = randomUUID();
  ctx.store.putKeyed('discoveries', { sourceId: source.id, configHash: hash, catalogId, changes });
  if (typeof connectionId === 'string') return diffWithConnection(ctx, connectionId, catalog, catalogId);
  return ok({
    catalog: catalog as unknown as Json,
    jobInfo: synchronousJob('discover_schema', source.id, []) as unknown as Json,
    catalogId,
  });
}

/** A discovery with a connection id changes the connection: a write. Every discovery may fill the cache: saved. */
const withConnection = (body: JsonObject) => typeof body['connectionId'] === 'string';

export const discoveryRoutes: RouteTable = {
  'sources/discover_schema': { handler: discoverSchema, write: withConnection, saves: true },
};
