/**
 * A secret value as a type. The plan carries secret values (apply sends them), so instead of a comment asking every
 * renderer, log line and error to leave them out, the value itself refuses to be printed: every way JavaScript turns
 * a value into text gives `(sensitive)`. The raw value comes out only through `reveal()`, called where a value is
 * sent to Airbyte or added to the client's redaction list (grep `.reveal(` to audit them).
 */
import { inspect } from 'node:util';
import type { Json } from '../api/types.js';

/** What a secret value reads as wherever it is printed: plan output, logs, redacted messages. */
export const SENSITIVE = '(sensitive)';

/**
 * A string-keyed own property holding a symbol makes `structuredClone` throw (a symbol cannot be cloned) instead of
 * silently copying a Secret as `{}`, which would send an empty value to Airbyte without anyone noticing. Copy
 * configurations that hold Secrets with `mapSecrets` (src/secrets/seal.ts) instead.
 */
const SEALED = Symbol('sensitive');

/** One secret value (at an `airbyte_secret` path of the connector spec). Printing it in any way gives `(sensitive)`. */
export class Secret {
  readonly #value: Json;
  /** See SEALED: keeps `structuredClone` from copying a Secret as an empty object. */
  readonly sealed: typeof SEALED = SEALED;

  constructor(value: Json) {
    this.#value = value;
  }

  /** The raw value, for the request bodies sent to Airbyte and the client's redaction list only. */
  reveal(): Json {
    return this.#value;
  }

  /** True for an empty string: a value that would overwrite a stored secret with nothing. Reveals nothing else. */
  isEmpty(): boolean {
    return this.#value === '';
  }

  toString(): string {
    return SENSITIVE;
  }

  toJSON(): string {
    return SENSITIVE;
  }

  [Symbol.toPrimitive](): string {
    return SENSITIVE;
  }

  [inspect.custom](): string {
    return SENSITIVE;
  }
}

/** JSON whose leaves may be Secrets: a desired configuration once its connector spec is known. */
export type SealedJson = null | boolean | number | string | Secret | SealedJson[] | SealedObject;

/**
 * An object of SealedJson. A Secret has no index signature, so a SealedObject is not a JsonObject: the compiler
 * refuses to put one in a request body until `revealSecrets` turned it back into plain JSON.
 */
export interface SealedObject {
  [key: string]: SealedJson;
}

/** True for a configuration object to descend into: a plain object that is not a Secret (a Secret is a leaf). */
export function isSealedObject(value: SealedJson | undefined): value is SealedObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Secret);
}
