/**
 * Registry connectors on the emulator: every definition of a loaded connector registry is served with its real spec
 * (validation and masking follow it), the standard check rules, and a small made-up catalog, since the registry says
 * nothing about a connector's streams. Built-in connectors keep their richer behaviour: a registry entry with a
 * built-in definition id is left out.
 */
import type { AirbyteCatalog, JsonObject } from '../api/types.js';
import type { ConnectorRegistry, RegistryDefinition } from '../registry/index.js';
import { standardCheck, type Endpoint } from './connectors/checks.js';
import { airbyteStream, withDefaultConfigs, type Column } from './connectors/discovery.js';
import type { ConnectorDefinition } from './connectors/types.js';
import { isJsonObject } from '../util/json.js';

/** The streams of a registry source that suggests none. */
export const MADE_UP_STREAMS = ['records', 'events'];

/** Keys whose string value is an endpoint for check rule 1 (at any depth of the configuration). */
export const ENDPOINT_KEYS = ['host', 'hostname', 'url', 'base_url', 'endpoint', 'domain', 'server'];

const MADE_UP_DESCRIPTION =
  "made up by the airbyte-gitops emulator: the connector registry does not list a connector's streams; give the real ones with --catalogs (see docs/emulator.md)";

const COLUMNS: Column[] = [
  ['id', { type: ['null', 'string'] }],
  ['updated_at', { type: ['null', 'string'], format: 'date-time', airbyte_type: 'timestamp_with_timezone' }],
  ['data', { type: ['null', 'object'] }],
];

/** The streams the emulator discovers for a registry source: its suggested streams, else MADE_UP_STREAMS. */
export function madeUpStreamNames(definition: Pick<ConnectorDefinition, 'suggestedStreams'>): string[] {
  const suggested = definition.suggestedStreams ?? [];
  return suggested.length > 0 ? suggested : MADE_UP_STREAMS;
}

function madeUpCatalog(definition: RegistryDefinition): AirbyteCatalog {
  const names = madeUpStreamNames(definition);
  const streams = names.map((name) => {
    const stream = airbyteStream({
      name,
      columns: COLUMNS,
      supportedSyncModes: ['full_refresh', 'incremental'],
      sourceCursor: ['updated_at'],
      primaryKey: [['id']],
      isResumable: true,
    });
    stream.jsonSchema = { ...stream.jsonSchema, description: MADE_UP_DESCRIPTION };
    return stream;
  });
  return withDefaultConfigs(streams, definition.suggestedStreams);
}

/** String values at ENDPOINT_KEYS, at any depth (option groups included). */
function endpointsIn(value: unknown, found: Endpoint[] = []): Endpoint[] {
  if (Array.isArray(value)) for (const item of value) endpointsIn(item, found);
  else if (isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && ENDPOINT_KEYS.includes(key)) found.push({ value: item, refused: `Could not connect to ${item}: Connection refused` });
      else endpointsIn(item, found);
    }
  }
  return found;
}

function connectorOf(definition: RegistryDefinition): ConnectorDefinition {
  const spec = definition.connectionSpecification;
  const connector: ConnectorDefinition = {
    kind: definition.kind,
    definitionId: definition.definitionId,
    name: definition.name,
    dockerRepository: definition.dockerRepository,
    dockerImageTag: definition.dockerImageTag,
    documentationUrl: definition.documentationUrl,
    releaseStage: definition.releaseStage as ConnectorDefinition['releaseStage'],
    supportLevel: definition.supportLevel as ConnectorDefinition['supportLevel'],
    connectionSpecification: spec,
    fromRegistry: true,
    check: (configuration: JsonObject) =>
      standardCheck(spec, configuration, {
        endpoints: endpointsIn(configuration),
        authFailure: (path) => `Authentication failed: the credential at ${path.join('.')} was rejected (401 Unauthorized)`,
      }),
  };
  if (definition.kind === 'source') {
    if (definition.sourceType !== undefined) connector.sourceType = definition.sourceType as ConnectorDefinition['sourceType'];
    connector.suggestedStreams = definition.suggestedStreams;
    connector.discover = () => madeUpCatalog(definition);
  } else {
    connector.supportedDestinationSyncModes = definition.supportedDestinationSyncModes ?? [];
  }
  return connector;
}

/** `base` followed by every registry definition whose id `base` does not have. */
export function withRegistry(base: ConnectorDefinition[], registry: ConnectorRegistry | undefined): ConnectorDefinition[] {
  if (registry === undefined) return base;
  const known = new Set(base.map((definition) => definition.definitionId.toLowerCase()));
  const added = registry
    .all()
    .filter((definition) => !known.has(definition.definitionId.toLowerCase()))
    .map(connectorOf);
  return [...base, ...added];
}
