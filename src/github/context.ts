/**
 * The standard GitHub Actions variables the tool reads (from the run's environment, never process.env), checked as
 * they come in: a repository that is not `owner/name`, an API URL that would send the token in clear or with
 * credentials, an event file that is not JSON are each a reason not to call GitHub, said in one sentence.
 */
import { readFileSync } from 'node:fs';
import { isLoopbackHost } from '../util/loopback.js';
import { printable } from '../util/printable.js';

export const DEFAULT_API_URL = 'https://api.github.com';
export const DEFAULT_SERVER_URL = 'https://github.com';
/** An event file larger than this is not one GitHub wrote (they are a few KiB to a few hundred KiB). */
const MAX_EVENT_BYTES = 25 * 1024 * 1024;

/** What every GitHub call needs. */
export interface Repository {
  token: string;
  /** `owner/name`. */
  repository: string;
  apiUrl: string;
}

/** Where the job's log is, and the commit the job runs on. */
export interface RunInfo {
  /** `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID` (with `/attempts/N` past the first). */
  runUrl?: string;
  /** GITHUB_SHA. */
  sha?: string;
}

const value = (env: NodeJS.ProcessEnv, name: string) => {
  const text = env[name];
  return text === undefined || text.trim() === '' ? undefined : text.trim();
};

/** A reason the GitHub side is skipped: the warning's text. */
export class Skip {
  constructor(readonly reason: string) {}
}

/** A http(s) URL without credentials, and https unless it stays on this machine (the token would travel in clear). */
function checkUrl(text: string, name: string): string | Skip {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return new Skip(`${name} is not a URL: '${printable(text)}'`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return new Skip(`${name} must be an https:// URL (got '${printable(url.origin)}'): the token is not sent in clear`);
  }
  if (url.username !== '' || url.password !== '') return new Skip(`${name} must not hold credentials`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL, or which of them is missing or wrong. */
export function repositoryFrom(env: NodeJS.ProcessEnv): Repository | Skip {
  const token = value(env, 'GITHUB_TOKEN');
  const repository = value(env, 'GITHUB_REPOSITORY');
  const missing = [...(token === undefined ? ['GITHUB_TOKEN'] : []), ...(repository === undefined ? ['GITHUB_REPOSITORY'] : [])];
  if (missing.length > 0) {
    const which = missing.join(' and ');
    return new Skip(`${which} ${missing.length === 1 ? 'is' : 'are'} not set (in a workflow, pass env GITHUB_TOKEN: \${{ github.token }})`);
  }
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository ?? '')) {
    return new Skip(`GITHUB_REPOSITORY must be owner/name (got '${printable(repository ?? '')}')`);
  }
  const apiUrl = checkUrl(value(env, 'GITHUB_API_URL') ?? DEFAULT_API_URL, 'GITHUB_API_URL');
  if (apiUrl instanceof Skip) return apiUrl;
  return { token: token ?? '', repository: repository ?? '', apiUrl };
}

const SHA = /^[0-9a-f]{7,64}$/i;

/** The job's run page and commit, when the variables are there and well formed (else left out of the bodies). */
export function runInfoFrom(env: NodeJS.ProcessEnv): RunInfo {
  const info: RunInfo = {};
  const sha = value(env, 'GITHUB_SHA');
  if (sha !== undefined && SHA.test(sha)) info.sha = sha.toLowerCase();
  const server = checkUrl(value(env, 'GITHUB_SERVER_URL') ?? DEFAULT_SERVER_URL, 'GITHUB_SERVER_URL');
  const repository = value(env, 'GITHUB_REPOSITORY');
  const runId = value(env, 'GITHUB_RUN_ID');
  const attempt = value(env, 'GITHUB_RUN_ATTEMPT');
  if (
    typeof server === 'string' &&
    repository !== undefined &&
    /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository) &&
    runId !== undefined &&
    /^\d+$/.test(runId)
  ) {
    const attempts = attempt !== undefined && /^\d+$/.test(attempt) && Number(attempt) > 1 ? `/attempts/${Number(attempt)}` : '';
    info.runUrl = new URL(`${server}/${repository}/actions/runs/${runId}${attempts}`).href;
  }
  return info;
}

/** The pull request an event is about: its number and its head commit. */
export interface PullRequest {
  number: number;
  /**
   * `pull_request.head.sha`: the branch's latest commit, as reviewers see it. Not the commit the job checks out: on
   * `pull_request` that is GitHub's merge commit of the head into the base (GITHUB_SHA), on `pull_request_target` the base.
   */
  headSha?: string;
}

/** The pull request of GITHUB_EVENT_PATH's event, or why there is none (not set, unreadable, not a pull-request event). */
export function pullRequestFrom(env: NodeJS.ProcessEnv): PullRequest | Skip {
  const path = value(env, 'GITHUB_EVENT_PATH');
  const event = value(env, 'GITHUB_EVENT_NAME');
  if (path === undefined) return new Skip('GITHUB_EVENT_PATH is not set: the pull request to comment on is unknown');
  let payload: unknown;
  try {
    const text = readFileSync(path);
    if (text.length > MAX_EVENT_BYTES) return new Skip(`GITHUB_EVENT_PATH names a file larger than ${MAX_EVENT_BYTES / 1024 / 1024} MiB`);
    payload = JSON.parse(text.toString('utf8'));
  } catch (error) {
    const code = error !== null && typeof error === 'object' && 'code' in error ? ` (${String((error as { code: unknown }).code)})` : ' (not JSON)';
    return new Skip(`GITHUB_EVENT_PATH cannot be read${code}`);
  }
  const pr = payload !== null && typeof payload === 'object' ? (payload as { pull_request?: unknown }).pull_request : undefined;
  const number = pr !== null && typeof pr === 'object' ? (pr as { number?: unknown }).number : undefined;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
    const name = event === undefined ? '' : ` (GITHUB_EVENT_NAME=${printable(event)})`;
    return new Skip(`this run is not for a pull request${name}: there is no pull request to comment on`);
  }
  const head = (pr as { head?: { sha?: unknown } }).head?.sha;
  return { number, ...(typeof head === 'string' && SHA.test(head) ? { headSha: head.toLowerCase() } : {}) };
}

/** Variables whose names say they hold a secret (tokens, passwords, keys). */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY/i;
/** Shorter values, and flags and numbers, are left alone: `SOME_TOKEN_ENABLED=true` must not hide every `true`. */
const MIN_GUESSED_LENGTH = 8;

/**
 * The values of the environment's variables whose names say they hold a secret (GITHUB_TOKEN, AIRBYTE_CLIENT_SECRET,
 * a pipeline's DB_PASSWORD...): redacted from everything posted on GitHub, whether or not the run used them.
 */
export function environmentSecrets(env: NodeJS.ProcessEnv): string[] {
  const found = new Set<string>();
  for (const [name, text] of Object.entries(env)) {
    if (text === undefined || !SECRET_NAME.test(name) || /_URL$/i.test(name)) continue;
    if (name === 'GITHUB_TOKEN' || (text.length >= MIN_GUESSED_LENGTH && !/^(true|false|yes|no|on|off|[\d.]+)$/i.test(text))) {
      if (text !== '') found.add(text);
    }
  }
  return [...found];
}
