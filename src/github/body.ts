/**
 * What the tool writes on GitHub, as pure functions of the plan's outcome: the sticky pull-request comment, the drift
 * issue and the job summary. Each body starts with a hidden marker line that finds it again on the next run; text
 * from outside (an error message quoting names) goes into a code fence no text can close, and the whole body is
 * redacted with the run's secrets before it is measured, so a body never grows past GitHub's limit afterwards.
 */
import { GitopsError } from '../errors.js';
import { redact } from '../secrets/redact.js';
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

/** Where a body says it comes from: the commit planned and the job's log. */
export interface Provenance {
  /** The commit planned (a pull request's head), shown short. */
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

/** `Commit `abc1234` · [job log](…)`: where the plan came from, when known. */
function provenanceLine(from: Provenance): string | undefined {
  const parts = [
    ...(from.sha === undefined ? [] : [`Commit <code>${short(from.sha)}</code>`]),
    ...(from.runUrl === undefined ? [] : [`<a href="${from.runUrl}">job log</a>`]),
  ];
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

/**
 * Builds a body from `head` lines and the plan's Markdown rendered to fit what is left, redacted; the plan is
 * rendered again smaller in the rare case redaction made it longer (a secret is replaced by `(sensitive)`).
 */
function fit(head: string[], outcome: Extract<PlanOutcome, { kind: 'planned' }>, from: Provenance, rules: BodyRules): string {
  const prefix = redact(head.join('\n'), rules.secrets);
  const note = cutNote(from.runUrl, rules.summary === true);
  const whole = outcome.markdown(Number.MAX_SAFE_INTEGER).length;
  let room = rules.limit - prefix.length - note.length - MARGIN;
  for (let attempt = 0; attempt < 4 && room > 0; attempt += 1) {
    const markdown = outcome.markdown(room);
    const cut = markdown.length < whole;
    const body = redact(`${prefix}\n${markdown.trimEnd()}\n${cut ? `\n${note}\n` : ''}`, rules.secrets);
    if (body.length <= rules.limit) return body;
    // Redaction grew the plan by about body/room: shrink the room by as much, and a little more.
    room = Math.floor((room * rules.limit) / body.length) - MARGIN;
  }
  // Only a pathological set of secrets gets here: the plan is left out rather than posted past the limit.
  return redact(`${prefix}\n${note}\n`, rules.secrets);
}

function failureBody(head: string[], message: string, rules: BodyRules, what: string): string {
  const prefix = [...head, `${what} The error, as the job log shows it:`, ''].join('\n');
  const clean = redact(message, rules.secrets);
  const room = rules.limit - prefix.length - MARGIN;
  return redact(`${prefix}\n${fenced(cutLines(clean, room)).join('\n')}\n`, rules.secrets);
}

/** The sticky comment: marker, a heading that says at a glance "no changes", "N changes" or "failed", then the plan. */
export function commentBody(key: string, outcome: PlanOutcome, from: Provenance, rules: BodyRules): string {
  const label = key === DEFAULT_KEY ? '' : ` (${key})`;
  const line = provenanceLine(from);
  const head = (title: string) => [marker('plan', key), `## ${title}${label}`, ...(line === undefined ? [] : ['', line]), ''];
  if (outcome.kind === 'failed') {
    return failureBody(head('❌ Airbyte plan failed'), outcome.message, rules, 'No plan could be made for this commit, so none is shown.');
  }
  const title = outcome.changes ? `📝 Airbyte plan: ${outcome.summary.replace(/^Plan: /, '').replace(/\.$/, '')}` : '✅ Airbyte plan: no changes';
  return fit(head(title), outcome, from, rules);
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
    marker('drift', key),
    'Airbyte no longer matches the pipeline in Git: something was changed outside Git (in the Airbyte UI or API), ' +
      'or a change merged in Git was not applied. Apply the pipeline to put Airbyte back as Git says, or change the ' +
      'pipeline to keep what Airbyte has now.',
    '',
    'The scheduled drift check updates this issue while the drift lasts and closes it when Airbyte matches Git again.',
    ...(line === undefined ? [] : ['', line]),
    '',
  ];
  return fit(head, outcome, from, rules);
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
