/** The Actions variables as the tool reads them: what is missing or wrong is said, what is well formed is used. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentSecrets, pullRequestFrom, repositoryFrom, runInfoFrom, Skip } from '../../src/github/context.js';
import { tempDir } from '../temp.js';

const reason = (value: unknown) => (value instanceof Skip ? value.reason : undefined);

describe('repository and token', () => {
  it('defaults the API to api.github.com', () => {
    expect(repositoryFrom({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'acme/pipes' })).toEqual({
      token: 't',
      repository: 'acme/pipes',
      apiUrl: 'https://api.github.com',
    });
  });

  it.each([
    [{ GITHUB_REPOSITORY: 'a/b' }, 'GITHUB_TOKEN is not set'],
    [{ GITHUB_TOKEN: 't' }, 'GITHUB_REPOSITORY is not set'],
    [{ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b/../c' }, "GITHUB_REPOSITORY must be owner/name (got 'a/b/../c')"],
    [{ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'http://github.example.com/api/v3' }, 'GITHUB_API_URL must be an https:// URL'],
    [{ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'https://u:p@github.example.com' }, 'GITHUB_API_URL must not hold credentials'],
    [{ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'not a url' }, "GITHUB_API_URL is not a URL: 'not a url'"],
  ])('%j: %s', (env, expected) => expect(reason(repositoryFrom(env))).toContain(expected));

  it('takes http:// on this machine (tests) and a GitHub Enterprise path', () => {
    expect(repositoryFrom({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'http://127.0.0.1:9/' })).toMatchObject({
      apiUrl: 'http://127.0.0.1:9',
    });
    expect(repositoryFrom({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).toMatchObject({
      apiUrl: 'https://ghe.example.com/api/v3',
    });
  });
});

describe('run link', () => {
  const base = { GITHUB_REPOSITORY: 'acme/pipes', GITHUB_RUN_ID: '77' };
  it.each([
    [base, 'https://github.com/acme/pipes/actions/runs/77'],
    [{ ...base, GITHUB_RUN_ATTEMPT: '1' }, 'https://github.com/acme/pipes/actions/runs/77'],
    [{ ...base, GITHUB_RUN_ATTEMPT: '3' }, 'https://github.com/acme/pipes/actions/runs/77/attempts/3'],
    [{ ...base, GITHUB_SERVER_URL: 'https://ghe.example.com' }, 'https://ghe.example.com/acme/pipes/actions/runs/77'],
    [{ ...base, GITHUB_RUN_ID: '77"><script>' }, undefined],
    [{ GITHUB_RUN_ID: '77' }, undefined],
  ])('%j → %s', (env, url) => expect(runInfoFrom(env).runUrl).toBe(url));

  it('keeps a commit only when it looks like one', () => {
    expect(runInfoFrom({ GITHUB_SHA: 'ABCDEF1234567' }).sha).toBe('abcdef1234567');
    expect(runInfoFrom({ GITHUB_SHA: '`rm -rf`' }).sha).toBeUndefined();
  });
});

describe('pull request of the event', () => {
  const event = (payload: unknown) => {
    const path = join(tempDir(), 'event.json');
    writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
    return path;
  };

  it('reads the number and head commit of a pull_request event', () => {
    expect(pullRequestFrom({ GITHUB_EVENT_PATH: event({ pull_request: { number: 12, head: { sha: 'abc1234def' } } }) })).toEqual({
      number: 12,
      headSha: 'abc1234def',
    });
  });

  it.each([
    [{ GITHUB_EVENT_NAME: 'push' }, { ref: 'refs/heads/main' }, 'this run is not for a pull request (GITHUB_EVENT_NAME=push)'],
    [{}, { pull_request: { number: '12' } }, 'this run is not for a pull request'],
    [{}, 'not json {', 'GITHUB_EVENT_PATH cannot be read (not JSON)'],
  ])('%j %j: %s', (env, payload, expected) => {
    expect(reason(pullRequestFrom({ ...env, GITHUB_EVENT_PATH: event(payload) }))).toContain(expected);
  });

  it('names a missing or unreadable event file', () => {
    expect(reason(pullRequestFrom({}))).toBe('GITHUB_EVENT_PATH is not set: the pull request to comment on is unknown');
    expect(reason(pullRequestFrom({ GITHUB_EVENT_PATH: join(tempDir(), 'missing.json') }))).toBe('GITHUB_EVENT_PATH cannot be read (ENOENT)');
  });
});

describe('secrets of the environment', () => {
  it('takes values of variables named as secrets, not flags, numbers, short values or URLs', () => {
    const env = {
      GITHUB_TOKEN: 'ghs_x',
      AIRBYTE_CLIENT_SECRET: 'cs-0123456789',
      DB_PASSWORD: 'hunter2-long',
      SNOWFLAKE_PRIVATE_KEY: '-----BEGIN KEY-----',
      FEATURE_TOKEN_ENABLED: 'true',
      SECRET_COUNT: '12345678',
      SHORT_TOKEN: 'abc',
      AIRBYTE_TOKEN_URL: 'https://api.airbyte.com/v1/applications/token',
      AIRBYTE_URL: 'https://airbyte.example.com',
      HOME: '/home/runner',
    };
    expect(environmentSecrets(env).sort()).toEqual(['-----BEGIN KEY-----', 'cs-0123456789', 'ghs_x', 'hunter2-long']);
  });
});
