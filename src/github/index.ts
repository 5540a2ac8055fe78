/**
 * `plan --github-comment` / `--github-drift-issue`: the plan's outcome on GitHub. The job summary gets the whole
 * plan; a pull request gets one sticky comment (found by its marker and its author, the token's own account: created
 * once, then updated in place); a scheduled drift check opens, updates or closes one issue, found the same way.
 * Nothing here changes the plan's exit status: every failure on the GitHub side ends as one warning line saying what
 * happened and what to do.
 */
import { appendFileSync } from 'node:fs';
import { redact } from '../secrets/redact.js';
import { printable } from '../util/printable.js';
import {
  commentBody,
  DRIFT_LABEL,
  driftBody,
  driftClosedComment,
  driftTitle,
  GITHUB_BODY_LIMIT,
  hasMarker,
  summaryBody,
  type PlanOutcome,
  type Provenance,
} from './body.js';
import { environmentSecrets, pullRequestFrom, repositoryFrom, runInfoFrom, Skip, type Repository } from './context.js';
import { GitHubApi, GitHubFailure } from './http.js';
import { authorName, authoredBy, whoAmI, type Identity } from './identity.js';

export { checkKey, DEFAULT_KEY, type PlanOutcome } from './body.js';

/** Pages of a pull request's comments read to find the sticky one (100 each): 3,000 comments. */
export const MAX_COMMENT_PAGES = 30;
/** Pages of open drift-labelled issues read to find this key's (100 each). */
export const MAX_ISSUE_PAGES = 10;

export interface PublishOptions {
  comment: boolean;
  driftIssue: boolean;
  /** `--github-comment-key` (checked already). */
  key: string;
  env: NodeJS.ProcessEnv;
  /** The plan's secret values: redacted from every body, with GITHUB_TOKEN and the environment's (environmentSecrets). */
  secrets: readonly string[];
  /** One warning line (the caller prints it, and annotates it under Actions). */
  warn(message: string): void;
  /** What was done on GitHub, one line. */
  note(message: string): void;
  debug?(line: string): void;
}

/** Writes the outcome to the job summary, the pull request's comment and the drift issue, as the options ask. */
export async function publishPlan(options: PublishOptions, outcome: PlanOutcome): Promise<void> {
  const secrets = [...options.secrets, ...environmentSecrets(options.env)];
  const run = runInfoFrom(options.env);
  const summary = writeSummary(options, outcome, run, secrets);
  // The token's account, asked at most once per run (both tasks share it), and only when a task reaches GitHub.
  let identity: Promise<Identity> | undefined;
  const account = (github: GitHubApi) => (identity ??= whoAmI(github));
  if (options.comment) {
    await guarded(options, secrets, 'the plan comment was not posted', 'pull-requests: write', summary, async () => {
      const pr = pullRequestFrom(options.env);
      if (pr instanceof Skip) return pr;
      const repository = repositoryFrom(options.env);
      if (repository instanceof Skip) return repository;
      // The comment names the head reviewers see, not the commit checked out (a merge commit, or the base): docs/github.md.
      const from: Provenance = { ...run, ...(pr.headSha === undefined ? {} : { head: pr.headSha }) };
      const body = commentBody(options.key, outcome, from, { secrets, limit: GITHUB_BODY_LIMIT });
      const github = api(options, repository);
      await upsertComment(github, await account(github), repository.repository, pr.number, options, body);
      return undefined;
    });
  }
  if (options.driftIssue) {
    if (outcome.kind === 'failed') {
      options.warn('the plan failed, so the drift check cannot tell whether Airbyte drifted: the drift issue is left as it is');
      return;
    }
    await guarded(options, secrets, 'the drift issue was not updated', 'issues: write', summary, async () => {
      const repository = repositoryFrom(options.env);
      if (repository instanceof Skip) return repository;
      const github = api(options, repository);
      await syncDriftIssue(github, await account(github), repository.repository, options, outcome, run, secrets);
      return undefined;
    });
  }
}

function api(options: PublishOptions, repository: Repository): GitHubApi {
  return new GitHubApi({
    apiUrl: repository.apiUrl,
    token: repository.token,
    ...(options.debug === undefined ? {} : { debug: options.debug }),
  });
}

/** Appends the outcome to GITHUB_STEP_SUMMARY when it is set; true when written. */
function writeSummary(options: PublishOptions, outcome: PlanOutcome, run: Provenance, secrets: readonly string[]): boolean {
  const path = options.env['GITHUB_STEP_SUMMARY'];
  if (path === undefined || path === '') return false;
  try {
    appendFileSync(path, summaryBody(options.key, outcome, run, secrets));
    return true;
  } catch (error) {
    const code = error !== null && typeof error === 'object' && 'code' in error ? ` (${String((error as { code: unknown }).code)})` : '';
    options.warn(`the plan was not written to the job summary: GITHUB_STEP_SUMMARY cannot be appended to${code}`);
    return false;
  }
}

/** Runs one GitHub task; a Skip or a failure becomes one warning naming what was not done and why. */
async function guarded(
  options: PublishOptions,
  secrets: readonly string[],
  what: string,
  permission: string,
  summary: boolean,
  task: () => Promise<Skip | undefined>,
): Promise<void> {
  try {
    const skipped = await task();
    if (skipped !== undefined) options.warn(`${what}: ${skipped.reason}`);
  } catch (error) {
    if (error instanceof GitHubFailure) {
      options.warn(`${what}: ${explain(error, permission, summary)}`);
      return;
    }
    // A bug here must not fail a plan that succeeded: it is reported, as a warning.
    const message = error instanceof Error ? error.message : String(error);
    options.warn(`${what}: internal error (please report it): ${printable(redact(message, secrets))}`);
  }
}

/** A failure in the user's terms: a 403 is most often a fork's read-only token; a 401 a wrong token. */
function explain(failure: GitHubFailure, permission: string, summary: boolean): string {
  const where = summary ? 'the job summary and the log' : 'the job log';
  if (failure.status === 403 && !failure.rateLimited) {
    return (
      `GitHub refused the token (403, read-only or missing permission). A pull request from a fork gets a read-only ` +
      `GITHUB_TOKEN, so nothing can be posted for it: the plan is in ${where}. Otherwise give the workflow ` +
      `\`permissions: ${permission}\`. (${failure.message})`
    );
  }
  if (failure.rateLimited) return `GitHub's rate limit is spent; the plan is in ${where}. (${failure.message})`;
  if (failure.status === 401) return `GitHub does not accept GITHUB_TOKEN (401): check the token. (${failure.message})`;
  if (failure.status === 404)
    return `GitHub answered 404: the repository, pull request or issue does not exist or the token cannot see it. (${failure.message})`;
  return failure.message;
}

interface Comment {
  id: number;
  body?: unknown;
  user?: unknown;
}

const isComment = (item: unknown): item is Comment => item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'number';

/**
 * Sorts a list as it is read: `ours` is true for an item with the marker written by the token's account; the items
 * with the marker written by someone else (seen before ours) are kept in `others`, never edited, only told of.
 */
function ownership<T extends { user?: unknown }>(identity: Identity, marked: (item: unknown) => item is T) {
  const others: T[] = [];
  const ours = (item: unknown): boolean => {
    if (!marked(item)) return false;
    if (authoredBy(identity, item.user)) return true;
    others.push(item);
    return false;
  };
  return { ours, others };
}

/** One line of the log about the marked items of other authors: `Left alone comment 12 by @mallory (and 1 more)…`. */
function leftAlone<T extends { user?: unknown }>(others: readonly T[], what: (item: T) => string): string | undefined {
  const first = others[0];
  if (first === undefined) return undefined;
  const more = others.length > 1 ? ` (and ${others.length - 1} more)` : '';
  return `Left alone ${what(first)} by ${authorName(first.user)}${more}: it carries this tool's marker but was not written by this token's account.`;
}

/**
 * The one comment whose first line is this key's marker and whose author is the token's account: updated if there,
 * else created. The first (oldest) such comment is the sticky one; a quoted marker further down a comment is not
 * one, and a marked comment of someone else is never edited (it does not stop the tool from posting its own).
 */
async function upsertComment(github: GitHubApi, identity: Identity, repository: string, number: number, options: PublishOptions, body: string): Promise<void> {
  const mine = ownership(identity, (item): item is Comment => isComment(item) && hasMarker(item.body, 'plan', options.key));
  const found = await github.find<unknown>(`/repos/${repository}/issues/${number}/comments`, MAX_COMMENT_PAGES, (item) => mine.ours(item));
  const others = leftAlone(mine.others, (comment) => `comment ${comment.id} on pull request #${number}`);
  if (others !== undefined) options.note(others);
  const existing = found.item as Comment | undefined;
  if (existing !== undefined) {
    await github.call('PATCH', `/repos/${repository}/issues/comments/${existing.id}`, { body });
    options.note(`Updated the plan comment on pull request #${number}.`);
    return;
  }
  if (!found.complete) options.warn(`pull request #${number} has more than ${MAX_COMMENT_PAGES * 100} comments: the plan comment was not looked for past them`);
  await github.call('POST', `/repos/${repository}/issues/${number}/comments`, { body });
  options.note(`Posted the plan as a comment on pull request #${number}.`);
}

interface Issue {
  number: number;
  body?: unknown;
  user?: unknown;
  pull_request?: unknown;
  labels?: unknown;
}

const isIssue = (item: unknown): item is Issue =>
  item !== null && typeof item === 'object' && typeof (item as { number?: unknown }).number === 'number' && (item as Issue).pull_request === undefined;

const labelled = (issue: Issue) =>
  Array.isArray(issue.labels) &&
  issue.labels.some((label) => label === DRIFT_LABEL || (label !== null && typeof label === 'object' && (label as { name?: unknown }).name === DRIFT_LABEL));

/**
 * Changes: the open drift issue of this key updated, or one opened (labelled, so the next check finds it by the
 * label, with the marker and its author, the token's account, as proof). No changes: the open one closed with a
 * comment. Found among open issues with the drift label only, a bounded number of pages; an issue someone else
 * opened with the label and the marker is never edited nor closed.
 */
async function syncDriftIssue(
  github: GitHubApi,
  identity: Identity,
  repository: string,
  options: PublishOptions,
  outcome: Extract<PlanOutcome, { kind: 'planned' }>,
  run: Provenance,
  secrets: readonly string[],
): Promise<void> {
  const mine = ownership(identity, (item): item is Issue => isIssue(item) && hasMarker(item.body, 'drift', options.key));
  const found = await github.find<unknown>(`/repos/${repository}/issues?state=open&labels=${DRIFT_LABEL}`, MAX_ISSUE_PAGES, (item) => mine.ours(item));
  const others = leftAlone(mine.others, (issue) => `issue #${issue.number}`);
  if (others !== undefined) options.note(others);
  const open = found.item as Issue | undefined;
  if (!outcome.changes) {
    if (open === undefined) {
      options.note('No drift: no drift issue is open.');
      return;
    }
    await github.call('POST', `/repos/${repository}/issues/${open.number}/comments`, { body: driftClosedComment(run, { secrets, limit: GITHUB_BODY_LIMIT }) });
    await github.call('PATCH', `/repos/${repository}/issues/${open.number}`, { state: 'closed', state_reason: 'completed' });
    options.note(`No drift: closed drift issue #${open.number}.`);
    return;
  }
  const title = redact(driftTitle(options.key), secrets);
  const body = driftBody(options.key, outcome, run, { secrets, limit: GITHUB_BODY_LIMIT });
  if (open !== undefined) {
    await github.call('PATCH', `/repos/${repository}/issues/${open.number}`, { title, body });
    options.note(`Airbyte drifted from Git: updated drift issue #${open.number}.`);
    return;
  }
  const created = await github.call('POST', `/repos/${repository}/issues`, { title, body, labels: [DRIFT_LABEL] });
  const issue = isIssue(created.json) ? created.json : undefined;
  options.note(`Airbyte drifted from Git: opened drift issue${issue === undefined ? '' : ` #${issue.number}`}.`);
  if (issue !== undefined && !labelled(issue)) {
    options.warn(
      `drift issue #${issue.number} was opened without the '${printable(DRIFT_LABEL)}' label (the token may not set labels): ` +
        'the next drift check will not find it and opens another; add the label to it by hand',
    );
  }
}
