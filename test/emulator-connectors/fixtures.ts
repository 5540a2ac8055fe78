/**
 * Per-connector test data: a valid configuration, invalid ones (with why), and the secret paths the spec must
 * declare. Shared by the spec, check and volume tests.
 */
import type { JsonObject } from '../../src/api/types.js';

export interface ConnectorCase {
  kind: 'source' | 'destination';
  name: string;
  valid: JsonObject[];
  invalid: [reason: string, config: JsonObject][];
  secrets: string[];
}

function without(config: JsonObject, key: string): JsonObject {
  const copy = { ...config };
  delete copy[key];
  return copy;
}

const pg: JsonObject = { host: 'db.internal', port: 5432, database: 'ecommerce', username: 'airbyte', password: 'pw' };
const tunnelSecrets = ['tunnel_method.ssh_key', 'tunnel_method.tunnel_user_password'];
const sslSecrets = ['ssl_mode.ca_certificate', 'ssl_mode.client_certificate', 'ssl_mode.client_key', 'ssl_mode.client_key_password'];
const s3: JsonObject = { s3_bucket_name: 'datalake', s3_bucket_path: 'bronze/', s3_bucket_region: 'us-east-1', format: { format_type: 'JSONL' } };
const bq: JsonObject = { project_id: 'acme-analytics', dataset_location: 'US', dataset_id: 'raw' };
const snow: JsonObject = {
  host: 'acme.us-east-2.aws.snowflakecomputing.com',
  role: 'AIRBYTE_ROLE',
  warehouse: 'AIRBYTE_WAREHOUSE',
  database: 'AIRBYTE',
  schema: 'RAW',
  username: 'AIRBYTE_USER',
  credentials: { auth_type: 'Username and Password', password: 'pw' },
};
const file: JsonObject = { dataset_name: 'covid', format: 'csv', url: 'https://example.com/covid.csv', provider: { storage: 'HTTPS' } };

export const CASES: ConnectorCase[] = [
  {
    kind: 'source',
    name: 'Postgres',
    valid: [
      pg,
      { ...pg, ssl: false, replication_method: { method: 'Standard' } },
      { ...pg, schemas: ['public', 'sales'], replication_method: { method: 'CDC', replication_slot: 'slot', publication: 'pub' } },
      {
        ...pg,
        ssl_mode: { mode: 'verify-full', ca_certificate: 'PEM' },
        tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'bastion', tunnel_port: 22, tunnel_user: 'u', ssh_key: 'KEY' },
      },
    ],
    invalid: [
      ['missing host', { port: 5432, database: 'd', username: 'u' }],
      ['port as a string', { ...pg, port: '5432' }],
      ['port above the maximum', { ...pg, port: 70000 }],
      ['unknown replication method', { ...pg, replication_method: { method: 'Logical' } }],
      ['CDC without its required slot', { ...pg, replication_method: { method: 'CDC', publication: 'pub' } }],
      ['verify-ca without a CA certificate', { ...pg, ssl_mode: { mode: 'verify-ca' } }],
      ['SSH key tunnel without the key', { ...pg, tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'b', tunnel_port: 22, tunnel_user: 'u' } }],
    ],
    secrets: ['password', ...sslSecrets, ...tunnelSecrets],
  },
  {
    kind: 'source',
    name: 'MySQL',
    valid: [
      { host: 'mysql', port: 3306, database: 'shop', username: 'root', password: 'pw', replication_method: { method: 'STANDARD' } },
      { host: 'mysql', port: 3306, database: 'shop', username: 'root', replication_method: { method: 'CDC' }, ssl_mode: { mode: 'required' } },
    ],
    invalid: [
      ['missing replication method', { host: 'mysql', port: 3306, database: 'shop', username: 'root' }],
      [
        'unknown ssl mode',
        { host: 'mysql', port: 3306, database: 'shop', username: 'root', replication_method: { method: 'STANDARD' }, ssl_mode: { mode: 'verify-full' } },
      ],
    ],
    secrets: ['password', ...sslSecrets, ...tunnelSecrets],
  },
  {
    kind: 'source',
    name: 'Sample Data (Faker)',
    valid: [{}, { count: 5000, seed: 42, records_per_slice: 100, always_updated: false }],
    invalid: [
      ['count below the minimum', { count: 0 }],
      ['count not an integer', { count: 1.5 }],
      ['always_updated not a boolean', { always_updated: 'yes' }],
    ],
    secrets: [],
  },
  {
    kind: 'source',
    name: 'File (CSV, JSON, Excel, Feather, Parquet)',
    valid: [
      file,
      { ...file, format: 'parquet', url: 's3://bucket/data.parquet', provider: { storage: 'S3', aws_access_key_id: 'AK', aws_secret_access_key: 'SK' } },
      { ...file, url: '/local/data.csv', provider: { storage: 'local' } },
    ],
    invalid: [
      ['missing url', { dataset_name: 'd', format: 'csv', provider: { storage: 'HTTPS' } }],
      ['unknown format', { ...file, format: 'xml' }],
      ['unknown storage', { ...file, provider: { storage: 'FTP' } }],
    ],
    secrets: ['provider.service_account_json', 'provider.aws_access_key_id', 'provider.aws_secret_access_key'],
  },
  {
    kind: 'destination',
    name: 'S3',
    valid: [
      s3,
      {
        ...s3,
        access_key_id: 'minioadmin',
        secret_access_key: 'minioadmin',
        s3_endpoint: 'http://minio:9000',
        format: { format_type: 'Parquet', compression_codec: 'SNAPPY' },
      },
      { ...s3, format: { format_type: 'Avro', compression_codec: { codec: 'zstandard', compression_level: 3, include_checksum: true } } },
      { ...s3, format: { format_type: 'CSV', flattening: 'No flattening', compression: { compression_type: 'GZIP' } } },
    ],
    invalid: [
      ['missing format', { s3_bucket_name: 'b', s3_bucket_path: 'p', s3_bucket_region: 'us-east-1' }],
      ['unknown region', { ...s3, s3_bucket_region: 'mars-1' }],
      ['lower-case Parquet codec (the real enum is upper-case)', { ...s3, format: { format_type: 'Parquet', compression_codec: 'snappy' } }],
      ['unknown format type', { ...s3, format: { format_type: 'ORC' } }],
    ],
    secrets: ['access_key_id', 'secret_access_key'],
  },
  {
    kind: 'destination',
    name: 'Postgres',
    valid: [
      { host: 'pg', port: 5432, database: 'warehouse', schema: 'raw', username: 'postgres', password: 'pw', ssl: false },
      { host: 'pg', port: 5432, database: 'warehouse', schema: 'public', username: 'postgres', ssl_mode: { mode: 'require' } },
    ],
    invalid: [
      ['missing schema', { host: 'pg', port: 5432, database: 'warehouse', username: 'postgres' }],
      ['ssl as a string', { host: 'pg', port: 5432, database: 'w', schema: 's', username: 'u', ssl: 'no' }],
    ],
    secrets: ['password', ...sslSecrets, ...tunnelSecrets],
  },
  {
    kind: 'destination',
    name: 'BigQuery',
    valid: [
      bq,
      { ...bq, credentials_json: '{"type":"service_account"}', loading_method: { method: 'Standard' } },
      {
        ...bq,
        loading_method: {
          method: 'GCS Staging',
          gcs_bucket_name: 'stage',
          gcs_bucket_path: 'p',
          credential: { credential_type: 'HMAC_KEY', hmac_key_access_id: 'id', hmac_key_secret: 's' },
        },
      },
    ],
    invalid: [
      ['missing dataset_id', { project_id: 'p', dataset_location: 'US' }],
      ['unknown location', { ...bq, dataset_location: 'moon' }],
      ['GCS staging without a credential', { ...bq, loading_method: { method: 'GCS Staging', gcs_bucket_name: 'b', gcs_bucket_path: 'p' } }],
    ],
    secrets: ['credentials_json', 'loading_method.credential.hmac_key_access_id', 'loading_method.credential.hmac_key_secret'],
  },
  {
    kind: 'destination',
    name: 'Snowflake',
    valid: [snow, { ...snow, credentials: { auth_type: 'Key Pair Authentication', private_key: 'PEM', private_key_password: 'x' } }],
    invalid: [
      ['missing warehouse', without(snow, 'warehouse')],
      ['host outside snowflakecomputing.com', { ...snow, host: 'example.com' }],
      ['password auth without a password', { ...snow, credentials: { auth_type: 'Username and Password' } }],
    ],
    secrets: ['credentials.private_key', 'credentials.private_key_password', 'credentials.password'],
  },
  {
    kind: 'destination',
    name: 'Local JSON',
    valid: [{ destination_path: '/local/json_data' }],
    invalid: [
      ['missing destination_path', {}],
      ['destination_path not a string', { destination_path: 42 }],
    ],
    secrets: [],
  },
];
