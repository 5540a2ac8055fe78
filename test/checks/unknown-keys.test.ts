import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { formatProblem } from '../../src/model/problem.js';
import type { ConnectorSpec } from '../../src/model/remote.js';
import { checkConfiguration } from '../../src/plan/checks/configuration.js';
import { actor, postgresSpec } from './fixtures.js';

const option = (discriminator: string, value: string, properties: JsonObject = {}, extra: JsonObject = {}): JsonObject => ({
  type: 'object',
  required: [discriminator],
  properties: { [discriminator]: { type: 'string', const: value }, ...properties },
  ...extra,
});

/** Shaped like the real S3 destination: extra properties allowed, so JSON Schema accepts any misspelled key. */
const s3: ConnectorSpec = {
  kind: 'destination',
  definitionId: '4816b78f-1489-44c1-9060-4b19d5fa9362',
  connectionSpecification: {
    type: 'object',
    required: ['s3_bucket_name', 'format'],
    properties: {
      access_key_id: { type: 'string', airbyte_secret: true },
      secret_access_key: { type: 'string', airbyte_secret: true },
      s3_bucket_name: { type: 'string' },
      s3_bucket_path: { type: 'string' },
      s3_endpoint: { type: 'string' },
      headers: { type: 'object', description: 'free-form: no properties declared' },
      tags: { type: 'object', properties: { team: { type: 'string' } }, additionalProperties: { type: 'string' } },
      partitions: { type: 'array', items: { type: 'object', properties: { column: { type: 'string' }, granularity: { type: 'string' } } } },
      strict: { type: 'object', additionalProperties: false, properties: { level: { type: 'integer' } } },
      format: {
        type: 'object',
        oneOf: [
          option('format_type', 'CSV', { flattening: { type: 'string' } }),
          option('format_type', 'Parquet', { compression_codec: { type: 'string', enum: ['UNCOMPRESSED', 'SNAPPY'] }, block_size_mb: { type: 'integer' } }),
          option('format_type', 'Avro', {
            compression_codec: { type: 'object', oneOf: [option('codec', 'snappy'), option('codec', 'Deflate', { compression_level: { type: 'integer' } })] },
          }),
        ],
      },
    },
  },
};

const base: JsonObject = { s3_bucket_name: 'lake', s3_bucket_path: 'raw', format: { format_type: 'CSV', flattening: 'No flattening' } };
const FILE = 'pipelines/s3.yaml';
/** Where the cases write each value (the leaves; an object value has no origin of its own). */
const lines = {
  s3_bucket_name: { line: 5 },
  s3_bucket_nam: { line: 6 },
  s3_bucket_nmae: { line: 6 },
  legacy_flag: { line: 7 },
  'format.format_type': { line: 9, col: 9 },
  'format.compresion_codec': { line: 10, col: 9 },
  'format.block_size_mb': { line: 11, col: 9 },
  'format.compression_codec.codec': { line: 12, col: 11 },
  'format.compression_codec.compresion_level': { line: 13, col: 11 },
  'partitions.1.colum': { line: 15, col: 11 },
  'strict.levle': { line: 17, col: 9 },
};
const notAField = (path: string, line: number, col: number, suggestion: string) =>
  `${FILE}:${line}:${col}: error: destination 'MinIO': configuration.${path} is not a field of connector 'S3' (did you mean '${suggestion}'?)`;
const ignored = (path: string, line: number, col: number) =>
  `${FILE}:${line}:${col}: warning: destination 'MinIO': configuration.${path} is not a field of connector 'S3'; Airbyte will store it but the connector ignores it`;

describe('checkConfiguration: keys the connector does not declare', () => {
  test.each<[string, JsonObject, string[]]>([
    ['declared keys pass', {}, []],
    ['typo of a top-level key: error with the suggestion, at its line', { s3_bucket_nam: 'lake2' }, [notAField('s3_bucket_nam', 6, 7, 's3_bucket_name')]],
    ['swapped neighbouring letters count as one edit', { s3_bucket_nmae: 'lake2' }, [notAField('s3_bucket_nmae', 6, 7, 's3_bucket_name')]],
    ['no declared key is close: a warning', { legacy_flag: true }, [ignored('legacy_flag', 7, 7)]],
    [
      'typo inside the chosen option (Parquet)',
      { format: { format_type: 'Parquet', compresion_codec: 'SNAPPY' } },
      [notAField('format.compresion_codec', 10, 9, 'compression_codec')],
    ],
    ['keys of the chosen option pass', { format: { format_type: 'Parquet', compression_codec: 'SNAPPY', block_size_mb: 64 } }, []],
    ["another option's key is not a field of the chosen one", { format: { format_type: 'CSV', block_size_mb: 64 } }, [ignored('format.block_size_mb', 11, 9)]],
    [
      'typo in a nested option group',
      { format: { format_type: 'Avro', compression_codec: { codec: 'Deflate', compresion_level: 5 } } },
      [notAField('format.compression_codec.compresion_level', 13, 11, 'compression_level')],
    ],
    [
      'no option picked: a key any option declares passes (the discriminator error says what is wrong)',
      { format: { format_type: 'ORC', block_size_mb: 64 } },
      [`${FILE}:9:9: error: destination 'MinIO': configuration.format.format_type: must be one of 'CSV', 'Parquet', 'Avro'`],
    ],
    ['free-form object: anything goes', { headers: { 'X-Anything': 'a', nested: { deep: 1 } } }, []],
    ['object whose extra keys have a schema (a map): not checked', { tags: { team: 'data', cost_centre: '42' } }, []],
    ['array items are checked', { partitions: [{ column: 'day' }, { colum: 'month' }] }, [notAField('partitions.1.colum', 15, 11, 'column')]],
    [
      'where the spec forbids extra keys, the schema check alone reports them',
      { strict: { levle: 1 } },
      [`${FILE}:17:9: error: destination 'MinIO': configuration.strict: unknown key 'levle' (did you mean 'level'?)`],
    ],
  ])('%s', (_name, change, expected) => {
    const desired = actor('destination', 'MinIO', { ...base, ...change }, lines, FILE);
    expect(checkConfiguration(desired, s3, 'S3').problems.map(formatProblem)).toEqual(expected);
  });

  test('a misspelled option group is found at the first value written inside it (Postgres ssl_mode)', () => {
    const configuration = { host: 'db', port: 5432, database: 'shop', username: 'u', ssl_mod: { mode: 'disable' } };
    const desired = actor('source', 'pg', configuration, { host: { line: 5 }, 'ssl_mod.mode': { line: 9, col: 13 } });
    expect(checkConfiguration(desired, postgresSpec, 'Postgres').problems.map(formatProblem)).toEqual([
      `pipelines/pg.yaml:9:13: error: source 'pg': configuration.ssl_mod is not a field of connector 'Postgres' (did you mean 'ssl_mode'?)`,
    ]);
  });

  test('without the connector name the message still reads', () => {
    const desired = actor('destination', 'MinIO', { ...base, s3_bucket_nam: 'x' }, lines, FILE);
    expect(checkConfiguration(desired, s3).problems.map((p) => p.message)).toEqual([
      `destination 'MinIO': configuration.s3_bucket_nam is not a field of this connector (did you mean 's3_bucket_name'?)`,
    ]);
  });
});

describe('checkConfiguration: secrets written in the file', () => {
  const literal = (path: string, line: number, col = 7) =>
    `${FILE}:${line}:${col}: warning: destination 'MinIO': configuration.${path} is a secret written in the file; use \${VAR} so it stays out of Git (plan --out refuses to save it)`;
  const secretLines = {
    access_key_id: { line: 20 },
    secret_access_key: { line: 21 },
  };

  test.each<[string, JsonObject, Record<string, { line: number; template?: string; wholeVar?: boolean }>, string[]]>([
    ['a literal secret: warning at its line', { secret_access_key: 'LiteralS3cretXYZ' }, secretLines, [literal('secret_access_key', 21)]],
    [
      'each literal secret is named',
      { access_key_id: 'AKIALITERAL', secret_access_key: 'LiteralS3cretXYZ' },
      secretLines,
      [literal('access_key_id', 20), literal('secret_access_key', 21)],
    ],
    ['a ${VAR} secret: nothing', { secret_access_key: 'from-env-value' }, { secret_access_key: { line: 21, template: '${S3_SECRET}', wholeVar: true } }, []],
    [
      'a secret built from a variable: nothing (only the template is saved)',
      { secret_access_key: 'pre-from-env' },
      { secret_access_key: { line: 21, template: 'pre-${S3_SECRET}' } },
      [],
    ],
    ['no secret written: nothing', {}, {}, []],
  ])('%s', (_name, change, origins, expected) => {
    const desired = actor('destination', 'MinIO', { ...base, ...change }, origins, FILE);
    expect(checkConfiguration(desired, s3, 'S3').problems.map(formatProblem)).toEqual(expected);
  });

  test('a literal secret inside an option (Postgres ssl_mode verify-ca)', () => {
    const configuration = {
      host: 'db',
      port: 5432,
      database: 'shop',
      username: 'u',
      password: 'pw-from-env',
      ssl_mode: { mode: 'verify-ca', ca_certificate: 'PEM-LITERAL' },
    };
    const origins = {
      password: { line: 8, template: '${PG_PASSWORD}', wholeVar: true },
      'ssl_mode.mode': { line: 10, col: 13 },
      'ssl_mode.ca_certificate': { line: 11, col: 13 },
    };
    const problems = checkConfiguration(actor('source', 'pg', configuration, origins), postgresSpec, 'Postgres').problems;
    expect(problems.map(formatProblem)).toEqual([
      `pipelines/pg.yaml:11:13: warning: source 'pg': configuration.ssl_mode.ca_certificate is a secret written in the file; use \${VAR} so it stays out of Git (plan --out refuses to save it)`,
    ]);
  });

  test('no value ever appears in a message', () => {
    const values = ['LiteralS3cretXYZ', 'AKIALITERAL', 'lake-typo-value', 'legacy-value', 'SNAPPY-typo', 'month-typo'];
    const configuration = {
      ...base,
      access_key_id: 'AKIALITERAL',
      secret_access_key: 'LiteralS3cretXYZ',
      s3_bucket_nam: 'lake-typo-value',
      legacy_flag: 'legacy-value',
      format: { format_type: 'Parquet', compresion_codec: 'SNAPPY-typo' },
      partitions: [{ colum: 'month-typo' }],
    };
    const problems = checkConfiguration(actor('destination', 'MinIO', configuration, { ...lines, ...secretLines }, FILE), s3, 'S3').problems;
    expect(problems.map((p) => p.severity).sort()).toEqual(['error', 'error', 'error', 'warning', 'warning', 'warning']);
    const text = problems.map(formatProblem).join('\n');
    for (const value of values) expect(text).not.toContain(value);
  });
});
