/**
 * `request(call, body, {resource})`: the transport plus authentication. Every typed method goes through here, so
 * auth headers, retries, token renewal, error mapping and debug logging happen the same way for every call.
 */
import { GitopsError } from '../errors.js';
import { isLoopbackHost } from '../util/loopback.js';
import { authSecrets, staticAuthorization, TokenSource } from './auth.js';
import { normalizeBaseUrl, normalizeTokenUrl } from './options.js';
import { CALL_KINDS, DEFAULT_RETRY, type Call } from './retry.js';
import { Transport } from './transport.js';
import type { AccessTokenResponse, AuthConfig, ClientOptions, ClientStats } from './types.js';

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_JOB_TIMEOUT_MS = 600_000;
/** Far above any real answer (a discovered catalog of thousands of streams is a few MiB), far below running out of memory. */
export const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024;
/** Sockets to the server at most, unless the caller asks for more (apply asks for one per operation in flight). */
export const DEFAULT_MAX_CONNECTIONS = 16;

/** Per-call details a caller may give. */
export interface RequestOptions {
  /** A label for messages, such as `source 'PostgreSQL - Ecommerce'`. */
  resource?: string;
}

export class ApiCore {
  readonly baseUrl: string;
  /** Where client credentials are exchanged for a token. */
  readonly tokenUrl: string;
  private readonly transport: Transport;
  /** The token endpoint's own transport (its own host and sockets), when it is not beside the API. */
  private readonly tokenTransport: Transport | undefined;
  private readonly auth: AuthConfig;
  private readonly tokens: TokenSource | undefined;
  private readonly secrets: Set<string>;
  private readonly timeoutMs: number;
  private readonly jobTimeoutMs: number;

  constructor(options: ClientOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.auth = options.auth;
    this.secrets = new Set(authSecrets(options.auth));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.jobTimeoutMs = Math.max(options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS, this.timeoutMs);
    const now = options.now ?? Date.now;
    const settings = {
      baseUrl: this.baseUrl,
      authMode: options.auth.mode,
      retry: options.retry ?? DEFAULT_RETRY,
      userAgent: options.userAgent ?? 'airbyte-gitops',
      maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
      debug: options.debug,
      sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
      now,
      random: options.random ?? Math.random,
      secrets: this.secrets,
      maxAnswerBytes: options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES,
    };
    this.transport = new Transport(settings);
    const besideApi = `${this.baseUrl}/applications/token`;
    const credentials = options.auth.mode === 'client-credentials';
    this.tokenUrl = credentials && options.tokenUrl !== undefined ? normalizeTokenUrl(options.tokenUrl) : besideApi;
    // One token request per renewal: two sockets are plenty.
    this.tokenTransport =
      this.tokenUrl === besideApi ? undefined : new Transport({ ...settings, baseUrl: this.tokenUrl, maxConnections: 2, tokenEndpoint: true });
    const warn = options.warn ?? ((message: string) => process.stderr.write(`warning: ${message}\n`));
    if (options.auth.mode !== 'none' && sendsInClear(this.baseUrl)) {
      warn(
        `${this.baseUrl} is plain http:// to another machine: the credentials (${options.auth.mode}) and every secret in ` +
          'the pipeline travel unencrypted. Use https://.',
      );
    }
    // The token URL on the API's host is covered by the warning above; on any other host it gets its own.
    if (this.tokenTransport !== undefined && sendsInClear(this.tokenUrl) && !(sendsInClear(this.baseUrl) && sameHost(this.baseUrl, this.tokenUrl))) {
      warn(
        `${this.tokenUrl} (AIRBYTE_TOKEN_URL) is plain http:// to another machine: the client id and secret ` +
          '(AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET) travel unencrypted. Use https://.',
      );
    }
    this.tokens = options.auth.mode === 'client-credentials' ? new TokenSource(() => this.requestToken(), now) : undefined;
  }

  /** Sends one call with auth; with client credentials, a 401 renews the token and sends the call once more. */
  async request<T>(call: Call, body: unknown, options: RequestOptions = {}): Promise<T> {
    const token = this.tokens === undefined ? undefined : await this.tokens.token();
    try {
      return (await this.send(call, body, options, token)) as T;
    } catch (error) {
      // A 401 means the server did nothing, so even a create may be sent again with a fresh token.
      if (this.tokens === undefined || token === undefined || !isUnauthorized(error)) throw error;
      this.tokens.invalidate(token);
      return (await this.send(call, body, options, await this.tokens.token())) as T;
    }
  }

  /** Values to scrub from server messages from now on (e.g. the secret values of the pipeline being applied). */
  addSecrets(values: Iterable<string>): void {
    for (const value of values) this.secrets.add(value);
  }

  stats(): ClientStats {
    const api = this.transport.stats();
    if (this.tokenTransport === undefined) return api;
    const token = this.tokenTransport.stats();
    const byCall = { ...api.byCall };
    for (const [call, count] of Object.entries(token.byCall)) byCall[call] = (byCall[call] ?? 0) + count;
    return { calls: api.calls + token.calls, byCall };
  }

  async close(): Promise<void> {
    await Promise.all([this.transport.close(), this.tokenTransport?.close()]);
  }

  private send(call: Call, body: unknown, options: RequestOptions, token: string | undefined): Promise<unknown> {
    const kind = CALL_KINDS[call];
    return this.transport.send(call, body, {
      kind,
      resource: options.resource,
      method: call === 'health' ? 'GET' : 'POST',
      authorization: token === undefined ? staticAuthorization(this.auth) : `Bearer ${token}`,
      timeoutMs: kind === 'job' ? this.jobTimeoutMs : this.timeoutMs,
    });
  }

  private async requestToken(): Promise<AccessTokenResponse> {
    if (this.auth.mode !== 'client-credentials') throw new Error('requestToken needs client credentials');
    // The Config API's own endpoint reads `grant_type`; a token URL of its own is the public API's
    // (`https://api.airbyte.com/v1/applications/token`), whose request names it `grant-type`.
    const grant = this.tokenTransport === undefined ? { grant_type: 'client_credentials' } : { 'grant-type': 'client_credentials' };
    const body = { client_id: this.auth.clientId, client_secret: this.auth.clientSecret, ...grant };
    const answer = await (this.tokenTransport ?? this.transport).send('applications/token', body, {
      kind: CALL_KINDS['applications/token'],
      resource: 'client credentials (AIRBYTE_CLIENT_ID)',
      method: 'POST',
      authorization: undefined,
      timeoutMs: this.timeoutMs,
    });
    const token = (answer as Partial<AccessTokenResponse> | undefined)?.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new GitopsError('AUTH_FAILED', `applications/token: ${this.tokenUrl} answered without an access_token`, {
        meta: { call: 'applications/token', url: this.tokenUrl },
        hint:
          this.tokenTransport === undefined
            ? 'check that AIRBYTE_URL points at an Airbyte with authentication enabled.'
            : 'check that AIRBYTE_TOKEN_URL is the token endpoint of the Airbyte that AIRBYTE_URL names.',
      });
    }
    this.secrets.add(token);
    return answer as AccessTokenResponse;
  }
}

/** True for http:// to a host other than this machine (loopback traffic never leaves it). */
function sendsInClear(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:') return false;
  return !isLoopbackHost(url.hostname);
}

function sameHost(left: string, right: string): boolean {
  return new URL(left).host === new URL(right).host;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof GitopsError && error.code === 'AUTH_FAILED' && error.status === 401;
}
