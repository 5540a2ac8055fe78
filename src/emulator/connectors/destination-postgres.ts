/**
 * Destination Postgres: the legacy v2 spec from the reference §5 (certificate fields in ssl_mode) plus the SSH
 * tunnel the connector wrapper adds, so every secret the reference lists is present.
 */
import type { JsonObject } from '../../api/types.js';
import { checkPostgres } from './source-postgres.js';
import { connectionSpec, field, postgresSslMode, secret, tunnelMethod } from './spec-parts.js';
import type { CheckResult, ConnectorDefinition } from './types.js';

export const spec: JsonObject = connectionSpec('Postgres Destination Spec', ['host', 'port', 'username', 'database', 'schema'], {
  host: field('string', 'Host', 'Hostname of the database.', 0),
  port: field('integer', 'Port', 'Port of the database.', 1, { minimum: 0, maximum: 65536, default: 5432, examples: ['5432'] }),
  database: field('string', 'DB Name', 'Name of the database.', 2),
  schema: field('string', 'Default Schema', 'The schema tables are written to when the source has no namespace.', 3, {
    default: 'public',
    examples: ['public'],
  }),
  username: field('string', 'User', 'Username to use to access the database.', 4),
  password: secret('Password', 'Password associated with the username.', 5),
  ssl: field('boolean', 'SSL Connection', 'Encrypt data using SSL (ignored when ssl_mode is set).', 6, { default: false }),
  ssl_mode: postgresSslMode(7),
  jdbc_url_params: field('string', 'JDBC URL Params', 'Extra key=value pairs joined by &.', 8),
  raw_data_schema: field('string', 'Raw table schema (defaults to airbyte_internal)', 'The schema for the raw tables.', 9),
  disable_type_dedupe: field(
    'boolean',
    'Disable Final Tables. (WARNING! Unstable option; Columns in raw table schema might change between versions)',
    'Write only raw tables.',
    10,
    {
      default: false,
    },
  ),
  drop_cascade: field('boolean', 'Drop tables with CASCADE. (WARNING! Risk of unrecoverable data loss)', 'Drop dependent objects when recreating tables.', 11, {
    default: false,
  }),
  unconstrained_number: field('boolean', 'Unconstrained numeric columns', 'Create numeric columns without precision limits.', 12, { default: false }),
  tunnel_method: tunnelMethod(13),
});

export function check(configuration: JsonObject): CheckResult {
  return checkPostgres(spec, configuration);
}

/** Postgres destination as Airbyte registers it (ids and image from the connector's metadata.yaml). */
export const destinationPostgres: ConnectorDefinition = {
  kind: 'destination',
  definitionId: '25c5221d-dce2-4163-ade9-739ef790f503',
  name: 'Postgres',
  dockerRepository: 'airbyte/destination-postgres',
  dockerImageTag: '2.4.7',
  documentationUrl: 'https://docs.airbyte.com/integrations/destinations/postgres',
  releaseStage: 'generally_available',
  supportLevel: 'certified',
  connectionSpecification: spec,
  // overwrite_dedup is what the server adds for a refresh-capable connector that offers append_dedup and overwrite.
  supportedDestinationSyncModes: ['overwrite', 'append', 'append_dedup', 'overwrite_dedup'],
  check,
};
