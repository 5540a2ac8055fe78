/**
 * The secret values a plan carries, to keep out of every message: the client's redaction list. The plan holds
 * each secret as a Secret (sealed where the plan was made), so no spec is needed to find them. Redacting them is
 * secrets/redact.ts's job (the one rule for the client, `check` and `apply --check`).
 */
import type { Plan } from '../plan/types.js';
import { secretsIn } from '../secrets/seal.js';

/** Every non-empty string secret of a source or destination the plan sends. */
export function planSecrets(plan: Plan): string[] {
  const found = new Set<string>();
  for (const change of plan.changes) {
    if (change.kind === 'connection' || !change.desired?.configuration) continue;
    for (const secret of secretsIn(change.desired.configuration)) {
      // Revealed only to be recognized, and replaced, in what the server sends back.
      const value = secret.reveal();
      if (typeof value === 'string' && value !== '') found.add(value);
    }
  }
  return [...found];
}
