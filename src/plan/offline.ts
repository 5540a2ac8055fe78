/**
 * `plan`'s checks without a server: Airbyte's connector registry stands in for a workspace's definitions and the
 * specs the server would return, so `validate --registry` reports exactly the problems `plan` reports against a
 * server with those connectors — the same checks, the same messages, at the same file:line:col.
 */
import type { DesiredPipeline } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import type { ConnectorSpec, RemoteDefinition, RemoteState } from '../model/remote.js';
import type { ConnectorRegistry, RegistryDefinition } from '../registry/index.js';
import { resolveDefinition } from './checks/index.js';
import { validateOffline } from './validate.js';

function specOf(definition: RegistryDefinition): ConnectorSpec {
  const spec: ConnectorSpec = { kind: definition.kind, definitionId: definition.definitionId, connectionSpecification: definition.connectionSpecification };
  // A registry entry that lists no sync modes says nothing about them: they are left unchecked rather than all refused.
  const modes = definition.supportedDestinationSyncModes;
  if (definition.kind === 'destination' && modes !== undefined && modes.length > 0) spec.supportedDestinationSyncModes = modes;
  return spec;
}

/**
 * The registry as the state `plan` reads from a server: every definition (as the definitions list) with its spec,
 * and no sources, destinations or connections.
 */
export function registryState(registry: ConnectorRegistry): RemoteState {
  const definitions: RemoteDefinition[] = [];
  const specs: Record<string, ConnectorSpec> = {};
  for (const definition of registry.all()) {
    const { kind, definitionId, name, dockerRepository, dockerImageTag } = definition;
    definitions.push({ kind, definitionId, name, dockerRepository, dockerImageTag });
    specs[definitionId] = specOf(definition);
  }
  return {
    workspace: { workspaceId: '', name: registry.origin, slug: '' },
    definitions,
    specs,
    sources: [],
    destinations: [],
    connections: [],
    discovered: {},
  };
}

/** What checking against the registry gives: the problems, and how many configurations had a spec to be checked against. */
export interface RegistryCheck {
  problems: Problem[];
  /** Sources and destinations whose definition the registry has (the others' configurations are not checked). */
  checked: number;
}

/**
 * The problems `plan` would find in the pipeline's definitions, configurations and destination sync modes, checked
 * against the registry. Not checked (they need a server): that resources named without a definition exist, and
 * connections' streams against their sources' catalogs.
 */
export function checkAgainstRegistry(desired: DesiredPipeline, registry: ConnectorRegistry): RegistryCheck {
  const remote = registryState(registry);
  const problems = validateOffline(desired, remote);
  const checked = [...desired.sources, ...desired.destinations].filter(
    (actor) => actor.definition !== undefined && 'definitionId' in resolveDefinition(actor.kind, actor.definition, remote.definitions),
  ).length;
  return { problems, checked };
}
