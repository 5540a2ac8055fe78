/**
 * The one place an HTTP request is made: JSON in and out, per-request timeout, retries by the policy in
 * `retry.ts`, error mapping, debug lines and the request counter. Node's own `http` / `https` with a keep-alive
 * agent per transport, so sockets are reused and their number is bounded; it costs a quarter of the CPU per call of
 * the global `fetch` (measured against the emulator), which is what bounds a large apply. Redirects are never
 * followed (this module never follows anything), and a compressed answer is decoded as it is counted.
 */
import http from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { GitopsError } from '../errors.js';
import { checkAnswer } from './answers.js';
import type { CallContext } from './errors.js';
import { describeErrorBody, urlHint, httpError, networkError, redact, redirectError, retryLaterError, tooLargeError } from './errors.js';
import {
  backoffDelay,
  classifyNetworkError,
  classifyStatus,
  errorCode,
  parseRetryAfter,
  RETRY_AFTER_CAP_MS,
  RETRY_RULES,
  type CallKind,
  type FailureClass,
} from './retry.js';
import type { ClientStats, RetryOptions } from './types.js';

/** One call as the transport sees it. */
export interface SendOptions {
  kind: CallKind;
  resource: string | undefined;
  method: 'GET' | 'POST';
  /** The Authorization header value, if any. */
  authorization: string | undefined;
  timeoutMs: number;
}

/** Settings fixed for the life of a transport. */
export interface TransportSettings {
  baseUrl: string;
  authMode: CallContext['authMode'];
  retry: RetryOptions;
  userAgent: string;
  maxConnections: number;
  debug: ((line: string) => void) | undefined;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  /** Largest answer body read, in bytes; reading stops past it. */
  maxAnswerBytes: number;
  /** Values to scrub from every server message before it reaches an error. */
  secrets: Set<string>;
  /**
   * A transport of the token endpoint alone (AIRBYTE_TOKEN_URL, another URL than the API's): `baseUrl` is then the
   * whole URL every call is posted to, and messages name it as the token endpoint.
   */
  tokenEndpoint?: boolean;
}

/** An attempt that failed in a way the retry policy decides about. */
interface Failed {
  ok: false;
  failure: FailureClass;
  status?: number;
  text?: string;
  retryAfterMs?: number;
  error?: unknown;
}

type Outcome =
  | { ok: true; status: number; text: string }
  | Failed
  /** An answer that no retry can fix (a redirect): the error to throw as it is. */
  | { ok: false; final: GitopsError };

export class Transport {
  private agent: http.Agent | undefined;
  private readonly counts = new Map<string, number>();
  private readonly urls = new Map<string, URL>();

  constructor(private readonly settings: TransportSettings) {}

  /** The socket pool, made on first use: at most `maxConnections` sockets to the server, kept alive between calls. */
  private pool(secure: boolean): http.Agent {
    this.agent ??= new (secure ? https.Agent : http.Agent)({
      keepAlive: true,
      maxSockets: this.settings.maxConnections,
      maxTotalSockets: this.settings.maxConnections,
      keepAliveMsecs: 30_000,
    });
    return this.agent;
  }

  /** Sends a call, retrying as the policy allows; resolves to the parsed JSON answer (undefined for 204), its shape checked. */
  async send(call: string, body: unknown, options: SendOptions): Promise<unknown> {
    const context: CallContext = {
      call,
      resource: options.resource,
      baseUrl: this.settings.baseUrl,
      authMode: this.settings.authMode,
      ...(this.settings.tokenEndpoint === true ? { tokenEndpoint: true } : {}),
    };
    const { maxAttempts } = this.settings.retry;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(context, body, options);
      if (!outcome.ok && 'final' in outcome) throw outcome.final;
      if (outcome.ok) {
        const answer = parseAnswer(context, outcome.status, outcome.text, options.kind === 'unsafe');
        checkAnswer(context, outcome.status, answer, options.kind === 'unsafe');
        return answer;
      }
      // A delete repeated after a lost answer finds the object gone: the first attempt did the work.
      if (outcome.status === 404 && attempt > 1 && call.endsWith('/delete')) return undefined;
      const action = RETRY_RULES[outcome.failure][options.kind];
      if (action === 'retry' && outcome.retryAfterMs !== undefined && outcome.retryAfterMs > RETRY_AFTER_CAP_MS) {
        // Waiting an hour in CI helps nobody, and three such waits even less: say when to come back.
        throw retryLaterError(context, outcome.status ?? 0, outcome.retryAfterMs, this.settings.now(), RETRY_AFTER_CAP_MS);
      }
      if (action === 'retry' && attempt < maxAttempts) {
        const delay = outcome.retryAfterMs ?? backoffDelay(attempt, this.settings.retry, this.settings.random);
        this.log(`retry ${attempt + 1}/${maxAttempts} of ${call} after ${outcome.status ?? outcome.failure} in ${delay}ms`);
        await this.settings.sleep(delay);
        continue;
      }
      throw this.failure(context, outcome, action === 'ambiguous', options.timeoutMs);
    }
  }

  /** The URL of a call, parsed once per call name (thousands of creates share a handful of them). */
  private urlOf(call: string): URL {
    let url = this.urls.get(call);
    if (url === undefined) {
      url = new URL(this.settings.tokenEndpoint === true ? this.settings.baseUrl : `${this.settings.baseUrl}/${call}`);
      this.urls.set(call, url);
    }
    return url;
  }

  stats(): ClientStats {
    const byCall = Object.fromEntries(this.counts);
    return { calls: [...this.counts.values()].reduce((sum, n) => sum + n, 0), byCall };
  }

  async close(): Promise<void> {
    this.agent?.destroy();
    this.agent = undefined;
  }

  private async attempt(context: CallContext, body: unknown, options: SendOptions): Promise<Outcome> {
    const { call } = context;
    const url = this.urlOf(call);
    const started = this.settings.now();
    this.counts.set(call, (this.counts.get(call) ?? 0) + 1);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br',
      'user-agent': this.settings.userAgent,
    };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    if (options.authorization !== undefined) headers.authorization = options.authorization;
    // For the debug lines. A token endpoint of its own is named whole: it is usually on another host.
    const path = this.settings.tokenEndpoint === true ? this.settings.baseUrl : url.pathname;
    try {
      const response = await this.exchange(url, options, headers, payload);
      if (isRedirect(response.status)) {
        response.body.destroy();
        this.log(`${options.method} ${path} ${response.status} ${this.settings.now() - started}ms`);
        return { ok: false, final: redirectError(context, response.status, this.redacted(response.header('location'))) };
      }
      const text = await readCapped(response, this.settings.maxAnswerBytes);
      this.log(`${options.method} ${path} ${response.status} ${this.settings.now() - started}ms`);
      const ok = response.status >= 200 && response.status < 300;
      if (text === undefined) {
        // A create answered 2xx did happen, however large its answer.
        const ambiguous = ok && options.kind === 'unsafe';
        return { ok: false, final: tooLargeError(context, response.status, this.settings.maxAnswerBytes, ambiguous) };
      }
      if (ok) return { ok: true, status: response.status, text };
      const retryAfterMs = parseRetryAfter(response.header('retry-after'), this.settings.now());
      return { ok: false, failure: classifyStatus(response.status), status: response.status, text, retryAfterMs };
    } catch (error) {
      const failure = classifyNetworkError(error);
      this.log(`${options.method} ${path} ${failure === 'timeout' ? 'timeout' : (errorCode(error) ?? 'network error')} ${this.settings.now() - started}ms`);
      return { ok: false, failure, error };
    }
  }

  /**
   * Sends one request and resolves with the status, headers and the body stream once the answer's head arrived.
   * The timeout covers the whole exchange, the body included (`readCapped` runs under it too): past it the request
   * is destroyed with a TimeoutError.
   */
  private exchange(url: URL, options: SendOptions, headers: Record<string, string>, payload: string | undefined): Promise<Answer> {
    const secure = url.protocol === 'https:';
    return new Promise<Answer>((resolve, reject) => {
      const request = (secure ? https : http).request(url, { method: options.method, headers, agent: this.pool(secure) });
      let timedOut: Error | undefined;
      const timer = setTimeout(() => {
        timedOut = new Error(`no answer within ${options.timeoutMs} ms`);
        timedOut.name = 'TimeoutError';
        request.destroy(timedOut);
      }, options.timeoutMs);
      timer.unref?.();
      // A server that is down (or a host that drops packets) fails fast and is retried, without holding the call for
      // the whole timeout: the connection itself gets ten seconds.
      request.once('socket', (socket) => {
        if (!socket.connecting) return;
        const connecting = setTimeout(() => request.destroy(Object.assign(new Error('connection timed out'), { code: 'CONNECT_TIMEOUT' })), CONNECT_TIMEOUT_MS);
        socket.once('connect', () => clearTimeout(connecting));
        socket.once('close', () => clearTimeout(connecting));
      });
      request.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.once('response', (incoming) => {
        incoming.once('end', () => clearTimeout(timer));
        incoming.once('close', () => clearTimeout(timer));
        resolve({
          status: incoming.statusCode ?? 0,
          header: (name) => {
            const value = incoming.headers[name];
            return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
          },
          body: incoming,
          request,
          timedOut: () => timedOut,
        });
      });
      request.end(payload);
    });
  }

  private failure(context: CallContext, outcome: Failed, ambiguous: boolean, timeoutMs: number) {
    if (outcome.status === undefined) return networkError(context, outcome.failure, outcome.error, { timeoutMs, ambiguous });
    const text = outcome.text ?? '';
    return httpError(context, outcome.status, describeErrorBody(text, this.settings.secrets), ambiguous, text.trim().startsWith('<'));
  }

  private redacted(text: string | null): string | null {
    return text === null ? null : redact(text, this.settings.secrets);
  }

  private log(line: string): void {
    this.settings.debug?.(redact(line, this.settings.secrets));
  }
}

/** How long opening a connection may take before the call counts as not sent (and is retried). */
const CONNECT_TIMEOUT_MS = 10_000;

/** An answer's head, and its body as it arrives. */
interface Answer {
  status: number;
  header(name: string): string | null;
  body: http.IncomingMessage;
  request: http.ClientRequest;
  /** The timeout's error, once the exchange ran out of time. */
  timedOut(): Error | undefined;
}

/** The body, decoded as the server's content-encoding says. */
function decoded(answer: Answer): Readable {
  const encoding = (answer.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return answer.body.pipe(createGunzip());
  if (encoding === 'deflate') return answer.body.pipe(createInflate());
  if (encoding === 'br') return answer.body.pipe(createBrotliDecompress());
  return answer.body;
}

/** The body as text, or undefined once it is longer than `cap` bytes (declared or read): reading stops there. */
async function readCapped(answer: Answer, cap: number): Promise<string | undefined> {
  const declared = Number(answer.header('content-length') ?? 0);
  if (declared > cap) {
    answer.request.destroy();
    return undefined;
  }
  const stream = decoded(answer);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      total += bytes.byteLength;
      if (total > cap) {
        answer.request.destroy();
        stream.destroy();
        return undefined;
      }
      chunks.push(bytes);
    }
  } catch (error) {
    // A body cut off by the timeout or the server is a failure of the call, not a short answer.
    throw answer.timedOut() ?? error;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

function parseAnswer(context: CallContext, status: number, text: string, ambiguous: boolean): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Typically the web app answering at a URL that is not the API root.
    const what = text.trim().startsWith('<') ? 'an HTML page' : 'something that is not JSON';
    throw new GitopsError('API_ERROR', `${context.call}: the server at ${context.baseUrl} answered HTTP ${status} with ${what}`, {
      meta: { call: context.call, resource: context.resource },
      status,
      ambiguous,
      hint: urlHint(context),
    });
  }
}
