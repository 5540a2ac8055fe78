/**
 * Navigation of a connector's `connectionSpecification` alongside a configuration value: which sub-schema applies
 * at a path, following `oneOf` option groups by their discriminator (`const` or one-value `enum`), as Airbyte's UI
 * does. Shared by type coercion and by error reporting, so both agree on which branch the user meant.
 */
import type { Json, JsonObject } from '../../api/types.js';
import { isJsonObject } from '../../util/json.js';

/** The branches of an option group: `oneOf`, else `anyOf`. */
export function branchesOf(node: JsonObject): { keyword: 'oneOf' | 'anyOf'; branches: JsonObject[] } | undefined {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = node[keyword];
    if (Array.isArray(list)) return { keyword, branches: list.filter(isJsonObject) };
  }
  return undefined;
}

/** The single value a property schema pins: `const`, or an `enum` with exactly one value. */
function pinnedValue(property: Json | undefined): Json | undefined {
  if (!isJsonObject(property)) return undefined;
  if (property['const'] !== undefined) return property['const'];
  const values = property['enum'];
  return Array.isArray(values) && values.length === 1 ? values[0] : undefined;
}

/** What the configuration says about an option group. */
export type BranchChoice =
  /** The discriminator matches exactly this branch. */
  | { kind: 'branch'; index: number }
  /** The branches have a discriminator key, but the value is absent or matches none. */
  | { kind: 'unmatched'; key: string; allowed: Json[]; missing: boolean }
  /** No discriminator in the schema, or the value is not an object. */
  | { kind: 'none' };

/** The discriminator key of an option group: present and pinned in every branch, with distinct values. */
function discriminator(branches: JsonObject[]): { key: string; values: Json[] } | undefined {
  const first = branches[0]?.['properties'];
  if (!isJsonObject(first)) return undefined;
  for (const key of Object.keys(first)) {
    const values = branches.map((branch) => {
      const properties = branch['properties'];
      return isJsonObject(properties) ? pinnedValue(properties[key]) : undefined;
    });
    const defined = values.filter((value): value is Json => value !== undefined);
    if (defined.length === branches.length && new Set(defined.map((v) => JSON.stringify(v))).size === defined.length) {
      return { key, values: defined };
    }
  }
  return undefined;
}

/** Discriminators by option-group node: a spec is the same for every resource of a definition, so it is found once. */
const discriminators = new WeakMap<JsonObject, { key: string; values: Json[] } | null>();

function discriminatorOf(node: JsonObject, branches: JsonObject[]): { key: string; values: Json[] } | undefined {
  let found = discriminators.get(node);
  if (found === undefined) {
    found = discriminator(branches) ?? null;
    discriminators.set(node, found);
  }
  return found ?? undefined;
}

/** Which branch of `node`'s option group the configuration `value` selects. */
export function chooseBranch(node: JsonObject, value: Json | undefined): BranchChoice {
  const group = branchesOf(node);
  if (group === undefined || !isJsonObject(value)) return { kind: 'none' };
  const found = discriminatorOf(node, group.branches);
  if (found === undefined) return { kind: 'none' };
  const actual = value[found.key];
  const index = found.values.findIndex((candidate) => JSON.stringify(candidate) === JSON.stringify(actual));
  if (index >= 0) return { kind: 'branch', index };
  return { kind: 'unmatched', key: found.key, allowed: found.values, missing: actual === undefined };
}

function propertyOf(node: JsonObject, key: string): JsonObject | undefined {
  const properties = node['properties'];
  if (!isJsonObject(properties)) return undefined;
  const child = properties[key];
  return isJsonObject(child) ? child : undefined;
}

/**
 * The schema of `key` inside an object whose schema is `node` and whose value is `value`: the node's own
 * properties, then `allOf` parts, then the chosen option branch. Without a discriminator, a key declared by the
 * branches is used only when they all agree on its type (otherwise the intended type is unknowable).
 */
export function childSchema(node: JsonObject, value: Json | undefined, key: string): JsonObject | undefined {
  const parts = [node, ...(Array.isArray(node['allOf']) ? node['allOf'].filter(isJsonObject) : [])];
  for (const part of parts) {
    const own = propertyOf(part, key);
    if (own !== undefined) return own;
  }
  const group = branchesOf(node);
  if (group === undefined) return undefined;
  const choice = chooseBranch(node, value);
  if (choice.kind === 'branch') {
    const branch = group.branches[choice.index];
    return branch === undefined ? undefined : childSchema(branch, value, key);
  }
  const declared = group.branches.map((branch) => childSchema(branch, value, key)).filter(isJsonObject);
  const types = new Set(declared.map((schema) => JSON.stringify(schema['type'])));
  return types.size === 1 ? declared[0] : undefined;
}

/** The value at a path of keys (array items by decimal index). */
export function valueAt(root: Json, path: string[]): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isJsonObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** The schema that applies at `path` of `config`, or undefined when the spec does not say. */
export function schemaAt(root: JsonObject, config: JsonObject, path: string[]): JsonObject | undefined {
  let node: JsonObject | undefined = root;
  for (let depth = 0; depth < path.length && node !== undefined; depth++) {
    const segment = path[depth] as string;
    const here = valueAt(config, path.slice(0, depth));
    if (Array.isArray(here)) {
      const items: Json | undefined = node['items'];
      node = isJsonObject(items) ? items : undefined;
    } else {
      node = childSchema(node, here, segment);
    }
  }
  return node;
}

/** The JSON types a schema node allows (`type` as a string or a list); empty when it does not say. */
export function allowedTypes(node: JsonObject): string[] {
  const type = node['type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}
