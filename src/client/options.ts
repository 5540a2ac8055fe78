/**
 * Client options from the environment and flags. Secrets are read from the environment only: flags show up in
 * process lists and CI logs.
 */
import { GitopsError } from '../errors.js';
import { DEFAULT_RETRY } from './retry.js';
import type { AuthConfig, ClientOptions, RetryOptions } from './types.js';

export const DEFAULT_URL = 'http://localhost:8000/api/v1';

/**
 * The Config API root for what a user typed. Accepted: `http://host:8000`, `http://host:8000/api` and
 * `http://host:8000/api/v1`, each with or without a trailing slash; a path prefix before them is kept
 * (`https://example.com/airbyte` → `https://example.com/airbyte/api/v1`).
 */
export function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new GitopsError('USAGE', `AIRBYTE_URL / --url is not a valid URL: '${input}'`, {
      hint: `use a URL such as ${DEFAULT_URL}`,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GitopsError('USAGE', `AIRBYTE_URL / --url must start with http:// or https:// (got '${url.protocol}')`);
  }
  if (url.username !== '' || url.password !== '') {
    // The URL is printed in messages; credentials in it would be printed too.
    throw new GitopsError('USAGE', 'AIRBYTE_URL / --url must not contain credentials', {
      hint: 'set AIRBYTE_USERNAME and AIRBYTE_PASSWORD (or AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET) instead.',
    });
  }

  let path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith('/api')) path += '/v1';
  else if (!path.endsWith('/api/v1')) path += '/api/v1';
  return `${url.origin}${path}`;
}

function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function requirePair(env: NodeJS.ProcessEnv, first: string, second: string): [string, string] | undefined {
  const a = envValue(env, first);
  const b = envValue(env, second);
  if (a === undefined && b === undefined) return undefined;
  if (a === undefined || b === undefined) {
    const [set, missing] = a === undefined ? [second, first] : [first, second];
    throw new GitopsError('USAGE', `${set} is set but ${missing} is not`, { hint: `set both ${first} and ${second}, or neither.` });
  }
  return [a, b];
}

/**
 * Auth from the environment. If several modes are configured, the first wins in this order: client credentials,
 * bearer token, basic auth.
 */
export function authFromEnv(env: NodeJS.ProcessEnv): AuthConfig {
  const credentials = requirePair(env, 'AIRBYTE_CLIENT_ID', 'AIRBYTE_CLIENT_SECRET');
  if (credentials !== undefined) return { mode: 'client-credentials', clientId: credentials[0], clientSecret: credentials[1] };
  const token = envValue(env, 'AIRBYTE_TOKEN');
  if (token !== undefined) return { mode: 'bearer', token };
  const basic = requirePair(env, 'AIRBYTE_USERNAME', 'AIRBYTE_PASSWORD');
  if (basic !== undefined) return { mode: 'basic', username: basic[0], password: basic[1] };
  return { mode: 'none' };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = envValue(env, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new GitopsError('USAGE', `${name} must be a positive whole number, got '${value}'`);
  }
  return Number(value);
}

/** Options for `createClient` from the environment and the `--url` / `--debug` flags. */
/** How many times a call is tried (AIRBYTE_MAX_ATTEMPTS): the client's retries and apply's create-or-adopt. */
export function maxAttemptsFromEnv(env: NodeJS.ProcessEnv): number {
  return positiveInteger(env, 'AIRBYTE_MAX_ATTEMPTS') ?? DEFAULT_RETRY.maxAttempts;
}

export function clientOptionsFromEnv(env: NodeJS.ProcessEnv, flags: { url?: string; debug?: boolean }): ClientOptions & { retry: RetryOptions } {
  const options: ClientOptions & { retry: RetryOptions } = {
    baseUrl: normalizeBaseUrl(flags.url ?? envValue(env, 'AIRBYTE_URL') ?? DEFAULT_URL),
    auth: authFromEnv(env),
    retry: {
      maxAttempts: maxAttemptsFromEnv(env),
      baseDelayMs: positiveInteger(env, 'AIRBYTE_RETRY_BASE_MS') ?? DEFAULT_RETRY.baseDelayMs,
      maxDelayMs: positiveInteger(env, 'AIRBYTE_RETRY_MAX_MS') ?? DEFAULT_RETRY.maxDelayMs,
    },
  };
  const timeoutMs = positiveInteger(env, 'AIRBYTE_TIMEOUT_MS');
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  const maxAnswerBytes = positiveInteger(env, 'AIRBYTE_MAX_ANSWER_BYTES');
  if (maxAnswerBytes !== undefined) options.maxAnswerBytes = maxAnswerBytes;
  const maxPages = positiveInteger(env, 'AIRBYTE_MAX_PAGES');
  if (maxPages !== undefined) options.maxPages = maxPages;
  const jobTimeoutMs = positiveInteger(env, 'AIRBYTE_JOB_TIMEOUT_MS');
  if (jobTimeoutMs !== undefined) options.jobTimeoutMs = jobTimeoutMs;
  if (flags.debug === true) options.debug = (line) => process.stderr.write(`debug: ${line}\n`);
  return options;
}
