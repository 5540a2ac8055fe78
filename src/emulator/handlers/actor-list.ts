/**
 * sources/list and destinations/list. Flavor `current` pages by cursor (default 20, `cursor` = id of the last
 * item of the previous page), as v1.8+ does; flavor `1.6` returns everything.
 */
import type { JsonObject } from '../../api/types.js';
import { definitionOf } from '../catalog.js';
import { badRequest, notFound } from '../errors.js';
import { optionalString, requiredString } from '../request.js';
import type { Store, StoredActor } from '../state.js';
import { ok, type Context, type Reply } from '../types.js';
import { actorRead, actorsOf, type ActorKind } from './actor-kind.js';
import { workspaceOrThrow } from './workspaces.js';

const DEFAULT_PAGE_SIZE = 20;

type SortKey = 'actorName' | 'actorDefinitionName';

function sortOrder(body: JsonObject): { key: SortKey; descending: boolean } {
  const sortKey = optionalString(body, 'sortKey') ?? 'actorName_asc';
  const [key, direction] = sortKey.split('_');
  // lastSync has no meaning without sync history per actor; it sorts by name like the server's tie-breaker.
  return { key: key === 'actorDefinitionName' ? 'actorDefinitionName' : 'actorName', descending: direction === 'desc' };
}

/** Ordering by labels; the default locale's collation, as localeCompare uses, but without its per-call set-up. */
const collator = new Intl.Collator();

/** One ordering of one workspace's live actors, valid while the table's version stays the same. */
interface Ordering {
  version: number;
  ordered: StoredActor[];
  /** Position of each id in `ordered`, for the cursor. */
  positions: Map<string, number>;
}

/** Orderings per store, so that paging through a listing sorts once, not once per page. */
const orderings = new WeakMap<Store, Map<string, Ordering>>();
const MAX_CACHED_ORDERINGS = 16;

function searchTermOf(body: JsonObject): string {
  const filters = body['filters'];
  const searchTerm = typeof filters === 'object' && filters !== null && !Array.isArray(filters) ? filters['searchTerm'] : undefined;
  return typeof searchTerm === 'string' ? searchTerm.toLowerCase() : '';
}

function computeOrdering(ctx: Context, kind: ActorKind, live: StoredActor[], body: JsonObject, searchTerm: string): StoredActor[] {
  const { key, descending } = sortOrder(body);
  const matching = searchTerm === '' ? live : live.filter((actor) => actor.name.toLowerCase().includes(searchTerm));
  const labelled = matching.map((actor) => ({
    actor,
    label: key === 'actorName' ? actor.name : definitionOf(ctx, kind.kind, actor.definitionId).name,
  }));
  labelled.sort((a, b) => collator.compare(a.label, b.label) || collator.compare(a.actor.id, b.actor.id));
  const ordered = labelled.map((entry) => entry.actor);
  return descending ? ordered.reverse() : ordered;
}

function orderingFor(ctx: Context, kind: ActorKind, workspaceId: string, body: JsonObject): Ordering {
  const { key, descending } = sortOrder(body);
  const searchTerm = searchTermOf(body);
  const cacheKey = JSON.stringify([kind.kind, workspaceId, key, descending, searchTerm]);
  const version = ctx.store.version(kind.listField);
  let cache = orderings.get(ctx.store);
  if (cache === undefined) {
    cache = new Map();
    orderings.set(ctx.store, cache);
  }
  const cached = cache.get(cacheKey);
  if (cached !== undefined && cached.version === version) return cached;
  const live = liveActors(ctx, kind, workspaceId);
  const ordered = computeOrdering(ctx, kind, live, body, searchTerm);
  const ordering: Ordering = { version, ordered, positions: new Map(ordered.map((actor, index) => [actor.id, index])) };
  if (cache.size >= MAX_CACHED_ORDERINGS) cache.clear();
  cache.set(cacheKey, ordering);
  return ordering;
}

function liveActors(ctx: Context, kind: ActorKind, workspaceId: string): StoredActor[] {
  const live: StoredActor[] = [];
  for (const actor of actorsOf(ctx, kind)) if (actor.workspaceId === workspaceId && !actor.tombstone) live.push(actor);
  return live;
}

function pageSizeOf(body: JsonObject): number {
  const pageSize = body['pageSize'];
  if (pageSize === undefined || pageSize === null) return DEFAULT_PAGE_SIZE;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1) throw badRequest('pageSize must be a positive integer');
  return pageSize;
}

function page(kind: ActorKind, ordering: Ordering, body: JsonObject): StoredActor[] {
  const cursor = optionalString(body, 'cursor');
  let start = 0;
  if (cursor !== undefined) {
    const index = ordering.positions.get(cursor);
    if (index === undefined) throw notFound(kind.configType, cursor);
    start = index + 1;
  }
  return ordering.ordered.slice(start, start + pageSizeOf(body));
}

export function listActors(ctx: Context, kind: ActorKind, body: JsonObject): Reply {
  const workspace = workspaceOrThrow(ctx, requiredString(body, 'workspaceId'));
  if (ctx.flavor === '1.6') {
    return ok({ [kind.listField]: liveActors(ctx, kind, workspace.workspaceId).map((actor) => actorRead(ctx, kind, actor)) });
  }
  const ordering = orderingFor(ctx, kind, workspace.workspaceId, body);
  const items = page(kind, ordering, body);
  return ok({
    [kind.listField]: items.map((actor) => actorRead(ctx, kind, actor)),
    page_size: pageSizeOf(body),
    num_connections: ordering.ordered.length,
  });
}
