import { describe, expect, it } from 'vitest';
import { createActors, pollUntil, startTestEmulator, streamEntry, type Answer, type TestEmulator } from './helpers.js';

async function activeConnection(jobDurationMs: number): Promise<{ t: TestEmulator; connectionId: string }> {
  const t = await startTestEmulator({ jobDurationMs });
  const ids = await createActors(t);
  const created = await t.call('connections/create', { ...ids, status: 'active', syncCatalog: { streams: [streamEntry('customers'), streamEntry('orders')] } });
  return { t, connectionId: created.body.connectionId };
}

function jobStatus(answer: Answer): string {
  return answer.body.job.status;
}

describe('sync jobs', () => {
  it('goes pending → running → succeeded with per-attempt stats; ids increase; times are epoch seconds', async () => {
    const { t, connectionId } = await activeConnection(1500);
    const started = await t.call('connections/sync', { connectionId });
    expect(started.status).toBe(200);
    expect(started.body.job).toMatchObject({ configType: 'sync', configId: connectionId, status: 'pending' });
    expect(started.body.attempts).toEqual([]);
    const id: number = started.body.job.id;
    const seen = new Set<string>();
    const final = await pollUntil(
      () => t.call('jobs/get', { id }),
      (answer) => {
        seen.add(jobStatus(answer));
        return jobStatus(answer) === 'succeeded';
      },
    );
    expect(seen.has('running')).toBe(true);
    const [info] = final.body.attempts;
    expect(info.attempt).toMatchObject({ id: 0, status: 'succeeded' });
    expect(info.attempt.recordsSynced).toBeGreaterThan(0);
    expect(info.attempt.bytesSynced).toBeGreaterThan(info.attempt.recordsSynced);
    expect(info.attempt.totalStats).toMatchObject({ recordsEmitted: info.attempt.recordsSynced, bytesCommitted: info.attempt.bytesSynced });
    expect(info.attempt.streamStats.map((stream: { streamName: string }) => stream.streamName)).toEqual(['customers', 'orders']);
    expect(info.logs.logLines.length).toBeGreaterThan(0);
    expect(final.body.job.createdAt).toBeLessThan(Date.now() / 100);
    expect(final.body.job.updatedAt).toBeGreaterThanOrEqual(final.body.job.createdAt);
    expect(final.body.job).not.toHaveProperty('summary');
    const withoutLogs = await t.call('jobs/get_without_logs', { id });
    expect(withoutLogs.body.attempts[0]).not.toHaveProperty('logs');
    const next = await t.call('connections/sync', { connectionId });
    expect(next.body.job.id).toBe(id + 1);
  });

  it('answers 409 while a sync is pending or running', async () => {
    const { t, connectionId } = await activeConnection(60_000);
    expect((await t.call('connections/sync', { connectionId })).status).toBe(200);
    const second = await t.call('connections/sync', { connectionId });
    expect(second.status).toBe(409);
    expect(second.body.message).toBe(`A sync is already running for: ${connectionId}`);
    expect((await t.call('connections/reset', { connectionId })).status).toBe(409);
  });

  it('cancels a running job; a new sync may start afterwards', async () => {
    const { t, connectionId } = await activeConnection(60_000);
    const { id } = (await t.call('connections/sync', { connectionId })).body.job;
    const cancelled = await t.call('jobs/cancel', { id });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.job.status).toBe('cancelled');
    expect(jobStatus(await t.call('jobs/get', { id }))).toBe('cancelled');
    expect((await t.call('connections/sync', { connectionId })).status).toBe(200);
    expect((await t.call('jobs/cancel', { id: 999 })).status).toBe(404);
  });

  it('an inactive connection cannot sync: a bare 500', async () => {
    const { t, connectionId } = await activeConnection(400);
    await t.call('connections/update', { connectionId, status: 'inactive' });
    const answer = await t.call('connections/sync', { connectionId });
    expect(answer.status).toBe(500);
    expect(Object.keys(answer.body)).toEqual(['errorId']);
    expect(t.emulator.state.jobs).toHaveLength(0);
  });

  it('reset creates a reset_connection job', async () => {
    const { t, connectionId } = await activeConnection(400);
    const answer = await t.call('connections/reset', { connectionId });
    expect(answer.body.job).toMatchObject({ configType: 'reset_connection', configId: connectionId });
  });
});

describe('jobs/list', () => {
  it('needs non-empty configTypes, filters by configId, pages newest first with totalJobCount and aggregatedStats', async () => {
    const { t, connectionId } = await activeConnection(0);
    const ids = await createActors(t);
    const other = (await t.call('connections/create', { ...ids, status: 'active' })).body.connectionId;
    for (let i = 0; i < 3; i++) await t.call('connections/sync', { connectionId });
    await t.call('connections/sync', { connectionId: other });
    expect((await t.call('jobs/list', { configTypes: [] })).status).toBe(500);
    expect((await t.call('jobs/list', { configId: connectionId })).status).toBe(400);
    const all = await t.call('jobs/list', { configTypes: ['sync'] });
    expect(all.body.totalJobCount).toBe(4);
    const page = await t.call('jobs/list', { configTypes: ['sync'], configId: connectionId, pagination: { pageSize: 2, rowOffset: 0 } });
    expect(page.body.totalJobCount).toBe(3);
    expect(page.body.jobs.map((entry: { job: { id: number } }) => entry.job.id)).toEqual([3, 2]);
    const rest = await t.call('jobs/list', { configTypes: ['sync'], configId: connectionId, pagination: { pageSize: 2, rowOffset: 2 } });
    expect(rest.body.jobs.map((entry: { job: { id: number } }) => entry.job.id)).toEqual([1]);
    const [latest] = page.body.jobs;
    expect(latest.job.status).toBe('succeeded');
    expect(latest.job.aggregatedStats.recordsCommitted).toBe(latest.attempts[0].recordsSynced);
    expect(latest.job.aggregatedStats.recordsRejected).toBe(0);
    expect((await t.call('jobs/list', { configTypes: ['reset_connection'] })).body.totalJobCount).toBe(0);
  });
});
