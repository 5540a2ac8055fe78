/**
 * The few GitHub REST calls the tool makes, over the global fetch. Everything GitHub answers is data from outside:
 * each call has a deadline, a redirect is never followed (it would carry the token elsewhere), an answer is read up
 * to a bound, a list is followed through its `Link: rel="next"` pages up to a bound and only on the API's own
 * origin, and every failure is one GitHubFailure whose message never holds the token.
 */
import { redact } from '../secrets/redact.js';
import { printable } from '../util/printable.js';

/** Each call's deadline. */
export const GITHUB_TIMEOUT_MS = 30_000;
/** An answer longer than this is not GitHub's (a page of 100 comments of 65,536 characters is ~7 MiB of JSON). */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
/** Items per page (GitHub's maximum). */
export const PER_PAGE = 100;

/** Why a GitHub call did not do its job: what the warning says. */
export class GitHubFailure extends Error {
  constructor(
    message: string,
    /** The HTTP status GitHub answered with, when it answered. */
    readonly status?: number,
    /** A 403 that says the rate limit is spent, not the permissions. */
    readonly rateLimited = false,
  ) {
    super(message);
    this.name = 'GitHubFailure';
  }
}

export interface GitHubApiOptions {
  /** `GITHUB_API_URL`, e.g. https://api.github.com. */
  apiUrl: string;
  token: string;
  timeoutMs?: number;
  maxAnswerBytes?: number;
  /** A line per call (method, path, status): never a header, so never the token. */
  debug?: (line: string) => void;
}

export interface Answer {
  status: number;
  json: unknown;
  /** The next page's URL (`Link: <…>; rel="next"`), when there is one. */
  next: string | undefined;
}

/** The `rel="next"` URL of a Link header. */
export function nextLink(header: string | null): string | undefined {
  if (header === null) return undefined;
  // Each link is `<url>; rel="…"`; a URL may hold commas, so links are read by their angle brackets, not split on commas.
  for (const match of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(match[2] ?? '')?.[1];
    if (rel !== undefined && rel.toLowerCase().split(/\s+/).includes('next')) return match[1];
  }
  return undefined;
}

/** Reads at most `limit` bytes of `response`'s body; past it the rest is cancelled and the call fails. */
async function readBounded(response: Response, limit: number, call: string): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new GitHubFailure(`${call}: GitHub answered more than ${Math.round(limit / 1024 / 1024)} MiB; not read`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** GitHub's own words about an error (`message` of its JSON), one line, short, without the token. */
function githubMessage(json: unknown, token: string): string {
  const message = json !== null && typeof json === 'object' ? (json as { message?: unknown }).message : undefined;
  if (typeof message !== 'string' || message.trim() === '') return '';
  const line = printable(redact(message.trim().split(/\r?\n/, 1)[0] ?? '', [token]));
  return `: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`;
}

export class GitHubApi {
  private readonly origin: string;
  private readonly base: string;

  constructor(private readonly options: GitHubApiOptions) {
    const url = new URL(options.apiUrl);
    this.origin = url.origin;
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }

  /** One call; `path` is under the API root (`/repos/o/r/…`) or a whole URL on the API's origin (a next page). */
  async call(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<Answer> {
    const url = path.startsWith('/') ? `${this.base}${path}` : path;
    const target = new URL(url);
    const shown = `${method} ${target.pathname}${target.search}`;
    if (target.origin !== this.origin) throw new GitHubFailure(`${shown}: the next page is on another host (${target.origin}); not followed`);
    let response: Response;
    try {
      response = await fetch(target, {
        method,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? GITHUB_TIMEOUT_MS),
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${this.options.token}`,
          'user-agent': 'airbyte-gitops',
          'x-github-api-version': '2022-11-28',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      this.options.debug?.(`github ${shown} → no answer`);
      throw new GitHubFailure(`${shown}: ${this.networkReason(error)}`);
    }
    this.options.debug?.(`github ${shown} → ${response.status}`);
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      throw new GitHubFailure(
        `${shown}: GitHub answered with a redirect (${response.status}); not followed, it would carry the token elsewhere`,
        response.status,
      );
    }
    let text: string;
    try {
      text = await readBounded(response, this.options.maxAnswerBytes ?? MAX_ANSWER_BYTES, shown);
    } catch (error) {
      if (error instanceof GitHubFailure) throw error;
      throw new GitHubFailure(`${shown}: ${this.networkReason(error)}`);
    }
    let json: unknown = undefined;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      if (response.ok) throw new GitHubFailure(`${shown}: GitHub answered ${response.status} with something that is not JSON`, response.status);
    }
    if (!response.ok) {
      const rateLimited = response.status === 429 || (response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0');
      throw new GitHubFailure(`${shown}: GitHub answered ${response.status}${githubMessage(json, this.options.token)}`, response.status, rateLimited);
    }
    return { status: response.status, json, next: nextLink(response.headers.get('link')) };
  }

  /**
   * The items of a list, page after page, until `found` says stop or `maxPages` pages were read (then the search
   * ends without the item: the caller treats it as not there and says so).
   */
  async find<T>(path: string, maxPages: number, found: (item: T) => boolean): Promise<{ item: T | undefined; complete: boolean }> {
    let url: string | undefined = `${path}${path.includes('?') ? '&' : '?'}per_page=${PER_PAGE}`;
    for (let page = 0; page < maxPages && url !== undefined; page += 1) {
      const answer: Answer = await this.call('GET', url);
      if (!Array.isArray(answer.json)) throw new GitHubFailure(`GET ${path}: GitHub answered with something that is not a list`);
      const item = (answer.json as T[]).find(found);
      if (item !== undefined) return { item, complete: true };
      url = answer.next;
    }
    return { item: undefined, complete: url === undefined };
  }

  private networkReason(error: unknown): string {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      const ms = this.options.timeoutMs ?? GITHUB_TIMEOUT_MS;
      return `GitHub did not answer within ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}`;
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const code = cause !== null && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
    return `cannot reach GitHub${code === undefined ? '' : ` (${printable(code)})`}`;
  }
}
