/**
 * The lines `sync` prints: when a job starts or is attached to, its progress, and how it ended. Pure, so each
 * wording is unit-tested; the I/O loop lives in sync.ts.
 */
import type { AttemptRead, JobRead } from '../api/types.js';
import { durationSeconds, failureReason, isTerminal, jobCounts, type JobCounts } from './job-info.js';
import { formatBytes, formatCount, formatDuration, isoTimestamp } from './format.js';
import { printable } from '../util/printable.js';

/** One connection's job as `sync` follows it. */
export interface JobWatch {
  connection: string;
  connectionId: string;
  jobId: number;
  /** True when a sync was already running (409) and this job is that one. */
  attached: boolean;
  job: JobRead;
  attempts: AttemptRead[];
  /** Set when --timeout passed before the job ended. */
  timedOut?: boolean;
  /** The signal (SIGINT, SIGTERM) that stopped the wait before the job ended. */
  interruptedBy?: NodeJS.Signals;
}

/** `12,345 records, 1.2 MB` from what is known; empty when nothing is. */
function countsText(counts: JobCounts): string {
  const parts: string[] = [];
  if (counts.records !== undefined) parts.push(`${formatCount(counts.records)} records`);
  if (counts.bytes !== undefined) parts.push(formatBytes(counts.bytes));
  return parts.join(', ');
}

export function startLine(watch: JobWatch): string {
  return watch.attached
    ? `'${printable(watch.connection)}': a sync was already running; following job ${watch.jobId} (${watch.job.status})`
    : `'${printable(watch.connection)}': started job ${watch.jobId} (${watch.job.status})`;
}

/** `'X': job 12 running, 5s, 1,000 records, 32.0 KB` — the live line and the periodic line. */
export function progressLine(watch: JobWatch, nowSeconds: number): string {
  const counts = countsText(jobCounts(watch.job, watch.attempts));
  const elapsed = formatDuration(durationSeconds(watch.job, watch.attempts, nowSeconds));
  return `'${printable(watch.connection)}': job ${watch.jobId} ${watch.job.status}, ${elapsed}${counts === '' ? '' : `, ${counts}`}`;
}

/** True when the job ended in success and did not time out. */
export function succeeded(watch: JobWatch): boolean {
  return watch.timedOut !== true && watch.interruptedBy === undefined && watch.job.status === 'succeeded';
}

/** How a followed job ended, with the cancel command when it is still running. */
export function outcomeLine(watch: JobWatch, nowSeconds: number, timeoutText: string): string {
  const took = formatDuration(durationSeconds(watch.job, watch.attempts, nowSeconds));
  const head = `'${printable(watch.connection)}': job ${watch.jobId}`;
  if (watch.interruptedBy !== undefined) {
    return `✗ ${head} is still ${watch.job.status}: stopped waiting (${watch.interruptedBy}); it keeps running in Airbyte. Cancel it with: airbyte-gitops cancel ${watch.jobId}`;
  }
  if (watch.timedOut === true || !isTerminal(watch.job.status)) {
    return `✗ ${head} is still ${watch.job.status} after the ${timeoutText} timeout; it keeps running in Airbyte. Cancel it with: airbyte-gitops cancel ${watch.jobId}`;
  }
  const counts = countsText(jobCounts(watch.job, watch.attempts));
  if (watch.job.status === 'succeeded') return `✓ ${head} succeeded in ${took}${counts === '' ? '' : `: ${counts} synced`}`;
  const reason = failureReason(watch.attempts);
  return `✗ ${head} ${watch.job.status} after ${took}${reason === undefined ? '' : `: ${printable(reason)}`}`;
}

/** The --json form of one followed (or just started) job. Stable: documented in docs/operate.md. */
export interface SyncJobJson {
  connection: string;
  connectionId: string;
  jobId: number;
  attached: boolean;
  status: string;
  timedOut: boolean;
  /** True when Ctrl-C or SIGTERM stopped the wait before the job ended. */
  interrupted: boolean;
  startedAt: string | null;
  durationSeconds: number;
  records: number | null;
  bytes: number | null;
  failureReason: string | null;
}

export function syncJobJson(watch: JobWatch, nowSeconds: number): SyncJobJson {
  const counts = jobCounts(watch.job, watch.attempts);
  return {
    connection: watch.connection,
    connectionId: watch.connectionId,
    jobId: watch.jobId,
    attached: watch.attached,
    status: watch.job.status,
    timedOut: watch.timedOut === true,
    interrupted: watch.interruptedBy !== undefined,
    startedAt: watch.job.startedAt === undefined ? null : isoTimestamp(watch.job.startedAt),
    durationSeconds: durationSeconds(watch.job, watch.attempts, nowSeconds),
    records: counts.records ?? null,
    bytes: counts.bytes ?? null,
    failureReason: failureReason(watch.attempts) ?? null,
  };
}
