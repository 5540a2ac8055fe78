/**
 * Client options from the environment and flags. Secrets are read from the environment only: flags show up in
 * process lists and CI logs.
 */
import { GitopsError } from '../errors.js';
import { DEFAULT_RETRY } from './retry.js';
import type { AuthConfig, ClientOptions, RetryOptions } from './types.js';

export const DEFAULT_URL = 'http://localhost:8000/api/v1';

/** Airbyte Cloud: the Config API, and the endpoint that exchanges an application's client id and secret for a token. */
export const CLOUD_URL = 'https://cloud.airbyte.com/api/v1';
export const CLOUD_TOKEN_URL = 'https://api.airbyte.com/v1/applications/token';

/** What `--url` / `AIRBYTE_URL` may name instead of a URL (matched without regard to case). */
export const URL_PRESETS: Readonly<Record<string, { url: string; tokenUrl: string }>> = {
  cloud: { url: CLOUD_URL, tokenUrl: CLOUD_TOKEN_URL },
};

/** The token endpoint a Config API root implies when AIRBYTE_TOKEN_URL is not set: Cloud's for Cloud, else beside the API. */
export function defaultTokenUrl(baseUrl: string): string {
  return new URL(baseUrl).host === new URL(CLOUD_URL).host ? CLOUD_TOKEN_URL : `${baseUrl}/applications/token`;
}

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
      hint: `use a URL such as ${DEFAULT_URL}, or \`cloud\` for Airbyte Cloud`,
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

/**
 * The token endpoint as given in AIRBYTE_TOKEN_URL: the whole URL the client id and secret are posted to, used as it
 * is (no path is added), e.g. https://api.airbyte.com/v1/applications/token.
 */
export function normalizeTokenUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new GitopsError('USAGE', `AIRBYTE_TOKEN_URL is not a valid URL: '${input}'`, {
      hint: `give the whole URL of the token endpoint, e.g. ${CLOUD_TOKEN_URL} (Airbyte Cloud)`,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GitopsError('USAGE', `AIRBYTE_TOKEN_URL must start with http:// or https:// (got '${url.protocol}')`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new GitopsError('USAGE', 'AIRBYTE_TOKEN_URL must not contain credentials', {
      hint: 'the client id and secret come from AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET.',
    });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${url.search}`;
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

/** How many times a call is tried (AIRBYTE_MAX_ATTEMPTS): the client's retries and apply's create-or-adopt. */
export function maxAttemptsFromEnv(env: NodeJS.ProcessEnv): number {
  return positiveInteger(env, 'AIRBYTE_MAX_ATTEMPTS') ?? DEFAULT_RETRY.maxAttempts;
}

/**
 * Where client credentials are exchanged for a token: AIRBYTE_TOKEN_URL, else the preset's or Cloud's endpoint, else
 * undefined (beside the API). AIRBYTE_TOKEN_URL without client credentials is a mistake worth stopping for: the
 * tool would otherwise ignore it silently.
 */
function tokenUrlFromEnv(env: NodeJS.ProcessEnv, auth: AuthConfig, baseUrl: string, preset: { tokenUrl: string } | undefined): string | undefined {
  const given = envValue(env, 'AIRBYTE_TOKEN_URL');
  if (given !== undefined && auth.mode !== 'client-credentials') {
    throw new GitopsError('USAGE', 'AIRBYTE_TOKEN_URL is set but AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET are not', {
      hint: 'the token URL is where the client id and secret are exchanged for a token: set both of them, or unset AIRBYTE_TOKEN_URL.',
    });
  }
  if (auth.mode !== 'client-credentials') return undefined;
  if (given !== undefined) return normalizeTokenUrl(given);
  const implied = preset?.tokenUrl ?? defaultTokenUrl(baseUrl);
  return implied === `${baseUrl}/applications/token` ? undefined : implied;
}

/**
 * Options for `createClient` from the environment and the `--url` / `--debug` flags. `--url` / `AIRBYTE_URL` may be
 * a preset name (`cloud`) instead of a URL.
 */
export function clientOptionsFromEnv(env: NodeJS.ProcessEnv, flags: { url?: string; debug?: boolean }): ClientOptions & { retry: RetryOptions } {
  const url = flags.url ?? envValue(env, 'AIRBYTE_URL') ?? DEFAULT_URL;
  const preset = Object.hasOwn(URL_PRESETS, url.trim().toLowerCase()) ? URL_PRESETS[url.trim().toLowerCase()] : undefined;
  const baseUrl = preset?.url ?? normalizeBaseUrl(url);
  const auth = authFromEnv(env);
  const tokenUrl = tokenUrlFromEnv(env, auth, baseUrl, preset);
  const options: ClientOptions & { retry: RetryOptions } = {
    baseUrl,
    auth,
    ...(tokenUrl === undefined ? {} : { tokenUrl }),
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
