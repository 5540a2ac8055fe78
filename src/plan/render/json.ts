/**
 * The JSON plan, formatVersion 1: a stable contract that CI tools parse (docs/plan.md). Built field by field from the
 * plan so that nothing else (desired configurations with their secret values, patches, catalogs) can leak into it.
 * Within formatVersion 1, keys are only ever added (consumers ignore keys they do not know); removing or changing the
 * meaning of one is a new formatVersion.
 */
import type { Json } from '../../api/types.js';
import type { ResourceKind } from '../../model/desired.js';
import { hideSecrets } from '../../secrets/seal.js';
import { DEFAULT_STATE_BACKUP_DIR, type Action, type Change, type ConnectionDrift, type Plan, type RenderOptions, type Summary } from '../types.js';

/** One change as CI tools see it. */
export interface JsonChangeV1 {
  kind: ResourceKind;
  name: string;
  action: Action;
  id: string | null;
  fields: { path: string; before: Json; after: Json }[];
  warnings: string[];
  /** Connections only: apply saves the connection's sync state to `stateBackupDir` before this change. */
  savesState?: boolean;
  /** Connections only, present when true: the streams are checked only at apply time (`--no-discover`). */
  streamsUnchecked?: boolean;
  /** Connections only, with `--refresh`: the source's schema drift against what the connection stores. */
  drift?: ConnectionDrift;
}

/** The whole contract; keys are only added within formatVersion 1. */
export interface JsonPlanV1 {
  formatVersion: 1;
  workspace: { workspaceId: string; name: string };
  /** True when made with `--refresh` (each existing connection change then has `drift`). */
  refreshed: boolean;
  /** Where apply saves sync state before the changes with `savesState`. */
  stateBackupDir: string;
  changes: JsonChangeV1[];
  unmanaged: { kind: ResourceKind; name: string; id: string }[];
  summary: Summary;
}

function copyDrift(drift: ConnectionDrift): ConnectionDrift {
  return {
    streamsAdded: [...drift.streamsAdded],
    streamsRemoved: [...drift.streamsRemoved],
    streamsChanged: drift.streamsChanged.map((stream) => structuredClone(stream)),
    breaking: drift.breaking,
  };
}

/** The connection-only keys of a change. */
function connectionKeys(change: Change): Pick<JsonChangeV1, 'savesState' | 'streamsUnchecked' | 'drift'> {
  if (change.kind !== 'connection') return {};
  return {
    savesState: change.savesState === true,
    ...(change.streamsUnchecked === true ? { streamsUnchecked: true } : {}),
    ...(change.drift === undefined ? {} : { drift: copyDrift(change.drift) }),
  };
}

export function toJsonPlan(plan: Plan, options: RenderOptions = {}): JsonPlanV1 {
  return {
    formatVersion: 1,
    workspace: { workspaceId: plan.workspace.workspaceId, name: plan.workspace.name },
    refreshed: plan.refreshed === true,
    stateBackupDir: options.stateBackupDir ?? DEFAULT_STATE_BACKUP_DIR,
    changes: plan.changes.map((change) => ({
      kind: change.kind,
      name: change.name,
      action: change.action,
      id: change.id,
      // A secret is `(sensitive)` in the contract: plain text, so a consumer in this process sees no Secret either.
      fields: change.fields.map((field) => ({ path: field.path, before: hideSecrets(field.before), after: hideSecrets(field.after) })),
      warnings: [...change.warnings],
      ...connectionKeys(change),
    })),
    unmanaged: plan.unmanaged.map((resource) => ({ kind: resource.kind, name: resource.name, id: resource.id })),
    summary: {
      create: plan.summary.create,
      update: plan.summary.update,
      replace: plan.summary.replace,
      delete: plan.summary.delete,
      'no-op': plan.summary['no-op'],
    },
  };
}

/** `--json` output, ending with a newline. */
export function renderJson(plan: Plan, options: RenderOptions = {}): string {
  return `${JSON.stringify(toJsonPlan(plan, options), null, 2)}\n`;
}
