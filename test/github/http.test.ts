/**
 * The GitHub transport against the fake API and its odd answers: Link pagination (bounded, same origin only), a
 * redirect never followed, a hang ended by the deadline, an answer past the bound or not JSON, an error status with
 * GitHub's message, and the token never in a message even when the server echoes it.
 */
import { describe, expect, it } from 'vitest';
import { GitHubApi, nextLink } from '../../src/github/http.js';
import { failureOf, startFakeGitHub } from './fake-github.js';

describe('Link header', () => {
  it.each([
    [
      '<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last"',
      'https://api.github.com/repositories/1/issues?page=2',
    ],
    ['<https://x/a?page=1>; rel="prev", <https://x/a?labels=a,b&page=3>; rel="next"', 'https://x/a?labels=a,b&page=3'],
    ['<https://x/a?page=9>; rel="last"', undefined],
    ['<https://x/a?page=2>; rel=next', 'https://x/a?page=2'],
    ['garbage', undefined],
  ])('%s', (header, next) => expect(nextLink(header)).toBe(next));

  it('no header, no next page', () => expect(nextLink(null)).toBeUndefined());
});

describe('GitHubApi', () => {
  it('follows next pages up to the bound, and says whether it saw them all', async () => {
    const fake = await startFakeGitHub();
    for (let i = 0; i < 250; i += 1) fake.addComment(1, `c${i}`);
    const api = new GitHubApi({ apiUrl: fake.url, token: fake.token });
    const path = `/repos/${fake.repository}/issues/1/comments`;
    expect(await api.find<{ body: string }>(path, 5, (item) => item.body === 'c249')).toMatchObject({ item: { body: 'c249' }, complete: true });
    expect(fake.requests).toHaveLength(3);
    expect(await api.find<{ body: string }>(path, 2, (item) => item.body === 'c249')).toEqual({ item: undefined, complete: false });
    expect(await api.find<{ body: string }>(path, 5, () => false)).toEqual({ item: undefined, complete: true });
  });

  it('never follows a next page to another host (the token would go there)', async () => {
    const fake = await startFakeGitHub();
    fake.override(() => ({ status: 200, headers: { link: '<https://evil.example/next?page=2>; rel="next"' }, body: '[]' }));
    const api = new GitHubApi({ apiUrl: fake.url, token: fake.token });
    const failure = await failureOf(api.find('/repos/acme/pipelines/issues', 5, () => false));
    expect(failure.message).toContain('the next page is on another host (https://evil.example); not followed');
    expect(fake.requests).toHaveLength(1);
  });

  it('never follows a redirect', async () => {
    const fake = await startFakeGitHub();
    const other = await startFakeGitHub();
    fake.override(() => ({ status: 307, headers: { location: `${other.url}/repos/acme/pipelines/issues` } }));
    const api = new GitHubApi({ apiUrl: fake.url, token: fake.token });
    const failure = await failureOf(api.call('POST', '/repos/acme/pipelines/issues', { title: 't' }));
    expect(failure.message).toBe('POST /repos/acme/pipelines/issues: GitHub answered with a redirect (307); not followed, it would carry the token elsewhere');
    expect(other.requests).toHaveLength(0);
  });

  it('ends a call GitHub does not answer at the deadline', async () => {
    const fake = await startFakeGitHub();
    fake.override(() => 'hang');
    const api = new GitHubApi({ apiUrl: fake.url, token: fake.token, timeoutMs: 200 });
    const failure = await failureOf(api.call('GET', '/repos/acme/pipelines/issues'));
    expect(failure.message).toBe('GET /repos/acme/pipelines/issues: GitHub did not answer within 200 ms');
  });

  it('stops reading an answer past the bound', async () => {
    const fake = await startFakeGitHub();
    fake.override(() => ({ status: 200, body: `[${'"x",'.repeat(300_000)}"x"]` }));
    const api = new GitHubApi({ apiUrl: fake.url, token: fake.token, maxAnswerBytes: 1024 * 1024 });
    expect((await failureOf(api.call('GET', '/repos/acme/pipelines/issues'))).message).toBe(
      'GET /repos/acme/pipelines/issues: GitHub answered more than 1 MiB; not read',
    );
  });

  it('a 2xx that is not JSON, or not a list where a list is due, fails clearly', async () => {
    const fake = await startFakeGitHub();
    fake.override(() => ({ status: 200, body: '<html>proxy login</html>' }));
    const api = new GitHubApi({ apiUrl: fake.url, token: fake.token });
    expect((await failureOf(api.call('GET', '/repos/acme/pipelines/issues'))).message).toBe(
      'GET /repos/acme/pipelines/issues: GitHub answered 200 with something that is not JSON',
    );
    fake.override(() => ({ status: 200, body: '{"items":[]}' }));
    expect((await failureOf(api.find('/repos/acme/pipelines/issues', 1, () => true))).message).toContain('not a list');
  });

  it('an error status carries GitHub’s message, one line, without the token even when echoed', async () => {
    const fake = await startFakeGitHub();
    fake.override(() => ({ status: 502, body: JSON.stringify({ message: `bad gateway for ${fake.token}\nsecond line` }) }));
    const api = new GitHubApi({ apiUrl: fake.url, token: fake.token });
    const failure = await failureOf(api.call('GET', '/repos/acme/pipelines/issues'));
    expect(failure.status).toBe(502);
    expect(failure.message).toBe('GET /repos/acme/pipelines/issues: GitHub answered 502: bad gateway for (sensitive)');
  });

  it('a 403 with the rate limit spent is told apart from a read-only token', async () => {
    const fake = await startFakeGitHub();
    fake.override(() => ({ status: 403, headers: { 'x-ratelimit-remaining': '0' }, body: '{"message":"API rate limit exceeded"}' }));
    const api = new GitHubApi({ apiUrl: fake.url, token: fake.token });
    expect((await failureOf(api.call('GET', '/repos/acme/pipelines/issues'))).rateLimited).toBe(true);
  });

  it('a refused connection is one line', async () => {
    const fake = await startFakeGitHub();
    await fake.stop();
    const api = new GitHubApi({ apiUrl: fake.url, token: fake.token });
    expect((await failureOf(api.call('GET', '/repos/acme/pipelines/issues'))).message).toBe(
      'GET /repos/acme/pipelines/issues: cannot reach GitHub (ECONNREFUSED)',
    );
  });
});
