/**
 * Environment variables are strings, but connectors ask for integers, numbers and booleans. A value written as
 * exactly one `${VAR}` takes the type the connector's spec asks for at that path; a value that cannot be read as
 * that type stays a string, so validation then says what is wrong (`must be integer`).
 */
import type { Json, JsonObject } from '../../api/types.js';
import type { ValueOrigin } from '../../model/desired.js';
import { allowedTypes, schemaAt, valueAt } from './schema.js';
import { setAt } from '../../secrets/paths.js';

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The spellings YAML 1.2 reads as booleans. */
const BOOLEANS: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };

/** `text` read as one of `types` (tried integer, number, boolean), or undefined when none fits. */
export function coerceString(text: string, types: string[]): Json | undefined {
  // A string is acceptable as it is; arrays and objects cannot come from one variable.
  if (types.length === 0 || types.includes('string')) return undefined;
  const trimmed = text.trim();
  if (types.includes('integer') && INTEGER.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isSafeInteger(value)) return value;
  }
  if (types.includes('number') && NUMBER.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
  }
  if (types.includes('boolean') && Object.prototype.hasOwnProperty.call(BOOLEANS, trimmed)) return BOOLEANS[trimmed] as boolean;
  return undefined;
}

/**
 * A copy of `configuration` in which every whole-`${VAR}` string is converted to the type the spec asks for.
 * Inside an option group the type comes from the branch the discriminator selects.
 */
export function coerceWholeVars(configuration: JsonObject, origins: Record<string, ValueOrigin>, spec: JsonObject): JsonObject {
  const result = structuredClone(configuration);
  const paths = Object.entries(origins)
    .filter(([, origin]) => origin.wholeVar === true)
    .map(([dotted]) => dotted.split('.'));
  for (const path of paths) {
    const current = valueAt(result, path);
    if (typeof current !== 'string') continue;
    const schema = schemaAt(spec, result, path);
    if (schema === undefined) continue;
    const coerced = coerceString(current, allowedTypes(schema));
    if (coerced !== undefined) setAt(result, path, coerced);
  }
  return result;
}
