/**
 * Destination Local JSON: writes one JSON-lines file per stream on the Airbyte host. The container only sees
 * the host's /tmp/airbyte_local mounted as /local, so a path outside /local cannot work; check says so.
 */
import { posix } from 'node:path';
import type { JsonObject } from '../../api/types.js';
import { CHECK_OK, failed } from './checks.js';
import { connectionSpec, field } from './spec-parts.js';
import type { CheckResult, ConnectorDefinition } from './types.js';
import { stringAt } from './values.js';

export const spec: JsonObject = connectionSpec('Local Json Destination Spec', ['destination_path'], {
  destination_path: field('string', 'Destination Path', "Directory under /local (the host's /tmp/airbyte_local) where the files are written.", 0, {
    examples: ['/local/json_data'],
  }),
});

export function check(configuration: JsonObject): CheckResult {
  const path = stringAt(configuration, 'destination_path') ?? '';
  // Normalize first so that "/local/../etc" cannot pass as a path under /local.
  const normalized = posix.normalize(path);
  if (normalized === '/local' || normalized.startsWith('/local/')) return CHECK_OK;
  return failed(
    `Could not connect with provided configuration. destination_path must be under /local, got "${path}". ` +
      'Airbyte mounts the host directory /tmp/airbyte_local as /local in the connector container.',
  );
}

/** Local JSON destination as Airbyte registers it (ids and image from the connector's metadata.yaml). */
export const destinationLocalJson: ConnectorDefinition = {
  kind: 'destination',
  definitionId: 'a625d593-bba5-4a1c-a53d-2d246268a816',
  name: 'Local JSON',
  dockerRepository: 'airbyte/destination-local-json',
  dockerImageTag: '0.2.11',
  documentationUrl: 'https://docs.airbyte.com/integrations/destinations/local-json',
  releaseStage: 'alpha',
  supportLevel: 'community',
  connectionSpecification: spec,
  supportedDestinationSyncModes: ['overwrite', 'append'],
  check,
};
