/**
 * Fetching remote state: a fixed set of list calls, whatever the number of resources (beyond list pagination):
 * the workspace, the definitions for the workspace, one spec per distinct definition the pipeline uses, sources,
 * destinations, connections; discovery only for sources whose connections add streams Airbyte does not hold yet.
 */
import type {
  AirbyteCatalog,
  ConnectionRead,
  DestinationDefinitionRead,
  DestinationDefinitionSpecificationRead,
  DestinationRead,
  SourceDefinitionRead,
  SourceDefinitionSpecificationRead,
  SourceDiscoverSchemaRead,
  SourceCoreConfig,
  SourceRead,
  WorkspaceRead,
} from '../api/types.js';
import type { ActorKind, DesiredConnection, DesiredPipeline } from '../model/desired.js';
import type { ConnectorSpec, RemoteActor, RemoteConnection, RemoteDefinition, RemoteState, RemoteWorkspace } from '../model/remote.js';
import { ByName } from './by-name.js';
import { streamFinder } from './catalog.js';
import { resolveDefinition } from './checks/definition.js';
import { GitopsError } from '../errors.js';
import { redact } from '../secrets/redact.js';
import { mapLimit } from '../util/pool.js';
import { printable } from '../util/printable.js';

/** The reads fetch needs; the API client provides them (structural typing keeps this module testable). */
export interface StateReader {
  resolveWorkspace(nameSlugOrId?: string): Promise<WorkspaceRead>;
  listSourceDefinitions(workspaceId: string): Promise<SourceDefinitionRead[]>;
  listDestinationDefinitions(workspaceId: string): Promise<DestinationDefinitionRead[]>;
  getSourceSpecification(sourceDefinitionId: string, workspaceId: string): Promise<SourceDefinitionSpecificationRead>;
  getDestinationSpecification(destinationDefinitionId: string, workspaceId: string): Promise<DestinationDefinitionSpecificationRead>;
  listSources(workspaceId: string): Promise<SourceRead[]>;
  listDestinations(workspaceId: string): Promise<DestinationRead[]>;
  listConnections(workspaceId: string): Promise<ConnectionRead[]>;
  discoverSourceSchema(body: { sourceId: string; disable_cache?: boolean }, resource?: string): Promise<SourceDiscoverSchemaRead>;
  /** Discovery of a configuration that is not stored (a source created by this apply); creates nothing. */
  discoverNewSourceSchema(body: SourceCoreConfig, resource?: string): Promise<SourceDiscoverSchemaRead>;
  /** Values to hide in every error message from now on (the secrets of configurations sent for discovery). */
  addSecrets?(values: Iterable<string>): void;
}

/** The definition id a desired `definition` (name or id) stands for, as the checks resolve it; undefined when none. */
function definitionIdOf(definitions: RemoteDefinition[], kind: ActorKind, definition: string): string | undefined {
  const resolved = resolveDefinition(kind, definition, definitions);
  return 'definitionId' in resolved ? resolved.definitionId : undefined;
}

export function toRemoteActor(kind: 'source', read: SourceRead): RemoteActor;
export function toRemoteActor(kind: 'destination', read: DestinationRead): RemoteActor;
export function toRemoteActor(kind: ActorKind, read: SourceRead | DestinationRead): RemoteActor {
  const actor: RemoteActor =
    'sourceId' in read
      ? { kind, id: read.sourceId, name: read.name, definitionId: read.sourceDefinitionId, configuration: read.connectionConfiguration }
      : { kind, id: read.destinationId, name: read.name, definitionId: read.destinationDefinitionId, configuration: read.connectionConfiguration };
  if (typeof read.createdAt === 'number') actor.createdAt = read.createdAt;
  return actor;
}

export function toRemoteConnection(read: ConnectionRead): RemoteConnection {
  const connection: RemoteConnection = {
    kind: 'connection',
    id: read.connectionId,
    name: read.name,
    sourceId: read.sourceId,
    destinationId: read.destinationId,
    status: read.status,
    // Servers that predate scheduleType only send the legacy field: a legacy schedule is a basic one.
    scheduleType: read.scheduleType ?? (read.schedule ? 'basic' : 'manual'),
    syncCatalog: read.syncCatalog ?? { streams: [] },
  };
  const scheduleData = read.scheduleData ?? (read.schedule ? { basicSchedule: read.schedule } : undefined);
  if (scheduleData) connection.scheduleData = scheduleData;
  if (typeof read.created_at === 'number') connection.createdAt = read.created_at;
  if (read.namespaceDefinition !== undefined) connection.namespaceDefinition = read.namespaceDefinition;
  if (read.namespaceFormat !== undefined) connection.namespaceFormat = read.namespaceFormat;
  if (read.prefix !== undefined) connection.prefix = read.prefix;
  if (read.nonBreakingChangesPreference !== undefined) connection.nonBreakingChangesPreference = read.nonBreakingChangesPreference;
  if (read.notifySchemaChanges !== undefined) connection.notifySchemaChanges = read.notifySchemaChanges;
  if (read.notifySchemaChangesByEmail !== undefined) connection.notifySchemaChangesByEmail = read.notifySchemaChangesByEmail;
  return connection;
}

/** The resources of a workspace as the list calls return them, normalized: what the plan reads and a saved plan fingerprints. */
export interface RemoteResources {
  sources: RemoteActor[];
  destinations: RemoteActor[];
  /** Deleted (deprecated) connections left out. */
  connections: RemoteConnection[];
}

/** The one normalization of list answers, shared by fetch and the saved plan's freshness check. */
export function normalizeResources(sources: SourceRead[], destinations: DestinationRead[], connections: ConnectionRead[]): RemoteResources {
  return {
    sources: sources.map((read) => toRemoteActor('source', read)),
    destinations: destinations.map((read) => toRemoteActor('destination', read)),
    connections: connections.filter((read) => read.status !== 'deprecated').map(toRemoteConnection),
  };
}

/** Definition ids whose specs the plan needs: the pipeline's own, and those of referenced destinations (sync modes). */
function neededSpecs(
  desired: DesiredPipeline,
  definitions: RemoteDefinition[],
  sources: ByName<RemoteActor>,
  destinations: ByName<RemoteActor>,
): Map<string, ActorKind> {
  const needed = new Map<string, ActorKind>();
  for (const actor of [...desired.sources, ...desired.destinations]) {
    if (actor.definition !== undefined) {
      const definitionId = definitionIdOf(definitions, actor.kind, actor.definition);
      if (definitionId !== undefined) needed.set(definitionId, actor.kind);
    }
    // The matched remote resource's own definition too: its secret paths decide what is masked (a replace compares nothing, but the diff still reads them).
    // Found by name, falling back to previous names (renames).
    const existing = (actor.kind === 'source' ? sources : destinations).nameOrPrevious(actor.name, actor.previousNames);
    if (existing) needed.set(existing.definitionId, actor.kind);
  }
  return needed;
}

/**
 * True when the stored catalog is all a connection needs: every declared stream (for an all-streams connection,
 * every override) is in it, and an all-streams connection already exists on this source (its stored streams are
 * then the universe until `--refresh`).
 */
function storedCatalogCovers(connection: DesiredConnection, stored: AirbyteCatalog | undefined): boolean {
  if (connection.allStreams !== undefined && stored === undefined) return false;
  const find = streamFinder(stored?.streams ?? []);
  return connection.streams.every((stream) => find(stream).kind !== 'missing');
}

/** Which existing sources to discover, and why: under `refresh`, every managed existing connection's source. */
interface DiscoveryNeeds {
  /** Sources whose connections add streams Airbyte does not hold yet (or select all streams for the first time). */
  missing: Set<string>;
  /** Sources of managed existing connections, discovered afresh (`--refresh`). */
  refresh: Set<string>;
}

/**
 * Source ids to discover. A source that will be replaced (its definition changed) is skipped: it is a new source
 * then, discovered from its declared configuration (plan/discover.ts) or after apply creates it.
 */
function sourcesToDiscover(
  desired: DesiredPipeline,
  definitions: RemoteDefinition[],
  sources: ByName<RemoteActor>,
  destinations: ByName<RemoteActor>,
  connections: ByName<RemoteConnection>,
  refresh: boolean,
): DiscoveryNeeds {
  const needs: DiscoveryNeeds = { missing: new Set(), refresh: new Set() };
  const declaredSources = new Map(desired.sources.map((s) => [s.name, s]));
  const declaredDestinations = new Map(desired.destinations.map((d) => [d.name, d]));
  /** The connection is created again (its destination is another, or is replaced): its stored catalog is no guide. */
  const recreated = (connection: DesiredConnection, existing: RemoteConnection): boolean => {
    const declared = declaredDestinations.get(connection.destination);
    const destination = destinations.nameOrPrevious(connection.destination, declared?.previousNames ?? []);
    // A destination neither listed nor declared is the checks' to report; one declared but not listed is created.
    if (destination === undefined) return declared !== undefined;
    if (destination.id !== existing.destinationId) return true;
    return declared?.definition !== undefined && definitionIdOf(definitions, 'destination', declared.definition) !== destination.definitionId;
  };
  for (const connection of desired.connections) {
    const declared = declaredSources.get(connection.source);
    const source = sources.nameOrPrevious(connection.source, declared?.previousNames ?? []);
    if (!source) continue;
    if (declared?.definition !== undefined && definitionIdOf(definitions, 'source', declared.definition) !== source.definitionId) continue;
    const existing = connections.nameOrPrevious(connection.name, connection.previousNames);
    // A connection created again is created from what the source offers now, checked before anything is deleted.
    const stored = existing && existing.sourceId === source.id && !recreated(connection, existing) ? existing.syncCatalog : undefined;
    if (refresh && stored !== undefined) needs.refresh.add(source.id);
    else if (!storedCatalogCovers(connection, stored)) needs.missing.add(source.id);
  }
  return needs;
}

/** What a workspace holds, read with one list call per kind (the same calls whatever the number of resources). */
export interface Inventory extends RemoteResources {
  workspace: RemoteWorkspace;
  definitions: RemoteDefinition[];
}

/** The workspace (by name, slug or id; the only one if none is given), its definitions and its resources. */
export async function fetchInventory(
  reader: Omit<StateReader, 'getSourceSpecification' | 'getDestinationSpecification' | 'discoverSourceSchema' | 'discoverNewSourceSchema' | 'addSecrets'>,
  workspace?: string,
): Promise<Inventory> {
  const ws = await reader.resolveWorkspace(workspace);
  const id = ws.workspaceId;
  const [sourceDefinitions, destinationDefinitions, sourceReads, destinationReads, connectionReads] = await Promise.all([
    reader.listSourceDefinitions(id),
    reader.listDestinationDefinitions(id),
    reader.listSources(id),
    reader.listDestinations(id),
    reader.listConnections(id),
  ]);
  return {
    workspace: { workspaceId: id, name: ws.name, slug: ws.slug },
    definitions: [
      ...sourceDefinitions.map((d) => ({
        kind: 'source' as const,
        definitionId: d.sourceDefinitionId,
        name: d.name,
        dockerRepository: d.dockerRepository,
        dockerImageTag: d.dockerImageTag,
      })),
      ...destinationDefinitions.map((d) => ({
        kind: 'destination' as const,
        definitionId: d.destinationDefinitionId,
        name: d.name,
        dockerRepository: d.dockerRepository,
        dockerImageTag: d.dockerImageTag,
      })),
    ],
    ...normalizeResources(sourceReads, destinationReads, connectionReads),
  };
}

/**
 * Discoveries in flight at once by default (existing sources here, new ones in plan/discover.ts): each runs a
 * connector job on a real server, which runs few at a time (Airbyte's MAX_DISCOVER_WORKERS defaults to 5), so a plan
 * of thousands of connections must not start thousands of them together. AIRBYTE_DISCOVER_PARALLELISM raises it
 * for a server with more discover workers.
 */
export const DISCOVERY_PARALLELISM = 4;

/** AIRBYTE_DISCOVER_PARALLELISM (1 to 64), else DISCOVERY_PARALLELISM; anything else is a usage error. */
export function discoveryParallelismFromEnv(env: NodeJS.ProcessEnv): number {
  const text = env['AIRBYTE_DISCOVER_PARALLELISM'];
  if (text === undefined || text.trim() === '') return DISCOVERY_PARALLELISM;
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || value < 1 || value > 64) {
    throw new GitopsError('USAGE', `AIRBYTE_DISCOVER_PARALLELISM must be a whole number from 1 to 64, got '${printable(text)}'`);
  }
  return value;
}

/** Options of fetchRemoteState. */
export interface FetchOptions {
  /** Discoveries in flight at once (default DISCOVERY_PARALLELISM). */
  discoverParallelism?: number;
  /** `--refresh`: discover the source of every managed existing connection afresh (bypassing the server's cache). */
  refresh?: boolean;
  /** One line per discovery started (the command passes it only when stderr is a terminal). */
  onProgress?: (line: string) => void;
}

/**
 * Reads everything the diff needs. Specs are fetched in parallel, one per distinct definition; discovery runs once
 * per source that needs it (never with a connectionId: that would let the server disable the connection).
 */
export async function fetchRemoteState(reader: StateReader, desired: DesiredPipeline, workspace?: string, options: FetchOptions = {}): Promise<RemoteState> {
  const { workspace: ws, definitions, sources, destinations, connections } = await fetchInventory(reader, workspace);
  const id = ws.workspaceId;

  const sourcesByName = new ByName(sources);
  const specs: Record<string, ConnectorSpec> = {};
  await Promise.all(
    [...neededSpecs(desired, definitions, sourcesByName, new ByName(destinations))].map(async ([definitionId, kind]) => {
      if (kind === 'source') {
        const read = await reader.getSourceSpecification(definitionId, id);
        specs[definitionId] = { kind, definitionId, connectionSpecification: read.connectionSpecification };
      } else {
        const read = await reader.getDestinationSpecification(definitionId, id);
        specs[definitionId] = {
          kind,
          definitionId,
          connectionSpecification: read.connectionSpecification,
          supportedDestinationSyncModes: read.supportedDestinationSyncModes,
        };
      }
    }),
  );

  const discovered: Record<string, AirbyteCatalog> = {};
  const catalogIds: Record<string, string> = {};
  const sourceNames = new Map(sources.map((s) => [s.id, s.name]));
  const refresh = options.refresh === true;
  const needs = sourcesToDiscover(desired, definitions, sourcesByName, new ByName(destinations), new ByName(connections), refresh);
  const wanted = [...new Set([...needs.refresh, ...needs.missing])];
  await mapLimit(wanted, options.discoverParallelism ?? DISCOVERY_PARALLELISM, async (sourceId, index) => {
    const resource = `source '${printable(sourceNames.get(sourceId) ?? sourceId)}'`;
    options.onProgress?.(`Discovering the streams of ${resource} (${index + 1}/${wanted.length})…`);
    // Always past Airbyte's discovery cache: a cached catalog predates the upstream table a pipeline has just
    // started to declare, and the plan would refuse a stream that exists.
    const body = { sourceId, disable_cache: true };
    const read = await reader.discoverSourceSchema(body, resource);
    discovered[sourceId] = discoveredCatalog(read, resource, 'sources/discover_schema');
    if (typeof read.catalogId === 'string' && read.catalogId !== '') catalogIds[sourceId] = read.catalogId;
  });

  return {
    workspace: ws,
    definitions,
    specs,
    sources,
    destinations,
    connections,
    discovered,
    ...(Object.keys(catalogIds).length > 0 ? { discoveredCatalogIds: catalogIds } : {}),
    ...(refresh ? { refreshed: true } : {}),
  };
}

/**
 * The catalog of a discovery answer; a failed discover job (HTTP 200, `jobInfo.succeeded: false`, no catalog) is an
 * error naming the source, the call and the connector's message (with `secrets` hidden).
 */
export function discoveredCatalog(
  read: SourceDiscoverSchemaRead,
  resource: string,
  call: string,
  hint = "check the source's configuration, e.g. with `airbyte-gitops check`",
  secrets: readonly string[] = [],
): AirbyteCatalog {
  if (read.jobInfo?.succeeded === false || read.catalog === undefined) {
    const failure = read.jobInfo?.failureReason;
    // A connector may echo the configuration it was given: the secret values sent are hidden.
    const reason = redact(failure?.externalMessage ?? failure?.internalMessage ?? 'the discover job failed without a message', secrets);
    throw new GitopsError('CHECK_FAILED', `discovering the streams of ${resource} failed (${call}): ${reason}`, {
      hint,
      meta: { call },
    });
  }
  return read.catalog;
}
