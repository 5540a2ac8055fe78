/**
 * The emulator's built-in connector catalog: the definitions `source_definitions/*` and
 * `destination_definitions/*` serve, and a lookup by id or name.
 */
import { destinationBigquery } from './destination-bigquery.js';
import { destinationLocalJson } from './destination-local-json.js';
import { destinationPostgres } from './destination-postgres.js';
import { destinationS3 } from './destination-s3.js';
import { destinationSnowflake } from './destination-snowflake.js';
import { sourceFaker } from './source-faker.js';
import { sourceFile } from './source-file.js';
import { sourceMysql } from './source-mysql.js';
import { sourcePostgres } from './source-postgres.js';
import type { ConnectorDefinition } from './types.js';

export type { CheckResult, ConnectorDefinition } from './types.js';
export { syncVolume, type SyncVolume } from './volume.js';
export { UNREACHABLE, WRONG_PASSWORD } from './checks.js';

/** Sources first, then destinations, each in the order docs/emulator.md lists them. */
export const connectorDefinitions: ConnectorDefinition[] = [
  sourcePostgres,
  sourceMysql,
  sourceFaker,
  sourceFile,
  destinationS3,
  destinationPostgres,
  destinationBigquery,
  destinationSnowflake,
  destinationLocalJson,
];

/**
 * The definition of `kind` whose id equals `idOrName`, or else whose name does (exactly, then ignoring case),
 * e.g. `findDefinition('destination', 'Postgres')` is the Postgres destination, never the source.
 */
export function findDefinition(kind: ConnectorDefinition['kind'], idOrName: string): ConnectorDefinition | undefined {
  const ofKind = connectorDefinitions.filter((definition) => definition.kind === kind);
  const lower = idOrName.toLowerCase();
  return (
    ofKind.find((definition) => definition.definitionId === lower) ??
    ofKind.find((definition) => definition.name === idOrName) ??
    ofKind.find((definition) => definition.name.toLowerCase() === lower)
  );
}
