/**
 * What a full update (`sources/update`, `destinations/update`) does to what the pipeline does not set. The diff
 * compares only what the pipeline sets, but the update replaces the whole configuration: every key it omits is
 * deleted. So the plan carries the stored top-level keys the pipeline does not set, exactly as read, for apply to
 * send back. Masked secrets among them are kept too: the server copies the stored secret back for each mask at an
 * `airbyte_secret: true` path when the object it sits in still matches its stored oneOf branch, which a value sent
 * back unchanged always does. A masked value the server does not copy back (its mark is not true) must not be sent:
 * `unsendableMasks` finds them, and the plan refuses such an update until the pipeline sets the value.
 */
import { SECRET_MASK, type JsonObject } from '../../api/types.js';
import { secretValues, type ConfigPath } from '../../secrets/paths.js';
import { fieldPath, hasValueAt } from './config.js';

/** The stored top-level keys the pipeline does not set, as read (masks included): sent back, so the update keeps them. */
export function preservedKeys(desired: JsonObject, remote: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(remote).filter(([key]) => !Object.prototype.hasOwnProperty.call(desired, key)));
}

/**
 * Warnings for the stored secrets an update removes: those inside a top-level key the pipeline sets (which is sent
 * as written, replacing the stored object whole) that the pipeline leaves out, e.g. an SSL certificate of an
 * `ssl_mode` the YAML writes without it. Secrets under keys the pipeline does not set are preserved, not removed.
 */
export function removalWarnings(desired: JsonObject, remote: JsonObject, secrets: ConfigPath[]): string[] {
  return (
    secretValues(remote, secrets)
      // An explicit null at the top level is the pipeline removing that secret on purpose: nothing to warn about.
      .filter(
        ({ path, value }) => value !== null && path.length > 1 && Object.prototype.hasOwnProperty.call(desired, path[0] ?? '') && !hasValueAt(desired, path),
      )
      .map(
        ({ path }) =>
          `${fieldPath(path)} is a secret stored in Airbyte that the pipeline leaves out of ${fieldPath(path.slice(0, 1))}, which it sets: the update removes it; set it in the pipeline (as \${VAR}) to keep it`,
      )
  );
}

/**
 * The values an update would send back as the mask where the server stores it as the new value: what `preserved`
 * holds at a path whose `airbyte_secret` mark does not read as true (`maskOnly`, see maskOnlyPaths). The server
 * masks such a field on every read but copies the stored value back for a sent mask only where the mark is true, so
 * sending the preserved key back would replace the real value with the mask. Apply must never send these.
 */
export function unsendableMasks(preserved: JsonObject, maskOnly: ConfigPath[]): ConfigPath[] {
  return secretValues(preserved, maskOnly)
    .filter(({ value }) => value === SECRET_MASK)
    .map(({ path }) => path);
}
