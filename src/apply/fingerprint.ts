/**
 * Fingerprints of the remote objects a plan read (as read: masked, so never a secret value). A saved plan keeps
 * them; applying it re-reads the same lists and refuses when anything it relied on changed.
 */
import { createHash } from 'node:crypto';
import type { Json } from '../api/types.js';
import { GitopsError } from '../errors.js';
import type { ResourceKind } from '../model/desired.js';
import type { RemoteActor, RemoteConnection } from '../model/remote.js';
import { normalizeResources, type RemoteResources } from '../plan/fetch.js';
import type { Plan } from '../plan/types.js';
import type { ApplyClient } from './types.js';

/** By kind, by id: the name (for messages) and a hash of the normalized object. */
export type Fingerprints = Record<ResourceKind, Record<string, { name: string; hash: string }>>;

/** JSON with object keys sorted, so equal objects hash equally whatever order the server sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Json>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const hash = (value: unknown) => createHash('sha256').update(canonical(value)).digest('hex');

/** Remote objects as the plan read them. */
export type ReadState = RemoteResources;

export function fingerprintsOf(state: ReadState): Fingerprints {
  const of = (items: (RemoteActor | RemoteConnection)[]) => Object.fromEntries(items.map((item) => [item.id, { name: item.name, hash: hash(item) }]));
  return { source: of(state.sources), destination: of(state.destinations), connection: of(state.connections) };
}

/** The same list calls the plan made, normalized the same way. */
async function readState(client: ApplyClient, workspaceId: string): Promise<ReadState> {
  const [sources, destinations, connections] = await Promise.all([
    client.listSources(workspaceId),
    client.listDestinations(workspaceId),
    client.listConnections(workspaceId),
  ]);
  return normalizeResources(sources, destinations, connections);
}

/** What changed between the saved fingerprints and now, as phrases; empty when nothing the plan relies on did. */
function staleness(saved: Fingerprints, now: Fingerprints, plan: Plan): string[] {
  const reasons: string[] = [];
  for (const kind of ['source', 'destination', 'connection'] as const) {
    for (const [id, before] of Object.entries(saved[kind])) {
      const after = now[kind][id];
      if (!after) reasons.push(`${kind} '${before.name}' (${id}) was deleted`);
      else if (after.hash !== before.hash) reasons.push(`${kind} '${before.name}' (${id}) changed`);
    }
    const declared = new Set(plan.changes.filter((change) => change.kind === kind).map((change) => change.name));
    for (const [id, after] of Object.entries(now[kind])) {
      if (!saved[kind][id] && declared.has(after.name)) reasons.push(`${kind} '${after.name}' now exists (${id})`);
    }
  }
  return reasons;
}

/** Throws STALE_PLAN when Airbyte no longer holds what the plan read. */
export async function assertFresh(client: ApplyClient, saved: Fingerprints, plan: Plan): Promise<void> {
  const reasons = staleness(saved, fingerprintsOf(await readState(client, plan.workspace.workspaceId)), plan);
  if (reasons.length === 0) return;
  throw new GitopsError('STALE_PLAN', `saved plan is stale: ${reasons.join('; ')}; nothing was changed in Airbyte`, {
    meta: { reasons },
    hint: 'make a new plan (plan --out plan.json), review it, and apply that.',
  });
}
