/** The one test for "a JSON object": a configuration, a schema node, a request body. */
import type { JsonObject } from '../api/types.js';

/** True for a plain object; false for null, arrays and every primitive (all of which `typeof` also calls 'object' or not). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
