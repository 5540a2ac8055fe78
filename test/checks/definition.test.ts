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

describe('resolveDefinition by docker repository', () => {
  const image = (kind: ActorKind, definitionId: string, name: string, dockerRepository: string): RemoteDefinition => ({
    kind,
    definitionId,
    name,
    dockerRepository,
    dockerImageTag: '3.6.2',
  });
  const CUSTOM = '99999999-2222-4333-8444-555555555555';
  const images = [
    image('source', POSTGRES_SRC, 'Postgres', 'airbyte/source-postgres'),
    image('source', '435bb9a5-7887-4809-aa58-28c27df0d7ad', 'MySQL', 'airbyte/source-mysql'),
    image('source', '11111111-aaaa-4333-8444-555555555555', 'MySQL (ours)', 'acme/source-mysql'),
    image('destination', S3, 'S3', 'airbyte/destination-s3'),
    image('destination', POSTGRES_DST, 'Postgres', 'airbyte/destination-postgres'),
    image('destination', CUSTOM, 'Custom', ''),
  ];

  test.each<[string, ActorKind, string, DefinitionResolution | { definitionId: string }]>([
    ['the whole repository', 'source', 'airbyte/source-postgres', { definitionId: POSTGRES_SRC }],
    ['the repository without its owner', 'source', 'source-postgres', { definitionId: POSTGRES_SRC }],
    ['case-insensitive, trimmed', 'destination', ' Airbyte/Destination-S3 ', { definitionId: S3 }],
    ['per kind', 'destination', 'destination-postgres', { definitionId: POSTGRES_DST }],
    ['a whole repository tells same-named images apart', 'source', 'acme/source-mysql', { definitionId: '11111111-aaaa-4333-8444-555555555555' }],
    [
      'a short image two repositories share: never guess',
      'source',
      'source-mysql',
      {
        error:
          "source definition 'source-mysql' is ambiguous: several definitions have that image (435bb9a5-7887-4809-aa58-28c27df0d7ad 'MySQL' airbyte/source-mysql, 11111111-aaaa-4333-8444-555555555555 'MySQL (ours)' acme/source-mysql); use the definition id",
      },
    ],
    [
      'the image of the other kind',
      'destination',
      'airbyte/source-postgres',
      { error: "'airbyte/source-postgres' ('Postgres') is a source definition, not a destination definition" },
    ],
    [
      'an image with its tag',
      'source',
      'airbyte/source-postgres:3.6.2',
      {
        error:
          "source definition 'airbyte/source-postgres:3.6.2' names an image with its tag: write 'airbyte/source-postgres' (the version is the definition's, 3.6.2 in this workspace)",
      },
    ],
    [
      'a misspelled image: did you mean the image',
      'source',
      'source-postgress',
      { error: "unknown source definition 'source-postgress' (did you mean 'source-postgres'?)" },
    ],
    [
      'a misspelled whole repository',
      'destination',
      'airbyte/destination-s4',
      { error: "unknown destination definition 'airbyte/destination-s4' (did you mean 'airbyte/destination-s3'?)" },
    ],
    ['a misspelled name still suggests the name', 'source', 'Postgress', { error: "unknown source definition 'Postgress' (did you mean 'Postgres'?)" }],
    ['a definition without a repository, by name', 'destination', 'custom', { definitionId: CUSTOM }],
  ])('%s', (_name, kind, written, expected) => {
    const result = resolveDefinition(kind, written, images);
    if ('error' in expected) expect(result).toEqual(expected);
    else expect('definitionId' in result ? result.definitionId : result).toBe(expected.definitionId);
  });

  test('a name wins over an image', () => {
    const clash = [image('source', POSTGRES_SRC, 'source-faker', 'airbyte/source-postgres'), image('source', CUSTOM, 'Sample Data', 'airbyte/source-faker')];
    expect(resolveDefinition('source', 'source-faker', clash)).toMatchObject({ definitionId: POSTGRES_SRC });
    expect(resolveDefinition('source', 'airbyte/source-faker', clash)).toMatchObject({ definitionId: CUSTOM });
  });
});
