/**
 * The real registry snapshot of ../shared/reference/registry (591 sources, 56 destinations), for tests that need real
 * specs. A fresh clone without it skips those tests and says why; under CI=true a missing snapshot is a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { parseRegistry, type ConnectorRegistry } from '../../src/registry/index.js';

export const SNAPSHOT = resolve(import.meta.dirname, '../../../shared/reference/registry/oss_registry.json');

export const hasSnapshot = existsSync(SNAPSHOT);

if (!hasSnapshot) {
  if (process.env['CI'] === 'true') throw new Error(`the registry snapshot ${SNAPSHOT} is required under CI`);
  console.warn(`skipping the tests on the real connector registry: ${SNAPSHOT} is not there (it comes with ../shared)`);
}

/** `describe` that runs only when the snapshot is there. */
export const describeWithSnapshot: typeof describe.skip = hasSnapshot ? describe : describe.skip;

let loaded: ConnectorRegistry | undefined;
/** The snapshot, parsed once per test file. */
export function snapshotRegistry(): ConnectorRegistry {
  loaded ??= parseRegistry(readFileSync(SNAPSHOT, 'utf8'), SNAPSHOT);
  return loaded;
}
