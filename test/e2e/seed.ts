/**
 * Puts a pipeline into an emulator through the API directly (not through apply), so plan tests do not depend on
 * apply: sources and destinations with their real configurations, connections with the catalog built from discovery.
 */
import { createClient } from '../../src/client/index.js';
import { buildSyncCatalog } from '../../src/plan/catalog.js';
import { toSchedule } from '../../src/plan/diff/connections.js';
import { loadOrThrow } from '../../src/plan/prepare.js';
import { fetchRemoteState } from '../../src/plan/fetch.js';
import { checkConfiguration, resolveDefinition } from '../../src/plan/checks/index.js';

export async function seedThroughApi(url: string, paths: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const client = createClient({ baseUrl: url, auth: { mode: 'none' } });
  try {
    const { pipeline } = loadOrThrow(paths, env);
    const remote = await fetchRemoteState(client, pipeline);
    const workspaceId = remote.workspace.workspaceId;
    const ids = new Map<string, string>();
    for (const actor of [...pipeline.sources, ...pipeline.destinations]) {
      if (actor.definition === undefined) continue;
      const resolved = resolveDefinition(actor.kind, actor.definition, remote.definitions);
      if (!('definitionId' in resolved)) throw new Error(resolved.error);
      const spec = remote.specs[resolved.definitionId];
      if (!spec) throw new Error(`no spec for ${actor.definition}`);
      const { configuration } = checkConfiguration(actor, spec);
      if (actor.kind === 'source') {
        const read = await client.createSource({ workspaceId, name: actor.name, sourceDefinitionId: resolved.definitionId, connectionConfiguration: configuration });
        ids.set(`source:${actor.name}`, read.sourceId);
      } else {
        const read = await client.createDestination({ workspaceId, name: actor.name, destinationDefinitionId: resolved.definitionId, connectionConfiguration: configuration });
        ids.set(`destination:${actor.name}`, read.destinationId);
      }
    }
    for (const connection of pipeline.connections) {
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
    }
  } finally {
    await client.close();
  }
}
