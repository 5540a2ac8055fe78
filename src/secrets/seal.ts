/**
 * Moving a configuration between plain JSON and SealedJson: `sealSecrets` wraps each value at a secret path of the
 * connector spec in a Secret (done once, when the plan is made), `revealSecrets` gives the wire JSON back (done only
 * where a body is sent to Airbyte), `hideSecrets` gives a printable JSON copy without revealing anything.
 */
import type { Json, JsonObject } from '../api/types.js';
import { isSecretPath, type ConfigPath } from './paths.js';
import { isSealedObject, SENSITIVE, Secret, type SealedJson, type SealedObject } from './secret.js';

/** A copy of `value` with each Secret replaced by `replace(secret, path)`; `path` is concrete (array indexes as strings). */
export function mapSecrets(value: SealedJson, replace: (secret: Secret, path: ConfigPath) => SealedJson, path: ConfigPath = []): SealedJson {
  if (value instanceof Secret) return replace(value, path);
  if (Array.isArray(value)) return value.map((item, i) => mapSecrets(item, replace, [...path, String(i)]));
  if (isSealedObject(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, mapSecrets(child, replace, [...path, key])]));
  return value;
}

function seal(value: SealedJson, secrets: ConfigPath[], path: ConfigPath): SealedJson {
  if (value instanceof Secret) return value;
  // An explicit null at a secret path removes the secret: nothing to hide. Sealing wraps the outermost secret path
  // first, so a value found at one holds no Secret below it.
  if (value !== null && isSecretPath(secrets, path)) return new Secret(value as Json);
  if (Array.isArray(value)) return value.map((item, i) => seal(item, secrets, [...path, String(i)]));
  if (isSealedObject(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, seal(child, secrets, [...path, key])]));
  return value;
}

/**
 * A copy of `config` with every non-null value at one of the spec's secret paths wrapped in a Secret. Values that
 * already are Secrets stay as they are, so sealing twice is harmless.
 */
export function sealSecrets(config: SealedObject, secrets: ConfigPath[]): SealedObject {
  return seal(config, secrets, []) as SealedObject;
}

/** The wire JSON of a sealed configuration: every Secret revealed. Only for bodies sent to Airbyte. */
export function revealSecrets(config: SealedObject): JsonObject {
  // Every Secret is replaced by plain JSON, so what is left is plain JSON.
  return mapSecrets(config, (secret) => secret.reveal()) as JsonObject;
}

/** A printable copy: every Secret becomes the text `(sensitive)`, nothing is revealed. */
export function hideSecrets(value: SealedJson): Json {
  return mapSecrets(value, () => SENSITIVE) as Json;
}

/** Every Secret inside `value`, in document order (walked, not copied: apply reads every configuration of a plan). */
export function secretsIn(value: SealedJson, found: Secret[] = []): Secret[] {
  if (value instanceof Secret) found.push(value);
  else if (Array.isArray(value)) for (const item of value) secretsIn(item, found);
  else if (isSealedObject(value)) for (const child of Object.values(value)) secretsIn(child, found);
  return found;
}
