import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/api/types.js';
import { secretPaths } from '../../src/secrets/paths.js';
import { connectorDefinitions, findDefinition, type ConnectorDefinition } from '../../src/emulator/connectors/index.js';
import { CASES } from './fixtures.js';

const ajv = new Ajv({ strict: false, allErrors: true });

function definitionOf(kind: 'source' | 'destination', name: string): ConnectorDefinition {
  const definition = findDefinition(kind, name);
  if (definition === undefined) throw new Error(`no ${kind} ${name}`);
  return definition;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `oneOf` group in a schema, with its path, found by walking properties. */
function optionGroups(schema: JsonObject, path: string[] = []): { path: string; branches: JsonObject[] }[] {
  const found: { path: string; branches: JsonObject[] }[] = [];
  const oneOf = schema['oneOf'];
  if (Array.isArray(oneOf)) {
    const branches = oneOf.filter(isObject);
    found.push({ path: path.join('.'), branches });
    for (const branch of branches) found.push(...optionGroups(branch, path));
  }
  const properties = schema['properties'];
  if (isObject(properties)) {
    for (const [key, child] of Object.entries(properties)) if (isObject(child)) found.push(...optionGroups(child, [...path, key]));
  }
  return found;
}

describe.each(CASES)('$kind $name', (connectorCase) => {
  const definition = definitionOf(connectorCase.kind, connectorCase.name);
  const spec = definition.connectionSpecification;
  const validate = ajv.compile(spec);

  it('is a draft-07 object schema without a closed top level', () => {
    expect(spec['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(spec['type']).toBe('object');
    expect(Array.isArray(spec['required'])).toBe(true);
    expect(spec['additionalProperties']).toBeUndefined();
    for (const required of spec['required'] as string[]) expect(Object.keys(spec['properties'] as JsonObject)).toContain(required);
  });

  it('gives every property a title, a description and an order', () => {
    for (const [key, property] of Object.entries(spec['properties'] as JsonObject)) {
      expect(property, key).toMatchObject({ title: expect.any(String), description: expect.any(String), order: expect.any(Number) });
    }
  });

  it.each(connectorCase.valid.map((config, i) => [i, config] as const))('accepts valid configuration #%i', (_i, config) => {
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(connectorCase.invalid)('rejects a configuration with %s', (_reason, config) => {
    expect(validate(config)).toBe(false);
  });

  it('declares exactly the expected secret paths', () => {
    const found = secretPaths(spec).map((path) => path.join('.'));
    expect(found.sort()).toEqual([...connectorCase.secrets].sort());
  });

  it('tells option branches apart by a required const discriminator with a default', () => {
    for (const group of optionGroups(spec)) {
      const discriminators = group.branches.map((branch) => {
        const required = branch['required'] as string[];
        const key = required[0] as string;
        const node = (branch['properties'] as JsonObject)[key] as JsonObject;
        expect(node['const'], `${group.path}.${key}`).toBe(node['default']);
        return `${key}=${String(node['const'])}`;
      });
      expect(new Set(discriminators).size, group.path).toBe(group.branches.length);
    }
  });
});

describe('the catalog as a whole', () => {
  it('covers every connector the fixtures test', () => {
    expect(connectorDefinitions.map((definition) => `${definition.kind} ${definition.name}`).sort()).toEqual(
      CASES.map((connectorCase) => `${connectorCase.kind} ${connectorCase.name}`).sort(),
    );
  });

  it('has unique definition ids and unique names per kind', () => {
    const ids = connectorDefinitions.map((definition) => definition.definitionId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const kind of ['source', 'destination'] as const) {
      const names = connectorDefinitions.filter((definition) => definition.kind === kind).map((definition) => definition.name);
      expect(new Set(names).size).toBe(names.length);
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('uses the definition ids the reference gives', () => {
    expect(definitionOf('source', 'Postgres').definitionId).toBe('decd338e-5647-4c0b-adf4-da0e75f5a750');
    expect(definitionOf('destination', 'S3').definitionId).toBe('4816b78f-1489-44c1-9060-4b19d5fa9362');
    expect(definitionOf('destination', 'Postgres').definitionId).toBe('25c5221d-dce2-4163-ade9-739ef790f503');
  });

  it('gives sources discovery and a source type, and destinations their sync modes', () => {
    for (const definition of connectorDefinitions) {
      if (definition.kind === 'source') {
        expect(typeof definition.discover, definition.name).toBe('function');
        expect(definition.sourceType, definition.name).toBeDefined();
        expect(definition.supportedDestinationSyncModes, definition.name).toBeUndefined();
      } else {
        expect(definition.discover, definition.name).toBeUndefined();
        expect(definition.supportedDestinationSyncModes?.length, definition.name).toBeGreaterThan(0);
      }
      expect(definition.dockerRepository).toMatch(/^airbyte\/(source|destination)-/);
      expect(definition.documentationUrl).toMatch(/^https:\/\/docs\.airbyte\.com\//);
    }
  });

  it('states the documented destination sync modes', () => {
    const modes = (name: string): string[] | undefined => definitionOf('destination', name).supportedDestinationSyncModes;
    expect(modes('S3')).toEqual(['overwrite', 'append']);
    expect(modes('Postgres')).toEqual(['overwrite', 'append', 'append_dedup', 'overwrite_dedup']);
    expect(modes('BigQuery')).toEqual(['overwrite', 'append', 'append_dedup']);
    expect(modes('Snowflake')).toEqual(['overwrite', 'append', 'append_dedup']);
    expect(modes('Local JSON')).toEqual(['overwrite', 'append']);
  });

  it('finds definitions by id or name within a kind only', () => {
    expect(findDefinition('destination', 'Postgres')?.kind).toBe('destination');
    expect(findDefinition('source', 'postgres')?.definitionId).toBe('decd338e-5647-4c0b-adf4-da0e75f5a750');
    expect(findDefinition('source', '4816b78f-1489-44c1-9060-4b19d5fa9362')).toBeUndefined();
    expect(findDefinition('destination', '4816B78F-1489-44C1-9060-4B19D5FA9362')?.name).toBe('S3');
    expect(findDefinition('source', 'Oracle')).toBeUndefined();
  });
});
