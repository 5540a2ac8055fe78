/**
 * Whose comments are the tool's own: the account behind the token, asked of GitHub with `GET /user` (a user's token
 * answers with its login, an installation token is refused with 403), and the rule that matches an author to it.
 */
import { describe, expect, it } from 'vitest';
import { GitHubApi } from '../../src/github/http.js';
import { authoredBy, whoAmI, type Identity } from '../../src/github/identity.js';
import { BOT, failureOf, startFakeGitHub } from './fake-github.js';

describe('whoAmI', () => {
  it('an installation token (GITHUB_TOKEN) is refused GET /user: installation', async () => {
    const fake = await startFakeGitHub();
    expect(await whoAmI(new GitHubApi({ apiUrl: fake.url, token: fake.token }))).toEqual({ kind: 'installation' });
    expect(fake.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /user']);
  });

  it('a personal access token: its login', async () => {
    const fake = await startFakeGitHub();
    fake.addToken('ghp_personal0123456789', { user: { login: 'ada-ops', type: 'User' }, installation: false });
    expect(await whoAmI(new GitHubApi({ apiUrl: fake.url, token: 'ghp_personal0123456789' }))).toEqual({ kind: 'user', login: 'ada-ops' });
  });

  it('a wrong token stays a 401, a spent rate limit stays one (both explained as for any call)', async () => {
    const fake = await startFakeGitHub();
    expect((await failureOf(whoAmI(new GitHubApi({ apiUrl: fake.url, token: 'wrong' })))).status).toBe(401);
    fake.override(() => ({ status: 403, headers: { 'x-ratelimit-remaining': '0' }, body: '{"message":"API rate limit exceeded"}' }));
    expect((await failureOf(whoAmI(new GitHubApi({ apiUrl: fake.url, token: fake.token })))).rateLimited).toBe(true);
  });

  it.each([
    ['a 5xx', { status: 503, body: '{"message":"Service Unavailable"}' }, 'GET /user: GitHub answered 503: Service Unavailable'],
    ['a 404', { status: 404, body: '{"message":"Not Found"}' }, 'GET /user: GitHub answered 404: Not Found'],
    ['no login', { status: 200, body: '{"id":1}' }, 'GET /user: GitHub answered 200 without a login'],
    ['a login that is no login', { status: 200, body: '{"login":"x y\\u001b[31m"}' }, "GET /user: GitHub answered 200 without a login ('x y\\u001b[31m')"],
  ])('%s: the account is unknown, and the failure says nothing is posted', async (_, answer, reason) => {
    const fake = await startFakeGitHub();
    fake.override(() => answer);
    const failure = await failureOf(whoAmI(new GitHubApi({ apiUrl: fake.url, token: fake.token })));
    expect(failure.status).toBeUndefined();
    expect(failure.message).toBe(
      `GitHub did not say which account GITHUB_TOKEN belongs to (${reason}); nothing is posted, so that no one else's comment or issue is taken for this tool's`,
    );
  });
});

describe('authoredBy', () => {
  const user: Identity = { kind: 'user', login: 'Ada-Ops' };
  const installation: Identity = { kind: 'installation' };
  it.each([
    [user, { login: 'Ada-Ops', type: 'User' }, true],
    [user, { login: 'ada-ops', type: 'User' }, true], // logins are case-insensitive on GitHub
    [user, { login: 'mallory', type: 'User' }, false],
    [user, BOT, false],
    [user, { login: 'Ada-Ops-2', type: 'User' }, false],
    [installation, BOT, true],
    [installation, { login: 'acme-deployer[bot]', type: 'Bot' }, true],
    [installation, { login: 'github-actions[bot]', type: 'User' }, false],
    [installation, { login: 'mallory', type: 'User' }, false],
    [installation, { login: 'mallory', type: 'Bot' }, false],
    [installation, { type: 'Bot' }, false],
    [installation, null, false],
    [installation, undefined, false],
  ])('%j, author %j: %s', (identity, author, ours) => expect(authoredBy(identity, author)).toBe(ours));
});
