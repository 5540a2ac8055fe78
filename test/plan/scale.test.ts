/**
 * The work a plan does grows linearly with the number of resources: counted (reads of the values a scan would
 * touch), never timed.
 */
import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import type { DesiredPipeline } from '../../src/model/desired.js';
import type { RemoteState } from '../../src/model/remote.js';
import { applyOrder, diff } from '../../src/plan/diff/index.js';
import type { Change } from '../../src/plan/types.js';
import { validate } from '../../src/plan/validate.js';
import { secretPaths } from '../../src/secrets/paths.js';
import {
  PG,
  S3,
  connection,
  desiredStream,
  destination,
  maskedPg,
  maskedS3,
  pgConfig,
  pgSpec,
  pipeline,
  remoteActor,
  remoteConnection,
  reference,
  remoteState,
  s3Config,
  s3Spec,
  source,
  storedStream,
} from './fixtures.js';

/**
 * n sources pg-i → n destinations lake-i, connections paused; Airbyte holds the even ones (so half are creates,
 * half no-ops or updates) plus n unmanaged pairs that --prune deletes with their connections.
 */
function world(n: number, specs: { pg: JsonObject; s3: JsonObject }): { desired: DesiredPipeline; remote: RemoteState } {
  const desired = pipeline({});
  const remote = remoteState({});
  remote.specs[PG] = { kind: 'source', definitionId: PG, connectionSpecification: specs.pg };
  remote.specs[S3] = { kind: 'destination', definitionId: S3, connectionSpecification: specs.s3, supportedDestinationSyncModes: ['overwrite', 'append'] };
  for (let i = 0; i < n; i++) {
    desired.sources.push(source(`pg-${i}`, { ...pgConfig, database: `db${i % 3}` }));
    desired.destinations.push(destination(`lake-${i}`, s3Config));
    desired.connections.push(connection(`conn-${i}`, [desiredStream('customers')], { source: `pg-${i}`, destination: `lake-${i}`, status: 'inactive' }));
    for (const prefix of i % 2 === 0 ? ['', 'old-'] : ['old-']) {
      remote.sources.push(remoteActor('source', `src-${prefix}${i}`, `${prefix}pg-${i}`, { ...maskedPg, database: 'db0' }));
      remote.destinations.push(remoteActor('destination', `dst-${prefix}${i}`, `${prefix}lake-${i}`, maskedS3));
      remote.connections.push(
        remoteConnection(`conn-${prefix}${i}`, `${prefix}conn-${i}`, [storedStream('customers')], {
          sourceId: `src-${prefix}${i}`,
          destinationId: `dst-${prefix}${i}`,
        }),
      );
    }
  }
  return { desired, remote };
}

/** The plan of a world, checked as `plan` checks it. */
function plan(desired: DesiredPipeline, remote: RemoteState): Change[] {
  const { validated, problems } = validate(desired, remote);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return diff(validated, remote, { prune: true }).changes;
}

/** A copy of `spec` whose secret marks count how often they are read. */
function countingSpec(spec: JsonObject, counter: { reads: number }): JsonObject {
  const copy = structuredClone(spec);
  const mark = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record['airbyte_secret'] === true) {
      Object.defineProperty(record, 'airbyte_secret', {
        enumerable: true,
        get: () => {
          counter.reads += 1;
          return true;
        },
      });
    }
    for (const child of Object.values(record)) mark(child);
  };
  mark(copy);
  return copy;
}

/** Reads of `name` on every remote resource while planning a world of n. */
function nameReads(n: number): number {
  const { desired, remote } = world(n, { pg: pgSpec, s3: s3Spec });
  let reads = 0;
  for (const resource of [...remote.sources, ...remote.destinations, ...remote.connections]) {
    const name = resource.name;
    Object.defineProperty(resource, 'name', {
      enumerable: true,
      get: () => {
        reads += 1;
        return name;
      },
    });
  }
  plan(desired, remote);
  return reads;
}

describe('plan work grows linearly with the number of resources', () => {
  test('the secret paths of a spec are found once, whatever the number of resources using it', () => {
    const counts = [1, 50].map((n) => {
      const counter = { reads: 0 };
      const { desired, remote } = world(n, { pg: countingSpec(pgSpec, counter), s3: countingSpec(s3Spec, counter) });
      const changes = plan(desired, remote);
      expect(changes.length).toBeGreaterThanOrEqual(3 * n);
      return counter.reads;
    });
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });

  test('secret paths are computed once per spec object and shared read-only', () => {
    const first = secretPaths(pgSpec);
    expect(secretPaths(pgSpec)).toBe(first);
    expect(first).toContainEqual(['password']);
    expect(() => (first as string[][]).push(['x'])).toThrow(TypeError);
    expect(secretPaths(structuredClone(pgSpec))).toEqual(first);
  });

  test('remote resources are looked up by name, never scanned per resource', () => {
    const [small, large] = [nameReads(100), nameReads(200)];
    expect(small).toBeGreaterThan(0);
    // Twice the resources, twice the reads: a scan per resource would read four times as many.
    expect(large).toBeLessThanOrEqual(2 * small + 10);
  });

  test('the apply order of a plan is built without a scan of every change per change', () => {
    const changesOf = (n: number): Change[] => {
      const { desired, remote } = world(n, { pg: pgSpec, s3: s3Spec });
      return plan(desired, remote);
    };
    const reads = (changes: Change[]): number => {
      let count = 0;
      const counted = changes.map((change) => {
        const copy = { ...change };
        const action = change.action;
        Object.defineProperty(copy, 'action', {
          enumerable: true,
          get: () => {
            count += 1;
            return action;
          },
        });
        return copy as Change;
      });
      const order = applyOrder(counted);
      // Every kind of dependency is there: deletes after connection deletes, connections after creates and updates.
      expect(order.some((step) => step.op === 'delete' && step.kind === 'source' && step.dependsOn.length > 0)).toBe(true);
      expect(order.some((step) => step.kind === 'connection' && step.dependsOn.some((key) => key.startsWith('update:source:')))).toBe(true);
      expect(order.some((step) => step.kind === 'connection' && step.dependsOn.some((key) => key.startsWith('create:source:')))).toBe(true);
      return count;
    };
    const [small, large] = [reads(changesOf(100)), reads(changesOf(200))];
    expect(large).toBeLessThanOrEqual(2 * small + 10);
  });

  test('missing references get a "did you mean" for the first 100 only (each compares with every remote name)', () => {
    const desired = pipeline({ sources: Array.from({ length: 150 }, (_, index) => reference('source', `pg${index}`)) });
    const remote = remoteState({ sources: [remoteActor('source', 'src-1', 'pg', maskedPg)] });
    const messages = validate(desired, remote).problems.map((problem) => problem.message);
    expect(messages.filter((message) => message.includes('is referenced by name but does not exist'))).toHaveLength(150);
    expect(messages.filter((message) => message.includes("(did you mean 'pg'?)"))).toHaveLength(100);
  });
});
