/** Reading what `export` needs: the workspace inventory (one list per kind), and one spec per distinct definition in use. */
import type { JsonObject } from '../api/types.js';
import type { AirbyteClient } from '../client/index.js';
import { fetchInventory } from '../plan/fetch.js';
import type { ExportInput } from './export.js';

export async function readForExport(client: AirbyteClient, workspace: string | undefined): Promise<ExportInput> {
  const inventory = await fetchInventory(client, workspace);
  const id = inventory.workspace.workspaceId;
  const used = new Map<string, 'source' | 'destination'>([...inventory.sources, ...inventory.destinations].map((actor) => [actor.definitionId, actor.kind]));
  const specs: Record<string, JsonObject> = {};
  await Promise.all(
    [...used].map(async ([definitionId, kind]) => {
      const read = kind === 'source' ? await client.getSourceSpecification(definitionId, id) : await client.getDestinationSpecification(definitionId, id);
      specs[definitionId] = read.connectionSpecification;
    }),
  );
  const { definitions, sources, destinations, connections } = inventory;
  return { workspace: inventory.workspace.name, definitions, specs, sources, destinations, connections };
}
