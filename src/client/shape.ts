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

/** The first way `value` fails `schema`, or undefined when it fits. */
export function firstShapeError(schema: Schema, value: unknown, path = ''): ShapeError | undefined {
  for (const keyword of Object.keys(schema)) {
    // A keyword this checker does not know would be silently ignored: refuse the schema instead.
    if (!KNOWN.has(keyword)) return { keyword: 'schema', instancePath: path, params: { keyword } };
  }
  const type = schema['type'];
  if (typeof type === 'string' && !hasType(value, type)) return { keyword: 'type', instancePath: path, params: { type } };
  const allowed = schema['enum'];
  if (Array.isArray(allowed) && !allowed.includes(value)) return { keyword: 'enum', instancePath: path, params: { allowedValues: allowed } };
  const minLength = schema['minLength'];
  if (typeof minLength === 'number' && typeof value === 'string' && [...value].length < minLength)
    return { keyword: 'minLength', instancePath: path, params: { limit: minLength } };
  const minimum = schema['minimum'];
  if (typeof minimum === 'number' && typeof value === 'number' && value < minimum)
    return { keyword: 'minimum', instancePath: path, params: { limit: minimum } };
  if (hasType(value, 'object')) {
    const record = value as Record<string, unknown>;
    for (const key of (schema['required'] as string[] | undefined) ?? []) {
      if (!Object.hasOwn(record, key)) return { keyword: 'required', instancePath: path, params: { missingProperty: key } };
    }
    const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
    for (const [key, property] of Object.entries(properties)) {
      if (!Object.hasOwn(record, key)) continue;
      const error = firstShapeError(property, record[key], `${path}/${escape(key)}`);
      if (error !== undefined) return error;
    }
  }
  const items = schema['items'] as Schema | undefined;
  if (items !== undefined && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const error = firstShapeError(items, value[i], `${path}/${i}`);
      if (error !== undefined) return error;
    }
  }
  return undefined;
}
