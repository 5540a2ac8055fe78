import { describe, expect, test } from 'vitest';
import type { RemoteDefinition } from '../../src/model/remote.js';
import { resolveDefinition, type DefinitionResolution } from '../../src/plan/checks/definition.js';
import type { ActorKind } from '../../src/model/desired.js';

const def = (kind: ActorKind, definitionId: string, name: string): RemoteDefinition => ({
  kind,
  definitionId,
  name,
  dockerRepository: `airbyte/${kind}-x`,
  dockerImageTag: '1.0.0',
});

const POSTGRES_SRC = 'decd338e-5647-4c0b-adf4-da0e75f5a750';
const S3 = '4816b78f-1489-44c1-9060-4b19d5fa9362';
const POSTGRES_DST = '25c5221d-dce2-4163-ade9-739ef790f503';
const definitions = [
  def('source', POSTGRES_SRC, 'Postgres'),
  def('source', '778daa7c-feaf-4db6-96f3-70fd645acc77', 'File (CSV, JSON, Excel, Feather, Parquet)'),
  def('destination', S3, 'S3'),
  def('destination', POSTGRES_DST, 'Postgres'),
  def('destination', '11111111-2222-4333-8444-555555555555', 'Custom Sink'),
  def('destination', '66666666-2222-4333-8444-555555555555', 'custom sink'),
];

describe('resolveDefinition', () => {
  test.each<[string, ActorKind, string, DefinitionResolution | { definitionId: string }]>([
    ['by exact name', 'source', 'Postgres', { definitionId: POSTGRES_SRC }],
    ['by name, case-insensitive, per kind', 'destination', 'postgres', { definitionId: POSTGRES_DST }],
    ['by id', 'destination', S3, { definitionId: S3 }],
    ['by id in upper case', 'destination', S3.toUpperCase(), { definitionId: S3 }],
    ['a name with punctuation', 'source', 'file (csv, json, excel, feather, parquet)', { definitionId: '778daa7c-feaf-4db6-96f3-70fd645acc77' }],
    ['typo → did you mean', 'source', 'Postgress', { error: "unknown source definition 'Postgress' (did you mean 'Postgres'?)" }],
    ['no close name', 'source', 'Snowflake', { error: "unknown source definition 'Snowflake'" }],
    ['the other kind, by name', 'source', 's3', { error: "'S3' is a destination definition, not a source definition" }],
    ['the other kind, by id', 'source', S3, { error: `definition '${S3}' ('S3') is a destination definition, not a source definition` }],
    [
      'unknown id',
      'source',
      '00000000-0000-4000-8000-000000000000',
      { error: "no source definition has id '00000000-0000-4000-8000-000000000000' in this workspace" },
    ],
    [
      'two definitions with one name: never guess',
      'destination',
      'Custom Sink',
      {
        error:
          "destination definition 'Custom Sink' is ambiguous: several definitions have that name (11111111-2222-4333-8444-555555555555, 66666666-2222-4333-8444-555555555555); use the definition id",
      },
    ],
  ])('%s', (_name, kind, written, expected) => {
    const result = resolveDefinition(kind, written, definitions);
    if ('error' in expected) expect(result).toEqual(expected);
    else expect('definitionId' in result ? result.definitionId : result).toBe(expected.definitionId);
  });

  test('returns the definition found', () => {
    expect(resolveDefinition('destination', 'S3', definitions)).toEqual({ definitionId: S3, definition: definitions[2] });
  });
});
