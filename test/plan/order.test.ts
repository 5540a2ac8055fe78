import { describe, expect, test } from 'vitest';
import { applyOrder } from '../../src/plan/diff/index.js';
import type { Plan } from '../../src/plan/types.js';
import {
  MYSQL,
  connection,
  desiredStream,
  destination,
  inSync,
  maskedPg,
  pgConfig,
  pipeline,
  remoteActor,
  remoteConnection,
  remoteState,
  s3Config,
  source,
  planFor,
} from './fixtures.js';

const keys = (plan: Plan) => plan.order.map((step) => [step.key, step.dependsOn]);

describe('apply order', () => {
  test('creates: actors first; a connection waits only for its own source and destination', () => {
    const desired = pipeline({
      sources: [source('pg', pgConfig), source('crm', pgConfig)],
      destinations: [destination('lake', s3Config)],
      connections: [connection('pg-to-lake', [desiredStream('a')]), connection('crm-to-lake', [desiredStream('b')], { source: 'crm' })],
    });
    const plan = planFor(desired, remoteState({}));
    expect(keys(plan)).toEqual([
      ['create:source:pg', []],
      ['create:source:crm', []],
      ['create:destination:lake', []],
      ['create:connection:pg-to-lake', ['create:source:pg', 'create:destination:lake']],
      ['create:connection:crm-to-lake', ['create:source:crm', 'create:destination:lake']],
    ]);
  });

  test('a connection on an existing, unchanged source waits for nothing on that side', () => {
    const desired = pipeline({
      sources: [source('pg', pgConfig)],
      destinations: [destination('lake', s3Config)],
      connections: [connection('c', [desiredStream('a')])],
    });
    const plan = planFor(desired, remoteState({ sources: [remoteActor('source', 'src-1', 'pg', maskedPg)] }));
    expect(keys(plan)).toEqual([
      ['create:destination:lake', []],
      ['create:connection:c', ['create:destination:lake']],
    ]);
  });

  test('an updated source orders before its connection update', () => {
    const { desired, remote } = inSync();
    desired.sources[0]!.configuration = { ...pgConfig, port: 6543 };
    desired.connections[0]!.status = 'inactive';
    expect(keys(planFor(desired, remote))).toEqual([
      ['update:source:pg', []],
      ['update:connection:pg-to-lake', ['update:source:pg']],
    ]);
  });

  test('a replace: connection delete, source delete, source create, connection create', () => {
    const { desired, remote } = inSync();
    desired.sources[0]!.definition = MYSQL;
    expect(keys(planFor(desired, remote))).toEqual([
      ['delete:connection:conn-1', []],
      ['delete:source:src-1', ['delete:connection:conn-1']],
      ['create:source:pg', ['delete:source:src-1']],
      ['create:connection:pg-to-lake', ['delete:connection:conn-1', 'create:source:pg']],
    ]);
  });

  test('every dependency comes before its dependent, and applyOrder is a pure function of the changes', () => {
    const { desired, remote } = inSync();
    desired.sources[0]!.definition = MYSQL;
    remote.connections.push(remoteConnection('conn-7', 'other', [], { destinationId: 'dst-1' }));
    const plan = planFor(desired, remote, { prune: true });
    expect(applyOrder(plan.changes)).toEqual(plan.order);
    const seen = new Set<string>();
    for (const step of plan.order) {
      for (const dependency of step.dependsOn) expect(seen.has(dependency)).toBe(true);
      seen.add(step.key);
    }
  });
});
