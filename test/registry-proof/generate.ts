/**
 * A configuration for a real connector spec: every required key, by type (enums: the first value; `const`;
 * defaults or examples when they fit; a few common patterns and formats), one branch of each option group (one that
 * holds a secret when there is one, so secrets inside option groups are covered), arrays with an item, and every
 * field whose spec node has the `airbyte_secret` key, required or not. Each secret gets a distinctive value (so a
 * leak can be searched for) and a variable of its own; the pipeline declares it as `${VAR}`.
 *
 * Each choice is checked with the emulator's validator (the one `sources/create` answers with), so what is returned
 * is valid for the spec; what cannot be made valid is reported with the validator's message.
 */
import type { Json, JsonObject } from '../../src/api/types.js';
import { validateConfiguration } from '../../src/emulator/config.js';
import { isJsonObject } from '../../src/util/json.js';

export type Path = (string | number)[];

export interface GeneratedSecret {
  path: Path;
  variable: string;
  value: string;
  /** The node's `airbyte_secret` value (true, false or "true"). */
  mark: Json;
  /** Inside a branch of an option group (oneOf / anyOf). */
  inOption: boolean;
}

export interface Generated {
  /** What Airbyte must store: secrets as their values. */
  configuration: JsonObject;
  secrets: GeneratedSecret[];
  /** One non-secret string or integer field to change (see findEdit), or undefined when the spec has none. */
  edit: Edit | undefined;
}

/** Thrown when no valid value can be made for a node; the message names the path and why. */
export class NotGenerated extends Error {}

const hasMark = (node: JsonObject) => Object.hasOwn(node, 'airbyte_secret');

/** Whether a node or anything under it carries the `airbyte_secret` key. */
export function holdsSecret(node: Json | undefined): boolean {
  if (Array.isArray(node)) return node.some(holdsSecret);
  if (!isJsonObject(node)) return false;
  if (hasMark(node)) return true;
  return Object.values(node).some(holdsSecret);
}

export function fits(schema: JsonObject, value: Json): boolean {
  try {
    validateConfiguration(schema, value as JsonObject);
    return true;
  } catch {
    return false;
  }
}

function mainType(node: JsonObject): string | undefined {
  const type = node['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (isJsonObject(node['properties']) || Array.isArray(node['oneOf']) || Array.isArray(node['anyOf'])) return 'object';
  if (node['items'] !== undefined) return 'array';
  return undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date-time that no other value of the run has: the n-th second of a day in 2101-2199. */
function uniqueDateTime(n: number): string {
  const date = new Date(Date.UTC(2101, 0, 1) + n * 86_400_000 + n * 1000);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Values tried for a string whose pattern or format neither a default nor an example fits. */
function stringCandidates(token: string, n: number): string[] {
  const dateTime = uniqueDateTime(n);
  const date = dateTime.slice(0, 10);
  const [year, month, day] = date.split('-') as [string, string, string];
  const digits = String(90_000_000 + n);
  const alnum = token.replace(/[^A-Za-z0-9]/g, '');
  return [
    token,
    dateTime,
    date,
    `${month}-${day}-${year}`,
    `${day}/${month}/${year} ${dateTime.slice(11, 16)}`,
    digits,
    alnum,
    `sk_test_${alnum}`,
    `sandbox_${alnum}`,
    `https://${alnum.toLowerCase()}.example.com`,
    `acme/${alnum.toLowerCase()}`,
    (alnum.toLowerCase().replace(/[^0-9a-f]/g, '') + '0'.repeat(24)).slice(0, 24),
  ];
}

const exampleValues = (node: JsonObject): Json[] => {
  const examples = node['examples'];
  if (Array.isArray(examples)) return examples;
  return examples === undefined ? [] : [examples];
};

export interface GeneratorState {
  /** Next number for a secret's variable and value. */
  next: number;
  /** Prefix of variable names and secret values. */
  prefix: string;
}

export function generate(spec: JsonObject, state: GeneratorState): Generated {
  const secrets: GeneratedSecret[] = [];
  let optionDepth = 0;

  function secret(node: JsonObject, path: Path): string {
    const n = state.next++;
    const token = `${state.prefix}-leakcheck-${pad(n, 4)}-zq`;
    const candidates = node['pattern'] === undefined && node['format'] === undefined ? [token] : stringCandidates(token, n);
    const value = candidates.find((candidate) => fits(node, candidate));
    if (value === undefined) throw new NotGenerated(`${path.join('.')}: no distinctive secret value fits ${JSON.stringify(node['pattern'] ?? node['format'])}`);
    secrets.push({
      path,
      variable: `${state.prefix.toUpperCase()}_SECRET_${pad(n, 4)}`,
      value,
      mark: node['airbyte_secret'] as Json,
      inOption: optionDepth > 0,
    });
    return value;
  }

  function stringValue(node: JsonObject, path: Path): string {
    const tried: Json[] = [node['default'] as Json, ...exampleValues(node)];
    for (const candidate of tried) if (typeof candidate === 'string' && fits(node, candidate)) return candidate;
    const key = String(path.at(-1) ?? 'value');
    const plain = `${key}-value`;
    const candidates = node['pattern'] === undefined && node['format'] === undefined ? [plain] : stringCandidates(plain, state.next++);
    const value = candidates.find((candidate) => fits(node, candidate));
    const constraints = [
      node['pattern'] === undefined ? '' : `pattern ${JSON.stringify(node['pattern'])}`,
      node['format'] === undefined ? '' : `format ${JSON.stringify(node['format'])}`,
    ];
    if (value === undefined) throw new NotGenerated(`${path.join('.')}: no value fits ${constraints.filter(Boolean).join(' and ')}`);
    return value;
  }

  function numberValue(node: JsonObject, path: Path, integer: boolean): number {
    const tried: Json[] = [node['default'] as Json, ...exampleValues(node)];
    for (const candidate of tried) if (typeof candidate === 'number' && fits(node, candidate)) return candidate;
    for (const candidate of tried) if (typeof candidate === 'string' && candidate.trim() !== '' && fits(node, Number(candidate))) return Number(candidate);
    const minimum = typeof node['minimum'] === 'number' ? node['minimum'] : typeof node['exclusiveMinimum'] === 'number' ? node['exclusiveMinimum'] + 1 : 1;
    const maximum = typeof node['maximum'] === 'number' ? node['maximum'] : Number.POSITIVE_INFINITY;
    const value = Math.min(integer ? Math.ceil(minimum) : minimum, maximum);
    if (!fits(node, value)) throw new NotGenerated(`${path.join('.')}: no number fits`);
    return value;
  }

  /** One branch's object: the shared properties and the branch's, each branch tried (secret holders first) until one fits. */
  function objectValue(node: JsonObject, path: Path): JsonObject {
    const branches = (Array.isArray(node['oneOf']) ? node['oneOf'] : Array.isArray(node['anyOf']) ? node['anyOf'] : []).filter(isJsonObject);
    const ordered = [...branches.filter(holdsSecret), ...branches.filter((branch) => !holdsSecret(branch))];
    if (ordered.length === 0) return propertiesValue([node], path);
    const problems: string[] = [];
    for (const branch of ordered) {
      const before = secrets.length;
      optionDepth++;
      try {
        const value = propertiesValue([node, branch], path);
        if (fits(node, value)) return value;
        problems.push('a branch did not validate');
      } catch (error) {
        if (!(error instanceof NotGenerated)) throw error;
        problems.push(error.message);
      } finally {
        optionDepth--;
      }
      secrets.length = before;
    }
    throw new NotGenerated(`${path.join('.') || '(top)'}: no option fits (${problems.join('; ')})`);
  }

  function propertiesValue(nodes: JsonObject[], path: Path): JsonObject {
    const result: JsonObject = {};
    for (const node of nodes) {
      const properties = isJsonObject(node['properties']) ? node['properties'] : {};
      const required = new Set(Array.isArray(node['required']) ? node['required'] : []);
      for (const [key, property] of Object.entries(properties)) {
        if (!isJsonObject(property)) continue;
        // An option's discriminator (a `const`) is always set: without it, more than one option may match.
        if (!required.has(key) && !holdsSecret(property) && property['const'] === undefined) continue;
        result[key] = value(property, [...path, key]);
      }
    }
    return result;
  }

  function arrayValue(node: JsonObject, path: Path): Json[] {
    const items = node['items'];
    const minItems = typeof node['minItems'] === 'number' ? node['minItems'] : 1;
    if (!isJsonObject(items)) {
      if (typeof node['default'] === 'object' && Array.isArray(node['default']) && fits(node, node['default'])) return node['default'];
      return [];
    }
    const result: Json[] = [];
    for (let i = 0; i < Math.max(1, minItems); i++) result.push(value(items, [...path, i]));
    if (!fits(node, result)) throw new NotGenerated(`${path.join('.')}: no array fits`);
    return result;
  }

  function value(node: JsonObject, path: Path): Json {
    if (node['const'] !== undefined) return node['const'] as Json;
    if (Array.isArray(node['enum']) && node['enum'].length > 0) return node['enum'][0] as Json;
    const type = mainType(node);
    if (hasMark(node) && (type === 'string' || type === undefined)) return secret(node, path);
    switch (type) {
      case 'object':
        return objectValue(node, path);
      case 'array':
        return arrayValue(node, path);
      case 'integer':
        return numberValue(node, path, true);
      case 'number':
        return numberValue(node, path, false);
      case 'boolean':
        return typeof node['default'] === 'boolean' ? node['default'] : false;
      case 'string':
        return stringValue(node, path);
      default:
        if (node['default'] !== undefined) return node['default'] as Json;
        return `${String(path.at(-1) ?? 'value')}-value`;
    }
  }

  let configuration = objectValue(spec, []);
  if (!fits(spec, configuration)) throw new NotGenerated('the configuration does not validate');
  const secretPaths = () => secrets.map((secret) => secret.path);
  let edit = findEdit(spec, configuration, secretPaths());
  // Nothing to change among the required fields: one optional top-level field is declared too, to be changed; a
  // boolean only when the spec has no string or integer field at all.
  const properties = isJsonObject(spec['properties']) ? spec['properties'] : {};
  for (const types of [['string', 'integer'], ['boolean']]) {
    if (edit === undefined && types[0] === 'boolean') edit = findEdit(spec, configuration, secretPaths(), true);
    for (const [key, property] of Object.entries(properties)) {
      if (edit !== undefined) break;
      if (key in configuration || !isJsonObject(property) || holdsSecret(property) || !types.includes(mainType(property) ?? '')) continue;
      try {
        const candidate = { ...configuration, [key]: value(property, [key]) };
        const candidateEdit = fits(spec, candidate) ? findEdit(spec, candidate, secretPaths(), types[0] === 'boolean') : undefined;
        if (candidateEdit !== undefined) [configuration, edit] = [candidate, candidateEdit];
      } catch (error) {
        if (!(error instanceof NotGenerated)) throw error;
      }
    }
  }
  return { configuration, secrets, edit };
}

export function getAt(value: Json, path: Path): Json | undefined {
  let current: Json | undefined = value;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isJsonObject(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

export function setAt(value: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  if (Array.isArray(value) && typeof key === 'number') return value.map((item, i) => (i === key ? setAt(item, rest, replacement) : item));
  if (isJsonObject(value) && typeof key === 'string') return { ...value, [key]: setAt(value[key] as Json, rest, replacement) };
  throw new Error(`no ${path.join('.')} here`);
}

/** The spec nodes a key may be found under at an object node: its properties and every option's. */
function propertyNodes(node: JsonObject, key: string): JsonObject[] {
  const found: JsonObject[] = [];
  const own = isJsonObject(node['properties']) ? node['properties'][key] : undefined;
  if (isJsonObject(own)) found.push(own);
  for (const combinator of ['oneOf', 'anyOf', 'allOf']) {
    const branches = node[combinator];
    if (Array.isArray(branches)) for (const branch of branches) if (isJsonObject(branch)) found.push(...propertyNodes(branch, key));
  }
  return found;
}

export interface Edit {
  path: Path;
  before: Json;
  after: Json;
}

/**
 * One non-secret string or integer field (with `booleans`, a boolean one too) whose change keeps the configuration
 * valid (top-level fields first), or undefined when the configuration has none.
 */
export function findEdit(spec: JsonObject, configuration: JsonObject, secretPaths: Path[], booleans = false): Edit | undefined {
  const isSecret = (path: Path) => secretPaths.some((secretPath) => secretPath.length === path.length && secretPath.every((key, i) => key === path[i]));
  const leaves: { path: Path; nodes: JsonObject[]; value: Json }[] = [];
  const walk = (value: Json, nodes: JsonObject[], path: Path) => {
    if (isJsonObject(value)) {
      for (const [key, item] of Object.entries(value))
        walk(
          item,
          nodes.flatMap((node) => propertyNodes(node, key)),
          [...path, key],
        );
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, nodes.map((node) => node['items']).filter(isJsonObject), [...path, i]));
    } else if (path.length > 0) leaves.push({ path, nodes, value });
  };
  walk(configuration, [spec], []);
  leaves.sort((a, b) => a.path.length - b.path.length);
  for (const leaf of leaves) {
    if (isSecret(leaf.path) || leaf.nodes.length === 0 || leaf.nodes.some((node) => hasMark(node) || node['const'] !== undefined || node['enum'] !== undefined))
      continue;
    const candidates: Json[] = [];
    if (typeof leaf.value === 'string') {
      candidates.push(`${leaf.value}-changed`);
      // A date, a number or an id held by a pattern: its last digit changed.
      const digit = /\d(?=\D*$)/.exec(leaf.value);
      if (digit) candidates.push(leaf.value.slice(0, digit.index) + String((Number(digit[0]) + 1) % 10) + leaf.value.slice(digit.index + 1));
    } else if (typeof leaf.value === 'number' && Number.isInteger(leaf.value)) candidates.push(leaf.value + 1, leaf.value - 1);
    else if (typeof leaf.value === 'boolean' && booleans) candidates.push(!leaf.value);
    for (const candidate of candidates) {
      const changed = setAt(configuration, leaf.path, candidate) as JsonObject;
      if (fits(spec, changed)) return { path: leaf.path, before: leaf.value, after: candidate };
    }
  }
  return undefined;
}
