/**
 * Types shared by the emulator's server, state and handlers. The wire shapes themselves come from
 * ../api/types.ts so the emulator and the client cannot drift apart.
 */
import type { Json, JsonObject } from '../api/types.js';
import type { ConnectorRegistry } from '../registry/index.js';
import type { ConnectorDefinition } from './connectors/types.js';
import type { CatalogOverridesFile } from './overrides.js';
import type { Store } from './state.js';

/** Which server version the emulator imitates: error bodies, pagination and removed endpoints differ. */
export type Flavor = 'current' | '1.6';

/** How API calls under /api/v1 authenticate. Secrets arrive from the caller (env vars in the CLI), never flags. */
export type AuthOptions =
  | { mode: 'none' }
  | { mode: 'basic'; username: string; password: string }
  | { mode: 'client-credentials'; clientId: string; clientSecret: string; tokenTtlSeconds: number };

/** How much a sync of one stream moves; the built-in catalog provides a realistic one. */
export type SyncVolume = (definition: ConnectorDefinition, configuration: JsonObject, streamName: string) => { records: number; bytes: number };

/** Options of `startEmulator`. Every field is optional; see docs/emulator.md for the defaults. */
export interface EmulatorOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  flavor?: Flavor;
  auth?: AuthOptions;
  /**
   * Where applications/token is served, as on Airbyte Cloud (https://api.airbyte.com/v1/applications/token, another
   * host than the API): `port` starts a second server on the same host for it alone (0 picks a free port), `path`
   * is its path there (default `/v1/applications/token`). With only `path`, the API's server serves it at that path.
   * Either way /api/v1/applications/token is then no token endpoint. Default: /api/v1/applications/token.
   */
  tokenEndpoint?: { port?: number; path?: string };
  /** Added before every API response. */
  latencyMs?: number;
  /** Fraction (0..1) of API calls that fail, reproducibly for a given seed. */
  faultRate?: number;
  seed?: number;
  /** Load state at start and save it after every write. */
  dataFile?: string;
  /** YAML: source name → streams, overriding discovery. */
  catalogsFile?: string;
  /** Connector definitions to serve instead of the built-in catalog. */
  definitions?: ConnectorDefinition[];
  /**
   * Airbyte's connector registry (see ../registry): every definition in it is served too, with its real spec. A
   * built-in (or given) definition with the same id wins.
   */
  registry?: ConnectorRegistry;
  /** Volume of a synced stream; defaults to the built-in catalog's (or a deterministic stand-in). */
  syncVolume?: SyncVolume;
  /** How long a sync job takes from creation to success. */
  jobDurationMs?: number;
  /**
   * Milliseconds since the epoch, for job timelines. Defaults to the wall clock; a test hands in a clock it moves
   * itself so that a job ends when the test says, not after a real wait.
   */
  now?: () => number;
  /**
   * connections/list answers deleted (status `deprecated`) connections too, as connections/list_all does on every
   * server version. Off by default, as on a real server; tests turn it on to prove the tool's own filters.
   */
  listDeletedConnections?: boolean;
}

/** What a handler sees: the live state and the fixed configuration of this emulator. */
export interface Context {
  store: Store;
  definitions: ConnectorDefinition[];
  syncVolume: SyncVolume;
  /** The --catalogs file (re-read when it changes). */
  catalogs: CatalogOverridesFile;
  flavor: Flavor;
  jobDurationMs: number;
  listDeletedConnections: boolean;
  /** The clock job timelines follow (EmulatorOptions.now). */
  now: () => number;
}

/** A handler's answer. `body` undefined means an empty body (204). */
export interface Reply {
  status: number;
  body?: Json;
}

/**
 * One POST endpoint under /api/v1. `write` marks calls that change state (counted as writes and persisted); it may
 * depend on the body. `saves` marks calls that may change state without being writes to the API's user (a cache):
 * persisted, not counted.
 */
export interface Route {
  handler: (ctx: Context, body: JsonObject) => Reply;
  write: boolean | ((body: JsonObject) => boolean);
  saves?: boolean;
}

export type RouteTable = Record<string, Route>;

export function ok(body: Json): Reply {
  return { status: 200, body };
}
