/**
 * What the tool writes on GitHub, as pure functions of the plan's outcome: the sticky pull-request comment, the drift
 * issue and the job summary. Each body starts with a hidden marker line that finds it again on the next run; text
 * from outside (an error message quoting names) goes into a code fence no text can close, and everything under the
 * marker is redacted with the run's secrets before the body is measured, so a body never grows past GitHub's limit
 * afterwards. The marker itself is never redacted (see `withMarker`).
 */
import { GitopsError } from '../errors.js';
import { MIN_REDACTED_LENGTH, redact, secretForms } from '../secrets/redact.js';
import { printable } from '../util/printable.js';

/** GitHub refuses a comment or issue body longer than this (characters). */
export const GITHUB_BODY_LIMIT = 65_536;
/** GitHub shows at most 1 MiB of one step's job summary; a step's summary past it fails to upload. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room kept under GitHub's limit: the body is measured in UTF-16 units, GitHub counts characters (never more). */
const MARGIN = 512;

export const DEFAULT_KEY = 'default';
const KEY = /^[A-Za-z0-9._-]{1,64}$/;

/** `--github-comment-key`: letters, digits, `.`, `_`, `-` (it goes into the hidden marker, which nothing may close). */
export function checkKey(key: string): string {
  if (!KEY.test(key)) {
    throw new GitopsError('USAGE', `--github-comment-key must be 1 to 64 letters, digits, '.', '_' or '-' (got '${printable(key)}')`, {
      hint: 'the key tells apart several plans posted on one pull request, e.g. --github-comment-key production',
    });
  }
  return key;
}

export type MarkerKind = 'plan' | 'drift';

/** `<!-- airbyte-gitops:plan:<key> -->`: the first line of every body the tool posts, how it finds its own again. */
export function marker(kind: MarkerKind, key: string): string {
  return `<!-- airbyte-gitops:${kind}:${checkKey(key)} -->`;
}

/** True when `body`'s first line is exactly the marker (a marker quoted further down, e.g. in a reply, does not count). */
export function hasMarker(body: unknown, kind: MarkerKind, key: string): boolean {
  if (typeof body !== 'string') return false;
  const first = body.split(/\r?\n/, 1)[0] ?? '';
  return first.trim() === marker(kind, key);
}

/** What the plan came to, as the commands layer hands it over. */
export type PlanOutcome =
  | {
      kind: 'planned';
      /** Any create, update, replace or delete. */
      changes: boolean;
      /** `Plan: 1 to create, …` or the no-change line. */
      summary: string;
      /** The plan's Markdown in at most `limit` characters (cut between whole blocks with a note when longer). */
      markdown(limit: number): string;
    }
  | {
      kind: 'failed';
      /** What the CLI prints for the error (problems, `error:` line, hint), plain text without colour or stack. */
      message: string;
    };

/** Where a body says it comes from: a commit and the job's log. */
export interface Provenance {
  /**
   * The pull request's head commit (`pull_request.head.sha`), shown short: the commit reviewers see on the pull
   * request. It is not what the job checked out and planned (GitHub's merge commit on `pull_request`, the base on
   * `pull_request_target`), so the body names it as the head, never as "the commit planned".
   */
  head?: string;
  /** The commit the job runs on (GITHUB_SHA), shown short when there is no pull request head. */
  sha?: string;
  /** The job's run page on GitHub. */
  runUrl?: string;
}

/** The redaction and size rules every body goes through. */
export interface BodyRules {
  /** Secret values of this run, never written to GitHub. */
  secrets: readonly string[];
  /** Characters at most (comments and issues: GITHUB_BODY_LIMIT). */
  limit: number;
  /** The body is the job summary (its cut note points at the log only). */
  summary?: boolean;
}

const short = (sha: string) => sha.slice(0, 7);

/** `Pull request head `abc1234` · [job log](…)` (or `Commit `…`` off a pull request): where the plan came from. */
function provenanceLine(from: Provenance): string | undefined {
  const commit =
    from.head !== undefined
      ? `Pull request head <code>${short(from.head)}</code>`
      : from.sha !== undefined
        ? `Commit <code>${short(from.sha)}</code>`
        : undefined;
  const parts = [...(commit === undefined ? [] : [commit]), ...(from.runUrl === undefined ? [] : [`<a href="${from.runUrl}">job log</a>`])];
  return parts.length === 0 ? undefined : `<sub>${parts.join(' · ')}</sub>`;
}

/** A fence longer than any run of backticks in `text`: nothing inside can close it, and nothing inside is Markdown. */
export function fenced(text: string, lang = 'text'): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const lines = text.trimEnd().split('\n').map(printable);
  return [`${fence}${lang}`, ...lines, fence];
}

/** Lines of `text` kept whole from the start, at most `room` characters, with a last line saying how many were left out. */
function cutLines(text: string, room: number): string {
  if (text.length <= room) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > room - 80) break;
    kept.push(line);
    used += line.length + 1;
  }
  return `${kept.join('\n')}\n… ${lines.length - kept.length} more lines in the job log`;
}

/** Where the whole plan is when a body holds only part of it. */
function cutNote(runUrl: string | undefined, inSummary: boolean): string {
  const log = runUrl === undefined ? 'the job log' : `[the job log](${runUrl})`;
  return inSummary
    ? `> **The plan is cut to fit in the job summary.** The whole plan is in ${log}.`
    : `> **The plan is cut to fit in a GitHub comment.** The whole plan is in ${log} and the job summary.`;
}

/** True when an occurrence of a secret (in any form `redact` knows) in `text` starts before `edge` and ends after it. */
function straddles(text: string, edge: number, secrets: readonly string[]): boolean {
  for (const secret of secrets) {
    if (secret.length < MIN_REDACTED_LENGTH) continue;
    for (const form of secretForms(secret)) {
      // Exactly the occurrences that hold the character before `edge` and the one at it fit in this window.
      if (text.slice(Math.max(0, edge - form.length + 1), edge + form.length - 1).includes(form)) return true;
    }
  }
  return false;
}

/**
 * `mark` as the first line, then `rest` redacted. The marker is never redacted: it holds only the tool's own words and
 * the key (checked to letters, digits, `.`, `_`, `-`), nothing the run keeps secret that the workflow does not show
 * anyway; redacted, a secret such as `plan`, `gitops` or one equal to the key would turn it into `(sensitive)`, and
 * the next run, not finding its body, would post another (a new comment every push, a new drift issue every night).
 * One case redacts it all the same: a secret that starts on the marker line and runs on into the text under it would
 * otherwise stand whole across the two; keeping the secret wins over finding the body again.
 */
function withMarker(mark: string, rest: string, secrets: readonly string[]): string {
  const body = `${mark}\n${redact(rest, secrets)}`;
  return straddles(body, mark.length + 1, secrets) ? redact(`${mark}\n${rest}`, secrets) : body;
}

/**
 * Builds a body from the marker, `head` lines and the plan's Markdown rendered to fit what is left, redacted; the plan
 * is rendered again smaller in the rare case redaction made it longer (a secret is replaced by `(sensitive)`).
 */
function fit(mark: string, head: string[], outcome: Extract<PlanOutcome, { kind: 'planned' }>, from: Provenance, rules: BodyRules): string {
  const prefix = redact(head.join('\n'), rules.secrets);
  const note = cutNote(from.runUrl, rules.summary === true);
  const whole = outcome.markdown(Number.MAX_SAFE_INTEGER).length;
  let room = rules.limit - (mark.length + 1) - prefix.length - note.length - MARGIN;
  for (let attempt = 0; attempt < 4 && room > 0; attempt += 1) {
    const markdown = outcome.markdown(room);
    const cut = markdown.length < whole;
    const body = withMarker(mark, `${prefix}\n${markdown.trimEnd()}\n${cut ? `\n${note}\n` : ''}`, rules.secrets);
    if (body.length <= rules.limit) return body;
    // Redaction grew the plan by about body/room: shrink the room by as much, and a little more.
    room = Math.floor((room * rules.limit) / body.length) - MARGIN;
  }
  // Only a pathological set of secrets gets here: the plan is left out rather than posted past the limit.
  return withMarker(mark, `${prefix}\n${note}\n`, rules.secrets);
}

/** The marker, `head` lines and the error message in a fence, its first lines as many as fit. */
function failureBody(mark: string, head: string[], message: string, rules: BodyRules, what: string): string {
  const prefix = [...head, `${what} The error, as the job log shows it:`, ''].join('\n');
  const clean = redact(message, rules.secrets);
  const build = (room: number) => withMarker(mark, `${prefix}\n${fenced(cutLines(clean, room)).join('\n')}\n`, rules.secrets);
  let room = rules.limit - (mark.length + 1) - prefix.length - MARGIN;
  for (let attempt = 0; attempt < 4 && room > 0; attempt += 1) {
    const body = build(room);
    if (body.length <= rules.limit) return body;
    // Control characters shown as escapes (six characters each) grew the message: shrink the room as much.
    room = Math.floor((room * rules.limit) / body.length) - MARGIN;
  }
  return build(0);
}

/** The sticky comment: marker, a heading that says at a glance "no changes", "N changes" or "failed", then the plan. */
export function commentBody(key: string, outcome: PlanOutcome, from: Provenance, rules: BodyRules): string {
  const label = key === DEFAULT_KEY ? '' : ` (${key})`;
  const line = provenanceLine(from);
  const mark = marker('plan', key);
  const head = (title: string) => [`## ${title}${label}`, ...(line === undefined ? [] : ['', line]), ''];
  if (outcome.kind === 'failed') {
    return failureBody(mark, head('❌ Airbyte plan failed'), outcome.message, rules, 'No plan could be made for this commit, so none is shown.');
  }
  const title = outcome.changes ? `📝 Airbyte plan: ${outcome.summary.replace(/^Plan: /, '').replace(/\.$/, '')}` : '✅ Airbyte plan: no changes';
  return fit(mark, head(title), outcome, from, rules);
}

export const DRIFT_TITLE = 'Airbyte drifted from Git';
/** The label the drift issue carries: listing open issues by it finds the issue without scanning every issue. */
export const DRIFT_LABEL = 'airbyte-gitops-drift';

export function driftTitle(key: string): string {
  return key === DEFAULT_KEY ? DRIFT_TITLE : `${DRIFT_TITLE} (${key})`;
}

/** The drift issue's body: marker, what drift means and what to do, where it was found, then the plan. */
export function driftBody(key: string, outcome: Extract<PlanOutcome, { kind: 'planned' }>, from: Provenance, rules: BodyRules): string {
  const line = provenanceLine(from);
  const head = [
    'Airbyte no longer matches the pipeline in Git: something was changed outside Git (in the Airbyte UI or API), ' +
      'or a change merged in Git was not applied. Apply the pipeline to put Airbyte back as Git says, or change the ' +
      'pipeline to keep what Airbyte has now.',
    '',
    'The scheduled drift check updates this issue while the drift lasts and closes it when Airbyte matches Git again.',
    ...(line === undefined ? [] : ['', line]),
    '',
  ];
  return fit(marker('drift', key), head, outcome, from, rules);
}

/** The comment that closes the drift issue. */
export function driftClosedComment(from: Provenance, rules: BodyRules): string {
  const at = from.sha === undefined ? '' : ` at commit <code>${short(from.sha)}</code>`;
  const run = from.runUrl === undefined ? '' : ` ([drift check](${from.runUrl}))`;
  return redact(`✅ Airbyte matches Git again${at}${run}: closing.\n`, rules.secrets);
}

/** The job summary: the comment's body without the marker and with the whole plan, up to GitHub's 1 MiB. */
export function summaryBody(key: string, outcome: PlanOutcome, from: Provenance, secrets: readonly string[]): string {
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so this many characters always fit in the byte limit.
  const body = commentBody(key, outcome, from, { secrets, limit: Math.floor(SUMMARY_LIMIT_BYTES / 3), summary: true });
  return `${body.slice(body.indexOf('\n') + 1).trimEnd()}\n\n`;
}
