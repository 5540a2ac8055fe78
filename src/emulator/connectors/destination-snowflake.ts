/**
 * Destination Snowflake: account host, role, warehouse, database, schema and user, with credentials as an
 * option group on `auth_type` (key pair or password).
 */
import type { JsonObject } from '../../api/types.js';
import { standardCheck } from './checks.js';
import { connectionSpec, field, optionGroup, secret } from './spec-parts.js';
import type { CheckResult, ConnectorDefinition } from './types.js';
import { stringAt } from './values.js';

const credentials = optionGroup('Authorization Method', 'How the user authenticates.', 6, 'auth_type', [
  {
    title: 'Key Pair Authentication',
    value: 'Key Pair Authentication',
    required: ['private_key'],
    properties: {
      private_key: secret('Private Key', 'RSA private key (PEM) of the user.', 1, { multiline: true }),
      private_key_password: secret('Passphrase', 'Passphrase of an encrypted private key.', 2),
    },
  },
  {
    title: 'Username and Password',
    value: 'Username and Password',
    required: ['password'],
    properties: { password: secret('Password', 'The password associated with the username.', 1) },
  },
]);

export const spec: JsonObject = connectionSpec('Snowflake Destination Spec', ['host', 'role', 'warehouse', 'database', 'schema', 'username'], {
  host: field('string', 'Host', 'The account host, without https://.', 0, {
    examples: ['accountname.us-east-2.aws.snowflakecomputing.com', 'accountname.snowflakecomputing.com'],
    pattern: '^(https?://)?([a-zA-Z0-9_-]+\\.)+snowflakecomputing\\.com/?$',
    pattern_descriptor: '{account_name}.snowflakecomputing.com or {accountname}.{aws_location}.aws.snowflakecomputing.com',
  }),
  role: field('string', 'Role', 'The role Airbyte uses.', 1, { examples: ['AIRBYTE_ROLE'] }),
  warehouse: field('string', 'Warehouse', 'The warehouse that runs the loads.', 2, { examples: ['AIRBYTE_WAREHOUSE'] }),
  database: field('string', 'Database', 'The database to write to.', 3, { examples: ['AIRBYTE_DATABASE'] }),
  schema: field('string', 'Default Schema', 'The schema tables are written to when the source has no namespace.', 4, { examples: ['AIRBYTE_SCHEMA'] }),
  username: field('string', 'Username', 'The user Airbyte logs in as.', 5, { examples: ['AIRBYTE_USER'] }),
  credentials,
  jdbc_url_params: field('string', 'JDBC URL Params', 'Extra key=value pairs joined by &.', 7),
  raw_data_schema: field('string', 'Raw Table Schema Name', 'The schema for the raw tables (defaults to airbyte_internal).', 8),
  disable_type_dedupe: field('boolean', 'Disable Final Tables', 'Write only raw tables.', 9, { default: false }),
  retention_period_days: field('integer', 'Data Retention Period (days)', 'Time Travel retention of the tables Airbyte creates.', 10, { default: 1 }),
});

export function check(configuration: JsonObject): CheckResult {
  const host = stringAt(configuration, 'host') ?? '';
  const username = stringAt(configuration, 'username') ?? '';
  return standardCheck(spec, configuration, {
    endpoints: [
      {
        value: host,
        refused: `Could not connect with provided configuration. JDBC driver encountered communication error. Message: HTTP status=403: Connect to ${host}:443 failed: Connection refused`,
      },
    ],
    authFailure: (path) =>
      path.at(-1) === 'password'
        ? `Could not connect with provided configuration. Incorrect username or password was specified. (user "${username}")`
        : `Could not connect with provided configuration. JWT token is invalid for user "${username}": the private key does not match the registered public key.`,
  });
}

/** Snowflake destination as Airbyte registers it (ids and image from the connector's metadata.yaml). */
export const destinationSnowflake: ConnectorDefinition = {
  kind: 'destination',
  definitionId: '424892c4-daac-4491-b35d-c6688ba547ba',
  name: 'Snowflake',
  dockerRepository: 'airbyte/destination-snowflake',
  dockerImageTag: '4.0.33',
  documentationUrl: 'https://docs.airbyte.com/integrations/destinations/snowflake',
  releaseStage: 'generally_available',
  supportLevel: 'certified',
  connectionSpecification: spec,
  supportedDestinationSyncModes: ['overwrite', 'append', 'append_dedup'],
  check,
};
