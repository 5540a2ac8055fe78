import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { findDefinition, type CheckResult } from '../../src/emulator/connectors/index.js';
import { CASES } from './fixtures.js';

function check(kind: 'source' | 'destination', name: string, configuration: JsonObject): CheckResult {
  const definition = findDefinition(kind, name);
  if (definition === undefined) throw new Error(`no ${kind} ${name}`);
  return definition.check(configuration);
}

function failure(result: CheckResult): string {
  if (result.ok) throw new Error('expected the check to fail');
  return result.message;
}

describe('every valid fixture configuration passes its check', () => {
  it.each(CASES.flatMap((c) => c.valid.map((config, i) => [c.kind, c.name, i, config] as const)))('%s %s #%i', (kind, name, _i, config) => {
    expect(check(kind, name, config)).toEqual({ ok: true });
  });
});

const pg = { host: 'db', port: 5432, database: 'ecommerce', username: 'airbyte', password: 'secret' };

describe('rule 1: an endpoint containing "unreachable" is refused', () => {
  it('names host and port for Postgres, source and destination', () => {
    expect(failure(check('source', 'Postgres', { ...pg, host: 'unreachable' }))).toMatch(
      /^Could not connect with provided configuration\. Connection to unreachable:5432 refused\./,
    );
    expect(failure(check('destination', 'Postgres', { ...pg, schema: 'public', host: 'db.UNREACHABLE.internal', port: 6543 }))).toContain(
      'Connection to db.UNREACHABLE.internal:6543 refused',
    );
  });

  it('checks the SSH jump server before the database', () => {
    const tunnel = { tunnel_method: 'SSH_PASSWORD_AUTH', tunnel_host: 'bastion-unreachable', tunnel_port: 2222, tunnel_user: 'u', tunnel_user_password: 'p' };
    expect(failure(check('source', 'Postgres', { ...pg, tunnel_method: tunnel }))).toContain('bastion-unreachable:2222');
    expect(check('source', 'Postgres', { ...pg, tunnel_method: { tunnel_method: 'NO_TUNNEL', tunnel_host: 'unreachable' } })).toEqual({ ok: true });
  });

  it.each([
    ['source', 'MySQL', { host: 'unreachable', port: 3306, database: 'd', username: 'u', replication_method: { method: 'STANDARD' } }, 'unreachable:3306'],
    [
      'source',
      'File (CSV, JSON, Excel, Feather, Parquet)',
      { dataset_name: 'd', format: 'csv', url: 'https://unreachable.example/x.csv', provider: { storage: 'HTTPS' } },
      'https://unreachable.example/x.csv',
    ],
    [
      'destination',
      'S3',
      { s3_bucket_name: 'b', s3_bucket_path: 'p', s3_bucket_region: '', format: { format_type: 'JSONL' }, s3_endpoint: 'http://unreachable:9000' },
      'http://unreachable:9000',
    ],
    [
      'destination',
      'S3',
      { s3_bucket_name: 'unreachable-bucket', s3_bucket_path: 'p', s3_bucket_region: '', format: { format_type: 'JSONL' } },
      'unreachable-bucket.s3.amazonaws.com',
    ],
    ['destination', 'BigQuery', { project_id: 'unreachable-project', dataset_location: 'US', dataset_id: 'raw' }, 'unreachable-project'],
    [
      'destination',
      'Snowflake',
      { host: 'unreachable.snowflakecomputing.com', role: 'r', warehouse: 'w', database: 'd', schema: 's', username: 'u' },
      'unreachable.snowflakecomputing.com:443',
    ],
  ] as const)('%s %s', (kind, name, config, mention) => {
    const message = failure(check(kind, name, config));
    expect(message).toContain(mention);
    expect(message).toMatch(/Could not connect|Failed to load/);
  });
});

describe('rule 2: a secret equal to "wrong-password" fails authentication', () => {
  it('Postgres reports the database user', () => {
    expect(failure(check('source', 'Postgres', { ...pg, password: 'wrong-password' }))).toBe(
      'Incorrect username or password. State code: 28P01; Message: FATAL: password authentication failed for user "airbyte"',
    );
  });

  it('a wrong tunnel key fails in SSH, a wrong client key password in TLS', () => {
    const tunnel = { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'bastion', tunnel_port: 22, tunnel_user: 'u', ssh_key: 'wrong-password' };
    expect(failure(check('source', 'Postgres', { ...pg, tunnel_method: tunnel }))).toContain('SSH configuration');
    const ssl = { mode: 'verify-ca', ca_certificate: 'PEM', client_key_password: 'wrong-password' };
    expect(failure(check('destination', 'Postgres', { ...pg, schema: 'public', ssl_mode: ssl }))).toContain('ssl_mode.client_key_password');
  });

  it('an unreachable endpoint wins over a wrong password', () => {
    expect(failure(check('source', 'Postgres', { ...pg, host: 'unreachable', password: 'wrong-password' }))).toContain('refused');
  });

  it.each([
    [
      'source',
      'MySQL',
      { host: 'm', port: 3306, database: 'd', username: 'root', password: 'wrong-password', replication_method: { method: 'STANDARD' } },
      "Access denied for user 'root'@'m'",
    ],
    [
      'source',
      'File (CSV, JSON, Excel, Feather, Parquet)',
      { dataset_name: 'd', format: 'csv', url: 's3://b/x.csv', provider: { storage: 'S3', aws_access_key_id: 'AK', aws_secret_access_key: 'wrong-password' } },
      'provider.aws_secret_access_key',
    ],
    [
      'destination',
      'S3',
      { s3_bucket_name: 'b', s3_bucket_path: 'p', s3_bucket_region: '', format: { format_type: 'JSONL' }, secret_access_key: 'wrong-password' },
      'SignatureDoesNotMatch',
    ],
    ['destination', 'BigQuery', { project_id: 'p', dataset_location: 'US', dataset_id: 'raw', credentials_json: 'wrong-password' }, 'invalid_grant'],
    [
      'destination',
      'Snowflake',
      {
        host: 'a.snowflakecomputing.com',
        role: 'r',
        warehouse: 'w',
        database: 'd',
        schema: 's',
        username: 'u',
        credentials: { auth_type: 'Username and Password', password: 'wrong-password' },
      },
      'Incorrect username or password',
    ],
    [
      'destination',
      'Snowflake',
      {
        host: 'a.snowflakecomputing.com',
        role: 'r',
        warehouse: 'w',
        database: 'd',
        schema: 's',
        username: 'u',
        credentials: { auth_type: 'Key Pair Authentication', private_key: 'wrong-password' },
      },
      'JWT token is invalid',
    ],
  ] as const)('%s %s', (kind, name, config, mention) => {
    expect(failure(check(kind, name, config))).toContain(mention);
  });

  it('a non-secret field with that value does not count', () => {
    expect(check('source', 'Postgres', { ...pg, username: 'wrong-password' })).toEqual({ ok: true });
  });
});

describe('rule 3: Local JSON writes only under /local', () => {
  it.each(['/local', '/local/json_data', '/local/a/../b'])('accepts %s', (path) => {
    expect(check('destination', 'Local JSON', { destination_path: path })).toEqual({ ok: true });
  });

  it.each(['/tmp/out', 'local/json', '/localdata', '/local/../etc'])('rejects %s', (path) => {
    expect(failure(check('destination', 'Local JSON', { destination_path: path }))).toContain(`destination_path must be under /local, got "${path}"`);
  });
});

describe('Faker has nothing that can fail', () => {
  it('succeeds even when unrelated keys carry the documented failure values', () => {
    expect(check('source', 'Sample Data (Faker)', { count: 1, seed: 7, host: 'unreachable', password: 'wrong-password' })).toEqual({ ok: true });
  });
});
