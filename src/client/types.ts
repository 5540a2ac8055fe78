/**
 * Types of the API client itself (options, auth, stats) and the few Config API shapes that `src/api/types.ts`
 * does not hold yet. Field names of API shapes follow the real server exactly.
 */
import type { DestinationDefinitionRead, SourceDefinitionRead } from '../api/types.js';

/** How the client authenticates. Secrets come from the environment only (see `clientOptionsFromEnv`). */
export type AuthConfig =
  | { mode: 'none' }
  /** The pre-0.64 docker-compose proxy (nginx basic auth). */
  | { mode: 'basic'; username: string; password: string }
  /** A ready-made bearer token; the client cannot renew it. */
  | { mode: 'bearer'; token: string }
  /** abctl / Helm / Cloud applications: exchanged for a short-lived token at `applications/token`. */
  | { mode: 'client-credentials'; clientId: string; clientSecret: string };

export type AuthMode = AuthConfig['mode'];

/** Backoff for retried calls: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))]. */
export interface RetryOptions {
  /** Total tries of one call, the first included (1 = never retry). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Everything `createClient` needs. Only `baseUrl` and `auth` are required; the rest has safe defaults. */
export interface ClientOptions {
  /** The Airbyte URL; normalized to the Config API root ending in `/api/v1` (see `normalizeBaseUrl`). */
  baseUrl: string;
  auth: AuthConfig;
  /**
   * The whole URL client credentials are exchanged at for a token (Airbyte Cloud:
   * `https://api.airbyte.com/v1/applications/token`, on another host than the API); default
   * `<baseUrl>/applications/token`. Only client credentials use it.
   */
  tokenUrl?: string;
  /** Per-request timeout for ordinary calls, in ms (default 60 s). */
  timeoutMs?: number;
  /** Per-request timeout for calls that run a connector job (check, discover), in ms (default 10 min). */
  jobTimeoutMs?: number;
  retry?: RetryOptions;
  /** Receives one line per HTTP call and per retry; never headers or bodies. */
  debug?: (line: string) => void;
  userAgent?: string;
  /** Most sockets kept open to the server (default 16; apply asks for its --parallelism when that is more). */
  maxConnections?: number;
  /** Largest answer body the client reads, in bytes (default 64 MiB); a longer answer is an error. */
  maxAnswerBytes?: number;
  /** Receives warnings about the connection (credentials over plain http); default: stderr. */
  warn?: (message: string) => void;
  /** Pages read of one paginated list before giving up (default 1000). */
  maxPages?: number;
  /** Test hook: how the client waits between retries (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
  /** Test hook: the clock, in ms since the epoch (token renewal, call timing). */
  now?: () => number;
  /** Test hook: a random number in [0, 1) for the backoff jitter. */
  random?: () => number;
}

/** Per-client count of HTTP requests sent (retries and token requests included), for benchmarks. */
export interface ClientStats {
  calls: number;
  /** Requests per call name, e.g. `{ 'sources/list': 3 }`. */
  byCall: Record<string, number>;
}

/** `GET /v1/health`. */
export interface HealthCheckRead {
  available: boolean;
}

/** `applications/token` answer: abctl/OSS sends only `access_token`; Cloud adds `token_type` and `expires_in`. */
export interface AccessTokenResponse {
  access_token: string;
  token_type?: string;
  /** Lifetime in seconds. */
  expires_in?: number;
}

/** `source_definitions/list_for_workspace` / `destination_definitions/list_for_workspace` answers. */
export interface SourceDefinitionReadList {
  sourceDefinitions: SourceDefinitionRead[];
}
export interface DestinationDefinitionReadList {
  destinationDefinitions: DestinationDefinitionRead[];
}

/** `sources/discover_schema` request. Note the snake_case `disable_cache`, as on the real server. */
export interface SourceDiscoverSchemaRequest {
  sourceId: string;
  connectionId?: string;
  disable_cache?: boolean;
}
