/**
 * Remote resources that share a name. Names are the identity, so a plan cannot be made for a name that several
 * remote resources of one kind hold. They come from runs of an older version at the same time, or from the UI.
 * This module explains each such group and tells which copies are exact duplicates that `--dedupe` may remove:
 *
 * - The kept copy is the one concurrent applies keep (apply/converge.ts): the oldest by creation time, then the
 *   smallest id; for connections, one wired to the kept source and destination comes first.
 * - A source or destination is an exact duplicate when its definition and its configuration (as Airbyte shows it:
 *   secrets are masked, so they are not compared) equal the kept copy's, and every connection that uses it is itself
 *   a removable duplicate of a connection of the kept copy.
 * - A connection is an exact duplicate when it joins the same source and destination (counting duplicate copies of
 *   them as the same) and every setting and selected stream equals the kept copy's.
 *
 * Pure: no I/O.
 */
import equal from 'fast-deep-equal';
import type { ResourceKind } from '../model/desired.js';
import type { RemoteActor, RemoteConnection, RemoteState } from '../model/remote.js';

type Remote = RemoteActor | RemoteConnection;

/** One copy of a duplicated name, and what `--dedupe` would do with it. */
export interface DuplicateCopy {
  id: string;
  createdAt: number | undefined;
  /** `keep`: the kept copy; `remove`: an exact duplicate; `differs`: not removed, `reason` says how it differs. */
  verdict: 'keep' | 'remove' | 'differs';
  reason?: string;
}

export interface DuplicateGroup {
  kind: ResourceKind;
  name: string;
  copies: DuplicateCopy[];
}

/**
 * The one rule for which of several copies of a resource is kept, shared by this module and by concurrent applies
 * (apply/converge.ts), which must never choose differently: the oldest creation time first (a copy without one
 * last), then the smallest id.
 */
export function keptOrder(a: { id: string; createdAt?: number | undefined }, b: { id: string; createdAt?: number | undefined }): number {
  const at = (copy: { createdAt?: number | undefined }) => copy.createdAt ?? Number.POSITIVE_INFINITY;
  if (at(a) !== at(b)) return at(a) < at(b) ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function groupsOf<T extends Remote>(all: readonly T[], wanted: (name: string) => boolean): T[][] {
  const byName = new Map<string, T[]>();
  for (const item of all) {
    if (!wanted(item.name)) continue;
    const same = byName.get(item.name);
    if (same === undefined) byName.set(item.name, [item]);
    else same.push(item);
  }
  return [...byName.values()].filter((group) => group.length > 1).map((group) => [...group].sort(keptOrder));
}

/** The connection settings two duplicates must share (everything but identity and endpoints). */
function settingsOf(connection: RemoteConnection): Record<string, unknown> {
  const { id: _id, name: _name, sourceId: _s, destinationId: _d, createdAt: _c, ...settings } = connection;
  return settings;
}

/** How two connections differ, in words; undefined when they do not. */
function connectionDifference(kept: RemoteConnection, other: RemoteConnection, keptActor: (id: string) => string): string | undefined {
  if (keptActor(other.sourceId) !== keptActor(kept.sourceId)) return 'it reads from another source';
  if (keptActor(other.destinationId) !== keptActor(kept.destinationId)) return 'it writes to another destination';
  const a = settingsOf(kept);
  const b = settingsOf(other);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !equal(a[key], b[key]));
  return fields.length === 0 ? undefined : `its ${fields.join(', ')} differ${fields.length === 1 ? 's' : ''} from the kept one's`;
}

function actorDifference(kept: RemoteActor, other: RemoteActor): string | undefined {
  if (other.definitionId !== kept.definitionId) return 'it uses another connector';
  const keys = [...new Set([...Object.keys(kept.configuration), ...Object.keys(other.configuration)])];
  const fields = keys.filter((key) => !equal(kept.configuration[key], other.configuration[key]));
  return fields.length === 0 ? undefined : `its configuration differs from the kept one's (${fields.join(', ')})`;
}

/**
 * Every group of same-named remote resources among the names `wanted` accepts, with a verdict per copy. Groups are
 * in kind order (sources, destinations, connections), copies kept first.
 */
export function findDuplicates(
  remote: Pick<RemoteState, 'sources' | 'destinations' | 'connections'>,
  wanted: (kind: ResourceKind, name: string) => boolean,
): DuplicateGroup[] {
  const actorGroups = [...groupsOf(remote.sources, (name) => wanted('source', name)), ...groupsOf(remote.destinations, (name) => wanted('destination', name))];
  // Every actor id stands for the kept copy of its group (itself when it has no duplicate): the oldest, at first.
  const groupOf = new Map<string, RemoteActor[]>();
  const keptInGroup = new Map<RemoteActor[], RemoteActor>();
  for (const group of actorGroups) {
    keptInGroup.set(group, group[0] as RemoteActor);
    for (const actor of group) groupOf.set(actor.id, group);
  }
  const keptActor = (id: string) => {
    const group = groupOf.get(id);
    return group === undefined ? id : (keptInGroup.get(group) as RemoteActor).id;
  };
  // Copies made by hand or by older versions can be wired crosswise (the oldest source with the other destination).
  // A connection cannot be moved to another source or destination, so where no copy of a connection is wired to the
  // kept copies, its oldest copy decides which source and destination copies are kept, once per group.
  const pinned = new Set<RemoteActor[]>();
  for (const group of groupsOf(remote.connections, () => true)) {
    const direct = (c: RemoteConnection) => keptActor(c.sourceId) === c.sourceId && keptActor(c.destinationId) === c.destinationId;
    if (group.some(direct)) continue;
    const free = (id: string) => {
      const actors = groupOf.get(id);
      return actors === undefined || !pinned.has(actors) || keptActor(id) === id;
    };
    const chosen = group.find((c) => free(c.sourceId) && free(c.destinationId));
    if (chosen === undefined) continue;
    for (const id of [chosen.sourceId, chosen.destinationId]) {
      const actors = groupOf.get(id);
      const actor = actors?.find((a) => a.id === id);
      if (actors === undefined || actor === undefined) continue;
      keptInGroup.set(actors, actor);
      pinned.add(actors);
    }
  }
  const keptActorOf = new Map<string, string>();
  for (const group of actorGroups) for (const actor of group) keptActorOf.set(actor.id, (keptInGroup.get(group) as RemoteActor).id);

  // Connections: all groups (a duplicate actor's connections matter even when the pipeline does not name them).
  const connectionVerdicts = new Map<string, DuplicateCopy>();
  const connectionGroups = groupsOf(remote.connections, () => true).map((group) => {
    const direct = group.filter((c) => keptActor(c.sourceId) === c.sourceId && keptActor(c.destinationId) === c.destinationId);
    const kept = direct[0] ?? (group[0] as RemoteConnection);
    const copies = [kept, ...group.filter((c) => c !== kept)].map((connection): DuplicateCopy => {
      const base = { id: connection.id, createdAt: connection.createdAt };
      if (connection === kept) return { ...base, verdict: 'keep' };
      const reason = connectionDifference(kept, connection, keptActor);
      return reason === undefined ? { ...base, verdict: 'remove' } : { ...base, verdict: 'differs', reason };
    });
    for (const copy of copies) connectionVerdicts.set(copy.id, copy);
    return { kind: 'connection' as const, name: kept.name, copies };
  });

  const connectionById = new Map(remote.connections.map((c) => [c.id, c]));
  const usedBy = new Map<string, RemoteConnection[]>();
  for (const connection of remote.connections) {
    for (const id of [connection.sourceId, connection.destinationId]) {
      if (!keptActorOf.has(id)) continue;
      const using = usedBy.get(id);
      if (using === undefined) usedBy.set(id, [connection]);
      else using.push(connection);
    }
  }
  const groups: DuplicateGroup[] = actorGroups.map((group) => {
    const kept = keptInGroup.get(group) as RemoteActor;
    const copies = [kept, ...group.filter((actor) => actor !== kept)].map((actor): DuplicateCopy => {
      const base = { id: actor.id, createdAt: actor.createdAt };
      if (actor === kept) return { ...base, verdict: 'keep' };
      const difference = actorDifference(kept, actor);
      if (difference !== undefined) return { ...base, verdict: 'differs', reason: difference };
      const using = usedBy.get(actor.id) ?? [];
      const staying = using.filter((c) => connectionVerdicts.get(c.id)?.verdict !== 'remove');
      if (staying.length > 0) {
        const names = staying.map((c) => `'${c.name}'`).join(', ');
        return { ...base, verdict: 'differs', reason: `connection${staying.length === 1 ? '' : 's'} ${names} use${staying.length === 1 ? 's' : ''} it` };
      }
      return { ...base, verdict: 'remove' };
    });
    return { kind: kept.kind, name: kept.name, copies };
  });
  // A connection group matters when the pipeline names it, or when one of its copies uses a duplicated source or destination.
  const touchesDuplicate = (group: DuplicateGroup) =>
    group.copies.some((copy) => {
      const connection = connectionById.get(copy.id);
      return connection !== undefined && (keptActorOf.has(connection.sourceId) || keptActorOf.has(connection.destinationId));
    });
  return [...groups, ...connectionGroups.filter((group) => wanted('connection', group.name) || touchesDuplicate(group))];
}

const when = (seconds: number | undefined) =>
  seconds === undefined ? 'creation time unknown' : `created ${new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')}`;

/**
 * One line per copy, for the error that explains a group, e.g. `remove  id … (created …): an exact duplicate`.
 * `quote` shows the group's name, `safe` any other outside text (ids, reasons that name connections or keys).
 */
export function describeGroup(group: DuplicateGroup, quote: (name: string) => string, safe: (text: string) => string): string[] {
  const lines = [`${group.kind} ${quote(group.name)} exists ${group.copies.length} times in Airbyte:`];
  for (const copy of group.copies) {
    const at = `id ${safe(copy.id)} (${when(copy.createdAt)})`;
    if (copy.verdict === 'keep') lines.push(`  keep    ${at}: the oldest, kept`);
    else if (copy.verdict === 'remove') lines.push(`  remove  ${at}: an exact duplicate of the kept one (--dedupe removes it)`);
    else lines.push(`  differs ${at}: ${safe(copy.reason ?? 'not an exact duplicate')}; rename or delete it in Airbyte`);
  }
  return lines;
}
