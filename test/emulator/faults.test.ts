import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE_ID, PG_SOURCE_ID, pgConfig, request, startTestEmulator, type TestEmulator } from './helpers.js';

interface Counters {
  total: number;
  writes: number;
  byPath: Record<string, number>;
  faults: { before: number; after: number; throttled: number };
}

async function counters(t: TestEmulator): Promise<Counters> {
  return (await request(`${t.origin}/_emulator/requests`)).body as Counters;
}

/** One create; what the client saw (a status, or a dropped connection as 0). */
async function attemptCreate(t: TestEmulator, name: string): Promise<number> {
  try {
    return (await t.call('sources/create', { sourceDefinitionId: PG_SOURCE_ID, workspaceId: DEFAULT_WORKSPACE_ID, name, connectionConfiguration: pgConfig() }))
      .status;
  } catch {
    return 0;
  }
}

/** Runs creates one at a time, classifying each by the fault counters that moved. */
async function runCreates(t: TestEmulator, count: number) {
  const outcomes: { phase: 'before' | 'after' | 'throttled' | 'none'; status: number; persisted: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const before = await counters(t);
    const sourcesBefore = t.emulator.state.sources.length;
    const status = await attemptCreate(t, `src-${i}`);
    const after = await counters(t);
    const phase =
      after.faults.after > before.faults.after
        ? 'after'
        : after.faults.before > before.faults.before
          ? 'before'
          : after.faults.throttled > before.faults.throttled
            ? 'throttled'
            : 'none';
    outcomes.push({ phase, status, persisted: t.emulator.state.sources.length > sourcesBefore });
  }
  return outcomes;
}

describe('fault injection', () => {
  it('after-act faults lose the answer but keep the write; before-act faults change nothing', async () => {
    const t = await startTestEmulator({ faultRate: 1, seed: 7 });
    const outcomes = await runCreates(t, 30);
    const after = outcomes.filter((outcome) => outcome.phase === 'after');
    const before = outcomes.filter((outcome) => outcome.phase === 'before' || outcome.phase === 'throttled');
    expect(after.length).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(0);
    expect(outcomes.every((outcome) => outcome.phase !== 'none')).toBe(true);
    for (const outcome of after) {
      expect(outcome.persisted).toBe(true);
      expect([0, 502]).toContain(outcome.status);
    }
    for (const outcome of before) {
      expect(outcome.persisted).toBe(false);
      expect([0, 503, 429]).toContain(outcome.status);
    }
  });

  it('is reproducible for a seed, and a 429 carries Retry-After', async () => {
    const first = await startTestEmulator({ faultRate: 0.5, seed: 42 });
    const second = await startTestEmulator({ faultRate: 0.5, seed: 42 });
    const a = (await runCreates(first, 25)).map((outcome) => outcome.phase);
    const b = (await runCreates(second, 25)).map((outcome) => outcome.phase);
    expect(a).toEqual(b);
    expect(a).toContain('none');
    const throttling = await startTestEmulator({ faultRate: 1, seed: 3 });
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await throttling.call('workspaces/get', { workspaceId: DEFAULT_WORKSPACE_ID }).catch(() => undefined));
    const throttled = answers.find((answer) => answer?.status === 429);
    expect(throttled?.headers.get('retry-after')).toBe('1');
  });

  it('an injected fault meets the next call to its endpoint only: after acting keeps the write, before does not', async () => {
    const t = await startTestEmulator();
    t.emulator.injectFault('sources/create', { phase: 'after', effect: 'drop' });
    t.emulator.injectFault('sources/create', { phase: 'before', effect: 'drop' });
    expect((await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID })).status).toBe(200);
    const outcomes = await runCreates(t, 3);
    expect(outcomes).toEqual([
      { phase: 'after', status: 0, persisted: true },
      { phase: 'before', status: 0, persisted: false },
      { phase: 'none', status: 200, persisted: true },
    ]);
  });

  it('never faults health or /_emulator/*', async () => {
    const t = await startTestEmulator({ faultRate: 1 });
    for (let i = 0; i < 10; i++) {
      expect((await request(`${t.url}/health`)).status).toBe(200);
      expect((await request(`${t.origin}/_emulator/state`)).status).toBe(200);
    }
  });
});

describe('introspection and latency', () => {
  it('counts calls and writes by path; reset clears state and counters', async () => {
    const t = await startTestEmulator();
    await attemptCreate(t, 'one');
    await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID });
    await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID });
    const counted = await counters(t);
    expect(counted).toMatchObject({ total: 3, writes: 1, byPath: { '/api/v1/sources/create': 1, '/api/v1/sources/list': 2 } });
    const state = await request(`${t.origin}/_emulator/state`);
    expect(state.body.sources[0].configuration.password).toBe('pg-secret');
    expect((await request(`${t.origin}/_emulator/reset`, { method: 'POST' })).status).toBe(204);
    expect(await counters(t)).toMatchObject({ total: 0, writes: 0, byPath: {} });
    expect(t.emulator.state.sources).toEqual([]);
    expect(t.emulator.state.workspaces[0]?.workspaceId).toBe(DEFAULT_WORKSPACE_ID);
  });

  it('delays API answers by --latency but not introspection', async () => {
    const t = await startTestEmulator({ latencyMs: 300 });
    const started = Date.now();
    await t.call('workspaces/get', { workspaceId: DEFAULT_WORKSPACE_ID });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
