import { describe, expect, it } from 'vitest';
import { clientOptionsFromEnv, DEFAULT_RETRY, normalizeBaseUrl, normalizeTokenUrl } from '../../src/client/index.js';
import { GitopsError } from '../../src/errors.js';

function thrown(run: () => unknown): GitopsError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GitopsError);
    return error as GitopsError;
  }
  throw new Error('expected an error');
}

describe('normalizeBaseUrl', () => {
  it.each([
    ['http://localhost:8000', 'http://localhost:8000/api/v1'],
    ['http://localhost:8000/', 'http://localhost:8000/api/v1'],
    ['http://localhost:8000/api', 'http://localhost:8000/api/v1'],
    ['http://localhost:8000/api/v1', 'http://localhost:8000/api/v1'],
    ['http://localhost:8000/api/v1/', 'http://localhost:8000/api/v1'],
    ['https://example.com/airbyte', 'https://example.com/airbyte/api/v1'],
    ['https://example.com/airbyte/api/v1//', 'https://example.com/airbyte/api/v1'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it('rejects what is not an http(s) URL', () => {
    expect(thrown(() => normalizeBaseUrl('localhost:8000')).code).toBe('USAGE');
    expect(thrown(() => normalizeBaseUrl('not a url')).message).toContain("'not a url'");
  });

  it('takes any port: the client speaks HTTP itself, without the ports fetch refuses', () => {
    expect(normalizeBaseUrl('http://127.0.0.1:6667')).toBe('http://127.0.0.1:6667/api/v1');
    expect(normalizeBaseUrl('http://127.0.0.1:8001')).toBe('http://127.0.0.1:8001/api/v1');
  });

  it('rejects credentials in the URL without repeating them', () => {
    const error = thrown(() => normalizeBaseUrl('http://airbyte:hunter2@localhost:8000'));
    expect(error.message).not.toContain('hunter2');
    expect(error.hint).toContain('AIRBYTE_USERNAME');
  });
});

describe('clientOptionsFromEnv', () => {
  it('defaults to the local Airbyte without auth', () => {
    const options = clientOptionsFromEnv({}, {});
    expect(options).toEqual({ baseUrl: 'http://localhost:8000/api/v1', auth: { mode: 'none' }, retry: DEFAULT_RETRY });
  });

  it('prefers --url over AIRBYTE_URL', () => {
    expect(clientOptionsFromEnv({ AIRBYTE_URL: 'http://a:8000' }, {}).baseUrl).toBe('http://a:8000/api/v1');
    expect(clientOptionsFromEnv({ AIRBYTE_URL: 'http://a:8000' }, { url: 'http://b:9000/api' }).baseUrl).toBe('http://b:9000/api/v1');
  });

  it.each([
    [
      { AIRBYTE_CLIENT_ID: 'id', AIRBYTE_CLIENT_SECRET: 'secret' },
      { mode: 'client-credentials', clientId: 'id', clientSecret: 'secret' },
    ],
    [{ AIRBYTE_TOKEN: 'tok' }, { mode: 'bearer', token: 'tok' }],
    [
      { AIRBYTE_USERNAME: 'airbyte', AIRBYTE_PASSWORD: 'password' },
      { mode: 'basic', username: 'airbyte', password: 'password' },
    ],
    [
      { AIRBYTE_TOKEN: 'tok', AIRBYTE_USERNAME: 'u', AIRBYTE_PASSWORD: 'p' },
      { mode: 'bearer', token: 'tok' },
    ],
    [
      { AIRBYTE_CLIENT_ID: 'id', AIRBYTE_CLIENT_SECRET: 's', AIRBYTE_TOKEN: 'tok' },
      { mode: 'client-credentials', clientId: 'id', clientSecret: 's' },
    ],
    [{ AIRBYTE_TOKEN: '' }, { mode: 'none' }],
  ])('reads auth from %j', (env, auth) => {
    expect(clientOptionsFromEnv(env, {}).auth).toEqual(auth);
  });

  it('refuses half a credential pair, naming the missing variable', () => {
    const error = thrown(() => clientOptionsFromEnv({ AIRBYTE_CLIENT_ID: 'id' }, {}));
    expect(error.code).toBe('USAGE');
    expect(error.message).toBe('AIRBYTE_CLIENT_ID is set but AIRBYTE_CLIENT_SECRET is not');
    expect(thrown(() => clientOptionsFromEnv({ AIRBYTE_PASSWORD: 'p' }, {})).message).toBe('AIRBYTE_PASSWORD is set but AIRBYTE_USERNAME is not');
  });

  it('reads timeouts and retries from the environment', () => {
    const options = clientOptionsFromEnv(
      { AIRBYTE_TIMEOUT_MS: '5000', AIRBYTE_JOB_TIMEOUT_MS: '90000', AIRBYTE_MAX_ATTEMPTS: '1', AIRBYTE_RETRY_BASE_MS: '10', AIRBYTE_RETRY_MAX_MS: '20' },
      {},
    );
    expect(options).toMatchObject({ timeoutMs: 5000, jobTimeoutMs: 90000, retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 20 } });
    expect(thrown(() => clientOptionsFromEnv({ AIRBYTE_TIMEOUT_MS: '5s' }, {})).message).toBe("AIRBYTE_TIMEOUT_MS must be a positive whole number, got '5s'");
  });

  it('reads the answer size cap and the page limit from the environment', () => {
    expect(clientOptionsFromEnv({ AIRBYTE_MAX_ANSWER_BYTES: '1048576' }, {}).maxAnswerBytes).toBe(1048576);
    expect(clientOptionsFromEnv({}, {}).maxAnswerBytes).toBeUndefined();
    expect(clientOptionsFromEnv({ AIRBYTE_MAX_PAGES: '50' }, {}).maxPages).toBe(50);
    expect(thrown(() => clientOptionsFromEnv({ AIRBYTE_MAX_ANSWER_BYTES: '64MiB' }, {})).code).toBe('USAGE');
  });

  it('logs to stderr only with --debug', () => {
    expect(clientOptionsFromEnv({}, {}).debug).toBeUndefined();
    expect(typeof clientOptionsFromEnv({}, { debug: true }).debug).toBe('function');
  });
});

describe('the token URL and the Airbyte Cloud preset', () => {
  const CREDENTIALS = { AIRBYTE_CLIENT_ID: 'id', AIRBYTE_CLIENT_SECRET: 'secret' };
  const CLOUD = { baseUrl: 'https://cloud.airbyte.com/api/v1', tokenUrl: 'https://api.airbyte.com/v1/applications/token' };

  it.each([
    ['AIRBYTE_URL=cloud', { ...CREDENTIALS, AIRBYTE_URL: 'cloud' }, {}],
    ['AIRBYTE_URL=Cloud', { ...CREDENTIALS, AIRBYTE_URL: ' Cloud ' }, {}],
    ['--url cloud', CREDENTIALS, { url: 'cloud' }],
    ['the Cloud URL itself', { ...CREDENTIALS, AIRBYTE_URL: 'https://cloud.airbyte.com' }, {}],
  ])('%s: the Cloud API, and the Cloud token endpoint on its own host', (_, env, flags) => {
    expect(clientOptionsFromEnv(env, flags)).toMatchObject(CLOUD);
  });

  it('AIRBYTE_TOKEN_URL wins over the preset, and is used as given', () => {
    const options = clientOptionsFromEnv({ ...CREDENTIALS, AIRBYTE_URL: 'cloud', AIRBYTE_TOKEN_URL: 'https://auth.example.com/oauth/token/' }, {});
    expect(options).toMatchObject({ baseUrl: CLOUD.baseUrl, tokenUrl: 'https://auth.example.com/oauth/token' });
  });

  it('a self-hosted Airbyte has its token endpoint beside the API: no tokenUrl', () => {
    expect(clientOptionsFromEnv({ ...CREDENTIALS, AIRBYTE_URL: 'https://airbyte.example.com' }, {}).tokenUrl).toBeUndefined();
  });

  it('the preset with a ready-made token needs no token endpoint', () => {
    expect(clientOptionsFromEnv({ AIRBYTE_URL: 'cloud', AIRBYTE_TOKEN: 'tok' }, {})).toEqual({
      baseUrl: CLOUD.baseUrl,
      auth: { mode: 'bearer', token: 'tok' },
      retry: DEFAULT_RETRY,
    });
  });

  it('refuses AIRBYTE_TOKEN_URL without client credentials', () => {
    const error = thrown(() => clientOptionsFromEnv({ AIRBYTE_TOKEN_URL: 'https://api.airbyte.com/v1/applications/token', AIRBYTE_TOKEN: 't' }, {}));
    expect(error.code).toBe('USAGE');
    expect(error.message).toBe('AIRBYTE_TOKEN_URL is set but AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET are not');
  });

  it('refuses a token URL that is not an http(s) URL, or holds credentials (without repeating them)', () => {
    expect(thrown(() => clientOptionsFromEnv({ ...CREDENTIALS, AIRBYTE_TOKEN_URL: 'api.airbyte.com/v1' }, {})).message).toBe(
      "AIRBYTE_TOKEN_URL is not a valid URL: 'api.airbyte.com/v1'",
    );
    expect(thrown(() => normalizeTokenUrl('ftp://api.airbyte.com/token')).message).toContain("got 'ftp:'");
    expect(thrown(() => normalizeTokenUrl('https://u:pa55word@api.airbyte.com/token')).message).not.toContain('pa55word');
  });

  it('names the preset when the URL is not valid', () => {
    expect(thrown(() => clientOptionsFromEnv({ AIRBYTE_URL: 'clod' }, {})).hint).toContain('`cloud` for Airbyte Cloud');
  });
});
