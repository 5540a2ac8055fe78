import { describe, expect, it } from 'vitest';
import { executePlan as execute } from '../../src/apply/executor.js';
import type { ApplyClient, ExecuteOptions } from '../../src/apply/types.js';
import type { Plan } from '../../src/plan/types.js';
import type { StepOutcome } from '../../src/apply/types.js';
import type { ActorChange } from '../../src/plan/types.js';
import { actorCreate, connectionCreate, FakeClient, planOf } from './fake-client.js';

/** These runs are alone on their fake server: no wait for concurrent runs' creates (converge.test.ts has those). */
const executePlan = (client: ApplyClient, plan: Plan, options: ExecuteOptions = {}) => execute(client, plan, { convergeWaitMs: 0, ...options });

/** n independent pipelines: source-i → destination-i via connection-i. */
function pipelines(n: number) {
  const changes = [];
  for (let i = 0; i < n; i++) changes.push(actorCreate('source', `s${i}`), actorCreate('destination', `d${i}`));
  for (let i = 0; i < n; i++) changes.push(connectionCreate(`c${i}`, `s${i}`, `d${i}`));
  return planOf(changes);
}

describe('executePlan', () => {
  it('creates sources and destinations before the connections that use them, resolving pending references', async () => {
    const client = new FakeClient();
    const ended: StepOutcome[] = [];
    const result = await executePlan(client, pipelines(3), { onStep: (o) => ended.push(o) });
    expect(result.status).toBe('applied');
    expect(result.counts).toMatchObject({ created: 9, failed: 0, skipped: 0 });
    for (let i = 0; i < 3; i++) {
      const connection = client.connections.find((c) => c.name === `c${i}`);
      expect(connection?.sourceId).toBe(client.sources.find((s) => s.name === `s${i}`)?.id);
      expect(connection?.destinationId).toBe(client.destinations.find((d) => d.name === `d${i}`)?.id);
      // Built from the discovered catalog of the new source.
      expect(connection?.streams).toBe(1);
      const at = (name: string) => ended.findIndex((o) => o.name === name);
      expect(at(`c${i}`)).toBeGreaterThan(at(`s${i}`));
      expect(at(`c${i}`)).toBeGreaterThan(at(`d${i}`));
    }
    expect(client.calls.filter((c) => c.startsWith('sources/discover_schema'))).toHaveLength(3);
  });

  it("creates each connection's source and destination one after the other, whatever the plan's order of kinds", async () => {
    // The planner orders every source, then every destination, then every connection.
    const changes = [];
    for (const kind of ['source', 'destination'] as const) for (let i = 0; i < 3; i++) changes.push(actorCreate(kind, `${kind[0]}${i}`));
    for (let i = 0; i < 3; i++) changes.push(connectionCreate(`c${i}`, `s${i}`, `d${i}`));
    const client = new FakeClient();
    const result = await executePlan(client, planOf(changes), { parallelism: 1 });
    expect(result.status).toBe('applied');
    // Ids are handed out in the order the creates arrive.
    const created = [...client.sources, ...client.destinations].sort((a, b) => Number(a.id.slice(3)) - Number(b.id.slice(3)));
    expect(created.map((item) => item.name)).toEqual(['s0', 'd0', 's1', 'd1', 's2', 'd2']);
  });

  it('never has more operations in flight than the parallelism', async () => {
    for (const parallelism of [1, 3, 8]) {
      const client = new FakeClient();
      const result = await executePlan(client, pipelines(10), { parallelism });
      expect(result.status).toBe('applied');
      expect(client.maxInFlight).toBeLessThanOrEqual(parallelism);
      expect(client.maxInFlight).toBe(parallelism);
    }
  });

  it('lists for convergence only once the steps that can start no longer fill every slot', async () => {
    const client = new FakeClient();
    const changes = Array.from({ length: 30 }, (_, i) => actorCreate('source', `s${i}`));
    const result = await executePlan(client, planOf(changes), { parallelism: 2 });
    expect(result.status).toBe('applied');
    const creates = client.calls.filter((call) => call === 'sources/create').length;
    expect(creates).toBe(30);
    // Every create but those the last slots took was sent before the first listing.
    const firstListing = client.calls.indexOf('sources/list');
    expect(client.calls.slice(0, firstListing).filter((call) => call === 'sources/create').length).toBeGreaterThanOrEqual(30 - 2 - 2);
    expect(client.sources.map((source) => source.name).sort()).toEqual(changes.map((change) => change.name).sort());
  });

  it('holds a ripe create back from its listing for at most two seconds, so a slow run still shows its creates', async () => {
    const client = new FakeClient();
    const changes = Array.from({ length: 60 }, (_, i) => actorCreate('source', `s${i}`));
    // Every reading of the clock is 100 ms later: this run is slow.
    let now = 0;
    const result = await executePlan(client, planOf(changes), { parallelism: 2, monotonic: () => (now += 100) });
    expect(result.status).toBe('applied');
    const firstListing = client.calls.indexOf('sources/list');
    const createsBefore = client.calls.slice(0, firstListing).filter((call) => call === 'sources/create').length;
    expect(createsBefore).toBeGreaterThan(2);
    expect(createsBefore).toBeLessThan(30);
  });

  it('a failed create skips its dependents; independent steps still finish', async () => {
    const client = new FakeClient();
    client.createFaults.set('s1', ['rejected']);
    const result = await executePlan(client, pipelines(3));
    expect(result.status).toBe('failed');
    const byName = (name: string) => result.steps.find((s) => s.name === name);
    expect(byName('s1')).toMatchObject({ status: 'failed', error: expect.stringContaining('does not fulfill the specification') });
    expect(byName('c1')).toMatchObject({ status: 'skipped', blockedBy: "source 's1'" });
    expect(byName('d1')?.status).toBe('done');
    expect(['c0', 'c2'].map((name) => byName(name)?.status)).toEqual(['done', 'done']);
    expect(client.connections.map((c) => c.name).sort()).toEqual(['c0', 'c2']);
    expect(result.counts).toMatchObject({ created: 7, failed: 1, skipped: 1 });
  });

  it('adopts a create whose answer was lost instead of creating it twice', async () => {
    const client = new FakeClient();
    client.createFaults.set('s0', ['lost']);
    client.createFaults.set('c0', ['lost']);
    const result = await executePlan(client, pipelines(1));
    expect(result.status).toBe('applied');
    expect(client.sources.filter((s) => s.name === 's0')).toHaveLength(1);
    expect(client.connections.filter((c) => c.name === 'c0')).toHaveLength(1);
    expect(result.steps.find((s) => s.name === 's0')).toMatchObject({ adopted: true, id: client.sources[0]?.id });
    expect(client.calls.filter((c) => c === 'sources/create')).toHaveLength(1);
    expect(client.calls).toContain('sources/list');
    expect(client.calls).toContain('connections/list');
  });

  it('sends an ambiguous create again only after finding it absent, and at most createAttempts times', async () => {
    const client = new FakeClient();
    client.createFaults.set('d0', ['refused', 'refused']);
    const retried = await executePlan(client, pipelines(1), { createAttempts: 3 });
    expect(retried.status).toBe('applied');
    // Looked for before each resend; then one listing to converge with concurrent runs, one for the settling pass.
    expect(client.calls.filter((c) => c.startsWith('destinations/'))).toEqual([
      'destinations/create',
      'destinations/list',
      'destinations/create',
      'destinations/list',
      'destinations/create',
      'destinations/list',
      'destinations/list',
    ]);
    expect(client.destinations).toHaveLength(1);

    const stubborn = new FakeClient();
    stubborn.createFaults.set('d0', ['refused', 'refused', 'refused']);
    const gaveUp = await executePlan(stubborn, pipelines(1), { createAttempts: 2 });
    expect(gaveUp.status).toBe('failed');
    expect(stubborn.calls.filter((c) => c === 'destinations/create')).toHaveLength(2);
    expect(gaveUp.steps.find((s) => s.name === 'c0')?.status).toBe('skipped');
  });

  it('registers the secret values before the first call', async () => {
    const client = new FakeClient();
    let secretsAtFirstCall: string[] = [];
    const original = client.createSource;
    client.createSource = (body) => {
      if (secretsAtFirstCall.length === 0) secretsAtFirstCall = [...client.secrets];
      return original(body);
    };
    await executePlan(client, planOf([actorCreate('source', 's', 'hunter2')]), { secrets: ['hunter2'] });
    expect(secretsAtFirstCall).toEqual(['hunter2']);
  });

  it('once aborted starts nothing new, lets the steps in flight finish, and reports the rest as not started', async () => {
    const client = new FakeClient();
    const controller = new AbortController();
    const creates = () => client.calls.filter((call) => call.endsWith('/create')).length;
    let sentWhenAborted = -1;
    const result = await executePlan(client, pipelines(5), {
      parallelism: 2,
      signal: controller.signal,
      onStep: () => {
        if (sentWhenAborted < 0) sentWhenAborted = creates();
        controller.abort();
      },
    });
    expect(result.status).toBe('interrupted');
    // Nothing was sent after the abort; what was in flight then finished and is reported done.
    expect(creates()).toBe(sentWhenAborted);
    const done = result.steps.filter((s) => s.status === 'done');
    expect(done.length).toBe(client.sources.length + client.destinations.length);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(10);
    expect(result.counts.notStarted).toBe(15 - done.length);
  });

  it('a signal that arrives while the last steps are in flight still ends the run as interrupted', async () => {
    const client = new FakeClient();
    const controller = new AbortController();
    const plan = planOf([actorCreate('source', 's', 'pw')]);
    const result = await executePlan(client, plan, { signal: controller.signal, onStep: () => controller.abort() });
    expect(result.counts).toMatchObject({ created: 1, notStarted: 0 });
    expect(result.status).toBe('interrupted');
  });

  it('deletes a connection before the source it uses', async () => {
    const client = new FakeClient();
    client.sources.push({ id: 'src', name: 'old' });
    client.connections.push({ id: 'con', name: 'old-c', sourceId: 'src', destinationId: 'dst', streams: 0 });
    const common = { fields: [], warnings: [], destructive: true, desired: null };
    const plan = planOf([
      { ...common, kind: 'source', name: 'old', action: 'delete', id: 'src', definitionId: 'x', preserved: {}, takesDown: ['old-c'] },
      {
        ...common,
        kind: 'connection',
        name: 'old-c',
        action: 'delete',
        id: 'con',
        sourceRef: null,
        destinationRef: null,
        patch: null,
        syncCatalog: null,
        remoteEndpoints: { sourceId: 'src', destinationId: 'dst' },
      },
    ]);
    const result = await executePlan(client, plan, { parallelism: 8 });
    expect(result.counts.deleted).toBe(2);
    expect(client.calls.indexOf('connections/delete')).toBeLessThan(client.calls.indexOf('sources/delete'));
  });

  it('an update sends the stored settings the pipeline does not set, with the desired configuration winning whole', async () => {
    const client = new FakeClient();
    const update = (kind: 'source' | 'destination', id: string): ActorChange => ({
      ...actorCreate(kind, `${kind}-1`, 'new-pw'),
      action: 'update',
      id,
      preserved: { jdbc_url_params: 'a=b', port: 5432, ssl_mode: { mode: 'disable' } },
    });
    const changes = [update('source', 'src-1'), update('destination', 'dst-1')];
    changes[0]!.desired!.configuration = { host: 'h', password: 'new-pw', ssl_mode: { mode: 'require' } };
    const result = await executePlan(client, planOf(changes));
    expect(result.counts).toMatchObject({ updated: 2, failed: 0 });
    const bodies = Object.fromEntries(client.updates.map((u) => [u.call, u.body.connectionConfiguration]));
    expect(bodies).toEqual({
      'sources/update': { jdbc_url_params: 'a=b', port: 5432, host: 'h', password: 'new-pw', ssl_mode: { mode: 'require' } },
      'destinations/update': { jdbc_url_params: 'a=b', port: 5432, ssl_mode: { mode: 'disable' }, host: 'h', password: 'new-pw' },
    });
  });
});
