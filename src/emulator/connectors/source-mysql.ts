/**
 * Source MySQL: a MySQL database has no schemas inside it, so every stream's namespace is the database name;
 * tables follow the same name rule as Postgres (tables.ts).
 */
import type { AirbyteCatalog, JsonObject } from '../../api/types.js';
import { databaseCheck } from './checks.js';
import { connectionSpec, field, mysqlSslMode, optionGroup, secret, tunnelMethod } from './spec-parts.js';
import { databaseCatalog } from './tables.js';
import type { CheckResult, ConnectorDefinition } from './types.js';
import { stringAt } from './values.js';

const replicationMethod = optionGroup('Update Method', 'How changed rows are detected.', 7, 'method', [
  {
    title: 'Read Changes using Change Data Capture (CDC)',
    value: 'CDC',
    description: 'Reads the binary log; requires row-based binlog and a user with REPLICATION privileges.',
    properties: {
      initial_waiting_seconds: field('integer', 'Initial Waiting Time in Seconds', 'How long to wait for new changes before the first sync ends.', 1, {
        default: 300,
        minimum: 120,
        maximum: 3600,
      }),
      server_timezone: field('string', 'Configured server timezone for the MySQL source (Advanced)', 'Only needed when the server time zone is not UTC.', 2),
      invalid_cdc_cursor_position_behavior: field('string', 'Invalid CDC position behavior', 'What to do when the saved binlog position is gone.', 3, {
        enum: ['Fail sync', 'Re-sync data'],
        default: 'Fail sync',
      }),
    },
  },
  { title: 'Scan Changes with User Defined Cursor', value: 'STANDARD', description: 'Incremental syncs use a cursor column you choose.' },
]);

export const spec: JsonObject = connectionSpec('MySQL Source Spec', ['host', 'port', 'database', 'username', 'replication_method'], {
  host: field('string', 'Host', 'The host name of the database.', 0),
  port: field('integer', 'Port', 'The port to connect to.', 1, { minimum: 0, maximum: 65536, default: 3306, examples: ['3306'] }),
  database: field('string', 'Database', 'The database name.', 2),
  username: field('string', 'Username', 'The username which is used to access the database.', 3),
  password: secret('Password', 'The password associated with the username.', 4, { always_show: true }),
  jdbc_url_params: field('string', 'JDBC URL Parameters (Advanced)', 'Extra key=value pairs joined by &.', 5),
  ssl_mode: mysqlSslMode(6),
  replication_method: replicationMethod,
  tunnel_method: tunnelMethod(8),
});

export function discover(configuration: JsonObject): AirbyteCatalog {
  // MySQL has no schemas: the database is the namespace.
  const database = stringAt(configuration, 'database') ?? '';
  return databaseCatalog(database, [database]);
}

export function check(configuration: JsonObject): CheckResult {
  return databaseCheck(spec, configuration, {
    defaultPort: 3306,
    refused: (host, port) =>
      'Could not connect with provided configuration. Error: Communications link failure. ' +
      `The driver has not received any packets from the server (${host}:${port}).`,
    accessDenied: (username, host) =>
      `Could not connect with provided configuration. Error: Access denied for user '${username}'@'${host}' (using password: YES)`,
  });
}

/** MySQL source as Airbyte registers it (ids and image from the connector's metadata.yaml). */
export const sourceMysql: ConnectorDefinition = {
  kind: 'source',
  definitionId: '435bb9a5-7887-4809-aa58-28c27df0d7ad',
  name: 'MySQL',
  dockerRepository: 'airbyte/source-mysql',
  dockerImageTag: '3.6.1',
  documentationUrl: 'https://docs.airbyte.com/integrations/sources/mysql',
  sourceType: 'database',
  releaseStage: 'generally_available',
  supportLevel: 'certified',
  connectionSpecification: spec,
  discover,
  check,
};
