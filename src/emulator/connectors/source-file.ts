/**
 * Source File: one dataset at a URL, read whole on every sync (full refresh only, no key, no cursor). The
 * emulator reads no file, so the dataset reports a fixed set of columns (documented in docs/emulator.md).
 */
import type { AirbyteCatalog, JsonObject } from '../../api/types.js';
import { standardCheck, type Endpoint } from './checks.js';
import { airbyteStream, withDefaultConfigs, type Column } from './discovery.js';
import { connectionSpec, field, optionGroup, secret } from './spec-parts.js';
import type { CheckResult, ConnectorDefinition } from './types.js';
import { objectAt, stringAt } from './values.js';

const FORMATS = ['csv', 'json', 'jsonl', 'excel', 'excel_binary', 'fwf', 'feather', 'parquet', 'yaml'];

const provider = optionGroup('Storage Provider', 'The storage provider where the file is stored.', 4, 'storage', [
  {
    title: 'HTTPS: Public Web',
    value: 'HTTPS',
    properties: { user_agent: field('boolean', 'User-Agent', 'Add a User-Agent header to the request.', 1, { default: false }) },
  },
  {
    title: 'GCS: Google Cloud Storage',
    value: 'GCS',
    properties: {
      service_account_json: secret('Service Account JSON', 'Credentials of a service account with read access; not needed for public files.', 1),
    },
  },
  {
    title: 'S3: Amazon Web Services',
    value: 'S3',
    properties: {
      aws_access_key_id: secret('AWS Access Key ID', 'Not needed for public buckets.', 1),
      aws_secret_access_key: secret('AWS Secret Access Key', 'Not needed for public buckets.', 2),
    },
  },
  { title: 'Local Filesystem (limited)', value: 'local', description: 'A file under /local on the Airbyte host (OSS only).' },
]);

export const spec: JsonObject = connectionSpec('File Source Spec', ['dataset_name', 'format', 'url', 'provider'], {
  dataset_name: field('string', 'Dataset Name', 'The name of the final table to replicate this file into.', 0),
  format: field('string', 'File Format', 'The format of the file which should be replicated.', 1, { enum: FORMATS, default: 'csv' }),
  reader_options: field('string', 'Reader Options', 'JSON options passed to the reader (for CSV, pandas.read_csv options).', 2, {
    examples: ['{}', '{"sep": " "}', '{"sep": "\\t", "header": 0, "names": ["column1", "column2"]}'],
  }),
  url: field('string', 'URL', 'The URL path to access the file which should be replicated.', 3, {
    examples: [
      'https://storage.googleapis.com/covid19-open-data/v2/latest/epidemiology.csv',
      'gs://my-google-bucket/data.csv',
      's3://gdelt-open-data/events/20190914.export.csv',
    ],
  }),
  provider,
});

/** The columns every File dataset reports in the emulator. */
export const FILE_COLUMNS: Column[] = [
  ['row_number', { type: ['number', 'null'] }],
  ['name', { type: ['string', 'null'] }],
  ['value', { type: ['number', 'null'] }],
  ['recorded_at', { type: ['string', 'null'], format: 'date-time' }],
];

export function discover(configuration: JsonObject): AirbyteCatalog {
  const stream = airbyteStream({
    name: stringAt(configuration, 'dataset_name') ?? '',
    columns: FILE_COLUMNS,
    supportedSyncModes: ['full_refresh'],
    sourceCursor: [],
    primaryKey: [],
    isResumable: false,
  });
  return withDefaultConfigs([stream]);
}

export function check(configuration: JsonObject): CheckResult {
  const url = stringAt(configuration, 'url') ?? '';
  const storage = stringAt(objectAt(configuration, 'provider'), 'storage') ?? '';
  const endpoint: Endpoint = {
    value: url,
    refused: `Failed to load ${url}: HTTPSConnectionPool: Max retries exceeded with url (Caused by NewConnectionError: Connection refused)`,
  };
  return standardCheck(spec, configuration, {
    endpoints: [endpoint],
    authFailure: (path) => `Failed to load ${url}: the ${storage} storage rejected the credentials in provider.${path.at(-1) ?? ''} (403 Forbidden)`,
  });
}

/** File source as Airbyte registers it (ids and image from the connector's metadata.yaml). */
export const sourceFile: ConnectorDefinition = {
  kind: 'source',
  definitionId: '778daa7c-feaf-4db6-96f3-70fd645acc77',
  name: 'File (CSV, JSON, Excel, Feather, Parquet)',
  dockerRepository: 'airbyte/source-file',
  dockerImageTag: '0.6.0-rc.1',
  documentationUrl: 'https://docs.airbyte.com/integrations/sources/file',
  sourceType: 'file',
  releaseStage: 'generally_available',
  supportLevel: 'certified',
  connectionSpecification: spec,
  discover,
  check,
};
