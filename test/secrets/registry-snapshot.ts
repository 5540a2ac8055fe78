/**
 * The connector registry snapshot tests read (`../shared/reference/registry/oss_registry.json`, next to the
 * repository), turned into emulator connectors and plan-side definitions. A fresh clone has no snapshot: the tests
 * that need it are skipped with a printed reason, except under CI=true, where a missing snapshot fails them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationSyncMode, JsonObject } from '../../src/api/types.js';
import type { ConnectorDefinition } from '../../src/emulator/connectors/types.js';

export const REGISTRY_FILE = join(import.meta.dirname, '../../../shared/reference/registry/oss_registry.json');

export interface RegistryEntry {
  kind: 'source' | 'destination';
  definitionId: string;
  name: string;
  dockerRepository: string;
  dockerImageTag: string;
  connectionSpecification: JsonObject;
  supportedDestinationSyncModes?: DestinationSyncMode[];
}

interface RawEntry {
  sourceDefinitionId?: string;
  destinationDefinitionId?: string;
  name: string;
  dockerRepository: string;
  dockerImageTag: string;
  spec?: { connectionSpecification?: JsonObject; supportedDestinationSyncModes?: DestinationSyncMode[] };
}

let loaded: RegistryEntry[] | undefined;

/** Every definition of the snapshot with a spec; undefined when the file is absent (never under CI=true). */
export function registryEntries(): RegistryEntry[] | undefined {
  if (loaded !== undefined) return loaded;
  if (!existsSync(REGISTRY_FILE)) {
    if (process.env['CI'] === 'true') throw new Error(`the registry snapshot ${REGISTRY_FILE} is missing; CI must have it`);
    console.warn(`skipped: no registry snapshot at ${REGISTRY_FILE} (tests over the real connector specs need it)`);
    return undefined;
  }
  const raw = JSON.parse(readFileSync(REGISTRY_FILE, 'utf8')) as { sources: RawEntry[]; destinations: RawEntry[] };
  const entries: RegistryEntry[] = [];
  for (const [kind, list] of [
    ['source', raw.sources],
    ['destination', raw.destinations],
  ] as const) {
    for (const entry of list) {
      const spec = entry.spec?.connectionSpecification;
      if (spec === undefined) continue;
      const modes = entry.spec?.supportedDestinationSyncModes;
      entries.push({
        kind,
        definitionId: (kind === 'source' ? entry.sourceDefinitionId : entry.destinationDefinitionId) ?? '',
        name: entry.name,
        dockerRepository: entry.dockerRepository,
        dockerImageTag: entry.dockerImageTag,
        connectionSpecification: spec,
        ...(modes === undefined ? {} : { supportedDestinationSyncModes: modes }),
      });
    }
  }
  loaded = entries;
  return entries;
}

/** The entry of a docker repository (`airbyte/source-okta`). Throws when the snapshot lacks it. */
export function registryEntry(entries: RegistryEntry[], dockerRepository: string): RegistryEntry {
  const found = entries.find((entry) => entry.dockerRepository === dockerRepository);
  if (found === undefined) throw new Error(`the registry snapshot has no ${dockerRepository}`);
  return found;
}

/** An emulator connector serving a registry definition: its real spec, an empty catalog, checks that succeed. */
export function emulatorConnector(entry: RegistryEntry): ConnectorDefinition {
  return {
    kind: entry.kind,
    definitionId: entry.definitionId,
    name: entry.name,
    dockerRepository: entry.dockerRepository,
    dockerImageTag: entry.dockerImageTag,
    documentationUrl: `https://docs.airbyte.com/integrations/${entry.kind}s/${entry.dockerRepository.split('/').pop() ?? ''}`,
    ...(entry.kind === 'source' ? { sourceType: 'api' as const, discover: () => ({ streams: [] }) } : {}),
    releaseStage: 'alpha',
    supportLevel: 'community',
    connectionSpecification: entry.connectionSpecification,
    ...(entry.kind === 'destination' ? { supportedDestinationSyncModes: entry.supportedDestinationSyncModes ?? ['append', 'overwrite'] } : {}),
    check: () => ({ ok: true }),
  };
}
