/**
 * The secret values a plan carries (at the connector spec's `airbyte_secret` paths), to keep out of every message.
 * Redacting them is util/redact.ts's job (the one rule for the client, `check` and `apply --check`).
 */
import type { ConnectorSpec } from '../model/remote.js';
import { secretPaths, secretValues } from '../secrets/paths.js';
import type { ActorChange, Plan } from '../plan/types.js';

/** Every non-empty string at a secret path of a source or destination the plan sends. */
export function planSecrets(plan: Plan, specs: Record<string, ConnectorSpec>): string[] {
  const found = new Set<string>();
  for (const change of plan.changes) {
    if (change.kind === 'connection') continue;
    const configuration = (change as ActorChange).desired?.configuration;
    const spec = specs[(change as ActorChange).definitionId];
    if (!configuration || !spec) continue;
    for (const { value } of secretValues(configuration, secretPaths(spec.connectionSpecification))) {
      if (typeof value === 'string' && value !== '') found.add(value);
    }
  }
  return [...found];
}
