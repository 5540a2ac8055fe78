/** Plans of many resources built as values, for the renderers' behaviour at scale. */
import type { DesiredPipeline } from '../../src/model/desired.js';
import type { Action, Change, ConnectionChange, Plan } from '../../src/plan/types.js';
import { connection, desiredStream, destination, pipeline, source } from './fixtures.js';

export function connectionChange(name: string, overrides: Partial<ConnectionChange> = {}): ConnectionChange {
  return {
    kind: 'connection',
    name,
    action: 'no-op',
    id: `id-${name}`,
    fields: [],
    warnings: [],
    destructive: false,
    sourceRef: null,
    destinationRef: null,
    desired: null,
    patch: null,
    syncCatalog: null,
    remoteEndpoints: null,
    ...overrides,
  };
}

export function actorChange(kind: 'source' | 'destination', name: string, action: Action = 'no-op'): Change {
  return {
    kind,
    name,
    action,
    id: `id-${name}`,
    fields: [],
    warnings: [],
    destructive: false,
    definitionId: 'def',
    desired: null,
    preserved: {},
    takesDown: [],
  };
}

export function planOf(changes: Change[]): Plan {
  const summary = { create: 0, update: 0, replace: 0, delete: 0, 'no-op': 0 };
  for (const change of changes) summary[change.action] += 1;
  return { formatVersion: 1, workspace: { workspaceId: 'ws-1', name: 'Default Workspace' }, changes, unmanaged: [], summary, order: [], refreshed: false };
}

/**
 * `n` sources, `n` destinations and `n` connections (conn-i: src-i → dst-i), all unchanged except connections
 * `updated` (one field each) ; every connection warns `warning(name)` when given.
 */
export function scalePlan(n: number, updated: number[], warning?: (name: string) => string): { pipeline: DesiredPipeline; plan: Plan } {
  const desired = pipeline({
    sources: Array.from({ length: n }, (_, i) => source(`src-${i}`, {})),
    destinations: Array.from({ length: n }, (_, i) => destination(`dst-${i}`, {})),
    connections: Array.from({ length: n }, (_, i) => connection(`conn-${i}`, [desiredStream('users')], { source: `src-${i}`, destination: `dst-${i}` })),
  });
  const changes: Change[] = [
    ...desired.sources.map((s) => actorChange('source', s.name)),
    ...desired.destinations.map((d) => actorChange('destination', d.name)),
    ...desired.connections.map((c, i) =>
      connectionChange(c.name, {
        ...(updated.includes(i) ? { action: 'update' as const, fields: [{ path: 'status', before: 'active', after: 'inactive' }] } : {}),
        ...(warning === undefined ? {} : { warnings: [warning(c.name)] }),
      }),
    ),
  ];
  return { pipeline: desired, plan: planOf(changes) };
}
