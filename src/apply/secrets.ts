/** The secret values a plan carries (at the connector spec's `airbyte_secret` paths), to keep out of every message. */
import type { ConnectorSpec } from '../model/remote.js';
import { secretPaths, secretValues } from '../connectors/secrets.js';
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

/** `text` with every secret value replaced, for messages that do not come through the client (check results). */
export function redactText(text: string, secrets: readonly string[]): string {
  return [...secrets].sort((a, b) => b.length - a.length).reduce((out, secret) => out.split(secret).join('(sensitive)'), text);
}
