/**
 * What `check` reads before checking: the workspace's inventory (one list call per kind) and one connector spec
 * per distinct definition the pipeline's sources and destinations name. Never discovery: `check` tests
 * connections, not streams, and a discover_schema job can take minutes on a real server.
 */
import type { DesiredPipeline } from '../model/desired.js';
import type { ConnectorSpec, RemoteState } from '../model/remote.js';
import { resolveDefinition } from '../plan/checks/index.js';
import { fetchInventory, type StateReader } from '../plan/fetch.js';

/** The part of Airbyte's state a check decides with: no connections, no discovered catalogs. */
export type CheckState = Pick<RemoteState, 'workspace' | 'definitions' | 'specs' | 'sources' | 'destinations'>;

/** The reads `fetchCheckState` makes; the API client has them. */
export type CheckStateReader = Omit<StateReader, 'discoverSourceSchema'>;

/**
 * Specs are needed only for the definitions the pipeline declares: a resource referenced by name is checked with
 * its stored configuration, and one whose definition changes is checked with the new definition's spec.
 */
async function fetchSpecs(reader: CheckStateReader, pipeline: DesiredPipeline, state: Omit<CheckState, 'specs'>): Promise<Record<string, ConnectorSpec>> {
  const wanted = new Map<string, 'source' | 'destination'>();
  for (const actor of [...pipeline.sources, ...pipeline.destinations]) {
    if (actor.definition === undefined) continue;
    const resolved = resolveDefinition(actor.kind, actor.definition, state.definitions);
    if ('definitionId' in resolved) wanted.set(resolved.definitionId, actor.kind);
  }
  const workspaceId = state.workspace.workspaceId;
  const specs: Record<string, ConnectorSpec> = {};
  await Promise.all(
    [...wanted].map(async ([definitionId, kind]) => {
      const read =
        kind === 'source'
          ? await reader.getSourceSpecification(definitionId, workspaceId)
          : await reader.getDestinationSpecification(definitionId, workspaceId);
      specs[definitionId] = { kind, definitionId, connectionSpecification: read.connectionSpecification };
    }),
  );
  return specs;
}

/** The workspace (by name, slug or id), its definitions and resources, and the specs the pipeline's checks need. */
export async function fetchCheckState(reader: CheckStateReader, pipeline: DesiredPipeline, workspace?: string): Promise<CheckState> {
  const { workspace: ws, definitions, sources, destinations } = await fetchInventory(reader, workspace);
  const state = { workspace: ws, definitions, sources, destinations };
  return { ...state, specs: await fetchSpecs(reader, pipeline, state) };
}
