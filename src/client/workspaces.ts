/**
 * Listing and resolving workspaces across server versions. `workspaces/list` is gone after v1.6 and
 * `workspaces/list_by_organization_id` is missing from old servers, so the client tries the newer call first and
 * falls back on a 404, remembering which one worked.
 */
import { DEFAULT_ORGANIZATION_ID, type WorkspaceRead, type WorkspaceReadList } from '../api/types.js';
import { GitopsError } from '../errors.js';
import { didYouMean } from '../util/suggest.js';
import type { ApiCore } from './core.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ListCall = 'workspaces/list_by_organization_id' | 'workspaces/list';

function isNotFound(error: unknown): boolean {
  return error instanceof GitopsError && error.status === 404;
}

/** Lists the workspaces the caller can see, on any server version. */
export class WorkspaceLister {
  private working: ListCall | undefined;

  constructor(private readonly core: ApiCore) {}

  async list(): Promise<WorkspaceRead[]> {
    if (this.working !== undefined) return this.listWith(this.working);
    try {
      const workspaces = await this.listWith('workspaces/list_by_organization_id');
      this.working = 'workspaces/list_by_organization_id';
      return workspaces;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    const workspaces = await this.listWith('workspaces/list');
    this.working = 'workspaces/list';
    return workspaces;
  }

  private async listWith(call: ListCall): Promise<WorkspaceRead[]> {
    const body = call === 'workspaces/list' ? {} : { organizationId: DEFAULT_ORGANIZATION_ID };
    const answer = await this.core.request<WorkspaceReadList>(call, body);
    return answer.workspaces;
  }
}

function describe(workspace: WorkspaceRead): string {
  return `'${workspace.name}' (slug ${workspace.slug}, id ${workspace.workspaceId})`;
}

/** Workspaces named in one message at most: an Airbyte Cloud organization can have hundreds. */
export const WORKSPACES_SHOWN = 10;

/** Up to WORKSPACES_SHOWN workspaces by name, and how many more there are. */
function some(workspaces: WorkspaceRead[]): string {
  const sorted = [...workspaces].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const shown = sorted.slice(0, WORKSPACES_SHOWN).map(describe).join(', ');
  const more = workspaces.length - WORKSPACES_SHOWN;
  return more > 0 ? `${shown}, and ${more} more` : shown;
}

const BY_ID = 'pass its id with --workspace <id> or AIRBYTE_WORKSPACE=<id> (or `workspace: <id>` in the pipeline)';

/**
 * A listing the server refused (403) or does not serve (404, both list calls): Airbyte Cloud lists workspaces only
 * per organization, which the tool does not know. A workspace given by id needs no listing at all.
 */
function cannotList(error: unknown, wanted: string | undefined): unknown {
  if (!(error instanceof GitopsError) || (error.status !== 403 && error.status !== 404)) return error;
  const what = wanted === undefined ? 'no workspace was named' : `'${wanted}' is not a workspace id`;
  return new GitopsError(error.code, `${what}, and the workspaces cannot be listed with these credentials (${error.message})`, {
    hint:
      `${BY_ID}. An id needs no listing. On Airbyte Cloud the id is in the address of any page of the workspace: ` +
      'https://cloud.airbyte.com/workspaces/<id>/connections.',
    meta: { ...error.meta, workspace: wanted },
    status: error.status,
    cause: error,
  });
}

/** The workspace to work in, from a name, slug or id; without one, the only workspace there is. */
export async function resolveWorkspace(core: ApiCore, lister: WorkspaceLister, nameSlugOrId: string | undefined): Promise<WorkspaceRead> {
  if (nameSlugOrId !== undefined && UUID.test(nameSlugOrId)) {
    try {
      return await core.request<WorkspaceRead>('workspaces/get', { workspaceId: nameSlugOrId }, { resource: `workspace ${nameSlugOrId}` });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      throw new GitopsError('NOT_FOUND', `workspace ${nameSlugOrId} does not exist (or is not visible with these credentials)`, {
        meta: { call: 'workspaces/get', workspaceId: nameSlugOrId },
      });
    }
  }
  let workspaces: WorkspaceRead[];
  try {
    workspaces = await lister.list();
  } catch (error) {
    throw cannotList(error, nameSlugOrId);
  }
  return nameSlugOrId === undefined ? onlyWorkspace(workspaces) : matchWorkspace(workspaces, nameSlugOrId);
}

function onlyWorkspace(workspaces: WorkspaceRead[]): WorkspaceRead {
  const [first, ...others] = workspaces;
  if (first === undefined) {
    throw new GitopsError('NOT_FOUND', 'Airbyte has no workspace visible with these credentials', {
      hint: `${BY_ID}: an id needs no listing (Airbyte Cloud lists workspaces per organization). Otherwise create one in the Airbyte UI, or check the credentials (AIRBYTE_CLIENT_ID / AIRBYTE_TOKEN).`,
    });
  }
  if (others.length === 0) return first;
  throw new GitopsError('USAGE', `Airbyte has ${workspaces.length} workspaces; say which one to use`, {
    hint: `${BY_ID}; a name or slug works too: ${some(workspaces)}`,
    meta: { workspaces: workspaces.map((w) => ({ workspaceId: w.workspaceId, name: w.name, slug: w.slug })) },
  });
}

function matchWorkspace(workspaces: WorkspaceRead[], wanted: string): WorkspaceRead {
  const byName = workspaces.filter((w) => w.name === wanted);
  const matches = byName.length > 0 ? byName : workspaces.filter((w) => w.slug === wanted);
  const [match, ...others] = matches;
  if (match !== undefined && others.length === 0) return match;
  if (match !== undefined) {
    throw new GitopsError('CONFLICT', `${matches.length} workspaces are named '${wanted}': ${matches.map(describe).join(', ')}`, {
      hint: 'name the workspace by its id instead.',
    });
  }
  const names = workspaces.map((w) => w.name);
  throw new GitopsError('NOT_FOUND', `no workspace is named '${wanted}'${didYouMean(wanted, names)}`, {
    hint: workspaces.length === 0 ? 'no workspace is visible with these credentials.' : `available: ${some(workspaces)}`,
  });
}
