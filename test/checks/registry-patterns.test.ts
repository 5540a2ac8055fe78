/**
 * Connector patterns compile as the server compiles them (Java's regex accepts `\-` outside a character class,
 * which a JavaScript `u` regex refuses): every spec of the registry snapshot can be used for checking.
 */
import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import type { ConnectorSpec } from '../../src/model/remote.js';
import { checkConfiguration } from '../../src/plan/checks/configuration.js';
import { unknownKeys } from '../../src/plan/checks/unknown-keys.js';
import { registryEntries, registryEntry } from '../secrets/registry-snapshot.js';
import { actor } from './fixtures.js';

const entries = registryEntries();

const specOf = (entry: { kind: 'source' | 'destination'; definitionId: string; connectionSpecification: JsonObject }): ConnectorSpec => ({
  kind: entry.kind,
  definitionId: entry.definitionId,
  connectionSpecification: entry.connectionSpecification,
});

describe.skipIf(entries === undefined)('connector patterns of the registry snapshot', () => {
  test('an empty configuration is checked against every spec: none is left unvalidated', () => {
    const all = entries ?? [];
    expect(all.length).toBeGreaterThan(600);
    const unvalidated = all.flatMap((entry) =>
      checkConfiguration(actor(entry.kind, entry.name, {}, {}), specOf(entry))
        .problems.filter((problem) => problem.message.includes('not validated'))
        .map((problem) => `${entry.dockerRepository}: ${problem.message}`),
    );
    expect(unvalidated).toEqual([]);
  });

  test.each([
    ['airbyte/source-kyriba', { domain: 'acme.kyriba.com', username: 'u', password: '${PW}', start_date: '2024-01-31' }, 'start_date', '2024/01/31'],
    ['airbyte/source-the-guardian-api', { api_key: '${KEY}', start_date: '2024-1-31' }, 'start_date', '31-01-2024'],
  ])('%s: a pattern written with \\- is enforced', (repository, valid, key, wrong) => {
    const entry = registryEntry(entries ?? [], repository);
    const errors = (configuration: JsonObject) =>
      checkConfiguration(actor(entry.kind, entry.name, configuration, {}), specOf(entry)).problems.filter((problem) => problem.severity === 'error');
    expect(errors(valid)).toEqual([]);
    expect(errors({ ...valid, [key]: wrong }).map((problem) => problem.message)).toEqual([
      expect.stringContaining(`configuration.${key}: must match`) as unknown as string,
    ]);
  });
});

describe('patternProperties', () => {
  test('a key pattern written with \\- is compiled like the server does: keys it matches are declared', async () => {
    const spec: JsonObject = { type: 'object', properties: { name: { type: 'string' } }, patternProperties: { '^x\\-[a-z]+$': { type: 'string' } } };
    expect(unknownKeys(spec, { name: 'a', 'x-extra': 'b' })).toEqual([]);
    expect(unknownKeys(spec, { name: 'a', 'y-extra': 'b' }).map((unknown) => unknown.path)).toEqual([['y-extra']]);
  });
});
