/**
 * A small checker for the answer schemas of `answer-schemas.ts`: the handful of JSON Schema keywords they use
 * (`type`, `required`, `properties`, `items`, `minLength`, `minimum`, `enum`), with the first failure reported the way
 * Ajv reports it (keyword, instance path as a JSON pointer, params). Compiling those schemas with Ajv cost every
 * command about half a second of start-up for a check this simple.
 */

export type Schema = Record<string, unknown>;

/** The first thing wrong: what Ajv would report as its first error. */
export interface ShapeError {
  keyword: 'type' | 'required' | 'minLength' | 'minimum' | 'enum' | 'schema';
  /** JSON pointer of the value that failed, '' for the answer itself. */
  instancePath: string;
  params: { type?: string; missingProperty?: string; allowedValues?: unknown[]; limit?: number; keyword?: string };
}

const KNOWN = new Set(['type', 'required', 'properties', 'items', 'minLength', 'minimum', 'enum']);

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Schemas already found to use only known keywords (they are module constants, checked on every answer). */
const checkedSchemas = new WeakSet<Schema>();

/** The first way `value` fails `schema`, or undefined when it fits. */
export function firstShapeError(schema: Schema, value: unknown, path = ''): ShapeError | undefined {
  const error = firstError(schema, value);
  if (error !== undefined && path !== '') error.instancePath = `${path}${error.instancePath}`;
  return error;
}

/** As firstShapeError, with the instance path relative to `value`: the path is built only for a failure. */
function firstError(schema: Schema, value: unknown): ShapeError | undefined {
  if (!checkedSchemas.has(schema)) {
    for (const keyword of Object.keys(schema)) {
      // A keyword this checker does not know would be silently ignored: refuse the schema instead.
      if (!KNOWN.has(keyword)) return { keyword: 'schema', instancePath: '', params: { keyword } };
    }
    checkedSchemas.add(schema);
  }
  const type = schema['type'];
  if (typeof type === 'string' && !hasType(value, type)) return { keyword: 'type', instancePath: '', params: { type } };
  const allowed = schema['enum'];
  if (Array.isArray(allowed) && !allowed.includes(value)) return { keyword: 'enum', instancePath: '', params: { allowedValues: allowed } };
  const minLength = schema['minLength'];
  // In code points, as JSON Schema counts; a string at least twice as long in UTF-16 units is long enough.
  if (typeof minLength === 'number' && typeof value === 'string' && value.length < 2 * minLength && [...value].length < minLength)
    return { keyword: 'minLength', instancePath: '', params: { limit: minLength } };
  const minimum = schema['minimum'];
  if (typeof minimum === 'number' && typeof value === 'number' && value < minimum) return { keyword: 'minimum', instancePath: '', params: { limit: minimum } };
  if (hasType(value, 'object')) {
    const record = value as Record<string, unknown>;
    for (const key of (schema['required'] as string[] | undefined) ?? []) {
      if (!Object.hasOwn(record, key)) return { keyword: 'required', instancePath: '', params: { missingProperty: key } };
    }
    const properties = schema['properties'] as Record<string, Schema> | undefined;
    if (properties !== undefined) {
      for (const key in properties) {
        if (!Object.hasOwn(properties, key) || !Object.hasOwn(record, key)) continue;
        const error = firstError(properties[key] as Schema, record[key]);
        if (error !== undefined) return { ...error, instancePath: `/${escape(key)}${error.instancePath}` };
      }
    }
  }
  const items = schema['items'] as Schema | undefined;
  if (items !== undefined && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const error = firstError(items, value[i]);
      if (error !== undefined) return { ...error, instancePath: `/${i}${error.instancePath}` };
    }
  }
  return undefined;
}
