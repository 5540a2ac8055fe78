import { describe, expect, it, vi } from 'vitest';
import { keptOf, settleDecisions, SharedListing, type Copy, type OwnCopy } from '../../src/apply/converge.js';
import { executePlan } from '../../src/apply/executor.js';
import type { ApplyResult } from '../../src/apply/types.js';
import { actorCreate, connectionCreate, FakeClient, planOf } from './fake-client.js';

const copy = (id: string, name: string, createdAt: number | undefined, key = 'def'): Copy => ({ id, name, createdAt, key });

/** n independent pipelines: source-i → destination-i via connection-i. */
function pipelines(n: number) {
  const changes = [];
  for (let i = 0; i < n; i++) changes.push(actorCreate('source', `s${i}`), actorCreate('destination', `d${i}`));
  for (let i = 0; i < n; i++) changes.push(connectionCreate(`c${i}`, `s${i}`, `d${i}`));
  return planOf(changes);
}

/** Every name of the fake's live resources, with how many copies each has. */
function copiesByName(client: FakeClient): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of [...client.sources, ...client.destinations, ...client.connections]) counts[item.name] = (counts[item.name] ?? 0) + 1;
  return counts;
}

describe('the kept copy', () => {
  it('is the oldest by creation time, then the smallest id; a copy without a creation time comes last', () => {
    expect(keptOf([copy('b', 'x', 10), copy('a', 'x', 11)]).id).toBe('b');
    expect(keptOf([copy('b', 'x', 10), copy('a', 'x', 10)]).id).toBe('a');
    expect(keptOf([copy('a', 'x', undefined), copy('z', 'x', 99)]).id).toBe('z');
    expect(keptOf([copy('b', 'x', undefined), copy('a', 'x', undefined)]).id).toBe('a');
  });
});

describe('SharedListing', () => {
  it('serves every caller of one turn with one listing, and a caller that asks while a listing runs with the next one', async () => {
    let world: Copy[] = [copy('1', 'a', 1)];
    const started: number[] = [];
    let release: () => void = () => undefined;
    const listing = new SharedListing(async () => {
      started.push(world.length);
      const snapshot = [...world];
      await new Promise<void>((resolve) => (release = resolve));
      return snapshot;
    });
    const first = Promise.all(Array.from({ length: 20 }, () => listing.copies('a')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(listing.count).toBe(1);
    // Created while the first listing runs: that listing may not show it, so the caller waits for the next one.
    world = [...world, copy('2', 'a', 2)];
    const late = listing.copies('a');
    const alsoLate = listing.copies('a');
    release();
    const answers = await first;
    expect(answers.every((copies) => copies.length === 1)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(listing.count).toBe(2);
    release();
    expect((await late).map((c) => c.id)).toEqual(['1', '2']);
    expect((await alsoLate).map((c) => c.id)).toEqual(['1', '2']);
    expect(started).toEqual([1, 2]);
  });

  it('hands a failed listing to its callers and lists again for the next ones', async () => {
    let fail = true;
    const listing = new SharedListing(async () => {
      if (fail) throw new Error('sources/list failed (500)');
      return [copy('1', 'a', 1)];
    });
    await expect(listing.copies('a')).rejects.toThrow('sources/list failed (500)');
    fail = false;
    expect(await listing.copies('a')).toHaveLength(1);
  });
});

describe('settleDecisions', () => {
  const own = (kind: OwnCopy['kind'], name: string, id: string, key: string): OwnCopy => ({ kind, name, id, key });

  it("removes this run's losing connection and then its source, which nothing uses any more", () => {
    const listings = {
      source: [copy('s-old', 'pg', 9), copy('s-mine', 'pg', 10)],
      destination: [copy('d', 'wh', 5)],
      connection: [copy('c-mine', 'sync', 9, 's-mine/d'), copy('c-other', 'sync', 12, 's-old/d')],
    };
    const decisions = settleDecisions(listings, [own('source', 'pg', 's-mine', 'def'), own('connection', 'sync', 'c-mine', 's-mine/d')]);
    // The other run's connection is wired to the kept source, so it wins although this run's is older.
    expect(decisions.remove).toEqual([
      { kind: 'connection', name: 'sync', id: 'c-mine', keptId: 'c-other' },
      { kind: 'source', name: 'pg', id: 's-mine', keptId: 's-old' },
    ]);
    expect(decisions.left).toEqual([]);
  });

  it('leaves a losing source that a connection still uses, and never touches copies of other runs', () => {
    const listings = {
      source: [copy('s-old', 'pg', 10), copy('s-mine', 'pg', 11)],
      destination: [],
      connection: [copy('c-other', 'sync', 12, 's-mine/d')],
    };
    const decisions = settleDecisions(listings, [own('source', 'pg', 's-mine', 'def')]);
    expect(decisions.remove).toEqual([]);
    expect(decisions.left).toEqual([{ kind: 'source', name: 'pg', id: 's-mine', keptId: 's-old', reason: 'a connection still uses it' }]);
  });

  it('does not merge same-named resources of different definitions', () => {
    const listings = { source: [copy('s-old', 'pg', 1, 'postgres'), copy('s-mine', 'pg', 2, 'mysql')], destination: [], connection: [] };
    expect(settleDecisions(listings, [own('source', 'pg', 's-mine', 'mysql')])).toEqual({ remove: [], left: [] });
  });
});

describe('concurrent applies of one pipeline (one server, runs interleaved)', () => {
  async function concurrently(runs: number, n: number) {
    const client = new FakeClient();
    const results = await Promise.all(Array.from({ length: runs }, () => executePlan(client, pipelines(n), { parallelism: 4, convergeWaitMs: 50 })));
    return { client, results };
  }

  function expectConverged(client: FakeClient, results: ApplyResult[], n: number) {
    expect(results.map((r) => r.status)).toEqual(results.map(() => 'applied'));
    const counts = copiesByName(client);
    expect(Object.values(counts).every((count) => count === 1)).toBe(true);
    expect(Object.keys(counts)).toHaveLength(3 * n);
    for (let i = 0; i < n; i++) {
      const connection = client.connections.find((c) => c.name === `c${i}`);
      expect(connection?.sourceId).toBe(client.sources.find((s) => s.name === `s${i}`)?.id);
      expect(connection?.destinationId).toBe(client.destinations.find((d) => d.name === `d${i}`)?.id);
    }
  }

  it('two runs end with exactly one of each resource, connections wired to the kept ones', async () => {
    const { client, results } = await concurrently(2, 6);
    expectConverged(client, results, 6);
    // Both created, and each run that lost a race says so on the step.
    expect(client.calls.filter((c) => c === 'sources/create').length).toBeGreaterThan(6);
    const merged = results.flatMap((r) => r.steps).filter((s) => s.duplicateRemoved !== undefined);
    expect(merged.length).toBeGreaterThan(0);
    for (const step of merged) expect(step.id).not.toBe(step.duplicateRemoved);
  });

  it('three runs too', async () => {
    const { client, results } = await concurrently(3, 5);
    expectConverged(client, results, 5);
  });

  it('a run whose copy turns out to be the younger one after all removes it in the settling pass', async () => {
    const client = new FakeClient();
    // The other run's copy, older, appears only after this run's create was checked: the settling pass finds it.
    const plan = planOf([actorCreate('source', 'pg')]);
    let listed = 0;
    const list = client.listSources;
    client.listSources = async () => {
      listed++;
      if (listed === 2) client.sources.push({ id: 'id-0', name: 'pg', definitionId: 'source-def', createdAt: client.clock - 1 });
      return list();
    };
    const result = await executePlan(client, plan, { convergeWaitMs: 0 });
    expect(result.status).toBe('applied');
    expect(client.sources.map((s) => s.id)).toEqual(['id-0']);
    expect(result.settled?.removed).toEqual([{ kind: 'source', name: 'pg', id: 'id-1', keptId: 'id-0' }]);
  });
});

describe('the settling pass', () => {
  it('lists sources and destinations while it waits to list the last connections, and connections only after the wait', async () => {
    const client = new FakeClient();
    const at: { call: string; ms: number }[] = [];
    const stamp = <A extends unknown[], R>(call: string, fn: (...args: A) => Promise<R>) => {
      return async (...args: A) => {
        const result = await fn(...args);
        at.push({ call, ms: performance.now() });
        return result;
      };
    };
    client.createConnection = stamp('connections/create', client.createConnection);
    const [sources, destinations, connections] = [client.listSources, client.listDestinations, client.listConnections];
    client.listSources = async () => (at.push({ call: 'sources/list', ms: performance.now() }), sources());
    client.listDestinations = async () => (at.push({ call: 'destinations/list', ms: performance.now() }), destinations());
    client.listConnections = async () => (at.push({ call: 'connections/list', ms: performance.now() }), connections());
    const waitMs = 600;
    // On a fake clock, moved 10 ms per turn of the loop below: the times are exact whatever the machine's load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    let result: ApplyResult | undefined;
    try {
      const running = executePlan(client, pipelines(1), { convergeWaitMs: waitMs }).then((ended) => (result = ended));
      while (result === undefined) {
        await vi.advanceTimersByTimeAsync(10);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await running;
    } finally {
      vi.useRealTimers();
    }
    expect(result.status).toBe('applied');
    const created = at.find((entry) => entry.call === 'connections/create')?.ms as number;
    const after = at.filter((entry) => entry.ms >= created).map((entry) => entry.call);
    // The settling pass: sources, then destinations, at once; the connections once the wait is over.
    expect(after).toEqual(['connections/create', 'sources/list', 'destinations/list', 'connections/list']);
    const [, source, destination, connection] = at.filter((entry) => entry.ms >= created);
    expect((destination?.ms as number) - created).toBeLessThan(waitMs);
    expect((source?.ms as number) - created).toBeLessThan(waitMs);
    expect((connection?.ms as number) - created).toBeGreaterThanOrEqual(waitMs - 1);
  });
});

describe('a resource the plan found, removed since by another run that created the same name at once', () => {
  it('a connection is created on the copy Airbyte kept instead', async () => {
    const client = new FakeClient();
    client.strictIds = true;
    client.sources.push({ id: 'kept', name: 's0', definitionId: 'source-def', createdAt: 1 });
    client.destinations.push({ id: 'd-1', name: 'd0', definitionId: 'destination-def', createdAt: 1 });
    const connection = { ...connectionCreate('c0', 's0', 'd0'), sourceRef: { id: 'gone' }, destinationRef: { id: 'd-1' } };
    const result = await executePlan(client, planOf([connection]), { convergeWaitMs: 0 });
    expect(result.status).toBe('applied');
    expect(client.connections.map((c) => [c.name, c.sourceId, c.destinationId])).toEqual([['c0', 'kept', 'd-1']]);
  });

  it('an update goes to the copy Airbyte kept; with no copy left it fails with the 404', async () => {
    const client = new FakeClient();
    client.strictIds = true;
    client.sources.push({ id: 'kept', name: 'pg', definitionId: 'source-def', createdAt: 1 });
    const update = { ...actorCreate('source', 'pg'), action: 'update' as const, id: 'gone' };
    const result = await executePlan(client, planOf([update]), { convergeWaitMs: 0 });
    expect(result.steps[0]).toMatchObject({ status: 'done', id: 'kept' });
    expect(client.updates.map((u) => u.body)).toMatchObject([{ sourceId: 'kept' }]);

    const empty = new FakeClient();
    empty.strictIds = true;
    const failed = await executePlan(empty, planOf([update]), { convergeWaitMs: 0 });
    expect(failed.steps[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('404') });
  });
});
