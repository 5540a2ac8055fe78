/**
 * Puts a pipeline into an emulator through the API directly (not through apply), so plan tests and the plan
 * benchmark do not depend on apply: sources and destinations with their real configurations, connections with the
 * catalog built from discovery. `concurrency` bounds the calls in flight.
 */
import { createClient } from '../client/index.js';
import { buildSyncCatalog } from '../plan/catalog.js';
import { toSchedule } from '../plan/diff/connections.js';
import { loadOrThrow } from '../plan/prepare.js';
import { fetchRemoteState } from '../plan/fetch.js';
import { mapLimit } from '../util/pool.js';
import { checkConfiguration, resolveDefinition } from '../plan/checks/index.js';

export async function seedThroughApi(url: string, paths: string[], env: NodeJS.ProcessEnv, concurrency = 1): Promise<void> {
  const client = createClient({ baseUrl: url, auth: { mode: 'none' } });
  try {
    const { pipeline } = loadOrThrow(paths, env);
    const remote = await fetchRemoteState(client, pipeline);
    const workspaceId = remote.workspace.workspaceId;
    const ids = new Map<string, string>();
    await mapLimit([...pipeline.sources, ...pipeline.destinations], concurrency, async (actor) => {
      if (actor.definition === undefined) return;
      const resolved = resolveDefinition(actor.kind, actor.definition, remote.definitions);
      if (!('definitionId' in resolved)) throw new Error(resolved.error);
      const spec = remote.specs[resolved.definitionId];
      if (!spec) throw new Error(`no spec for ${actor.definition}`);
      const { configuration } = checkConfiguration(actor, spec);
      if (actor.kind === 'source') {
        const read = await client.createSource({
          workspaceId,
          name: actor.name,
          sourceDefinitionId: resolved.definitionId,
          connectionConfiguration: configuration,
        });
        ids.set(`source:${actor.name}`, read.sourceId);
      } else {
        const read = await client.createDestination({
          workspaceId,
          name: actor.name,
          destinationDefinitionId: resolved.definitionId,
          connectionConfiguration: configuration,
        });
        ids.set(`destination:${actor.name}`, read.destinationId);
      }
    });
    await mapLimit(pipeline.connections, concurrency, async (connection) => {
      const sourceId = ids.get(`source:${connection.source}`) as string;
      const destinationId = ids.get(`destination:${connection.destination}`) as string;
      const discovered = await client.discoverSourceSchema({ sourceId });
      const schedule = toSchedule(connection.schedule);
      await client.createConnection({
        name: connection.name,
        sourceId,
        destinationId,
        status: connection.status,
        syncCatalog: buildSyncCatalog(connection.streams, discovered.catalog?.streams ?? []),
        scheduleType: schedule.scheduleType,
        ...(schedule.scheduleData ? { scheduleData: schedule.scheduleData } : {}),
        ...(connection.namespaceDefinition ? { namespaceDefinition: connection.namespaceDefinition } : {}),
        ...(connection.namespaceFormat !== undefined ? { namespaceFormat: connection.namespaceFormat } : {}),
        ...(connection.prefix !== undefined ? { prefix: connection.prefix } : {}),
        ...(connection.nonBreakingChangesPreference ? { nonBreakingChangesPreference: connection.nonBreakingChangesPreference } : {}),
      });
    });
  } finally {
    await client.close();
  }
}
