/**
 * Source Postgres: the spec follows the reference §5 (password, SSL certificates and SSH credentials secret);
 * discovery lists the database's tables (see tables.ts) in every schema of `schemas`.
 */
import type { AirbyteCatalog, JsonObject } from '../../api/types.js';
import { databaseCheck } from './checks.js';
import { connectionSpec, field, optionGroup, postgresSslMode, secret, tunnelMethod } from './spec-parts.js';
import { databaseCatalog } from './tables.js';
import type { CheckResult, ConnectorDefinition } from './types.js';
import { stringAt, stringsAt } from './values.js';

const replicationMethod = optionGroup(
  'Update Method',
  'How changed rows are detected: CDC reads the write-ahead log, Xmin the row versions, Standard a cursor column.',
  9,
  'method',
  [
    {
      title: 'Read Changes using Write-Ahead Log (CDC)',
      value: 'CDC',
      required: ['replication_slot', 'publication'],
      properties: {
        plugin: field('string', 'Plugin', 'Logical decoding plugin.', 1, { enum: ['pgoutput'], default: 'pgoutput' }),
        replication_slot: field('string', 'Replication Slot', 'A logical replication slot created for Airbyte.', 2),
        publication: field('string', 'Publication', 'A publication covering the replicated tables.', 3),
        initial_waiting_seconds: field('integer', 'Initial Waiting Time in Seconds', 'How long to wait for new changes before the first sync ends.', 4, {
          default: 1200,
          minimum: 120,
          maximum: 2400,
        }),
        queue_size: field('integer', 'Size of the queue', 'Records buffered between the log reader and the writer.', 5, {
          default: 10000,
          minimum: 1000,
          maximum: 10000,
        }),
        lsn_commit_behaviour: field('string', 'LSN commit behaviour', 'When the source commits the log position.', 6, {
          enum: ['While reading Data', 'After loading Data in the destination'],
          default: 'After loading Data in the destination',
        }),
        heartbeat_action_query: field('string', 'Debezium heartbeat query', 'A query run on every heartbeat to keep the slot advancing.', 7, { default: '' }),
        invalid_cdc_cursor_position_behavior: field('string', 'Invalid CDC position behavior', 'What to do when the saved log position is gone.', 8, {
          enum: ['Fail sync', 'Re-sync data'],
          default: 'Fail sync',
        }),
      },
    },
    { title: 'Detect Changes with Xmin System Column', value: 'Xmin', description: 'Recommended for tables up to 500 GB.' },
    { title: 'Scan Changes with User Defined Cursor', value: 'Standard', description: 'Incremental syncs use a cursor column you choose.' },
  ],
);

export const spec: JsonObject = connectionSpec('Postgres Source Spec', ['host', 'port', 'database', 'username'], {
  host: field('string', 'Host', 'Hostname of the database.', 0),
  port: field('integer', 'Port', 'Port of the database.', 1, { minimum: 0, maximum: 65536, default: 5432, examples: ['5432'] }),
  database: field('string', 'Database Name', 'Name of the database.', 2),
  schemas: field('array', 'Schemas', 'The list of schemas to sync from (case sensitive).', 3, {
    items: { type: 'string' },
    minItems: 0,
    uniqueItems: true,
    default: ['public'],
  }),
  username: field('string', 'Username', 'Username to access the database.', 4),
  password: secret('Password', 'Password associated with the username.', 5),
  jdbc_url_params: field('string', 'JDBC URL Parameters (Advanced)', 'Extra key=value pairs joined by &.', 6),
  ssl_mode: postgresSslMode(7),
  replication_method: replicationMethod,
  tunnel_method: tunnelMethod(10),
});

export function discover(configuration: JsonObject): AirbyteCatalog {
  return databaseCatalog(stringAt(configuration, 'database') ?? '', stringsAt(configuration, 'schemas', ['public']));
}

/** The rules both Postgres connectors share, worded as the JDBC driver words them. */
export function checkPostgres(connectorSpec: JsonObject, configuration: JsonObject): CheckResult {
  return databaseCheck(connectorSpec, configuration, {
    defaultPort: 5432,
    refused: (host, port) =>
      `Could not connect with provided configuration. Connection to ${host}:${port} refused. ` +
      'Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
    accessDenied: (username) => `Incorrect username or password. State code: 28P01; Message: FATAL: password authentication failed for user "${username}"`,
  });
}

export function check(configuration: JsonObject): CheckResult {
  return checkPostgres(spec, configuration);
}

/** Postgres source as Airbyte registers it (ids and image from the connector's metadata.yaml). */
export const sourcePostgres: ConnectorDefinition = {
  kind: 'source',
  definitionId: 'decd338e-5647-4c0b-adf4-da0e75f5a750',
  name: 'Postgres',
  dockerRepository: 'airbyte/source-postgres',
  dockerImageTag: '3.7.0',
  documentationUrl: 'https://docs.airbyte.com/integrations/sources/postgres',
  sourceType: 'database',
  releaseStage: 'generally_available',
  supportLevel: 'certified',
  connectionSpecification: spec,
  discover,
  check,
};
