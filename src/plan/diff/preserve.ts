/**
 * What a full update (`sources/update`, `destinations/update`) does to what the pipeline does not set. The diff
 * compares only what the pipeline sets, but the update replaces the whole configuration: every key it omits is
 * deleted. So the plan carries the stored top-level keys the pipeline does not set, for apply to send back, and
 * warns about those it cannot send back: secrets, which Airbyte only ever returns as the mask.
 */
import { SECRET_MASK, type Json, type JsonObject } from '../../api/types.js';
import { isSecretPath, secretValues, type ConfigPath } from '../../connectors/secrets.js';
import { fieldPath, hasValueAt } from './config.js';

/** True when the mask appears anywhere in `value`: Airbyte holds a secret there that it never returns. */
function holdsMask(value: Json): boolean {
  if (value === SECRET_MASK) return true;
  if (Array.isArray(value)) return value.some(holdsMask);
  return typeof value === 'object' && value !== null && Object.values(value).some(holdsMask);
}

/** The stored top-level keys the pipeline does not set, split by whether apply can send them back. */
export interface UnsetKeys {
  /** Stored values without any secret: sent back unchanged, so the update keeps them. */
  preserved: JsonObject;
  /** Keys that are, or hold, a stored secret (or a mask): they cannot be sent back, so the update removes them. */
  lost: string[];
}

export function unsetKeys(desired: JsonObject, remote: JsonObject, secrets: ConfigPath[]): UnsetKeys {
  const preserved: JsonObject = {};
  const lost: string[] = [];
  for (const [key, value] of Object.entries(remote)) {
    if (Object.prototype.hasOwnProperty.call(desired, key)) continue;
    const storedSecrets = secretValues({ [key]: value }, secrets).filter((found) => found.value !== null);
    if (storedSecrets.length > 0 || holdsMask(value)) lost.push(key);
    // A null secret holds nothing to keep; a secret path is never copied into the plan, even empty.
    else if (!isSecretPath(secrets, [key])) preserved[key] = value;
  }
  return { preserved, lost };
}

const secretWarning = (path: ConfigPath) =>
  `${fieldPath(path)} is a secret stored in Airbyte that the pipeline does not set: the update removes it (Airbyte never returns a secret, so it cannot be kept); set it in the pipeline to keep it`;

/**
 * The warnings of an update for what it removes without a field in the plan: a stored secret the pipeline does not
 * set (inside a key it sets, or at the top level), and a top-level key that holds one (removed whole).
 */
export function removalWarnings(desired: JsonObject, remote: JsonObject, secrets: ConfigPath[], lost: string[]): string[] {
  const lostKeys = new Set(lost);
  const inSetKeys = secretValues(remote, secrets)
    .filter(({ path, value }) => value !== null && !lostKeys.has(path[0] ?? '') && !hasValueAt(desired, path))
    .map(({ path }) => secretWarning(path));
  const whole = lost.map((key) =>
    isSecretPath(secrets, [key])
      ? secretWarning([key])
      : `${fieldPath([key])} is stored in Airbyte but not set in the pipeline, and holds a secret Airbyte never returns: the update removes all of ${fieldPath([key])}; set it in the pipeline to keep it`,
  );
  return [...inSetKeys, ...whole];
}
