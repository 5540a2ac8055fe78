/**
 * The JSON plan, formatVersion 1: a stable contract that CI tools parse. Built field by field from the plan so
 * that nothing else (desired configurations with their secret values, patches, catalogs) can leak into it.
 */
import type { Json } from '../../api/types.js';
import type { ResourceKind } from '../../model/desired.js';
import { hideSecrets } from '../../secrets/seal.js';
import type { Action, Plan, Summary } from '../types.js';

/** One change as CI tools see it. */
export interface JsonChangeV1 {
  kind: ResourceKind;
  name: string;
  action: Action;
  id: string | null;
  fields: { path: string; before: Json; after: Json }[];
  warnings: string[];
}

/** The whole contract. Adding a key is a new formatVersion. */
export interface JsonPlanV1 {
  formatVersion: 1;
  workspace: { workspaceId: string; name: string };
  changes: JsonChangeV1[];
  unmanaged: { kind: ResourceKind; name: string; id: string }[];
  summary: Summary;
}

export function toJsonPlan(plan: Plan): JsonPlanV1 {
  return {
    formatVersion: 1,
    workspace: { workspaceId: plan.workspace.workspaceId, name: plan.workspace.name },
    changes: plan.changes.map((change) => ({
      kind: change.kind,
      name: change.name,
      action: change.action,
      id: change.id,
      // A secret is `(sensitive)` in the contract: plain text, so a consumer in this process sees no Secret either.
      fields: change.fields.map((field) => ({ path: field.path, before: hideSecrets(field.before), after: hideSecrets(field.after) })),
      warnings: [...change.warnings],
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
export function renderJson(plan: Plan): string {
  return `${JSON.stringify(toJsonPlan(plan), null, 2)}\n`;
}
