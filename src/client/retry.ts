/**
 * When a failed call may be sent again, as data: every call has a kind, every failure a class, and one table says
 * what each kind does with each class. The rule that matters most: a call that is not idempotent (a create, a
 * sync) is sent again only when the server certainly did not act on it; otherwise the caller gets an error marked
 * `ambiguous` and must look before it tries again (apply re-lists by name and adopts what it finds).
 */
import type { RetryOptions } from './types.js';

/** How safe it is to send a call twice. */
export type CallKind =
  /** Lists, gets, health: no effect on the server. */
  | 'read'
  /** check / discover: no lasting effect, but each one runs a connector job that can take minutes. */
  | 'job'
  /** update, delete, cancel: sending twice leaves the same state as sending once. */
  | 'idempotent'
  /** create, sync, reset: sending twice makes two objects or two jobs. */
  | 'unsafe';

/** Every call the client makes, with its kind. The client can make no call that is missing here. */
export const CALL_KINDS = {
  health: 'read',
  'applications/token': 'read', // a second token does no harm
  'workspaces/list': 'read',
  'workspaces/list_by_organization_id': 'read',
  'workspaces/get': 'read',
  'workspaces/get_by_slug': 'read',
  'source_definitions/list_for_workspace': 'read',
  'source_definitions/get': 'read',
  'destination_definitions/list_for_workspace': 'read',
  'destination_definitions/get': 'read',
  'source_definition_specifications/get': 'read',
  'destination_definition_specifications/get': 'read',
  'sources/create': 'unsafe',
  'sources/update': 'idempotent', // a full replacement: the same body twice gives the same source
  'sources/get': 'read',
  'sources/list': 'read',
  'sources/delete': 'idempotent',
  'sources/check_connection': 'job',
  'sources/check_connection_for_update': 'job',
  'sources/discover_schema': 'job',
  'scheduler/sources/check_connection': 'job', // a check of a configuration not stored yet
  'scheduler/sources/discover_schema': 'job', // discovery of a configuration not stored yet: nothing is created
  'destinations/create': 'unsafe',
  'destinations/update': 'idempotent',
  'destinations/get': 'read',
  'destinations/list': 'read',
  'destinations/delete': 'idempotent',
  'destinations/check_connection': 'job',
  'destinations/check_connection_for_update': 'job',
  'scheduler/destinations/check_connection': 'job',
  'connections/create': 'unsafe',
  'connections/update': 'idempotent', // a patch of absolute values, so repeating it changes nothing more
  'connections/get': 'read',
  'connections/list': 'read',
  'connections/delete': 'idempotent',
  'connections/sync': 'unsafe', // a second sync is a second job
  'connections/reset': 'unsafe', // a second reset is a second job
  'jobs/get': 'read',
  'jobs/get_without_logs': 'read',
  'jobs/list': 'read',
  'jobs/cancel': 'idempotent',
  'state/get': 'read',
  'state/create_or_update_safe': 'idempotent', // writing the same state twice leaves the same state
} as const satisfies Record<string, CallKind>;

/** The name of a Config API call: the path under `/api/v1`. */
export type Call = keyof typeof CALL_KINDS;

/** What went wrong with one attempt, as far as sending it again is concerned. */
export type FailureClass =
  /** Refused, host not found, connect timeout: the request never reached the server. */
  | 'not-sent'
  /** 429: the server turned the request away before doing anything. */
  | 'rate-limited'
  /** 502 / 503 / 504: a proxy or an overloaded server; the request may or may not have been processed. */
  | 'unavailable'
  /** No answer within the timeout: the request may have been processed. */
  | 'timeout'
  /** The connection dropped after the request was (maybe) sent. */
  | 'dropped'
  /** Any other 5xx. On Airbyte these are mostly deterministic (failed require()/check()), so repeating is futile. */
  | 'server-error'
  /** 4xx other than 429: the request itself is wrong; repeating cannot help. */
  | 'client-error'
  /** The server's TLS certificate was not accepted: nothing was sent, and sending again gets the same certificate. */
  | 'tls';

/** What to do after a failure: try again, give up, or give up saying the server may have acted. */
export type RetryAction = 'retry' | 'fail' | 'ambiguous';

/** The policy. Rows are failure classes, columns call kinds. */
export const RETRY_RULES: Record<FailureClass, Record<CallKind, RetryAction>> = {
  // Nothing reached the server, so even a create is safe to send again.
  'not-sent': { read: 'retry', job: 'retry', idempotent: 'retry', unsafe: 'retry' },
  // 429 means "not processed, come back later" (honouring Retry-After).
  'rate-limited': { read: 'retry', job: 'retry', idempotent: 'retry', unsafe: 'retry' },
  // A gateway error may hide a request the server did process: safe to repeat only what is idempotent.
  unavailable: { read: 'retry', job: 'retry', idempotent: 'retry', unsafe: 'ambiguous' },
  // A job call that timed out would only start another job as long as the first one.
  timeout: { read: 'retry', job: 'fail', idempotent: 'retry', unsafe: 'ambiguous' },
  dropped: { read: 'retry', job: 'retry', idempotent: 'retry', unsafe: 'ambiguous' },
  // Not worth repeating, but a create may have written its row before the error.
  'server-error': { read: 'fail', job: 'fail', idempotent: 'fail', unsafe: 'ambiguous' },
  'client-error': { read: 'fail', job: 'fail', idempotent: 'fail', unsafe: 'fail' },
  tls: { read: 'fail', job: 'fail', idempotent: 'fail', unsafe: 'fail' },
};

/**
 * Tries of one call, the first included, unless AIRBYTE_MAX_ATTEMPTS says otherwise. apply gives a create whose
 * answer was lost the same number of tries (each after looking by name), so one setting bounds both.
 */
export const DEFAULT_MAX_ATTEMPTS = 4;

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: DEFAULT_MAX_ATTEMPTS, baseDelayMs: 500, maxDelayMs: 10_000 };

/** Longest Retry-After the client waits; a server asking for more fails the call at once, saying when to retry. */
export const RETRY_AFTER_CAP_MS = 60_000;

/** The failure class of an HTTP status that is not a success. */
export function classifyStatus(status: number): FailureClass {
  if (status === 429) return 'rate-limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'server-error';
  return 'client-error';
}

/** Error codes (Node's sockets, DNS) meaning the connection was never made, so the request was never sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'CONNECT_TIMEOUT']);

/** The first `code` found on an error or along its `cause` chain. */
export function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Object && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What each certificate error of Node's TLS means, as the end of "the server's TLS certificate …". */
export const TLS_CERT_PROBLEMS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'is signed by a certificate authority that is not trusted (a self-signed root in the chain)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'cannot be verified: its issuer is not trusted or the server does not send the intermediate certificates',
  UNABLE_TO_GET_ISSUER_CERT: 'cannot be verified: its issuer certificate is unknown',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'is signed by a certificate authority that is not trusted here',
  CERT_UNTRUSTED: 'is not trusted',
  CERT_HAS_EXPIRED: 'has expired',
  CERT_NOT_YET_VALID: 'is not valid yet',
  CERT_REVOKED: 'has been revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'does not name this host',
};

/** The failure class of an error thrown by fetch. */
export function classifyNetworkError(error: unknown): FailureClass {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  const code = errorCode(error);
  if (code !== undefined && NOT_SENT_CODES.has(code)) return 'not-sent';
  if (code !== undefined && Object.hasOwn(TLS_CERT_PROBLEMS, code)) return 'tls';
  return 'dropped';
}

/** Retry-After in ms: either delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - nowMs;
  if (Number.isNaN(ms)) return undefined;
  return Math.max(ms, 0);
}

/** Exponential backoff with full jitter for the wait before attempt `attempt + 1`. */
export function backoffDelay(attempt: number, retry: RetryOptions, random: () => number): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
