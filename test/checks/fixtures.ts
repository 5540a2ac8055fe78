/** Connector specs and desired resources shaped like the real ones, for the pure checks. */
import type { JsonObject } from '../../src/api/types.js';
import type { DesiredActor, ValueOrigin } from '../../src/model/desired.js';
import type { ConnectorSpec } from '../../src/model/remote.js';

const sslBranch = (mode: string, order: number, extra: JsonObject = {}, required: string[] = []): JsonObject => ({
  title: mode,
  additionalProperties: true,
  required: ['mode', ...required],
  properties: { mode: { type: 'string', const: mode, enum: [mode], default: mode, order: 0 }, ...extra },
  order,
});

const secretText = (title: string, order: number): JsonObject => ({ type: 'string', title, airbyte_secret: true, multiline: true, order });

const tunnelCommon: JsonObject = {
  tunnel_host: { title: 'SSH Tunnel Jump Server Host', type: 'string', order: 1 },
  tunnel_port: { title: 'SSH Connection Port', type: 'integer', minimum: 0, maximum: 65536, default: 22, order: 2 },
  tunnel_user: { title: 'SSH Login Username', type: 'string', order: 3 },
};

export const postgresSpec: ConnectorSpec = {
  kind: 'source',
  definitionId: 'decd338e-5647-4c0b-adf4-da0e75f5a750',
  connectionSpecification: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Postgres Source Spec',
    type: 'object',
    required: ['host', 'port', 'database', 'username'],
    groups: [{ id: 'db' }, { id: 'auth' }, { id: 'security', title: 'Security' }],
    properties: {
      host: { title: 'Host', type: 'string', order: 0, group: 'db' },
      port: { title: 'Port', type: 'integer', minimum: 0, maximum: 65536, default: 5432, examples: ['5432'], order: 1, group: 'db' },
      database: { title: 'Database Name', type: 'string', order: 2, group: 'db' },
      schemas: { title: 'Schemas', type: 'array', items: { type: 'string' }, minItems: 0, uniqueItems: true, default: ['public'], order: 3 },
      username: { title: 'Username', type: 'string', order: 4, group: 'auth' },
      password: { title: 'Password', type: 'string', airbyte_secret: true, order: 5, group: 'auth', always_show: true },
      jdbc_url_params: { title: 'JDBC URL Parameters', type: 'string', order: 6 },
      start_date: { title: 'Start date', type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', pattern_descriptor: 'YYYY-MM-DD', order: 7 },
      debug: { type: 'boolean', airbyte_hidden: true, default: false },
      sample_ratio: { type: 'number', default: 1 },
      ssl_mode: {
        title: 'SSL Modes',
        type: 'object',
        order: 8,
        group: 'security',
        oneOf: [
          sslBranch('disable', 0),
          sslBranch('allow', 1),
          sslBranch('prefer', 2),
          sslBranch('require', 3),
          sslBranch(
            'verify-ca',
            4,
            {
              ca_certificate: secretText('CA certificate', 1),
              client_key: secretText('Client Key', 2),
              client_key_password: { type: 'string', title: 'Client key password', airbyte_secret: true, order: 3 },
            },
            ['ca_certificate'],
          ),
        ],
      },
      replication_method: {
        title: 'Update Method',
        type: 'object',
        order: 9,
        display_type: 'radio',
        oneOf: [
          {
            title: 'Read Changes using Write-Ahead Log (CDC)',
            required: ['method', 'replication_slot', 'publication'],
            properties: {
              method: { type: 'string', const: 'CDC', order: 1 },
              replication_slot: { type: 'string', order: 2 },
              publication: { type: 'string', order: 3 },
              initial_waiting_seconds: { type: 'integer', default: 1200, min: 120, max: 2400, order: 5 },
              queue_size: { type: 'integer', default: 10000, minimum: 1000, maximum: 10000, order: 6 },
              lsn_commit_behaviour: { type: 'string', enum: ['While reading Data', 'After loading Data in the destination'], order: 7 },
            },
          },
          { title: 'Detect Changes with Xmin', required: ['method'], properties: { method: { type: 'string', const: 'Xmin', order: 0 } } },
          { title: 'Scan Changes with User Defined Cursor', required: ['method'], properties: { method: { type: 'string', const: 'Standard', order: 8 } } },
        ],
      },
      tunnel_method: {
        title: 'SSH Tunnel Method',
        type: 'object',
        oneOf: [
          { title: 'No Tunnel', required: ['tunnel_method'], properties: { tunnel_method: { type: 'string', const: 'NO_TUNNEL', order: 0 } } },
          {
            title: 'SSH Key Authentication',
            required: ['tunnel_method', 'tunnel_host', 'tunnel_port', 'tunnel_user', 'ssh_key'],
            properties: { tunnel_method: { type: 'string', const: 'SSH_KEY_AUTH', order: 0 }, ...tunnelCommon, ssh_key: secretText('SSH Private Key', 4) },
          },
          {
            title: 'Password Authentication',
            required: ['tunnel_method', 'tunnel_host', 'tunnel_port', 'tunnel_user', 'tunnel_user_password'],
            properties: {
              tunnel_method: { type: 'string', const: 'SSH_PASSWORD_AUTH', order: 0 },
              ...tunnelCommon,
              tunnel_user_password: { title: 'Password', type: 'string', airbyte_secret: true, order: 4 },
            },
          },
        ],
      },
    },
  },
};

const codec = (name: string, extra: JsonObject = {}): JsonObject => ({
  title: name,
  required: ['codec'],
  properties: { codec: { type: 'string', enum: [name], default: name }, ...extra },
});

export const s3Spec: ConnectorSpec = {
  kind: 'destination',
  definitionId: '4816b78f-1489-44c1-9060-4b19d5fa9362',
  supportedDestinationSyncModes: ['overwrite', 'append'],
  connectionSpecification: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://example.invalid/destination-s3.json',
    title: 'S3 Destination Spec',
    type: 'object',
    required: ['s3_bucket_name', 's3_bucket_path', 's3_bucket_region', 'format'],
    additionalProperties: false,
    properties: {
      access_key_id: { type: 'string', title: 'S3 Key ID', airbyte_secret: true, always_show: true, order: 0 },
      secret_access_key: { type: 'string', title: 'S3 Access Key', airbyte_secret: true, always_show: true, order: 1 },
      s3_bucket_name: { type: 'string', title: 'S3 Bucket Name', order: 2 },
      s3_bucket_path: { type: 'string', title: 'S3 Bucket Path', order: 3 },
      s3_bucket_region: { type: 'string', title: 'S3 Bucket Region', default: '', enum: ['', 'us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1'], order: 4 },
      s3_endpoint: { type: 'string', title: 'Endpoint', default: '', format: 'uri', order: 5 },
      file_name_pattern: { type: 'string', title: 'File Name Pattern', order: 6 },
      format: {
        title: 'Output Format',
        type: 'object',
        order: 7,
        oneOf: [
          {
            title: 'CSV: Comma-Separated Values',
            required: ['format_type', 'flattening'],
            properties: {
              format_type: { type: 'string', enum: ['CSV'], default: 'CSV' },
              flattening: { type: 'string', enum: ['No flattening', 'Root level flattening'], default: 'No flattening' },
            },
          },
          {
            title: 'Avro: Apache Avro',
            required: ['format_type', 'compression_codec'],
            properties: {
              format_type: { type: 'string', enum: ['Avro'], default: 'Avro' },
              compression_codec: {
                title: 'Compression Codec',
                type: 'object',
                oneOf: [
                  codec('no compression'),
                  codec('Deflate', { compression_level: { type: 'integer', default: 0, minimum: 0, maximum: 9 } }),
                  codec('snappy'),
                ],
              },
            },
          },
          {
            title: 'Parquet: Columnar Storage',
            required: ['format_type'],
            properties: {
              format_type: { type: 'string', enum: ['Parquet'], default: 'Parquet' },
              block_size_mb: { type: 'integer', default: 128 },
              dictionary_encoding: { type: 'boolean', default: true },
            },
          },
        ],
      },
    },
  },
};

/** Where each configuration value was written: one line per value, in order, from line 10 of `file`. */
export function actor(
  kind: 'source' | 'destination',
  name: string,
  configuration: JsonObject,
  lines: Record<string, Partial<ValueOrigin> & { line: number; col?: number }>,
  file = 'pipelines/pg.yaml',
): DesiredActor {
  const origins: Record<string, ValueOrigin> = {};
  for (const [path, { line, col, ...rest }] of Object.entries(lines)) origins[path] = { loc: { file, line, col: col ?? 7 }, ...rest };
  return {
    kind,
    name,
    definition: kind === 'source' ? 'Postgres' : 'S3',
    configuration,
    origins,
    previousNames: [],
    loc: { file, line: 2, col: 9 },
    definitionLoc: { file, line: 3, col: 15 },
    configurationLoc: { file, line: 4, col: 3 },
  };
}
