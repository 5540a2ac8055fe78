/**
 * The Airbyte Config API client every command uses. `clientOptionsFromEnv(process.env, flags)` then
 * `createClient(options)`; every failure is a GitopsError (API_ERROR, AUTH_FAILED or NETWORK) with a typed `status` (when the server
 * answered) and `ambiguous`, and free-form `meta` `{ call, resource, serverMessage, errorId }`. `ambiguous: true`
 * on a create means the server may have acted: look (list by name) before trying again.
 */
import { AirbyteClient } from './client.js';
import type { ClientOptions } from './types.js';

export { AirbyteClient, DEFAULT_MAX_PAGES, LIST_PAGE_SIZE } from './client.js';
export { DEFAULT_MAX_CONNECTIONS, type RequestOptions } from './core.js';
export {
  clientOptionsFromEnv,
  maxAttemptsFromEnv,
  authFromEnv,
  normalizeBaseUrl,
  normalizeTokenUrl,
  DEFAULT_URL,
  CLOUD_URL,
  CLOUD_TOKEN_URL,
} from './options.js';
export { CALL_KINDS, RETRY_RULES, DEFAULT_RETRY, DEFAULT_MAX_ATTEMPTS, type Call, type CallKind, type FailureClass } from './retry.js';
export type * from './types.js';

/** A client for one Airbyte server. Call `close()` when done so kept-alive sockets do not hold the process. */
export function createClient(options: ClientOptions): AirbyteClient {
  return new AirbyteClient(options);
}
