/**
 * The one error type of the tool. Every failure a user can cause or meet (bad spec, HTTP error, refused
 * connection, stale plan) is a GitopsError with a stable `code`; the CLI prints `message` (and `hint`) in exactly
 * one place and maps `code` to an exit status. Anything else that escapes is a bug and is printed with its stack.
 */
export type ErrorCode =
  | 'USAGE' // wrong flags or arguments
  | 'SPEC_INVALID' // the pipeline YAML has problems (meta.problems lists them)
  | 'API_ERROR' // the server answered with an error status
  | 'AUTH_FAILED' // 401 / 403
  | 'NETWORK' // connection refused, reset, DNS, timeout
  | 'NOT_FOUND' // a named resource does not exist
  | 'CONFLICT' // two remote resources share a name, or similar ambiguity
  | 'STALE_PLAN' // a saved plan no longer matches Airbyte
  | 'CHECK_FAILED' // a connection check failed
  | 'INTERRUPTED'; // SIGINT / SIGTERM

export class GitopsError extends Error {
  readonly code: ErrorCode;
  /** Structured details for --json output and tests. Never holds secret values. */
  readonly meta: Record<string, unknown>;
  /** What the user can do about it, printed after the message. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { meta?: Record<string, unknown>; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GitopsError';
    this.code = code;
    this.meta = options.meta ?? {};
    this.hint = options.hint;
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
