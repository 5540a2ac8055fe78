/**
 * Destination S3 (also MinIO and other S3-compatible stores through `s3_endpoint`): spec per the reference §5,
 * with the output format as an option group on `format_type`.
 */
import type { JsonObject } from '../../api/types.js';
import { standardCheck } from './checks.js';
import { connectionSpec, field, optionGroup, secret, type Branch } from './spec-parts.js';
import type { CheckResult, ConnectorDefinition } from './types.js';
import { stringAt } from './values.js';

const REGIONS = [
  '',
  'af-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'cn-north-1',
  'cn-northwest-1',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'me-south-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2',
];

const flattening = field('string', 'Flattening', 'Whether nested records are flattened into top-level columns.', 1, {
  enum: ['No flattening', 'Root level flattening'],
  default: 'No flattening',
});
const compression = optionGroup('Compression', 'Whether the output files are compressed (GZIP adds ".gz").', 2, 'compression_type', [
  { title: 'No Compression', value: 'No Compression' },
  { title: 'GZIP', value: 'GZIP' },
]);
const avroCodec = optionGroup('Compression Codec', 'The compression algorithm used to compress data.', 1, 'codec', [
  { title: 'No Compression', value: 'no compression' },
  {
    title: 'Deflate',
    value: 'Deflate',
    properties: { compression_level: field('integer', 'Deflate Level', '0 = none, 9 = best.', 1, { default: 0, minimum: 0, maximum: 9 }) },
  },
  { title: 'bzip2', value: 'bzip2' },
  {
    title: 'xz',
    value: 'xz',
    properties: { compression_level: field('integer', 'Compression Level', 'xz preset level.', 1, { default: 6, minimum: 0, maximum: 9 }) },
  },
  {
    title: 'zstandard',
    value: 'zstandard',
    properties: {
      compression_level: field('integer', 'Compression Level', 'Negative levels are faster.', 1, { default: 3, minimum: -5, maximum: 22 }),
      include_checksum: field('boolean', 'Include Checksum', 'Write a checksum with each block.', 2, { default: false }),
    },
  },
  { title: 'snappy', value: 'snappy' },
]);
const parquet: Branch = {
  title: 'Parquet: Columnar Storage',
  value: 'Parquet',
  properties: {
    compression_codec: field('string', 'Compression Codec', 'The compression algorithm used to compress data pages.', 1, {
      enum: ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'LZO', 'BROTLI', 'LZ4', 'ZSTD'],
      default: 'UNCOMPRESSED',
    }),
    block_size_mb: field('integer', 'Block Size (Row Group Size) (MB)', 'Size of a row group buffered in memory.', 2, { default: 128 }),
    max_padding_size_mb: field('integer', 'Max Padding Size (MB)', 'Maximum padding to align row groups.', 3, { default: 8 }),
    page_size_kb: field('integer', 'Page Size (KB)', 'Size of a compressed page.', 4, { default: 1024 }),
    dictionary_page_size_kb: field('integer', 'Dictionary Page Size (KB)', 'Size of a dictionary page.', 5, { default: 1024 }),
    dictionary_encoding: field('boolean', 'Dictionary Encoding', 'Whether to use dictionary encoding.', 6, { default: true }),
  },
};

const format = optionGroup('Output Format', 'Format of the files written to the bucket.', 6, 'format_type', [
  { title: 'CSV: Comma-Separated Values', value: 'CSV', required: ['flattening'], properties: { flattening, compression } },
  { title: 'JSON Lines: Newline-delimited JSON', value: 'JSONL', properties: { flattening, compression } },
  { title: 'Avro: Apache Avro', value: 'Avro', required: ['compression_codec'], properties: { compression_codec: avroCodec } },
  parquet,
]);

export const spec: JsonObject = connectionSpec('S3 Destination Spec', ['s3_bucket_name', 's3_bucket_path', 's3_bucket_region', 'format'], {
  access_key_id: secret('S3 Key ID', 'Access key ID with read and write permission on the bucket.', 0, {
    always_show: true,
    examples: ['A012345678910EXAMPLE'],
  }),
  secret_access_key: secret('S3 Access Key', 'The secret that goes with the access key ID.', 1, { always_show: true }),
  role_arn: field('string', 'Role ARN', 'The ARN of an AWS role to assume instead of using keys.', 2),
  s3_bucket_name: field('string', 'S3 Bucket Name', 'The name of the bucket.', 3, { examples: ['airbyte_sync'] }),
  s3_bucket_path: field('string', 'S3 Bucket Path', 'Directory under the bucket where data is written.', 4, { examples: ['data_sync/test'] }),
  s3_bucket_region: field('string', 'S3 Bucket Region', 'The region of the bucket.', 5, { enum: REGIONS, default: '' }),
  format,
  s3_endpoint: field('string', 'Endpoint', 'Endpoint of an S3-compatible service; leave empty for AWS.', 7, {
    default: '',
    examples: ['http://localhost:9000'],
  }),
  s3_path_format: field('string', 'S3 Path Format', 'How objects are organised under the bucket path.', 8, {
    examples: ['${NAMESPACE}/${STREAM_NAME}/${YEAR}_${MONTH}_${DAY}_${EPOCH}_'],
  }),
  file_name_pattern: field('string', 'File Name Pattern', 'Pattern for the names of written files.', 9, {
    examples: ['{date}', '{timestamp}', '{part_number}'],
  }),
});

export function check(configuration: JsonObject): CheckResult {
  const bucket = stringAt(configuration, 's3_bucket_name') ?? '';
  const endpoint = stringAt(configuration, 's3_endpoint') || `https://${bucket}.s3.amazonaws.com`;
  const refused = `Could not connect to the S3 bucket ${bucket} with the provided configuration. Unable to execute HTTP request: Connect to ${endpoint} failed: Connection refused`;
  return standardCheck(spec, configuration, {
    endpoints: [
      { value: stringAt(configuration, 's3_endpoint'), refused },
      { value: bucket, refused },
    ],
    authFailure: () =>
      `Could not connect to the S3 bucket ${bucket} with the provided configuration. The request signature we calculated does not match ` +
      'the signature you provided. Check your key and signing method. (Service: S3, Status Code: 403, Error Code: SignatureDoesNotMatch)',
  });
}

/** S3 destination as Airbyte registers it (ids and image from the connector's metadata.yaml). */
export const destinationS3: ConnectorDefinition = {
  kind: 'destination',
  definitionId: '4816b78f-1489-44c1-9060-4b19d5fa9362',
  name: 'S3',
  dockerRepository: 'airbyte/destination-s3',
  dockerImageTag: '1.8.0-rc.1',
  documentationUrl: 'https://docs.airbyte.com/integrations/destinations/s3',
  releaseStage: 'generally_available',
  supportLevel: 'certified',
  connectionSpecification: spec,
  supportedDestinationSyncModes: ['overwrite', 'append'],
  check,
};
