/**
 * Airbyte's connector registry (the OSS or cloud `*_registry.json` published at
 * https://connectors.airbyte.com/files/registries/v0/): every source and destination definition with its id, name,
 * Docker image and full connection spec. This module checks the document's shape, keeps what the tool uses of
 * each entry, and indexes the entries by id, by name and by Docker repository. Nothing here does I/O (see ./load.ts).
 */
import type { DestinationSyncMode, JsonObject } from '../api/types.js';
import { GitopsError } from '../errors.js';
import { isJsonObject } from '../util/json.js';

export type RegistryKind = 'source' | 'destination';

/** One connector of the registry, as far as the tool uses it. */
export interface RegistryDefinition {
  kind: RegistryKind;
  definitionId: string;
  name: string;
  /** e.g. `airbyte/source-postgres`. */
  dockerRepository: string;
  dockerImageTag: string;
  documentationUrl: string;
  sourceType?: string;
  releaseStage: string;
  supportLevel: string;
  /** JSON Schema (draft-07) with airbyte_secret marks, as the registry has it. */
  connectionSpecification: JsonObject;
  /** Destinations only (`spec.supported_destination_sync_modes` in the registry). */
  supportedDestinationSyncModes?: DestinationSyncMode[];
  /** Sources only: the streams the connector suggests (`suggestedStreams.streams`), often empty. */
  suggestedStreams: string[];
}

/** A loaded registry: its definitions, where it came from, and lookups. */
export class ConnectorRegistry {
  readonly sources: RegistryDefinition[];
  readonly destinations: RegistryDefinition[];
  private readonly byId = new Map<string, RegistryDefinition>();
  private readonly byName = new Map<string, RegistryDefinition[]>();
  private readonly byImage = new Map<string, RegistryDefinition>();

  constructor(
    /** The file or URL it was read from, for messages. */
    readonly origin: string,
    definitions: RegistryDefinition[],
  ) {
    this.sources = definitions.filter((definition) => definition.kind === 'source');
    this.destinations = definitions.filter((definition) => definition.kind === 'destination');
    for (const definition of definitions) {
      this.byId.set(definition.definitionId.toLowerCase(), definition);
      const name = definition.name.toLowerCase();
      const named = this.byName.get(name);
      if (named) named.push(definition);
      else this.byName.set(name, [definition]);
      const repository = definition.dockerRepository.toLowerCase();
      this.byImage.set(repository, definition);
      const bare = repository.slice(repository.lastIndexOf('/') + 1);
      if (!this.byImage.has(bare)) this.byImage.set(bare, definition);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every definition, sources first. */
  all(): RegistryDefinition[] {
    return [...this.sources, ...this.destinations];
  }

  byDefinitionId(id: string): RegistryDefinition | undefined {
    return this.byId.get(id.toLowerCase());
  }

  /** Definitions with this name, ignoring case (a few names are shared by two connectors of a kind). */
  named(name: string, kind?: RegistryKind): RegistryDefinition[] {
    const found = this.byName.get(name.trim().toLowerCase()) ?? [];
    return kind === undefined ? found : found.filter((definition) => definition.kind === kind);
  }

  /** The definition of a Docker repository, with or without its owner: `airbyte/source-postgres` or `source-postgres`; a tag is ignored. */
  byDockerRepository(image: string): RegistryDefinition | undefined {
    const withoutTag = image
      .trim()
      .toLowerCase()
      .replace(/:[^/:]*$/, '');
    return this.byImage.get(withoutTag);
  }
}

/** What a registry entry lacks, or undefined when it has what the tool needs. */
function entryProblem(entry: unknown, idField: string): string | undefined {
  if (!isJsonObject(entry)) return 'is not an object';
  for (const field of [idField, 'name', 'dockerRepository']) {
    if (typeof entry[field] !== 'string' || entry[field] === '') return `has no "${field}"`;
  }
  const spec = entry['spec'];
  if (!isJsonObject(spec) || !isJsonObject(spec['connectionSpecification'])) return 'has no "spec.connectionSpecification"';
  return undefined;
}

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

function definitionOf(kind: RegistryKind, entry: JsonObject): RegistryDefinition {
  const spec = entry['spec'] as JsonObject;
  const definition: RegistryDefinition = {
    kind,
    definitionId: text(entry[kind === 'source' ? 'sourceDefinitionId' : 'destinationDefinitionId'], ''),
    name: text(entry['name'], ''),
    dockerRepository: text(entry['dockerRepository'], ''),
    dockerImageTag: text(entry['dockerImageTag'], 'latest'),
    documentationUrl: text(entry['documentationUrl'], text(spec['documentationUrl'], '')),
    releaseStage: text(entry['releaseStage'], 'alpha'),
    supportLevel: text(entry['supportLevel'], 'community'),
    connectionSpecification: spec['connectionSpecification'] as JsonObject,
    suggestedStreams: [],
  };
  if (kind === 'source' && typeof entry['sourceType'] === 'string') definition.sourceType = entry['sourceType'];
  if (kind === 'destination') {
    const modes = spec['supported_destination_sync_modes'] ?? spec['supportedDestinationSyncModes'];
    definition.supportedDestinationSyncModes = Array.isArray(modes) ? (modes.filter((mode) => typeof mode === 'string') as DestinationSyncMode[]) : [];
  }
  const suggested = entry['suggestedStreams'];
  if (isJsonObject(suggested) && Array.isArray(suggested['streams'])) {
    definition.suggestedStreams = suggested['streams'].filter((name): name is string => typeof name === 'string');
  }
  return definition;
}

function notARegistry(origin: string, what: string): GitopsError {
  return new GitopsError('USAGE', `${origin} is not an Airbyte connector registry: ${what}`, {
    hint: 'give a registry such as https://connectors.airbyte.com/files/registries/v0/oss_registry.json, or a copy of it (see docs/emulator.md)',
  });
}

/** How many faulty entries a message names before it summarises the rest. */
const NAMED_PROBLEMS = 3;

/** Checks a parsed registry document and keeps what the tool uses; anything that is not a registry is a USAGE error naming `origin`. */
export function registryFrom(document: unknown, origin: string): ConnectorRegistry {
  if (!isJsonObject(document)) throw notARegistry(origin, 'expected a JSON object with "sources" and "destinations" lists');
  const sources = document['sources'];
  const destinations = document['destinations'];
  if (!Array.isArray(sources) && !Array.isArray(destinations)) {
    const keys = Object.keys(document).slice(0, 5);
    throw notARegistry(origin, `it has no "sources" or "destinations" list (its keys: ${keys.length === 0 ? 'none' : keys.join(', ')})`);
  }
  const definitions: RegistryDefinition[] = [];
  const problems: string[] = [];
  const read = (list: unknown, kind: RegistryKind): void => {
    if (list === undefined) return;
    const field = `${kind}s`;
    if (!Array.isArray(list)) {
      problems.push(`"${field}" is not a list`);
      return;
    }
    const idField = kind === 'source' ? 'sourceDefinitionId' : 'destinationDefinitionId';
    list.forEach((entry: unknown, index) => {
      const problem = entryProblem(entry, idField);
      if (problem === undefined) definitions.push(definitionOf(kind, entry as JsonObject));
      else {
        const name = isJsonObject(entry) && typeof entry['name'] === 'string' ? ` ('${entry['name']}')` : '';
        problems.push(`${field}[${index}]${name} ${problem}`);
      }
    });
  };
  read(sources, 'source');
  read(destinations, 'destination');
  if (problems.length > 0) {
    const more = problems.length > NAMED_PROBLEMS ? `, and ${problems.length - NAMED_PROBLEMS} more` : '';
    throw notARegistry(origin, problems.slice(0, NAMED_PROBLEMS).join('; ') + more);
  }
  return new ConnectorRegistry(origin, definitions);
}

/** Parses registry JSON text; text that is not JSON is a USAGE error naming `origin`. */
export function parseRegistry(json: string, origin: string): ConnectorRegistry {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw notARegistry(origin, `it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return registryFrom(document, origin);
}
