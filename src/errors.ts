/**
 * The one error type of the tool. Every failure a user can cause or meet (bad spec, HTTP error, refused
 * connection, stale plan) is a GitopsError with a stable `code`; the CLI prints `message` (and `hint`) in exactly
 * one place and maps `code` to an exit status. Anything else that escapes is a bug and is printed with its stack.
 */
import type { Problem } from './model/problem.js';
import type { Palette } from './util/color.js';
import { printable } from './util/printable.js';

export type ErrorCode =
  | 'USAGE' // wrong flags or arguments
  | 'SPEC_INVALID' // the pipeline YAML has problems (`problems` lists them)
  | 'API_ERROR' // the server answered with an error status, or with a 2xx of the wrong shape
  | 'AUTH_FAILED' // 401 / 403
  | 'NETWORK' // connection refused, reset, DNS, timeout
  | 'NOT_FOUND' // a named resource does not exist
  | 'CONFLICT' // two remote resources share a name, or similar ambiguity
  | 'STALE_PLAN' // a saved plan no longer matches Airbyte
  | 'CHECK_FAILED' // a connection check failed
  | 'INTERRUPTED'; // SIGINT / SIGTERM

/** What a GitopsError may carry besides its message. The typed fields are the ones code branches on. */
export interface GitopsErrorOptions {
  /** Free-form details for --json output and tests; nothing should branch on them. Never secret values. */
  meta?: Record<string, unknown>;
  hint?: string;
  cause?: unknown;
  /** See `GitopsError.ambiguous`. */
  ambiguous?: boolean;
  /** See `GitopsError.status`. */
  status?: number;
  /** See `GitopsError.problems`. */
  problems?: Problem[];
  /** See `GitopsError.details`. */
  details?: string[];
}

export class GitopsError extends Error {
  readonly code: ErrorCode;
  /** Free-form details for --json output and tests. Never holds secret values; control flow reads the typed fields. */
  readonly meta: Record<string, unknown>;
  /** What the user can do about it, printed after the message. */
  readonly hint: string | undefined;
  /**
   * True when a call that is not idempotent (a create, a sync) failed in a way that leaves open whether the server
   * acted on it: look (list by name) before sending it again. apply's no-duplicate guarantee rests on this.
   */
  readonly ambiguous: boolean;
  /** The HTTP status the server answered with, when it answered at all. */
  readonly status: number | undefined;
  /** For SPEC_INVALID (and a refused saved plan): every problem found, each with its file:line:col. */
  readonly problems: Problem[] | undefined;
  /**
   * Lines printed under the message, one item each (the failed checks, the destructive changes). The message itself
   * is one line: a line break inside it comes from a quoted name and is printed escaped.
   */
  readonly details: string[];

  constructor(code: ErrorCode, message: string, options: GitopsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GitopsError';
    this.code = code;
    this.meta = options.meta ?? {};
    this.hint = options.hint;
    this.ambiguous = options.ambiguous ?? false;
    this.status = options.status;
    this.problems = options.problems;
    this.details = options.details ?? [];
  }
}

/** Exit statuses: a contract for CI. */
export const ExitCode = {
  ok: 0,
  error: 1,
  /** plan --detailed-exitcode: changes present. */
  changes: 2,
  interrupted: 130,
} as const;

/**
 * A GitopsError the one way the tool shows errors: `error: message`, its details indented, then the hint. Messages
 * quote names and server text: a control character or line break in them is shown escaped.
 */
export function errorText(error: GitopsError, palette: Palette): string {
  const lines = [`${palette.red('error:')} ${printable(error.message)}`, ...error.details.map((detail) => `  ${printable(detail)}`)];
  if (error.hint) lines.push(`${palette.dim('hint:')} ${printable(error.hint)}`);
  return lines.join('\n') + '\n';
}
