/**
 * Destination BigQuery: a service-account key (secret) and a loading method, either direct inserts or staging
 * files in a GCS bucket reached with an HMAC key (secret).
 */
import type { JsonObject } from '../../api/types.js';
import { standardCheck } from './checks.js';
import { connectionSpec, field, optionGroup, secret } from './spec-parts.js';
import type { CheckResult, ConnectorDefinition } from './types.js';
import { objectAt, stringAt } from './values.js';

const LOCATIONS = [
  'US',
  'EU',
  'asia-east1',
  'asia-east2',
  'asia-northeast1',
  'asia-south1',
  'asia-southeast1',
  'australia-southeast1',
  'europe-central2',
  'europe-north1',
  'europe-west1',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west6',
  'northamerica-northeast1',
  'southamerica-east1',
  'us-central1',
  'us-east1',
  'us-east4',
  'us-west1',
  'us-west2',
];

const hmacKey = optionGroup('Credential', 'An HMAC key of a service account that can write to the bucket.', 1, 'credential_type', [
  {
    title: 'HMAC key',
    value: 'HMAC_KEY',
    required: ['hmac_key_access_id', 'hmac_key_secret'],
    properties: {
      hmac_key_access_id: secret('HMAC Key Access ID', 'The access ID of the HMAC key.', 1, { examples: ['1234567890abcdefghij1234'] }),
      hmac_key_secret: secret('HMAC Key Secret', 'The secret of the HMAC key.', 2),
    },
  },
]);

const loadingMethod = optionGroup('Loading Method', 'How records reach BigQuery.', 5, 'method', [
  { title: 'Batched Standard Inserts', value: 'Standard', description: 'Direct loading through the BigQuery API.' },
  {
    title: 'GCS Staging',
    value: 'GCS Staging',
    description: 'Write files to a GCS bucket first, then load them (recommended for large volumes).',
    required: ['credential', 'gcs_bucket_name', 'gcs_bucket_path'],
    properties: {
      credential: hmacKey,
      gcs_bucket_name: field('string', 'GCS Bucket Name', 'The name of the staging bucket.', 2, { examples: ['airbyte_sync'] }),
      gcs_bucket_path: field('string', 'GCS Bucket Path', 'Directory under the bucket for staging files.', 3, { examples: ['data_sync/test'] }),
      keep_files_in_gcs_bucket: field('string', 'GCS Tmp Files Post-Processing', 'Whether staging files are deleted after loading.', 4, {
        enum: ['Delete all tmp files from GCS', 'Keep all tmp files in GCS'],
        default: 'Delete all tmp files from GCS',
      }),
    },
  },
]);

export const spec: JsonObject = connectionSpec('BigQuery Destination Spec', ['project_id', 'dataset_location', 'dataset_id'], {
  project_id: field('string', 'Project ID', 'The GCP project ID of the project that holds the dataset.', 0),
  dataset_location: field('string', 'Dataset Location', 'The location of the dataset; cannot change after creation.', 1, { enum: LOCATIONS }),
  dataset_id: field('string', 'Default Dataset ID', 'The dataset tables are written to when the source has no namespace.', 2),
  credentials_json: secret('Service Account Key JSON (Required for cloud, optional for open-source)', 'The contents of a service account key file.', 3, {
    always_show: true,
  }),
  transformation_priority: field('string', 'Transformation Query Run Type', 'interactive runs queries at once; batch waits for idle slots.', 4, {
    enum: ['interactive', 'batch'],
    default: 'interactive',
  }),
  loading_method: loadingMethod,
  big_query_client_buffer_size_mb: field('integer', 'Google BigQuery Client Chunk Size', 'Upload chunk size in MiB.', 6, {
    minimum: 1,
    maximum: 15,
    default: 15,
  }),
  raw_data_dataset: field('string', 'Raw Table Dataset Name', 'The dataset for the raw tables (defaults to airbyte_internal).', 7),
  disable_type_dedupe: field('boolean', 'Disable Final Tables', 'Write only raw tables.', 8, { default: false }),
});

export function check(configuration: JsonObject): CheckResult {
  const project = stringAt(configuration, 'project_id') ?? '';
  const bucket = stringAt(objectAt(configuration, 'loading_method'), 'gcs_bucket_name');
  return standardCheck(spec, configuration, {
    endpoints: [
      { value: project, refused: `Could not connect with provided configuration. Failed to reach BigQuery for project ${project}: Connection refused` },
      { value: bucket, refused: `Could not connect with provided configuration. Failed to reach GCS bucket ${bucket ?? ''}: Connection refused` },
    ],
    authFailure: (path) =>
      path[0] === 'loading_method'
        ? `Could not connect with provided configuration. GCS rejected the HMAC key for bucket ${bucket ?? ''} (403 Forbidden)`
        : 'Could not connect with provided configuration. Error: invalid_grant: Invalid JWT Signature.',
  });
}

/** BigQuery destination as Airbyte registers it (ids and image from the connector's metadata.yaml). */
export const destinationBigquery: ConnectorDefinition = {
  kind: 'destination',
  definitionId: '22f6c74f-5699-40ff-833c-4a879ea40133',
  name: 'BigQuery',
  dockerRepository: 'airbyte/destination-bigquery',
  dockerImageTag: '2.0.19',
  documentationUrl: 'https://docs.airbyte.com/integrations/destinations/bigquery',
  releaseStage: 'generally_available',
  supportLevel: 'certified',
  connectionSpecification: spec,
  supportedDestinationSyncModes: ['overwrite', 'append', 'append_dedup'],
  check,
};
