/**
 * Typed methods for every Config API call the product makes. Each takes an optional `resource` label (such as
 * `source 'PostgreSQL - Ecommerce'`) that errors name; creates and updates label themselves from the body's name.
 */
import type {
  ActorListRequest,
  CheckConnectionRead,
  ConnectionCreate,
  ConnectionRead,
  ConnectionReadList,
  ConnectionState,
  ConnectionStateCreateOrUpdate,
  ConnectionUpdate,
  DestinationCreate,
  DestinationDefinitionRead,
  DestinationDefinitionSpecificationRead,
  DestinationRead,
  DestinationReadList,
  DestinationUpdate,
  JobInfoRead,
  JobListRequest,
  JobReadList,
  JsonObject,
  SourceCoreConfig,
  SourceCreate,
  SourceDefinitionRead,
  SourceDefinitionSpecificationRead,
  SourceDiscoverSchemaRead,
  SourceRead,
  SourceReadList,
  SourceUpdate,
  WorkspaceRead,
} from '../api/types.js';
import { GitopsError } from '../errors.js';
import { ApiCore, type RequestOptions } from './core.js';
import type { Call } from './retry.js';
import type {
  ClientOptions,
  ClientStats,
  DestinationDefinitionReadList,
  HealthCheckRead,
  SourceDefinitionReadList,
  SourceDiscoverSchemaRequest,
} from './types.js';
import { resolveWorkspace, WorkspaceLister } from './workspaces.js';

/**
 * Page size asked for on every page of `sources/list` and `destinations/list`, the first included: the server's
 * default page is 20, and the Config API declares no maximum; 100 is the largest page Airbyte's APIs accept where
 * they declare one (the public API's `limit`). Servers up to 1.7 ignore the field and return everything at once.
 */
export const LIST_PAGE_SIZE = 100;

/** Pages read of one list before giving up: about 100,000 sources or destinations, far beyond any real workspace. */
export const DEFAULT_MAX_PAGES = 1000;

const label = (kind: string, name: string): string => `${kind} '${name}'`;

export class AirbyteClient {
  private readonly core: ApiCore;
  private readonly workspaces: WorkspaceLister;
  private readonly maxPages: number;

  constructor(options: ClientOptions) {
    this.core = new ApiCore(options);
    this.maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    this.workspaces = new WorkspaceLister(this.core);
  }

  /** The Config API root the client talks to, ending in `/api/v1`. */
  get baseUrl(): string {
    return this.core.baseUrl;
  }

  /** Any call in CALL_KINDS, for what has no typed method yet; retries and errors as for every other call. */
  request = <T>(call: Call, body: unknown, options: RequestOptions = {}) => this.core.request<T>(call, body, options);

  health = () => this.core.request<HealthCheckRead>('health', undefined);

  // Workspaces
  listWorkspaces = () => this.workspaces.list();
  getWorkspace = (workspaceId: string, resource = `workspace ${workspaceId}`) =>
    this.core.request<WorkspaceRead>('workspaces/get', { workspaceId }, { resource });
  getWorkspaceBySlug = (slug: string, resource = `workspace '${slug}'`) => this.core.request<WorkspaceRead>('workspaces/get_by_slug', { slug }, { resource });
  /** By id (uuid), else by name or slug among the list; without one, the only workspace. */
  resolveWorkspace = (nameSlugOrId?: string) => resolveWorkspace(this.core, this.workspaces, nameSlugOrId);

  // Definitions and their specifications
  listSourceDefinitions = async (workspaceId: string) =>
    (await this.core.request<SourceDefinitionReadList>('source_definitions/list_for_workspace', { workspaceId })).sourceDefinitions;
  getSourceDefinition = (sourceDefinitionId: string, resource = `source definition ${sourceDefinitionId}`) =>
    this.core.request<SourceDefinitionRead>('source_definitions/get', { sourceDefinitionId }, { resource });
  listDestinationDefinitions = async (workspaceId: string) =>
    (await this.core.request<DestinationDefinitionReadList>('destination_definitions/list_for_workspace', { workspaceId })).destinationDefinitions;
  getDestinationDefinition = (destinationDefinitionId: string, resource = `destination definition ${destinationDefinitionId}`) =>
    this.core.request<DestinationDefinitionRead>('destination_definitions/get', { destinationDefinitionId }, { resource });
  getSourceSpecification = (sourceDefinitionId: string, workspaceId: string, resource = `source definition ${sourceDefinitionId}`) =>
    this.core.request<SourceDefinitionSpecificationRead>('source_definition_specifications/get', { sourceDefinitionId, workspaceId }, { resource });
  getDestinationSpecification = (destinationDefinitionId: string, workspaceId: string, resource = `destination definition ${destinationDefinitionId}`) =>
    this.core.request<DestinationDefinitionSpecificationRead>(
      'destination_definition_specifications/get',
      { destinationDefinitionId, workspaceId },
      { resource },
    );

  // Sources
  createSource = (body: SourceCreate, resource = label('source', body.name)) => this.core.request<SourceRead>('sources/create', body, { resource });
  /** A full replacement: send the complete configuration with real secret values. */
  updateSource = (body: SourceUpdate, resource = label('source', body.name)) => this.core.request<SourceRead>('sources/update', body, { resource });
  getSource = (sourceId: string, resource = `source ${sourceId}`) => this.core.request<SourceRead>('sources/get', { sourceId }, { resource });
  /** Every source of the workspace, following the cursor to the end on servers that paginate. */
  listSources = (workspaceId: string) =>
    this.listAll<SourceReadList, SourceRead>(
      'sources/list',
      workspaceId,
      (page) => page.sources,
      (source) => source.sourceId,
    );
  /** Resolves normally when the source is gone, including when a retry finds the first attempt deleted it. */
  deleteSource = async (sourceId: string, resource = `source ${sourceId}`): Promise<void> => {
    await this.core.request('sources/delete', { sourceId }, { resource });
  };
  checkSource = (sourceId: string, resource = `source ${sourceId}`) =>
    this.core.request<CheckConnectionRead>('sources/check_connection', { sourceId }, { resource });
  checkSourceUpdate = (body: SourceUpdate, resource = label('source', body.name)) =>
    this.core.request<CheckConnectionRead>('sources/check_connection_for_update', body, { resource });
  /** Checks a configuration that is not stored yet (a source about to be created); the same body as a create minus its name. */
  checkNewSource = (
    body: { sourceDefinitionId: string; workspaceId: string; connectionConfiguration: JsonObject },
    resource = `new source (definition ${body.sourceDefinitionId})`,
  ) => this.core.request<CheckConnectionRead>('scheduler/sources/check_connection', body, { resource });
  discoverSourceSchema = (body: SourceDiscoverSchemaRequest, resource = `source ${body.sourceId}`) =>
    this.core.request<SourceDiscoverSchemaRead>('sources/discover_schema', body, { resource });
  /**
   * Discovers the catalog of a configuration that is not stored (a source about to be created): nothing is created,
   * and the server does not validate the configuration (the connector does: a bad one is a failed job, HTTP 200).
   */
  discoverNewSourceSchema = (body: SourceCoreConfig, resource = `new source (definition ${body.sourceDefinitionId})`) =>
    this.core.request<SourceDiscoverSchemaRead>('scheduler/sources/discover_schema', body, { resource });

  // Destinations
  createDestination = (body: DestinationCreate, resource = label('destination', body.name)) =>
    this.core.request<DestinationRead>('destinations/create', body, { resource });
  /** A full replacement: send the complete configuration with real secret values. */
  updateDestination = (body: DestinationUpdate, resource = label('destination', body.name)) =>
    this.core.request<DestinationRead>('destinations/update', body, { resource });
  getDestination = (destinationId: string, resource = `destination ${destinationId}`) =>
    this.core.request<DestinationRead>('destinations/get', { destinationId }, { resource });
  /** Every destination of the workspace, following the cursor to the end on servers that paginate. */
  listDestinations = (workspaceId: string) =>
    this.listAll<DestinationReadList, DestinationRead>(
      'destinations/list',
      workspaceId,
      (page) => page.destinations,
      (destination) => destination.destinationId,
    );
  deleteDestination = async (destinationId: string, resource = `destination ${destinationId}`): Promise<void> => {
    await this.core.request('destinations/delete', { destinationId }, { resource });
  };
  checkDestination = (destinationId: string, resource = `destination ${destinationId}`) =>
    this.core.request<CheckConnectionRead>('destinations/check_connection', { destinationId }, { resource });
  checkDestinationUpdate = (body: DestinationUpdate, resource = label('destination', body.name)) =>
    this.core.request<CheckConnectionRead>('destinations/check_connection_for_update', body, { resource });
  /** Checks a configuration that is not stored yet (a destination about to be created). */
  checkNewDestination = (
    body: { destinationDefinitionId: string; workspaceId: string; connectionConfiguration: JsonObject },
    resource = `new destination (definition ${body.destinationDefinitionId})`,
  ) => this.core.request<CheckConnectionRead>('scheduler/destinations/check_connection', body, { resource });

  // Connections
  createConnection = (body: ConnectionCreate, resource = label('connection', body.name ?? '(unnamed)')) =>
    this.core.request<ConnectionRead>('connections/create', body, { resource });
  /** A patch: only the fields present change. Never send the legacy `schedule` (the server answers 500). */
  updateConnection = (body: ConnectionUpdate, resource = body.name === undefined ? `connection ${body.connectionId}` : label('connection', body.name)) =>
    this.core.request<ConnectionRead>('connections/update', body, { resource });
  getConnection = (connectionId: string, resource = `connection ${connectionId}`) =>
    this.core.request<ConnectionRead>('connections/get', { connectionId }, { resource });
  /** Not paginated on any server version. */
  listConnections = async (workspaceId: string) => (await this.core.request<ConnectionReadList>('connections/list', { workspaceId })).connections;
  deleteConnection = async (connectionId: string, resource = `connection ${connectionId}`): Promise<void> => {
    await this.core.request('connections/delete', { connectionId }, { resource });
  };
  syncConnection = (connectionId: string, resource = `connection ${connectionId}`) =>
    this.core.request<JobInfoRead>('connections/sync', { connectionId }, { resource });
  resetConnection = (connectionId: string, resource = `connection ${connectionId}`) =>
    this.core.request<JobInfoRead>('connections/reset', { connectionId }, { resource });

  // State
  /** The connection's sync state; an unknown id reads as `not_set` on the real server. */
  getState = (connectionId: string, resource = `connection ${connectionId}`) => this.core.request<ConnectionState>('state/get', { connectionId }, { resource });
  /** Writes a connection's state; the server refuses (423) while a sync or refresh of the connection runs. */
  updateStateSafe = (body: ConnectionStateCreateOrUpdate, resource = `connection ${body.connectionId}`) =>
    this.core.request<ConnectionState>('state/create_or_update_safe', body, { resource });

  // Jobs
  getJob = (id: number) => this.core.request<JobInfoRead>('jobs/get', { id }, { resource: `job ${id}` });
  getJobWithoutLogs = (id: number) => this.core.request<JobInfoRead>('jobs/get_without_logs', { id }, { resource: `job ${id}` });
  listJobs = (body: JobListRequest) => this.core.request<JobReadList>('jobs/list', body);
  cancelJob = (id: number) => this.core.request<JobInfoRead>('jobs/cancel', { id }, { resource: `job ${id}` });

  /** Values to keep out of every error message from now on (e.g. the pipeline's secret values). */
  addSecrets = (values: Iterable<string>): void => this.core.addSecrets(values);
  /** HTTP requests sent so far, retries and token requests included. */
  stats = (): ClientStats => this.core.stats();
  /** Closes the kept-alive sockets. */
  close = (): Promise<void> => this.core.close();

  /**
   * Follows a cursor-paginated list to the end, LIST_PAGE_SIZE items a page from the first one on (a workspace of
   * up to 100 sources is one call); a page that reports `page_size` and is full means more may follow (cursor = the
   * last id). An answer without `page_size` is an unpaginated (≤ 1.7) server and holds everything. A server that
   * ignores the cursor (a page with nothing new) or never stops (more than `maxPages` pages) is an error, not an
   * endless loop.
   */
  private async listAll<Page extends { page_size?: number }, Item>(
    call: Call,
    workspaceId: string,
    items: (page: Page) => Item[],
    id: (item: Item) => string,
  ): Promise<Item[]> {
    const all: Item[] = [];
    const seen = new Set<string>();
    let body: ActorListRequest = { workspaceId, pageSize: LIST_PAGE_SIZE };
    for (let pages = 1; ; pages++) {
      const page = await this.core.request<Page>(call, body);
      const pageItems = items(page);
      const last = pageItems.at(-1);
      if (last !== undefined && seen.has(id(last))) {
        throw new GitopsError('API_ERROR', `${call} returned the same page twice; the server ignored the pagination cursor`, {
          meta: { call, page: pages },
          hint: 'this server does not page as Airbyte does: check that --url / AIRBYTE_URL points at the Airbyte Config API.',
        });
      }
      for (const item of pageItems) seen.add(id(item));
      all.push(...pageItems);
      if (page.page_size === undefined || last === undefined || pageItems.length < page.page_size) return all;
      if (pages >= this.maxPages) {
        throw new GitopsError('API_ERROR', `${call} was still returning full pages after ${pages} pages (${all.length} items); stopped there`, {
          meta: { call, pages, items: all.length },
          hint: 'check that --url / AIRBYTE_URL points at the Airbyte Config API; if the workspace really is that large, raise AIRBYTE_MAX_PAGES.',
        });
      }
      body = { workspaceId, pageSize: LIST_PAGE_SIZE, cursor: id(last) };
    }
  }
}
