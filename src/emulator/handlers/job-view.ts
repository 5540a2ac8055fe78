/**
 * A job's status follows from the clock: pending for the first fifth of its duration, running until the
 * duration has passed, then succeeded (unless cancelled). Deriving it on read needs no timers and keeps jobs
 * moving across restarts of a --data emulator.
 */
import type { AttemptRead, AttemptStats, JobAggregatedStats, JobRead, JobStatus } from '../../api/types.js';
import type { StoredJob } from '../state.js';

const PENDING_SHARE = 0.2;

/** The derived lifecycle of a job at `nowMs`. Times in epoch milliseconds. */
export interface JobPhase {
  status: JobStatus;
  startedAtMs?: number;
  endedAtMs?: number;
  updatedAtMs: number;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

export function jobPhase(job: StoredJob, nowMs: number): JobPhase {
  const startMs = job.createdAtMs + Math.floor(job.durationMs * PENDING_SHARE);
  const endMs = job.createdAtMs + job.durationMs;
  // jobs/cancel only records a cancellation while the job is still active.
  if (job.cancelledAtMs !== undefined) {
    const at = job.cancelledAtMs;
    return { status: 'cancelled', ...(at >= startMs ? { startedAtMs: startMs } : {}), endedAtMs: at, updatedAtMs: at };
  }
  if (nowMs < startMs) return { status: 'pending', updatedAtMs: job.createdAtMs };
  if (nowMs < endMs) return { status: 'running', startedAtMs: startMs, updatedAtMs: startMs };
  return { status: job.failure ? 'failed' : 'succeeded', startedAtMs: startMs, endedAtMs: endMs, updatedAtMs: endMs };
}

export function isActive(job: StoredJob, nowMs: number): boolean {
  const { status } = jobPhase(job, nowMs);
  return status === 'pending' || status === 'running';
}

function totals(job: StoredJob): { records: number; bytes: number } {
  return job.streams.reduce((sum, stream) => ({ records: sum.records + stream.records, bytes: sum.bytes + stream.bytes }), { records: 0, bytes: 0 });
}

function stats(records: number, bytes: number, streams: number): AttemptStats {
  return { recordsEmitted: records, bytesEmitted: bytes, recordsCommitted: records, bytesCommitted: bytes, stateMessagesEmitted: streams };
}

/** The job's single attempt (id 0), once it has started. */
export function attemptsOf(job: StoredJob, nowMs: number): AttemptRead[] {
  const phase = jobPhase(job, nowMs);
  if (phase.startedAtMs === undefined) return [];
  const base = { id: 0, createdAt: seconds(phase.startedAtMs), updatedAt: seconds(phase.updatedAtMs) };
  if (phase.status === 'running') return [{ ...base, status: 'running' }];
  if (phase.status === 'cancelled') {
    const failure = {
      failureOrigin: 'airbyte_platform',
      failureType: 'manual_cancellation',
      externalMessage: 'The sync was cancelled.',
      retryable: false,
      timestamp: phase.updatedAtMs,
    };
    return [{ ...base, status: 'failed', endedAt: seconds(phase.updatedAtMs), failureSummary: { failures: [failure], partialSuccess: false } }];
  }
  if (phase.status === 'failed' && job.failure) {
    const failure = {
      failureOrigin: job.failure.origin,
      failureType: 'config_error',
      externalMessage: job.failure.message,
      retryable: false,
      timestamp: phase.updatedAtMs,
    };
    return [
      {
        ...base,
        status: 'failed',
        endedAt: seconds(phase.updatedAtMs),
        recordsSynced: 0,
        bytesSynced: 0,
        totalStats: stats(0, 0, 0),
        failureSummary: { failures: [failure], partialSuccess: false },
      },
    ];
  }
  const { records, bytes } = totals(job);
  return [
    {
      ...base,
      status: 'succeeded',
      endedAt: seconds(phase.endedAtMs ?? phase.updatedAtMs),
      recordsSynced: records,
      bytesSynced: bytes,
      totalStats: stats(records, bytes, job.streams.length),
      streamStats: job.streams.map((stream) => ({
        streamName: stream.name,
        ...(stream.namespace !== undefined ? { streamNamespace: stream.namespace } : {}),
        stats: stats(stream.records, stream.bytes, 1),
      })),
    },
  ];
}

/** What jobs/list adds to each job (platform.hydrate-aggregated-stats): the sum over its attempts. */
export function aggregatedStats(job: StoredJob, nowMs: number): JobAggregatedStats {
  const committed = attemptsOf(job, nowMs).filter((attempt) => attempt.status === 'succeeded');
  const records = committed.reduce((sum, attempt) => sum + (attempt.recordsSynced ?? 0), 0);
  const bytes = committed.reduce((sum, attempt) => sum + (attempt.bytesSynced ?? 0), 0);
  return { recordsEmitted: records, bytesEmitted: bytes, recordsCommitted: records, bytesCommitted: bytes, recordsRejected: 0 };
}

export function jobRead(job: StoredJob, nowMs: number): JobRead {
  const phase = jobPhase(job, nowMs);
  return {
    id: job.id,
    configType: job.configType,
    configId: job.configId,
    createdAt: seconds(job.createdAtMs),
    updatedAt: seconds(phase.updatedAtMs),
    status: phase.status,
    ...(phase.startedAtMs !== undefined ? { startedAt: seconds(phase.startedAtMs) } : {}),
  };
}
