/**
 * Finds configuration keys the connector does not declare. Real connector specs allow extra properties, so JSON
 * Schema validation accepts a misspelled key and the setting the user meant silently stays unset; this walk
 * compares every key with the fields the spec declares at that level (inside an option group, those of the option
 * the configuration picked).
 */
import type { Json, JsonObject } from '../../api/types.js';
import { closest } from '../../util/suggest.js';
import { branchesOf, chooseBranch, childSchema } from './schema.js';
import { isJsonObject } from '../../util/json.js';

/** A key the spec does not declare, at `path` (keys below `configuration`, the key last). */
export interface UnknownKey {
  path: string[];
  /** The declared field it most likely misspells; absent when nothing is close. */
  suggestion?: string;
}

/** What a schema node says about the keys of an object value. */
interface Declared {
  keys: Set<string>;
  patterns: RegExp[];
  /** Extra keys are described by a schema (a map such as custom headers): any key may be meant. */
  map: boolean;
  /** `additionalProperties: false`: the validator already reports extra keys. */
  closed: boolean;
}

// Specs are data from the server; a cycle-free but absurdly deep one must not exhaust the stack.
const MAX_DEPTH = 32;

/** Without the `u` flag, as the spec validator compiles patterns (Java's regex accepts what `u` refuses, e.g. `\-`). */
function pattern(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

function merge(into: Declared, from: Declared): void {
  for (const key of from.keys) into.keys.add(key);
  into.patterns.push(...from.patterns);
  into.map ||= from.map;
}

/** The keys `node` declares for `value`: its own, its `allOf` parts', and its option group's chosen branch (or all). */
function declared(node: JsonObject, value: JsonObject, depth: number): Declared {
  const properties = node['properties'];
  const patternProperties = node['patternProperties'];
  const result: Declared = {
    keys: new Set(isJsonObject(properties) ? Object.keys(properties) : []),
    patterns: isJsonObject(patternProperties)
      ? Object.keys(patternProperties)
          .map(pattern)
          .filter((p): p is RegExp => p !== undefined)
      : [],
    map: isJsonObject(node['additionalProperties']),
    closed: node['additionalProperties'] === false,
  };
  if (depth >= MAX_DEPTH) return { ...result, map: true };
  for (const part of Array.isArray(node['allOf']) ? node['allOf'].filter(isJsonObject) : []) merge(result, declared(part, value, depth + 1));
  const group = branchesOf(node);
  if (group === undefined) return result;
  const choice = chooseBranch(node, value);
  const chosen = choice.kind === 'branch' ? group.branches[choice.index] : undefined;
  if (chosen !== undefined) {
    const branch = declared(chosen, value, depth + 1);
    merge(result, branch);
    result.closed ||= branch.closed;
  } else {
    // With no option picked, a key is only suspicious if no option declares it.
    for (const branch of group.branches) merge(result, declared(branch, value, depth + 1));
  }
  return result;
}

function walk(node: JsonObject, value: Json, path: string[], found: UnknownKey[], depth: number): void {
  if (depth >= MAX_DEPTH) return;
  if (Array.isArray(value)) {
    const items = node['items'];
    if (isJsonObject(items)) value.forEach((item, index) => walk(items, item, [...path, String(index)], found, depth + 1));
    return;
  }
  if (!isJsonObject(value)) return;
  const fields = declared(node, value, depth);
  // A node that declares no fields at all is a free-form object: whatever the user writes there is meant.
  const checked = !fields.map && !fields.closed && (fields.keys.size > 0 || fields.patterns.length > 0);
  for (const [key, child] of Object.entries(value)) {
    if (fields.keys.has(key)) {
      const schema = childSchema(node, value, key);
      if (schema !== undefined) walk(schema, child, [...path, key], found, depth + 1);
    } else if (checked && !fields.patterns.some((p) => p.test(key))) {
      // Only a real typo makes an error; a key merely contained in a field's name is a warning.
      const [suggestion] = closest(key, fields.keys, 1, true);
      found.push({ path: [...path, key], ...(suggestion === undefined ? {} : { suggestion }) });
    }
  }
}

/** Every key of `configuration` that the connector's `connectionSpecification` does not declare. */
export function unknownKeys(root: JsonObject, configuration: JsonObject): UnknownKey[] {
  const found: UnknownKey[] = [];
  walk(root, configuration, [], found, 0);
  return found;
}
