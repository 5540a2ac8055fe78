/**
 * sources/list and destinations/list. Flavor `current` pages by cursor (default 20, `cursor` = id of the last
 * item of the previous page), as v1.8+ does; flavor `1.6` returns everything.
 */
import type { JsonObject } from '../../api/types.js';
import { definitionOf } from '../catalog.js';
import { badRequest, notFound } from '../errors.js';
import { optionalString, requiredString } from '../request.js';
import type { StoredActor } from '../state.js';
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

function sorted(ctx: Context, kind: ActorKind, actors: StoredActor[], body: JsonObject): StoredActor[] {
  const { key, descending } = sortOrder(body);
  const label = (actor: StoredActor): string => (key === 'actorName' ? actor.name : definitionOf(ctx, kind.kind, actor.definitionId).name);
  const ordered = [...actors].sort((a, b) => label(a).localeCompare(label(b)) || a.id.localeCompare(b.id));
  return descending ? ordered.reverse() : ordered;
}

function matchingFilters(actors: StoredActor[], body: JsonObject): StoredActor[] {
  const filters = body['filters'];
  const searchTerm = typeof filters === 'object' && filters !== null && !Array.isArray(filters) ? filters['searchTerm'] : undefined;
  if (typeof searchTerm !== 'string' || searchTerm === '') return actors;
  return actors.filter((actor) => actor.name.toLowerCase().includes(searchTerm.toLowerCase()));
}

function pageSizeOf(body: JsonObject): number {
  const pageSize = body['pageSize'];
  if (pageSize === undefined || pageSize === null) return DEFAULT_PAGE_SIZE;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1) throw badRequest('pageSize must be a positive integer');
  return pageSize;
}

function page(kind: ActorKind, ordered: StoredActor[], body: JsonObject): StoredActor[] {
  const cursor = optionalString(body, 'cursor');
  let start = 0;
  if (cursor !== undefined) {
    const index = ordered.findIndex((actor) => actor.id === cursor);
    if (index < 0) throw notFound(kind.configType, cursor);
    start = index + 1;
  }
  return ordered.slice(start, start + pageSizeOf(body));
}

export function listActors(ctx: Context, kind: ActorKind, body: JsonObject): Reply {
  const workspace = workspaceOrThrow(ctx, requiredString(body, 'workspaceId'));
  const live = actorsOf(ctx, kind).filter((actor) => actor.workspaceId === workspace.workspaceId && !actor.tombstone);
  if (ctx.flavor === '1.6') {
    return ok({ [kind.listField]: live.map((actor) => actorRead(ctx, kind, actor)) });
  }
  const ordered = sorted(ctx, kind, matchingFilters(live, body), body);
  const items = page(kind, ordered, body);
  return ok({
    [kind.listField]: items.map((actor) => actorRead(ctx, kind, actor)),
    page_size: pageSizeOf(body),
    num_connections: ordered.length,
  });
}
