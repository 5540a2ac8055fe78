/** Reading what `export` needs: one list per kind, and one spec per distinct definition in use. */
import type { JsonObject } from '../api/types.js';
import type { AirbyteClient } from '../client/index.js';
import type { RemoteDefinition } from '../model/remote.js';
import { toRemoteActor, toRemoteConnection } from '../plan/fetch.js';
import type { ExportInput } from './export.js';

export async function readForExport(client: AirbyteClient, workspace: string | undefined): Promise<ExportInput> {
  const ws = await client.resolveWorkspace(workspace);
  const id = ws.workspaceId;
  const [sourceDefinitions, destinationDefinitions, sources, destinations, connections] = await Promise.all([
    client.listSourceDefinitions(id),
    client.listDestinationDefinitions(id),
    client.listSources(id),
    client.listDestinations(id),
    client.listConnections(id),
  ]);
  const definitions: RemoteDefinition[] = [
    ...sourceDefinitions.map((d) => ({ kind: 'source' as const, definitionId: d.sourceDefinitionId, name: d.name, dockerRepository: d.dockerRepository, dockerImageTag: d.dockerImageTag })),
    ...destinationDefinitions.map((d) => ({ kind: 'destination' as const, definitionId: d.destinationDefinitionId, name: d.name, dockerRepository: d.dockerRepository, dockerImageTag: d.dockerImageTag })),
  ];
  const specs: Record<string, JsonObject> = {};
  const used = new Map<string, 'source' | 'destination'>([
    ...sources.map((s) => [s.sourceDefinitionId, 'source'] as const),
    ...destinations.map((d) => [d.destinationDefinitionId, 'destination'] as const),
  ]);
  await Promise.all(
    [...used].map(async ([definitionId, kind]) => {
      const read = kind === 'source' ? await client.getSourceSpecification(definitionId, id) : await client.getDestinationSpecification(definitionId, id);
      specs[definitionId] = read.connectionSpecification;
    }),
  );
  return {
    workspace: ws.name,
    definitions,
    specs,
    sources: sources.map((read) => toRemoteActor('source', read)),
    destinations: destinations.map((read) => toRemoteActor('destination', read)),
    connections: connections.filter((read) => read.status !== 'deprecated').map(toRemoteConnection),
  };
}
