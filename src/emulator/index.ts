/**
 * The Airbyte Config API emulator: `startEmulator(options)` serves /api/v1 on a loopback port with the behaviour
 * of a real server (masking, full vs partial updates, catalogs, schedules, jobs, errors per version), plus
 * optional latency, reproducible faults and /_emulator/* introspection.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitopsError } from '../errors.js';
import { BLOCKED_PORT_REASON, isBlockedPort } from '../util/blocked-ports.js';
import { Authenticator } from './auth.js';
import { builtInCatalog, fallbackSyncVolume, lookup } from './catalog.js';
import { FaultInjector, type Fault } from './faults.js';
import { actorRoutes } from './handlers/actors.js';
import { connectionRoutes } from './handlers/connections.js';
import { definitionRoutes } from './handlers/definitions.js';
import { discoveryRoutes } from './handlers/discovery.js';
import { jobRoutes } from './handlers/jobs.js';
import { schedulerRoutes } from './handlers/scheduler.js';
import { stateRoutes } from './handlers/sync-state.js';
import { workspaceRoutes } from './handlers/workspaces.js';
import { RequestCounters } from './introspection.js';
import { CatalogOverridesFile } from './overrides.js';
import { madeUpStreamNames, withRegistry } from './registry.js';
import { madeUpCatalogNote } from './handlers/discovery.js';
import { API_TOKEN_PATH, requestListener, tokenListener, type Pipeline } from './server.js';
import { Store, type EmulatorData } from './state.js';
import type { Context, EmulatorOptions, RouteTable } from './types.js';

export type { AuthOptions, EmulatorOptions, Flavor, SyncVolume } from './types.js';
export type { EmulatorData } from './state.js';
export type { Fault } from './faults.js';
export { DEFAULT_WORKSPACE_ID } from './state.js';

/**
 * A running emulator. `state` is the unmasked state, built on each access (arrays in creation order) from the live
 * records, which are frozen: read it again after a write to see the write.
 */
export interface EmulatorHandle {
  /** e.g. http://127.0.0.1:8001/api/v1 */
  url: string;
  /** Where applications/token is served: `<url>/applications/token` unless `tokenEndpoint` moved it. */
  tokenUrl: string;
  stop(): Promise<void>;
  readonly state: EmulatorData;
  /** The next call to `call` (e.g. `sources/create`) meets `fault`: a reset or 5xx before or after the server acts. */
  injectFault(call: string, fault: Fault): void;
  /** e.g. `serving 647 connectors: 9 built-in, 638 from the connector registry <origin>`. */
  readonly connectorSummary: string;
  /** How many source and destination definitions it serves. */
  readonly definitionCounts: { sources: number; destinations: number };
  /** What the emulator can tell about its connectors now, for explaining a failure (see ./embedded.ts). */
  connectorReport(): ConnectorReport;
}

/** Live sources that discover a made-up catalog, and live actors whose definition the emulator does not serve. */
export interface ConnectorReport {
  madeUpCatalogs: { source: string; definition: string; streams: string[] }[];
  unknownDefinitions: number;
}

/** The made-up catalog note, '' also when the --catalogs file cannot be read now (the report explains, never fails). */
function madeUpNote(ctx: Context, source: Parameters<typeof madeUpCatalogNote>[1]): string {
  try {
    return madeUpCatalogNote(ctx, source);
  } catch {
    return '';
  }
}

function connectorReport(ctx: Context): ConnectorReport {
  const report: ConnectorReport = { madeUpCatalogs: [], unknownDefinitions: 0 };
  for (const table of ['sources', 'destinations'] as const) {
    for (const actor of ctx.store.actors(table)) {
      if (actor.tombstone) continue;
      const kind = table === 'sources' ? 'source' : 'destination';
      const definition = lookup(ctx, kind, actor.definitionId);
      if (definition === undefined) report.unknownDefinitions++;
      else if (kind === 'source' && madeUpNote(ctx, actor) !== '') {
        report.madeUpCatalogs.push({ source: actor.name, definition: definition.name, streams: madeUpStreamNames(definition) });
      }
    }
  }
  return report;
}

export const DEFAULT_JOB_DURATION_MS = 3000;

const wholeAtLeast = (value: number, minimum: number) => Number.isInteger(value) && value >= minimum;

/** The same limits the CLI flags enforce, for callers of startEmulator (tests, the embedded emulator). */
function checkOptions(options: EmulatorOptions): void {
  const usage = (message: string) => new GitopsError('USAGE', message);
  const port = options.port ?? 8001;
  if (!wholeAtLeast(port, 0) || port > 65535) throw usage(`port must be a whole number from 0 to 65535, got ${port}`);
  if (isBlockedPort(port)) throw usage(`port ${port} cannot be used: ${BLOCKED_PORT_REASON}; choose another port, e.g. 8001`);
  const rate = options.faultRate ?? 0;
  if (!(rate >= 0 && rate <= 1)) throw usage(`fault rate must be between 0 and 1, got ${rate}`);
  if (!wholeAtLeast(options.latencyMs ?? 0, 0)) throw usage(`latency must be a whole number of milliseconds >= 0, got ${options.latencyMs}`);
  if (!wholeAtLeast(options.jobDurationMs ?? 0, 0)) throw usage(`job duration must be a whole number of milliseconds >= 0, got ${options.jobDurationMs}`);
  if (!wholeAtLeast(options.seed ?? 1, 0)) throw usage(`seed must be a whole number >= 0, got ${options.seed}`);
  const token = options.tokenEndpoint;
  if (token?.port !== undefined) {
    if (!wholeAtLeast(token.port, 0) || token.port > 65535) throw usage(`token port must be a whole number from 0 to 65535, got ${token.port}`);
    if (isBlockedPort(token.port)) throw usage(`token port ${token.port} cannot be used: ${BLOCKED_PORT_REASON}; choose another port`);
  }
  if (token?.path !== undefined) {
    if (!/^\/[^?#\s]*$/.test(token.path)) throw usage(`token path must start with / (and hold no query), got '${token.path}'`);
    // On the API's server, a path of the API or of /_emulator would hide what is there.
    if (token.port === undefined && /^\/(api\/|_emulator\/)/.test(token.path)) {
      throw usage(`token path ${token.path} is taken by the API's server; choose another, e.g. /v1/applications/token`);
    }
  }
  const auth = options.auth;
  if (auth?.mode === 'client-credentials' && !wholeAtLeast(auth.tokenTtlSeconds, 1)) {
    throw usage(`token lifetime must be a whole number of seconds >= 1, got ${auth.tokenTtlSeconds}`);
  }
}

function contextFor(options: EmulatorOptions): Context {
  // Everything that can refuse the options comes before the store, which takes the state file's lock.
  const catalogs = new CatalogOverridesFile(options.catalogsFile);
  return {
    store: new Store(options.dataFile),
    definitions: withRegistry(options.definitions ?? builtInCatalog.definitions, options.registry),
    syncVolume: options.syncVolume ?? (options.definitions ? fallbackSyncVolume : builtInCatalog.syncVolume),
    catalogs,
    flavor: options.flavor ?? 'current',
    jobDurationMs: options.jobDurationMs ?? DEFAULT_JOB_DURATION_MS,
    listDeletedConnections: options.listDeletedConnections ?? false,
    now: options.now ?? Date.now,
  };
}

function routesFor(ctx: Context): RouteTable {
  return {
    ...workspaceRoutes(ctx),
    ...definitionRoutes,
    ...actorRoutes,
    ...discoveryRoutes,
    ...connectionRoutes,
    ...jobRoutes,
    ...schedulerRoutes,
    ...stateRoutes,
  };
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const message = error.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use` : `cannot listen on ${host}:${port}: ${error.message}`;
      const hint =
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? 'choose another --port (0 picks a free one)'
          : 'check --host: it must be an address of this machine, e.g. 127.0.0.1';
      reject(new GitopsError('USAGE', message, { hint, cause: error }));
    });
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

/** Stops accepting, and ends keep-alive connections so close() does not wait for idle clients. */
function close(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function connectorSummary(ctx: Context, options: EmulatorOptions): string {
  const fromRegistry = ctx.definitions.filter((definition) => definition.fromRegistry === true).length;
  const own = ctx.definitions.length - fromRegistry;
  const base = `${own} ${options.definitions ? 'given' : 'built-in'}`;
  if (options.registry === undefined) return `serving ${own} connectors (${base})`;
  return `serving ${ctx.definitions.length} connectors: ${base}, ${fromRegistry} from the connector registry ${options.registry.origin}`;
}

/** The default path of a token endpoint moved off the API: Airbyte Cloud's. */
export const DEFAULT_TOKEN_PATH = '/v1/applications/token';

const urlOf = (address: AddressInfo): string => `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  checkOptions(options);
  const ctx = contextFor(options);
  const host = options.host ?? '127.0.0.1';
  const faults = new FaultInjector(options.faultRate ?? 0, options.seed ?? 1);
  const tokenEndpoint = options.tokenEndpoint;
  const tokenPath = tokenEndpoint === undefined ? API_TOKEN_PATH : (tokenEndpoint.path ?? DEFAULT_TOKEN_PATH);
  const ownTokenServer = tokenEndpoint?.port !== undefined;
  const pipeline: Pipeline = {
    ctx,
    routes: routesFor(ctx),
    auth: new Authenticator(options.auth ?? { mode: 'none' }),
    faults,
    counters: new RequestCounters(),
    latencyMs: options.latencyMs ?? 0,
    tokenPath: ownTokenServer ? undefined : tokenPath,
  };
  const server = createServer({ keepAliveTimeout: 5000 }, requestListener(pipeline));
  const tokenServer = ownTokenServer ? createServer({ keepAliveTimeout: 5000 }, tokenListener(pipeline, tokenPath)) : undefined;
  let address: AddressInfo;
  let tokenAddress: AddressInfo | undefined;
  try {
    address = await listen(server, host, options.port ?? 8001);
    if (tokenServer !== undefined) tokenAddress = await listen(tokenServer, host, tokenEndpoint?.port ?? 0);
  } catch (error) {
    if (server.listening) await close(server);
    ctx.store.close();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  const url = urlOf(address);
  return {
    url: `${url}/api/v1`,
    tokenUrl: `${tokenAddress === undefined ? url : urlOf(tokenAddress)}${tokenPath}`,
    get state() {
      return ctx.store.data;
    },
    stop: () =>
      (stopped ??= Promise.all([close(server), tokenServer && close(tokenServer)])
        .then(() => undefined)
        .finally(() => ctx.store.close())),
    injectFault: (call, fault) => faults.inject(call, fault),
    connectorSummary: connectorSummary(ctx, options),
    connectorReport: () => connectorReport(ctx),
    definitionCounts: {
      sources: ctx.definitions.filter((definition) => definition.kind === 'source').length,
      destinations: ctx.definitions.filter((definition) => definition.kind === 'destination').length,
    },
  };
}
