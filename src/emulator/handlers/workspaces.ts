/** workspaces/*: the emulator has the default workspace of a fresh install (more can live in a --data file). */
import type { JsonObject } from '../../api/types.js';
import { notFound } from '../errors.js';
import { requiredString } from '../request.js';
import type { StoredWorkspace } from '../state.js';
import { ok, type Context, type Reply, type RouteTable } from '../types.js';

function workspaceRead(ctx: Context, workspace: StoredWorkspace): JsonObject {
  return {
    ...workspace,
    initialSetupComplete: true,
    displaySetupWizard: false,
    anonymousDataCollection: false,
    news: false,
    securityUpdates: false,
    notifications: [],
    tombstone: false,
    ...(ctx.flavor === '1.6' ? { defaultGeography: 'auto' } : {}),
  };
}

/** The workspace with this id, or the real server's 404. Used by every handler that takes a workspaceId. */
export function workspaceOrThrow(ctx: Context, workspaceId: string): StoredWorkspace {
  const workspace = ctx.store.workspace(workspaceId);
  if (!workspace) throw notFound('STANDARD_WORKSPACE', workspaceId);
  return workspace;
}

function list(ctx: Context): Reply {
  return ok({ workspaces: [...ctx.store.workspaces()].map((workspace) => workspaceRead(ctx, workspace)) });
}

function listByOrganization(ctx: Context, body: JsonObject): Reply {
  const organizationId = requiredString(body, 'organizationId');
  const inOrganization = [...ctx.store.workspaces()].filter((workspace) => workspace.organizationId === organizationId);
  if (inOrganization.length === 0) throw notFound('ORGANIZATION', organizationId);
  const nameContains = typeof body['nameContains'] === 'string' ? body['nameContains'].toLowerCase() : '';
  const matching = inOrganization.filter((workspace) => workspace.name.toLowerCase().includes(nameContains));
  return ok({ workspaces: matching.map((workspace) => workspaceRead(ctx, workspace)) });
}

function get(ctx: Context, body: JsonObject): Reply {
  return ok(workspaceRead(ctx, workspaceOrThrow(ctx, requiredString(body, 'workspaceId'))));
}

function getBySlug(ctx: Context, body: JsonObject): Reply {
  const slug = requiredString(body, 'slug');
  const workspace = [...ctx.store.workspaces()].find((candidate) => candidate.slug === slug);
  if (!workspace) throw notFound('STANDARD_WORKSPACE', slug);
  return ok(workspaceRead(ctx, workspace));
}

/** `workspaces/list` was removed in v1.7, so only the 1.6 flavor serves it. */
export function workspaceRoutes(ctx: Pick<Context, 'flavor'>): RouteTable {
  return {
    ...(ctx.flavor === '1.6' ? { 'workspaces/list': { handler: list, write: false } } : {}),
    'workspaces/list_by_organization_id': { handler: listByOrganization, write: false },
    'workspaces/get': { handler: get, write: false },
    'workspaces/get_by_slug': { handler: getBySlug, write: false },
  };
}
