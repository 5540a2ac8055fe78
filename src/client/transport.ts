/**
 * The one place an HTTP request is made: JSON in and out, per-request timeout, retries by the policy in
 * `retry.ts`, error mapping, debug lines and the request counter. Global `fetch` with an undici Agent as the
 * dispatcher, so sockets are kept alive and the number of connections is bounded. undici is loaded with the first
 * request: a command that makes none (or a test that only builds a client) does not pay for it.
 */
import type { Agent } from 'undici';
import { GitopsError } from '../errors.js';
import { checkAnswer } from './answers.js';
import type { CallContext } from './errors.js';
import { API_URL_HINT, describeErrorBody, httpError, networkError, redact, redirectError, retryLaterError, tooLargeError } from './errors.js';
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
  private agent: Promise<Agent> | undefined;
  private basePath: string | undefined;
  private readonly counts = new Map<string, number>();

  constructor(private readonly settings: TransportSettings) {}

  /** The socket pool, made on first use: at most `maxConnections` sockets to the server, kept alive between calls. */
  private dispatcher(): Promise<Agent> {
    this.agent ??= import('undici').then(
      ({ Agent }) =>
        new Agent({
          connections: this.settings.maxConnections,
          keepAliveTimeout: 30_000,
          // A server that is down should fail fast and be retried, not hold a call for the whole timeout.
          connect: { timeout: 10_000 },
        }),
    );
    return this.agent;
  }

  /** Sends a call, retrying as the policy allows; resolves to the parsed JSON answer (undefined for 204), its shape checked. */
  async send(call: string, body: unknown, options: SendOptions): Promise<unknown> {
    const context: CallContext = { call, resource: options.resource, baseUrl: this.settings.baseUrl, authMode: this.settings.authMode };
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

  stats(): ClientStats {
    const byCall = Object.fromEntries(this.counts);
    return { calls: [...this.counts.values()].reduce((sum, n) => sum + n, 0), byCall };
  }

  async close(): Promise<void> {
    if (this.agent !== undefined) await (await this.agent).close();
  }

  private async attempt(context: CallContext, body: unknown, options: SendOptions): Promise<Outcome> {
    const { call } = context;
    const url = `${this.settings.baseUrl}/${call}`;
    const dispatcher = await this.dispatcher();
    const started = this.settings.now();
    this.counts.set(call, (this.counts.get(call) ?? 0) + 1);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.settings.userAgent };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.authorization !== undefined) headers.authorization = options.authorization;
    // For the debug lines; the base URL's path is parsed once, not on every call.
    const path = `${(this.basePath ??= new URL(this.settings.baseUrl).pathname)}/${call}`;
    try {
      const response = await fetch(url, {
        method: options.method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
        // A followed redirect would send the body (passwords, client secrets) to wherever the Location says.
        redirect: 'manual',
        // Node's bundled fetch accepts an undici Agent; the two packages' type declarations differ slightly.
        dispatcher: dispatcher as unknown as RequestInit['dispatcher'],
      } as RequestInit);
      if (isRedirect(response.status)) {
        await response.body?.cancel();
        this.log(`${options.method} ${path} ${response.status} ${this.settings.now() - started}ms`);
        return { ok: false, final: redirectError(context, response.status, this.redacted(response.headers.get('location'))) };
      }
      const text = await readCapped(response, this.settings.maxAnswerBytes);
      this.log(`${options.method} ${path} ${response.status} ${this.settings.now() - started}ms`);
      if (text === undefined) {
        // A create answered 2xx did happen, however large its answer.
        const ambiguous = response.ok && options.kind === 'unsafe';
        return { ok: false, final: tooLargeError(context, response.status, this.settings.maxAnswerBytes, ambiguous) };
      }
      if (response.ok) return { ok: true, status: response.status, text };
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.settings.now());
      return { ok: false, failure: classifyStatus(response.status), status: response.status, text, retryAfterMs };
    } catch (error) {
      const failure = classifyNetworkError(error);
      this.log(`${options.method} ${path} ${failure === 'timeout' ? 'timeout' : (errorCode(error) ?? 'network error')} ${this.settings.now() - started}ms`);
      return { ok: false, failure, error };
    }
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

/** The body as text, or undefined once it is longer than `cap` bytes (declared or read): reading stops there. */
async function readCapped(response: Response, cap: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > cap) {
    await response.body?.cancel();
    return undefined;
  }
  if (response.body === null) return '';
  // An uncompressed body of a declared length within the cap is read in one go (fewer steps per call than chunk
  // by chunk; undici refuses a body longer than it declared). A compressed one is counted as it is decoded.
  const encoding = response.headers.get('content-encoding');
  if (response.headers.get('content-length') !== null && (encoding === null || encoding === 'identity')) return await response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
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
      hint: API_URL_HINT,
    });
  }
}
