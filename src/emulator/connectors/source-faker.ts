/**
 * Source Sample Data (Faker): generated users, products and purchases. No secrets, nothing to reach, so its
 * check always succeeds; its streams keep their own cursor (`updated_at`), like the real connector.
 */
import type { AirbyteCatalog, JsonObject } from '../../api/types.js';
import { CHECK_OK } from './checks.js';
import { airbyteStream, withDefaultConfigs, type Column } from './discovery.js';
import { connectionSpec, field } from './spec-parts.js';
import type { CheckResult, ConnectorDefinition } from './types.js';

export const spec: JsonObject = connectionSpec('Faker Source Spec', [], {
  count: field('integer', 'Count', 'How many users to generate in total; purchases scale with it. Products are a fixed list.', 0, {
    minimum: 1,
    default: 1000,
  }),
  seed: field('integer', 'Seed', 'Seed for reproducible data; -1 picks a random seed on every sync.', 1, { default: -1 }),
  records_per_slice: field('integer', 'Records Per Stream Slice', 'Records emitted before each state message.', 2, { minimum: 1, default: 1000 }),
  always_updated: field('boolean', 'Always Updated', 'Whether every sync emits records again, with a newer updated_at.', 3, { default: true }),
  parallelism: field('integer', 'Parallelism', 'How many generator processes run in parallel.', 4, { minimum: 1, default: 4 }),
});

const nullable = (type: string, extra: JsonObject = {}): JsonObject => ({ type: ['null', type], ...extra });
const timestamp = nullable('string', { format: 'date-time', airbyte_type: 'timestamp_with_timezone' });
const common: Column[] = [
  ['id', nullable('integer')],
  ['created_at', timestamp],
  ['updated_at', timestamp],
];

const STREAMS: { name: string; columns: Column[] }[] = [
  {
    name: 'users',
    columns: [
      ...common,
      ['name', nullable('string')],
      ['title', nullable('string')],
      ['age', nullable('integer')],
      ['email', nullable('string')],
      ['telephone', nullable('string')],
      ['gender', nullable('string')],
      ['language', nullable('string')],
      ['academic_degree', nullable('string')],
      ['nationality', nullable('string')],
      ['occupation', nullable('string')],
      ['height', nullable('string')],
      ['blood_type', nullable('string')],
      ['weight', nullable('integer')],
      ['address', nullable('object', { properties: { city: nullable('string'), country_code: nullable('string'), postal_code: nullable('string') } })],
    ],
  },
  {
    name: 'products',
    columns: [...common, ['make', nullable('string')], ['model', nullable('string')], ['year', nullable('integer')], ['price', nullable('number')]],
  },
  {
    name: 'purchases',
    columns: [
      ...common,
      ['user_id', nullable('integer')],
      ['product_id', nullable('integer')],
      ['added_to_cart_at', timestamp],
      ['purchased_at', timestamp],
      ['returned_at', timestamp],
    ],
  },
];

/** The connector's metadata lists all three streams as suggested, so the server pre-selects them. */
export const SUGGESTED_STREAMS = STREAMS.map((stream) => stream.name);

/** Faker ships a fixed catalogue of cars as its products. */
export const FAKER_PRODUCT_COUNT = 100;

export function discover(_configuration: JsonObject): AirbyteCatalog {
  const streams = STREAMS.map(({ name, columns }) =>
    airbyteStream({
      name,
      columns,
      supportedSyncModes: ['full_refresh', 'incremental'],
      sourceCursor: ['updated_at'],
      primaryKey: [['id']],
      isResumable: true,
    }),
  );
  return withDefaultConfigs(streams, SUGGESTED_STREAMS);
}

export function check(_configuration: JsonObject): CheckResult {
  return CHECK_OK;
}

/** Sample Data (Faker) as Airbyte registers it (ids and image from the connector's metadata.yaml). */
export const sourceFaker: ConnectorDefinition = {
  kind: 'source',
  definitionId: 'dfd88b22-b603-4c3d-aad7-3701784586b1',
  name: 'Sample Data (Faker)',
  dockerRepository: 'airbyte/source-faker',
  dockerImageTag: '6.2.20',
  documentationUrl: 'https://docs.airbyte.com/integrations/sources/faker',
  sourceType: 'api',
  releaseStage: 'beta',
  supportLevel: 'community',
  connectionSpecification: spec,
  discover,
  check,
};
