import { describe, expect, test } from 'vitest';
import type { Json, JsonObject } from '../../src/api/types.js';
import { checkConfiguration, validatorFor } from '../../src/plan/checks/configuration.js';
import { formatProblem, type Problem } from '../../src/model/problem.js';
import type { ConnectorSpec } from '../../src/model/remote.js';
import { actor, postgresSpec, s3Spec } from './fixtures.js';

const PG = 'PostgreSQL - Ecommerce';
const pgBase: JsonObject = { host: 'db.internal', port: 5432, database: 'shop', username: 'airbyte', password: 'hunter2-pg' };
const s3Base: JsonObject = {
  access_key_id: 'AKIAEXAMPLEKEY',
  secret_access_key: 's3-very-secret',
  s3_bucket_name: 'lake',
  s3_bucket_path: 'raw',
  s3_bucket_region: 'eu-west-1',
  format: { format_type: 'CSV', flattening: 'No flattening' },
};

/** Origins for every path the cases write, one YAML line each. */
const pgLines = {
  host: { line: 5 },
  port: { line: 6, template: '${PG_PORT}', wholeVar: true, vars: ['PG_PORT'] },
  database: { line: 7 },
  username: { line: 8 },
  password: { line: 9, template: '${PG_PASSWORD}', wholeVar: true },
  start_date: { line: 10 },
  schemas: { line: 11 },
  'schemas.0': { line: 12, col: 9 },
  'schemas.1': { line: 13, col: 9 },
  ssl_mode: { line: 14 },
  'ssl_mode.mode': { line: 15, col: 13 },
  'ssl_mode.ca_certificate': { line: 16, col: 13, template: '${PG_CA}', wholeVar: true },
  'tunnel_method.tunnel_method': { line: 18, col: 20 },
  'tunnel_method.tunnel_port': { line: 19, col: 20, template: '${SSH_PORT}', wholeVar: true },
  'tunnel_method.ssh_key': { line: 20, col: 20 },
  'replication_method.method': { line: 22, col: 13 },
  debug: { line: 23 },
};

/** Only the errors: cases about schema violations, whose fixtures also hold literal secrets (a warning). */
const errorsOf = (problems: Problem[]): Problem[] => problems.filter((problem) => problem.severity === 'error');

/** Changes to the base configuration; `undefined` removes a key. */
type Change = Record<string, Json | undefined>;

describe('checkConfiguration: messages and locations', () => {
  test.each<[string, Change, string[]]>([
    ['valid configuration', {}, []],
    [
      'non-coercible ${VAR} stays a string',
      { port: 'five' },
      [`pipelines/pg.yaml:6:7: error: source '${PG}': configuration.port: must be integer (value of \${PG_PORT})`],
    ],
    [
      'number where integer wanted',
      { port: 54.5 },
      [`pipelines/pg.yaml:6:7: error: source '${PG}': configuration.port: must be integer (value of \${PG_PORT})`],
    ],
    ['out of range', { port: 70000 }, [`pipelines/pg.yaml:6:7: error: source '${PG}': configuration.port: must be <= 65536 (value of \${PG_PORT})`]],
    [
      'missing required key at the configuration key',
      { database: undefined },
      [`pipelines/pg.yaml:4:3: error: source '${PG}': configuration: missing required key 'database'`],
    ],
    [
      'pattern with its descriptor',
      { start_date: '2024/01/31' },
      [`pipelines/pg.yaml:10:7: error: source '${PG}': configuration.start_date: must match the format 'YYYY-MM-DD'`],
    ],
    ['array item', { schemas: ['public', 7] }, [`pipelines/pg.yaml:13:9: error: source '${PG}': configuration.schemas.1: must be string`]],
    ['boolean not coercible', { debug: 'yes' }, [`pipelines/pg.yaml:23:7: error: source '${PG}': configuration.debug: must be boolean`]],
    [
      'unknown discriminator lists the allowed consts',
      { ssl_mode: { mode: 'verify-cx' } },
      [
        `pipelines/pg.yaml:15:13: error: source '${PG}': configuration.ssl_mode.mode: must be one of 'disable', 'allow', 'prefer', 'require', 'verify-ca' (did you mean 'verify-ca'?)`,
      ],
    ],
    [
      'missing discriminator',
      { ssl_mode: {} },
      [
        `pipelines/pg.yaml:14:7: error: source '${PG}': configuration.ssl_mode: missing required key 'mode' (one of 'disable', 'allow', 'prefer', 'require', 'verify-ca')`,
      ],
    ],
    ['option group that is not an object', { ssl_mode: 'require' }, [`pipelines/pg.yaml:14:7: error: source '${PG}': configuration.ssl_mode: must be object`]],
    [
      'only the chosen branch is reported',
      { ssl_mode: { mode: 'verify-ca' } },
      [`pipelines/pg.yaml:14:7: error: source '${PG}': configuration.ssl_mode: missing required key 'ca_certificate'`],
    ],
    [
      'chosen branch: several errors, at their own lines',
      { tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'bastion', tunnel_port: '99999', tunnel_user: 'jump', ssh_key: 42 } },
      [
        `pipelines/pg.yaml:19:20: error: source '${PG}': configuration.tunnel_method.tunnel_port: must be <= 65536 (value of \${SSH_PORT})`,
        `pipelines/pg.yaml:20:20: error: source '${PG}': configuration.tunnel_method.ssh_key: must be string`,
        `pipelines/pg.yaml:20:20: warning: source '${PG}': configuration.tunnel_method.ssh_key is a secret written in the file; use \${VAR} so it stays out of Git (plan --out refuses to save it)`,
      ],
    ],
    [
      'missing key in a block without its own origin points at the first value written inside it',
      { replication_method: { method: 'CDC', publication: 'pub' } },
      [`pipelines/pg.yaml:22:13: error: source '${PG}': configuration.replication_method: missing required key 'replication_slot'`],
    ],
    [
      'several problems are all collected',
      { port: 'x', database: undefined, ssl_mode: { mode: 'nope' } },
      [
        `pipelines/pg.yaml:4:3: error: source '${PG}': configuration: missing required key 'database'`,
        `pipelines/pg.yaml:6:7: error: source '${PG}': configuration.port: must be integer (value of \${PG_PORT})`,
        `pipelines/pg.yaml:15:13: error: source '${PG}': configuration.ssl_mode.mode: must be one of 'disable', 'allow', 'prefer', 'require', 'verify-ca'`,
      ],
    ],
  ])('%s', (_name, change, expected) => {
    const configuration = JSON.parse(JSON.stringify({ ...pgBase, ...change })) as JsonObject;
    const { problems } = checkConfiguration(actor('source', PG, configuration, pgLines), postgresSpec);
    expect(problems.map(formatProblem).sort()).toEqual([...expected].sort());
  });

  test.each<[string, JsonObject, string[]]>([
    ['valid', {}, []],
    [
      'enum lists the allowed values',
      { s3_bucket_region: 'eu-west-3' },
      [
        `pipelines/s3.yaml:9:7: error: destination 'MinIO': configuration.s3_bucket_region: must be one of '', 'us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1' (did you mean 'eu-west-1'?)`,
      ],
    ],
    [
      'unknown key where the spec forbids extras',
      { s3_bucket_nam: 'x' },
      [`pipelines/s3.yaml:30:7: error: destination 'MinIO': configuration: unknown key 's3_bucket_nam' (did you mean 's3_bucket_name'?)`],
    ],
    [
      'a wrong type is reported alone, not also as a wrong enum value',
      { s3_bucket_region: 1 },
      [`pipelines/s3.yaml:9:7: error: destination 'MinIO': configuration.s3_bucket_region: must be string`],
    ],
    ['format keyword', { s3_endpoint: 'not a uri' }, [`pipelines/s3.yaml:10:7: error: destination 'MinIO': configuration.s3_endpoint: must be a valid uri`]],
    [
      'unknown format_type (one-value enum discriminator)',
      { format: { format_type: 'JSON' } },
      [`pipelines/s3.yaml:12:20: error: destination 'MinIO': configuration.format.format_type: must be one of 'CSV', 'Avro', 'Parquet'`],
    ],
    [
      'nested option group inside the chosen branch',
      { format: { format_type: 'Avro', compression_codec: { codec: 'gzip' } } },
      [
        `pipelines/s3.yaml:14:14: error: destination 'MinIO': configuration.format.compression_codec.codec: must be one of 'no compression', 'Deflate', 'snappy'`,
      ],
    ],
    [
      'error inside the nested chosen branch',
      { format: { format_type: 'Avro', compression_codec: { codec: 'Deflate', compression_level: 12 } } },
      [`pipelines/s3.yaml:15:14: error: destination 'MinIO': configuration.format.compression_codec.compression_level: must be <= 9`],
    ],
  ])('S3: %s', (_name, change, expected) => {
    const lines = {
      s3_bucket_region: { line: 9 },
      s3_endpoint: { line: 10 },
      'format.format_type': { line: 12, col: 20 },
      'format.compression_codec.codec': { line: 14, col: 14 },
      'format.compression_codec.compression_level': { line: 15, col: 14 },
      s3_bucket_nam: { line: 30 },
      access_key_id: { line: 7, template: '${S3_KEY_ID}', wholeVar: true },
      secret_access_key: { line: 8, template: '${S3_SECRET}', wholeVar: true },
    };
    const desired = actor('destination', 'MinIO', { ...s3Base, ...change }, lines, 'pipelines/s3.yaml');
    expect(checkConfiguration(desired, s3Spec).problems.map(formatProblem)).toEqual(expected);
  });
});

describe('checkConfiguration: coercion and secrets', () => {
  test('without a discriminator, the branch that came closest is reported', () => {
    const spec: ConnectorSpec = {
      kind: 'source',
      definitionId: 'api',
      connectionSpecification: {
        type: 'object',
        properties: {
          credentials: {
            type: 'object',
            oneOf: [
              { title: 'API key', required: ['api_key', 'api_user'], properties: { api_key: { type: 'string' }, api_user: { type: 'string' } } },
              {
                title: 'OAuth',
                required: ['client_id', 'client_secret'],
                properties: { client_id: { type: 'string' }, client_secret: { type: 'string', airbyte_secret: true } },
              },
            ],
          },
        },
      },
    };
    const desired = actor('source', 'api', { credentials: { client_id: 'abc' } }, { 'credentials.client_id': { line: 8, col: 9 } });
    expect(errorsOf(checkConfiguration(desired, spec).problems).map(formatProblem)).toEqual([
      `pipelines/pg.yaml:8:9: error: source 'api': configuration.credentials: missing required key 'client_secret'`,
    ]);
    const both = actor('source', 'api', { credentials: { client_id: 'a', client_secret: 'b', api_key: 'c', api_user: 'd' } }, {});
    expect(errorsOf(checkConfiguration(both, spec).problems).map((p) => p.message)).toEqual([
      `source 'api': configuration.credentials: must match exactly one of the options`,
    ]);
  });

  test('returns the coerced configuration, which then validates', () => {
    const written = {
      ...pgBase,
      port: '5433',
      debug: 'true',
      tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'b', tunnel_port: '22', tunnel_user: 'u', ssh_key: 'k' },
    };
    const lines = { ...pgLines, debug: { line: 23, wholeVar: true }, 'tunnel_method.ssh_key': { line: 20, template: '${SSH_KEY}', wholeVar: true } };
    const desired = actor('source', PG, written, lines);
    const { configuration, problems } = checkConfiguration(desired, postgresSpec);
    expect(problems).toEqual([]);
    expect(configuration).toEqual({ ...written, port: 5433, debug: true, tunnel_method: { ...written.tunnel_method, tunnel_port: 22 } });
    expect(desired.configuration?.['port']).toBe('5433');
  });

  test('secret values never appear in messages', () => {
    const secrets = ['hunter2-pg', '-----BEGIN CERT-----', 'ssh-private', 'AKIAEXAMPLEKEY', 's3-very-secret'];
    const pg = {
      ...pgBase,
      password: ['hunter2-pg'],
      ssl_mode: { mode: 'verify-ca', ca_certificate: { pem: '-----BEGIN CERT-----' } },
      tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', ssh_key: ['ssh-private'] },
    };
    const s3 = { ...s3Base, access_key_id: ['AKIAEXAMPLEKEY'], secret_access_key: { v: 's3-very-secret' }, s3_bucket_region: 's3-very-secret' };
    const problems = [
      ...checkConfiguration(actor('source', PG, pg, pgLines), postgresSpec).problems,
      ...checkConfiguration(actor('destination', 'MinIO', s3, {}), s3Spec).problems,
    ];
    const text = problems.map(formatProblem).join('\n');
    expect(text).toContain(`configuration.password: must be string (value of \${PG_PASSWORD})`);
    expect(text).toContain('configuration.ssl_mode.ca_certificate: must be string');
    expect(text).toContain('configuration.secret_access_key: must be string');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  test.each<[string, JsonObject, Record<string, { line: number; col?: number; template?: string; wholeVar?: boolean }>, string]>([
    [
      'from a variable',
      { password: '**********' },
      pgLines,
      `pipelines/pg.yaml:9:7: error: source '${PG}': configuration.password is '**********', Airbyte's mask, not a secret value; set the real value (e.g. with \${VAR})`,
    ],
    [
      'written in the file',
      { password: '**********' },
      { ...pgLines, password: { line: 9 } },
      `pipelines/pg.yaml:9:7: error: source '${PG}': configuration.password is '**********', Airbyte's mask, not a secret value; set the real value (e.g. with \${VAR})`,
    ],
    [
      'inside a oneOf branch',
      { tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'b', tunnel_port: 22, tunnel_user: 'u', ssh_key: '**********' } },
      { ...pgLines, 'tunnel_method.ssh_key': { line: 20, col: 20, template: '${SSH_KEY}', wholeVar: true } },
      `pipelines/pg.yaml:20:20: error: source '${PG}': configuration.tunnel_method.ssh_key is '**********', Airbyte's mask, not a secret value; set the real value (e.g. with \${VAR})`,
    ],
  ])("a secret set to Airbyte's mask is an error at its location (%s), the only problem", (_name, change, lines, expected) => {
    const { problems } = checkConfiguration(actor('source', PG, { ...pgBase, ...change }, lines), postgresSpec);
    expect(problems.map(formatProblem)).toEqual([expected]);
  });

  test('the mask at a path that is not a secret is a value like any other', () => {
    const { problems } = checkConfiguration(actor('source', PG, { ...pgBase, database: '**********' }, pgLines), postgresSpec);
    expect(problems).toEqual([]);
  });

  test('no suggestion is derived from a secret value', () => {
    const spec: ConnectorSpec = {
      kind: 'source',
      definitionId: 'x',
      connectionSpecification: { type: 'object', properties: { token: { type: 'string', enum: ['alpha-123', 'beta-456'], airbyte_secret: true } } },
    };
    const { problems } = checkConfiguration(actor('source', 'api', { token: 'alpha-124' }, { token: { line: 5 } }), spec);
    expect(errorsOf(problems).map((p) => p.message)).toEqual([`source 'api': configuration.token: must be one of 'alpha-123', 'beta-456'`]);
  });
});

describe('validator cache and unusable specs', () => {
  test('compiles once per spec object', () => {
    expect(validatorFor(postgresSpec)).toBe(validatorFor(postgresSpec));
    const copy: ConnectorSpec = { ...postgresSpec, connectionSpecification: structuredClone(postgresSpec.connectionSpecification) };
    expect(validatorFor(copy)).not.toBe(validatorFor(postgresSpec));
  });

  test('two specs with the same $id and an unknown $schema both compile', () => {
    const make = (type: string): ConnectorSpec => ({
      kind: 'source',
      definitionId: type,
      connectionSpecification: { $id: 'same', $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: { a: { type } } },
    });
    expect(checkConfiguration(actor('source', 's', { a: 'x' }, { a: { line: 5 } }), make('string')).problems).toEqual([]);
    expect(checkConfiguration(actor('source', 's', { a: 'x' }, { a: { line: 5 } }), make('integer')).problems.map((p) => p.message)).toEqual([
      `source 's': configuration.a: must be integer`,
    ]);
  });

  test('a spec ajv cannot compile gives a warning, not a crash', () => {
    const spec: ConnectorSpec = {
      kind: 'source',
      definitionId: 'bad',
      connectionSpecification: { type: 'object', properties: { a: { type: 'string', pattern: '([' } } },
    };
    const { problems, configuration } = checkConfiguration(actor('source', 's', { a: 'x' }, {}), spec);
    expect(configuration).toEqual({ a: 'x' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severity).toBe('warning');
    expect(problems[0]?.message).toMatch(/^source 's': the connector's specification cannot be used for checking \(.+\); configuration not validated$/);
  });

  test('a reference without configuration has nothing to check', () => {
    const reference = { ...actor('source', 'shared', {}, {}), configuration: undefined };
    expect(checkConfiguration(reference, postgresSpec)).toEqual({ configuration: {}, problems: [] });
  });
});
