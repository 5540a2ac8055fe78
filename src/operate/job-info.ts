/**
 * What the operating commands read from a job: whether it is over, how much it moved, how long it took and why it
 * failed. Pure functions over the API's job shapes (jobs/get_without_logs gives attempts with logs wrappers,
 * jobs/list gives bare attempts, so both are accepted).
 */
import type { AttemptRead, JobRead, JobStatus } from '../api/types.js';

/** The statuses after which a job never changes again. */
export const TERMINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Records and bytes a job moved; undefined where the server does not say (yet). */
export interface JobCounts {
  records?: number;
  bytes?: number;
}

/**
 * The job's counts: `job.aggregatedStats` (what jobs/list fills in) when present, else the last attempt's
 * `totalStats`, else its legacy `recordsSynced` / `bytesSynced`. Committed (loaded) counts are preferred; emitted
 * counts stand in while nothing is committed yet, so a running job shows progress.
 */
export function jobCounts(job: JobRead, attempts: readonly AttemptRead[]): JobCounts {
  const aggregated = job.aggregatedStats;
  if (aggregated !== undefined) {
    return {
      records: aggregated.recordsCommitted || aggregated.recordsEmitted,
      bytes: aggregated.bytesCommitted || aggregated.bytesEmitted,
    };
  }
  const last = attempts.at(-1);
  if (last === undefined) return {};
  const stats = last.totalStats;
  const records = stats?.recordsCommitted || stats?.recordsEmitted || last.recordsSynced;
  const bytes = stats?.bytesCommitted || stats?.bytesEmitted || last.bytesSynced;
  return { ...(records !== undefined ? { records } : {}), ...(bytes !== undefined ? { bytes } : {}) };
}

/** The first failure of the last attempt that has one, as `message (origin, type)`. */
export function failureReason(attempts: readonly AttemptRead[]): string | undefined {
  for (const attempt of [...attempts].reverse()) {
    const failure = attempt.failureSummary?.failures[0];
    if (failure === undefined) continue;
    const message = failure.externalMessage ?? failure.internalMessage ?? 'no message';
    const origin = [failure.failureOrigin, failure.failureType].filter((part) => part !== undefined).join(', ');
    return origin === '' ? message : `${message} (${origin})`;
  }
  return undefined;
}

/** When the job ended (epoch seconds): its last attempt's end, else its last update once it is over. */
export function endedAt(job: JobRead, attempts: readonly AttemptRead[]): number | undefined {
  if (!isTerminal(job.status)) return undefined;
  return attempts.at(-1)?.endedAt ?? job.updatedAt;
}

/** Seconds from start (or creation, while pending) to end, or to `nowSeconds` while the job runs. */
export function durationSeconds(job: JobRead, attempts: readonly AttemptRead[], nowSeconds: number): number {
  const start = job.startedAt ?? job.createdAt;
  return Math.max(0, (endedAt(job, attempts) ?? nowSeconds) - start);
}

/** Attempts out of a jobs/get answer (`{attempt, logs}` items). */
export function attemptsOf(info: { attempts: readonly { attempt: AttemptRead }[] }): AttemptRead[] {
  return info.attempts.map((item) => item.attempt);
}
