import { describe, expect, it } from 'vitest';
import type { AttemptRead, JobRead } from '../../src/api/types.js';
import { cancelLine, parseJobId } from '../../src/commands/cancel.js';
import { durationSeconds, failureReason, jobCounts } from '../../src/operate/job-info.js';
import { jobJson, renderJobsTable } from '../../src/commands/jobs.js';
import { outcomeLine, progressLine, startLine, succeeded, syncJobJson, type JobWatch } from '../../src/operate/sync-format.js';

const T0 = 1_764_130_000;
const job = (fields: Partial<JobRead> = {}): JobRead => ({
  id: 7,
  configType: 'sync',
  configId: 'c-1',
  createdAt: T0,
  updatedAt: T0,
  status: 'pending',
  ...fields,
});
const attempt = (fields: Partial<AttemptRead> = {}): AttemptRead => ({ id: 0, status: 'running', createdAt: T0 + 2, updatedAt: T0 + 2, ...fields });
const cancelledAttempt = attempt({
  status: 'failed',
  endedAt: T0 + 30,
  failureSummary: {
    failures: [{ failureOrigin: 'airbyte_platform', failureType: 'manual_cancellation', externalMessage: 'The sync was cancelled.', timestamp: 1 }],
  },
});
const watch = (fields: Partial<JobWatch> = {}): JobWatch => ({
  connection: 'PG → S3',
  connectionId: 'c-1',
  jobId: 7,
  attached: false,
  job: job(),
  attempts: [],
  ...fields,
});

describe('job counts', () => {
  it('prefers aggregatedStats (committed, else emitted)', () => {
    const aggregatedStats = { recordsEmitted: 10, bytesEmitted: 100, recordsCommitted: 8, bytesCommitted: 80, recordsRejected: 0 };
    expect(jobCounts(job({ aggregatedStats }), [attempt({ recordsSynced: 1, bytesSynced: 1 })])).toEqual({ records: 8, bytes: 80 });
    expect(jobCounts(job({ aggregatedStats: { ...aggregatedStats, recordsCommitted: 0, bytesCommitted: 0 } }), [])).toEqual({ records: 10, bytes: 100 });
  });
  it("falls back to the last attempt's totalStats, then its legacy counters", () => {
    const first = attempt({ recordsSynced: 1, bytesSynced: 2 });
    expect(jobCounts(job(), [first, attempt({ totalStats: { recordsEmitted: 5, bytesEmitted: 50 } })])).toEqual({ records: 5, bytes: 50 });
    expect(jobCounts(job(), [attempt({ recordsSynced: 3, bytesSynced: 30 })])).toEqual({ records: 3, bytes: 30 });
    expect(jobCounts(job(), [])).toEqual({});
  });
  it('describes the failure of the last failed attempt', () => {
    expect(failureReason([cancelledAttempt])).toBe('The sync was cancelled. (airbyte_platform, manual_cancellation)');
    expect(failureReason([attempt({ failureSummary: { failures: [{ internalMessage: 'boom', timestamp: 1 }] } })])).toBe('boom');
    expect(failureReason([attempt()])).toBeUndefined();
  });
  it('measures from start to end, or to now while running', () => {
    expect(durationSeconds(job({ status: 'running', startedAt: T0 + 2 }), [], T0 + 12)).toBe(10);
    expect(durationSeconds(job({ status: 'cancelled', startedAt: T0 + 2, updatedAt: T0 + 40 }), [cancelledAttempt], T0 + 99)).toBe(28);
    expect(durationSeconds(job({ status: 'succeeded', startedAt: T0 + 2, updatedAt: T0 + 5 }), [], T0 + 99)).toBe(3);
  });
});

describe('sync lines', () => {
  it('says whether a job was started or attached to', () => {
    expect(startLine(watch())).toBe("'PG → S3': started job 7 (pending)");
    expect(startLine(watch({ attached: true, job: job({ status: 'running' }) }))).toBe("'PG → S3': a sync was already running; following job 7 (running)");
  });
  it('shows progress with what is known', () => {
    expect(progressLine(watch(), T0 + 3)).toBe("'PG → S3': job 7 pending, 3s");
    const running = watch({
      job: job({ status: 'running', startedAt: T0 + 2 }),
      attempts: [attempt({ totalStats: { recordsEmitted: 1500, bytesEmitted: 2_500_000 } })],
    });
    expect(progressLine(running, T0 + 65)).toBe("'PG → S3': job 7 running, 1m 03s, 1,500 records, 2.5 MB");
  });
  it('ends with the counts, the failure reason, or how to cancel', () => {
    const done = watch({
      job: job({ status: 'succeeded', startedAt: T0 + 2, updatedAt: T0 + 12 }),
      attempts: [attempt({ status: 'succeeded', endedAt: T0 + 12, recordsSynced: 84562, bytesSynced: 14_544_664 })],
    });
    expect(outcomeLine(done, T0 + 99, '1h')).toBe("✓ 'PG → S3': job 7 succeeded in 10s: 84,562 records, 14.5 MB synced");
    expect(succeeded(done)).toBe(true);
    const cancelled = watch({ job: job({ status: 'cancelled', startedAt: T0 + 2, updatedAt: T0 + 30 }), attempts: [cancelledAttempt] });
    expect(outcomeLine(cancelled, T0 + 99, '1h')).toBe(
      "✗ 'PG → S3': job 7 cancelled after 28s: The sync was cancelled. (airbyte_platform, manual_cancellation)",
    );
    expect(succeeded(cancelled)).toBe(false);
    const late = watch({ job: job({ status: 'running', startedAt: T0 }), timedOut: true });
    expect(outcomeLine(late, T0 + 5, '5s')).toBe(
      "✗ 'PG → S3': job 7 is still running after the 5s timeout; it keeps running in Airbyte. Cancel it with: airbyte-gitops cancel 7",
    );
    expect(succeeded(late)).toBe(false);
  });
  it('has a stable JSON shape', () => {
    expect(syncJobJson(watch({ attached: true }), T0 + 1)).toEqual({
      connection: 'PG → S3',
      connectionId: 'c-1',
      jobId: 7,
      attached: true,
      status: 'pending',
      timedOut: false,
      interrupted: false,
      startedAt: null,
      durationSeconds: 1,
      records: null,
      bytes: null,
      failureReason: null,
    });
  });
});

describe('jobs table and JSON', () => {
  it('renders the documented shape and the table', () => {
    const rows = [
      jobJson({ job: job({ id: 2, status: 'running', startedAt: T0 + 60 }), attempts: [attempt()] }, T0 + 90),
      jobJson(
        {
          job: job({ id: 1, status: 'succeeded', startedAt: T0, updatedAt: T0 + 125 }),
          attempts: [attempt({ status: 'succeeded', recordsSynced: 1000, bytesSynced: 2048 })],
        },
        T0 + 90,
      ),
    ];
    expect(rows[1]).toEqual({ id: 1, type: 'sync', status: 'succeeded', startedAt: '2025-11-26T04:06:40Z', durationSeconds: 125, records: 1000, bytes: 2048 });
    expect(renderJobsTable(rows)).toBe(
      [
        'ID  TYPE  STATUS     STARTED               DURATION  RECORDS  BYTES',
        '2   sync  running    2025-11-26 04:07:40Z  30s       -        -',
        '1   sync  succeeded  2025-11-26 04:06:40Z  2m 05s    1,000    2.0 KB',
        '',
      ].join('\n'),
    );
    expect(renderJobsTable([])).toBe('No jobs yet.\n');
  });
});

describe('cancel', () => {
  it('parses job ids', () => {
    expect(parseJobId('42')).toBe(42);
    expect(() => parseJobId('4x')).toThrow("a job id is a whole number (as shown by 'airbyte-gitops jobs'), got '4x'");
    expect(() => parseJobId('-1')).toThrow(/whole number/);
  });
  it('says what happened', () => {
    const base = { attempts: [], before: 'running' };
    expect(cancelLine({ ...base, job: job({ status: 'cancelled' }), cancelled: true })).toBe('✓ job 7 cancelled (it was running)');
    expect(cancelLine({ ...base, job: job({ status: 'succeeded' }), before: 'succeeded', cancelled: false })).toBe(
      'job 7 had already ended (succeeded); nothing to cancel',
    );
    expect(cancelLine({ ...base, job: job({ status: 'running' }), cancelled: true })).toBe('job 7: cancel requested while running; its status is now running');
  });
});
