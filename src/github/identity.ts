/**
 * Whose comments and issues are the tool's own: only what the token's own account wrote. On a public repository
 * anyone can post a comment whose first line is the marker, and a token that may write can edit anyone's comment, so
 * the marker alone would let a stranger's comment be taken over (the plan shown under their name, for them to edit
 * into a fake "no changes" later). The account is learned once per run, with one call, and never guessed:
 *
 * - `GET /user` answers: a personal access token or a GitHub App's user token; its login is the author to match.
 * - `GET /user` is refused with 403 ("Resource not accessible by integration"): an installation token. The Actions
 *   `GITHUB_TOKEN` is one (its comments are `github-actions[bot]`'s), and so is a GitHub App's own token (`<slug>[bot]`),
 *   but such a token cannot ask which app it belongs to. Then an author counts as the tool's when it is a bot account
 *   (`type: "Bot"`, a `[bot]` login): only an app installed on the repository by its admins can write as one, never a
 *   person, so a stranger's comment is never taken.
 * - Any other answer (5xx, no answer, a rate limit, 401, not JSON): the account is unknown and nothing is posted.
 */
import { printable } from '../util/printable.js';
import { GitHubFailure, type GitHubApi } from './http.js';

export type Identity =
  /** A user's token (`GET /user` answered): the login its comments and issues carry. */
  | { kind: 'user'; login: string }
  /** An installation token (`GITHUB_TOKEN`, a GitHub App's): its comments are a bot account's. */
  | { kind: 'installation' };

/**
 * A login as GitHub answers it: letters, digits and hyphens on github.com, `_` for managed users (`ada_acme`), `.`
 * on some Enterprise Servers; an app's bot account ends in `[bot]`. Anything else is not GitHub's answer.
 */
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}(?:\[bot\])?$/;

const loginOf = (user: unknown): string | undefined => {
  const login = user !== null && typeof user === 'object' ? (user as { login?: unknown }).login : undefined;
  return typeof login === 'string' ? login : undefined;
};

/** The account behind the token, with one call; a GitHubFailure when GitHub does not say (nothing may be posted then). */
export async function whoAmI(github: GitHubApi): Promise<Identity> {
  let answer;
  try {
    answer = await github.call('GET', '/user');
  } catch (error) {
    if (!(error instanceof GitHubFailure)) throw error;
    if (error.status === 403 && !error.rateLimited) return { kind: 'installation' };
    // A wrong token (401) and a spent rate limit are explained as they are for every other call.
    if (error.status === 401 || error.rateLimited) throw error;
    throw unknownAccount(error.message);
  }
  const login = loginOf(answer.json);
  if (login === undefined || !LOGIN.test(login)) {
    throw unknownAccount(`GET /user: GitHub answered ${answer.status} without a login${login === undefined ? '' : ` ('${printable(login).slice(0, 60)}')`}`);
  }
  return { kind: 'user', login };
}

function unknownAccount(reason: string): GitHubFailure {
  return new GitHubFailure(
    `GitHub did not say which account GITHUB_TOKEN belongs to (${reason}); nothing is posted, so that no one else's comment or issue is taken for this tool's`,
  );
}

/** True when `user` (a comment's or issue's `user`) is the token's own account. */
export function authoredBy(identity: Identity, user: unknown): boolean {
  const login = loginOf(user);
  if (login === undefined) return false;
  if (identity.kind === 'user') return login.toLowerCase() === identity.login.toLowerCase();
  return (user as { type?: unknown }).type === 'Bot' && login.endsWith('[bot]');
}

/** The author of a comment or issue, for a line of the log (a login from outside: made printable, bounded). */
export function authorName(user: unknown): string {
  const login = loginOf(user);
  return login === undefined ? 'an unknown account' : `@${printable(login).slice(0, 60)}`;
}
