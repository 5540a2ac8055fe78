/**
 * Connector configurations as the real server treats them: validation against the spec (JSON Schema), secrets
 * copied back on full update where the sent value is the mask, and the deep merge of partial updates.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import { SECRET_MASK, type Json, type JsonObject } from '../api/types.js';
import { markReadsAsTrue } from '../secrets/paths.js';
import { invalidInput } from './errors.js';
import { isJsonObject } from '../util/json.js';

type FormatsPlugin = (ajv: Ajv) => Ajv;
// ajv-formats is CommonJS; under NodeNext its default export arrives one level deeper.
const addFormats = ((ajvFormats.default as unknown as { default?: FormatsPlugin }).default ?? ajvFormats.default) as unknown as FormatsPlugin;

// Connector specs are taken as the server takes them: not checked against a meta-schema (a registry spec may name
// https://json-schema.org/draft-07/schema#, list a required key twice or give a bare example), and patterns compiled
// without the `u` flag, which refuses escapes such as `\-` that Java's regular expressions accept.
const ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateSchema: false, unicodeRegExp: false }));
const compiled = new WeakMap<JsonObject, ValidateFunction>();

function validatorFor(schema: JsonObject): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const path = '$' + error.instancePath.replace(/\//g, '.');
  if (error.keyword === 'required') return `${path}.${String(error.params['missingProperty'])}: is missing but it is required`;
  if (error.keyword === 'enum') return `${path}: does not have a value in the enumeration ${JSON.stringify(error.params['allowedValues'])}`;
  return `${path}: ${error.message ?? 'is invalid'}`;
}

/** Throws the real server's 422 when `configuration` does not satisfy `spec`. */
export function validateConfiguration(spec: JsonObject, configuration: JsonObject): void {
  const validate = validatorFor(spec);
  if (validate(configuration)) return;
  const messages = [...new Set((validate.errors ?? []).map(describe))];
  throw invalidInput(`The provided configuration does not fulfill the specification. Errors: ${messages.join(', ')}`);
}

function matches(schema: JsonObject, value: JsonObject): boolean {
  return validatorFor(schema)(value) === true;
}

/**
 * Full update: where the incoming value at a property whose `airbyte_secret` reads as true is the mask and the stored config
 * has that key, keep the stored secret. Recurses only into oneOf/anyOf/allOf branches the incoming object
 * validates against, so a mask sent for a branch the user switched to is stored literally, as the server does.
 */
export function copySecrets(stored: Json | undefined, incoming: Json, schema: Json | undefined): Json {
  if (!isJsonObject(stored) || !isJsonObject(incoming) || !isJsonObject(schema)) return incoming;
  let result: JsonObject = { ...incoming };
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    const branches = schema[combinator];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      if (isJsonObject(branch) && matches(branch, result)) result = copySecrets(stored, result, branch) as JsonObject;
    }
  }
  const properties = schema['properties'];
  if (!isJsonObject(properties)) return result;
  for (const [key, property] of Object.entries(properties)) {
    if (!(key in result) || !(key in stored) || !isJsonObject(property)) continue;
    const value = result[key] as Json;
    // Only where the mark reads as true (Jackson's asBoolean: `true` or "true"): a mask sent at an
    // `airbyte_secret: false` field is stored as the value, though every read masks that field.
    if (markReadsAsTrue(property['airbyte_secret']) && value === SECRET_MASK) result[key] = stored[key] as Json;
    else if (isJsonObject(value)) result[key] = copySecrets(stored[key], value, property);
  }
  return result;
}

/** Partial update: incoming keys win, nested objects merge, arrays are replaced; no mask check at all. */
export function deepMerge(stored: JsonObject, incoming: JsonObject): JsonObject {
  const result: JsonObject = structuredClone(stored);
  for (const [key, value] of Object.entries(incoming)) {
    const existing = result[key];
    result[key] = isJsonObject(existing) && isJsonObject(value) ? deepMerge(existing, value) : structuredClone(value);
  }
  return result;
}
