/**
 * Turning a failed call into the one error type. Whatever the server sent (`{message}`, `{errorId}` only, problem
 * JSON, an HTML page from a proxy, nothing), the user gets one line naming the call, the resource and what the
 * server said, plus a hint about what to do. Request bodies are never looked at here: they hold secrets.
 */
import { STATUS_CODES } from 'node:http';
import { GitopsError } from '../errors.js';
import { redact } from '../secrets/redact.js';
import { errorCode, TLS_CERT_PROBLEMS, type FailureClass } from './retry.js';
import type { AuthMode } from './types.js';

const MAX_MESSAGE = 300;

/** What the server said in an error body, reduced to one short line (and its error id when it gave one). */
export interface ServerMessage {
  message: string;
  errorId: string | undefined;
}

/**
 * The first line of `text`, cut to MAX_MESSAGE, with the known secrets redacted FIRST: a secret cut in half at
 * the limit (or at a line break inside it) would no longer be recognized, and its first half would be printed.
 */
function firstLine(text: string, secrets: Iterable<string>): string {
  const line = redact(text, secrets).trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function describeJson(body: Record<string, unknown>, secrets: Iterable<string>): ServerMessage {
  const errorId = stringField(body, 'errorId');
  const message = stringField(body, 'message') ?? stringField(body, 'error');
  if (message !== undefined) return { message: firstLine(message, secrets), errorId };
  // RFC 9457 problem JSON (schedule validation, locked connections, the public API).
  const title = stringField(body, 'title');
  const detail = stringField(body, 'detail');
  if (title !== undefined || detail !== undefined) {
    return { message: firstLine([title, detail].filter((part) => part !== undefined).join(': '), secrets), errorId };
  }
  const noDetails = 'the server gave no details';
  return { message: errorId === undefined ? noDetails : `${noDetails}; error id ${errorId}`, errorId };
}

function describeHtml(text: string, secrets: Iterable<string>): string {
  const heading = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(text)?.[1];
  return heading === undefined || heading.trim() === '' ? 'an HTML page' : `an HTML page: ${firstLine(heading, secrets)}`;
}

/**
 * Reads an error body of any shape, reduced to one short line with every known secret redacted (before it is
 * shortened, so no part of a secret survives the cut).
 */
export function describeErrorBody(text: string, secrets: Iterable<string>): ServerMessage {
  const trimmed = text.trim();
  if (trimmed === '') return { message: 'an empty response', errorId: undefined };
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed !== null && typeof parsed === 'object') return describeJson(parsed as Record<string, unknown>, secrets);
    } catch {
      // Not JSON after all: described as text below.
    }
  }
  if (trimmed.startsWith('<')) return { message: describeHtml(trimmed, secrets), errorId: undefined };
  return { message: firstLine(trimmed, secrets), errorId: undefined };
}

/** The client redacts with the project's one rule (see secrets/redact.ts); re-exported for the transport. */
export { redact } from '../secrets/redact.js';

/** The call and resource a failure belongs to, for messages and `meta`. */
export interface CallContext {
  call: string;
  /** A label such as `source 'PostgreSQL - Ecommerce'`, when the caller gave one. */
  resource: string | undefined;
  baseUrl: string;
  authMode: AuthMode;
  /** The call went to a token endpoint of its own (AIRBYTE_TOKEN_URL), `baseUrl` being its whole URL. */
  tokenEndpoint?: boolean;
}

function subject(context: CallContext): string {
  return context.resource === undefined ? context.call : `${context.call} for ${context.resource}`;
}

/** What a network problem names: Airbyte at the API URL, or the token endpoint. */
function target(context: CallContext): string {
  return context.tokenEndpoint === true ? `the token endpoint ${context.baseUrl}` : `Airbyte at ${context.baseUrl}`;
}

/** The hint when AIRBYTE_TOKEN_URL is the likely problem. */
export const TOKEN_URL_HINT =
  'is AIRBYTE_TOKEN_URL right? It must be the whole URL of the token endpoint of the Airbyte that AIRBYTE_URL names ' +
  '(Airbyte Cloud: https://api.airbyte.com/v1/applications/token, which AIRBYTE_URL=cloud sets for you).';

const AUTH_HINTS: Record<AuthMode, string> = {
  none:
    'this Airbyte requires authentication and none was configured. Set AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET ' +
    '(abctl: `abctl local credentials` prints them), or AIRBYTE_TOKEN; for an old docker-compose Airbyte behind ' +
    'its proxy, AIRBYTE_USERNAME and AIRBYTE_PASSWORD.',
  basic:
    'AIRBYTE_USERNAME / AIRBYTE_PASSWORD were rejected. Airbyte 0.64 and later (abctl, Helm) has no basic auth: ' +
    'set AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET instead (`abctl local credentials` prints them).',
  bearer:
    'the token in AIRBYTE_TOKEN was rejected or has expired. Get a new one, or set AIRBYTE_CLIENT_ID and ' +
    'AIRBYTE_CLIENT_SECRET (and unset AIRBYTE_TOKEN) so the tool renews tokens itself.',
  'client-credentials':
    'AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET were rejected, or the token they gave was. Check them ' +
    '(abctl: `abctl local credentials`; Airbyte Cloud: User settings → Applications, with AIRBYTE_URL=cloud).',
};

const AUTH_MODE_NAMES: Record<AuthMode, string> = {
  none: 'no authentication',
  basic: 'basic auth (AIRBYTE_USERNAME)',
  bearer: 'a bearer token (AIRBYTE_TOKEN)',
  'client-credentials': 'client credentials (AIRBYTE_CLIENT_ID)',
};

/** The hint for a web page where the API should answer: the URL points at the web app or another web server. */
export const API_URL_HINT = 'point --url or AIRBYTE_URL at the Airbyte Config API, e.g. http://localhost:8000/api/v1.';

/** The hint for an answer that shows the URL is not what it should be. */
export function urlHint(context: CallContext): string {
  return context.tokenEndpoint === true ? TOKEN_URL_HINT : API_URL_HINT;
}

/** Statuses whose HTML page comes from a proxy in front of a working URL, so the URL is not the likely problem. */
const PROXY_STATUSES = new Set([401, 403, 429, 502, 503, 504]);

/**
 * The error for an HTTP answer that is not a success. `html`: the body was a web page, which the Config API never
 * sends; on a 404 or 501 that means --url points at some other web server or the web app.
 */
export function httpError(context: CallContext, status: number, server: ServerMessage, ambiguous: boolean, html = false): GitopsError {
  const meta = { call: context.call, resource: context.resource, serverMessage: server.message, errorId: server.errorId };
  const statusText = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
  if ((status === 401 || status === 403) && context.tokenEndpoint === true) {
    return new GitopsError(
      'AUTH_FAILED',
      `${context.call}: the token endpoint ${context.baseUrl} refused the client credentials (${statusText}): ${server.message}`,
      {
        meta,
        status,
        hint:
          'check AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (Airbyte Cloud: User settings → Applications), and that ' +
          'AIRBYTE_TOKEN_URL is the token endpoint of the Airbyte that AIRBYTE_URL names.',
      },
    );
  }
  if (status === 401 || status === 403) {
    const refused = status === 401 ? 'was not authenticated' : 'was forbidden';
    const hint = status === 403 ? 'the credentials are valid but may not grant access to this workspace or call; ' : '';
    return new GitopsError('AUTH_FAILED', `${subject(context)} ${refused} (${statusText}, using ${AUTH_MODE_NAMES[context.authMode]}): ${server.message}`, {
      meta,
      status,
      hint: hint + AUTH_HINTS[context.authMode],
    });
  }
  if (ambiguous) {
    return new GitopsError('API_ERROR', `${subject(context)} failed with ${statusText} and may still have taken effect: ${server.message}`, {
      meta,
      status,
      ambiguous,
      hint: 'look before retrying: re-running apply finds what was created by name and adopts it.',
    });
  }
  if (context.tokenEndpoint === true) {
    // A token request never changes anything, and its URL is the likely mistake: name it and say what to check.
    return new GitopsError('API_ERROR', `${context.call}: the token endpoint ${context.baseUrl} failed with ${statusText}: ${server.message}`, {
      meta,
      status,
      ...(PROXY_STATUSES.has(status) ? {} : { hint: TOKEN_URL_HINT }),
    });
  }
  return new GitopsError('API_ERROR', `${subject(context)} failed with ${statusText}: ${server.message}`, {
    meta,
    status,
    ...(html && !PROXY_STATUSES.has(status) ? { hint: API_URL_HINT } : {}),
  });
}

/**
 * The error for a 3xx answer. Redirects are never followed: the request body (a password, a client secret) would
 * go to whatever host the `Location` names, and a create "answered" there would not have happened here.
 */
export function redirectError(context: CallContext, status: number, location: string | null): GitopsError {
  const statusText = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
  const target = location === null || location.trim() === '' ? 'no Location' : `'${location.trim()}'`;
  return new GitopsError('API_ERROR', `${subject(context)}: the server at ${context.baseUrl} answered ${statusText} to ${target}; redirects are not followed`, {
    meta: { call: context.call, resource: context.resource, location: location ?? undefined },
    status,
    hint:
      context.tokenEndpoint === true
        ? 'is AIRBYTE_TOKEN_URL right? If the token endpoint really is at the redirect target, set AIRBYTE_TOKEN_URL to ' +
          'that final URL. Nothing was sent to the other address.'
        : 'is --url / AIRBYTE_URL right? If Airbyte really lives at the redirect target, set AIRBYTE_URL to that final URL ' +
          '(e.g. https:// instead of http://). Nothing was sent to the other address.',
  });
}

/** The error for a 429 / 503 whose Retry-After is longer than the client waits: fail now, saying when to retry. */
export function retryLaterError(context: CallContext, status: number, retryAfterMs: number, nowMs: number, capMs: number): GitopsError {
  const statusText = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
  const at = new Date(nowMs + retryAfterMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return new GitopsError(
    'API_ERROR',
    `${subject(context)} failed with ${statusText}: the server asks to wait ${duration(retryAfterMs)} before trying again (until ${at}), longer than the ${duration(capMs)} the tool waits by itself`,
    {
      meta: { call: context.call, resource: context.resource, retryAfterMs, retryAt: at },
      status,
      hint: `run the command again after ${at}.`,
    },
  );
}

/** The error for an answer longer than the configured cap: reading stopped there, nothing of it is used. */
export function tooLargeError(context: CallContext, status: number, maxBytes: number, ambiguous: boolean): GitopsError {
  const what = `${subject(context)}: the answer from ${context.baseUrl} (HTTP ${status}) is larger than ${maxBytes} bytes; reading stopped there`;
  return new GitopsError('API_ERROR', ambiguous ? `${what}, and the call may still have taken effect` : what, {
    meta: { call: context.call, resource: context.resource, maxAnswerBytes: maxBytes },
    status,
    ambiguous,
    hint:
      context.tokenEndpoint === true
        ? TOKEN_URL_HINT
        : 'check that --url / AIRBYTE_URL points at the Airbyte Config API. If a workspace really is that large, raise ' + 'AIRBYTE_MAX_ANSWER_BYTES.',
  });
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10}s`;
  return ms < 7_200_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 3_600_000)} h`;
}

/** What happened, as a phrase naming the URL tried. */
function networkProblem(failure: FailureClass, error: unknown, context: CallContext, timeoutMs: number): string {
  const code = errorCode(error);
  const where = target(context);
  if (failure === 'timeout') return `no answer from ${where} within ${duration(timeoutMs)}`;
  if (code === 'ECONNREFUSED') return `could not connect to ${where} (connection refused)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `could not connect to ${where} (host not found)`;
  if (failure === 'tls' && code !== undefined)
    return `the server's TLS certificate at ${context.baseUrl} ${TLS_CERT_PROBLEMS[code] ?? 'was not accepted'} (${code})`;
  if (failure === 'not-sent') return `could not connect to ${where} (${code ?? 'unknown error'})`;
  const detail = code ?? (error instanceof Error ? error.message : 'unknown error');
  return `the connection to ${where} was dropped (${detail})`;
}

/** The error for a call that got no HTTP answer at all. */
export function networkError(context: CallContext, failure: FailureClass, cause: unknown, details: { timeoutMs: number; ambiguous: boolean }): GitopsError {
  const meta = { call: context.call, resource: context.resource, url: context.baseUrl };
  const where = `${subject(context)}: ${networkProblem(failure, cause, context, details.timeoutMs)}`;
  let hint: string;
  if (details.ambiguous) hint = 'the request may have been applied; re-running apply finds what was created by name and adopts it.';
  else if (failure === 'tls') {
    hint =
      'nothing was sent. If the certificate is your own (a private certificate authority or a self-signed one), let ' +
      'Node trust it: NODE_EXTRA_CA_CERTS=/path/to/ca.pem (PEM, read when the process starts). Otherwise fix the ' +
      "server's certificate" +
      (errorCode(cause) === 'ERR_TLS_CERT_ALTNAME_INVALID' ? ', or use in --url the host name the certificate was issued for.' : '.');
  } else if (failure === 'timeout')
    hint = 'the server is slow or stuck; raise AIRBYTE_TIMEOUT_MS (or AIRBYTE_JOB_TIMEOUT_MS for checks and discovery) if it is just slow.';
  else if (context.tokenEndpoint === true) hint = TOKEN_URL_HINT;
  else {
    hint =
      'is Airbyte running there? Set --url or AIRBYTE_URL to your Airbyte API (e.g. http://localhost:8000/api/v1), ' +
      'or start a local one with `airbyte-gitops emulator`.';
  }
  return new GitopsError('NETWORK', details.ambiguous ? `${where}; it may still have taken effect` : where, {
    meta,
    hint,
    cause,
    ambiguous: details.ambiguous,
  });
}
