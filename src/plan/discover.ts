/**
 * Streams of new sources, checked at plan time: a source that this apply creates (or replaces) has no catalog in
 * Airbyte yet, so its declared configuration is discovered with `scheduler/sources/discover_schema`, which creates
 * nothing. Its connections' streams are then checked and their catalogs built like those of existing sources, so a
 * green plan does not fail half-way at apply on a stream the source does not have.
 */
import type { AirbyteCatalog } from '../api/types.js';
import type { RemoteState } from '../model/remote.js';
import type { ResolvedActor, ValidatedPipeline } from '../model/validated.js';
import { secretPaths, secretValues } from '../secrets/paths.js';
import { revealSecrets, sealSecrets } from '../secrets/seal.js';
import { printable } from '../util/printable.js';
import { mapLimit } from '../util/pool.js';
import { ByName } from './by-name.js';
import { discoveredCatalog, DISCOVERY_PARALLELISM, type StateReader } from './fetch.js';

/** The one call this step makes, for error messages. */
const CALL = 'scheduler/sources/discover_schema';

/**
 * Declared sources that this apply creates (no remote source of that name or previous name) or replaces (their
 * definition changed), and that a connection reads from: each once, in pipeline order.
 */
export function newSources(validated: ValidatedPipeline, remote: RemoteState): ResolvedActor[] {
  const remoteSources = new ByName(remote.sources);
  const used = new Set(validated.pipeline.connections.map((connection) => connection.source));
  return validated.managed.filter(({ actor, definition }) => {
    if (actor.kind !== 'source' || !used.has(actor.name) || actor.configuration === undefined) return false;
    const existing = remoteSources.nameOrPrevious(actor.name, actor.previousNames);
    return existing === undefined || existing.definitionId !== definition.definitionId;
  });
}

/** Options of discoverNewSources. */
export interface NewSourceDiscoveryOptions {
  /** One line per discovery started (the command passes it only when stderr is a terminal). */
  onProgress?: (line: string) => void;
  /** Discoveries in flight at once (default DISCOVERY_PARALLELISM). */
  parallelism?: number;
}

/**
 * The catalog of each new source by name, discovered from its declared (checked and coerced) configuration, at most
 * four at a time. Secret values go only into the request body, and are registered with the reader first so that no
 * error message can echo them. A failed discover job is an error naming the source, the call and the connector's
 * message.
 */
export async function discoverNewSources(
  reader: Pick<StateReader, 'discoverNewSourceSchema' | 'addSecrets'>,
  validated: ValidatedPipeline,
  remote: RemoteState,
  options: NewSourceDiscoveryOptions = {},
): Promise<Record<string, AirbyteCatalog>> {
  const sources = newSources(validated, remote);
  const catalogs: Record<string, AirbyteCatalog> = {};
  await mapLimit(sources, options.parallelism ?? DISCOVERY_PARALLELISM, async ({ actor, definition, spec }, index) => {
    const secrets = secretPaths(spec);
    const configuration = sealSecrets(actor.configuration ?? {}, secrets);
    const values = secretValues(revealSecrets(configuration), secrets).flatMap(({ value }) => (typeof value === 'string' && value !== '' ? [value] : []));
    reader.addSecrets?.(values);
    const resource = `new source '${printable(actor.name)}'`;
    options.onProgress?.(`Discovering the streams of ${resource} (${index + 1}/${sources.length})…`);
    const read = await reader.discoverNewSourceSchema(
      { sourceDefinitionId: definition.definitionId, workspaceId: remote.workspace.workspaceId, connectionConfiguration: revealSecrets(configuration) },
      resource,
    );
    const hint = 'check its configuration; `plan --no-discover` skips this and checks its streams at apply time';
    catalogs[actor.name] = discoveredCatalog(read, resource, CALL, hint, values);
  });
  return catalogs;
}
