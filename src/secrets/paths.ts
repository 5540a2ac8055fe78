/**
 * Secret paths come from the connector specification (`airbyte_secret`), never from key names. Used by the
 * emulator (to mask like the real server), by the diff (to never compare a mask) and by export.
 *
 * The real server reads the mark two ways (airbyte-platform's JsonSecretsProcessor): on every read it masks each
 * value whose spec node *has* the `airbyte_secret` key, whatever its value (`false` and `"true"` included); on a
 * full update it puts the stored value back for a sent mask only where the mark reads as true the way Jackson's
 * `asBoolean()` reads it. So every path with the key is a secret here (masked, never compared, never printed), and
 * the few whose mark does not read as true are also listed apart: a mask sent there would be stored as the value.
 */
import { SECRET_MASK, type Json, type JsonObject } from '../api/types.js';
import { isSealedObject, type SealedJson, type SealedObject } from './secret.js';

/** A path below the configuration root, as keys. Array items are matched by the `[]` segment. */
export type ConfigPath = string[];

/** Both lists of a spec: every masked path, and those of them where the server never copies a sent mask back. */
interface Marked {
  secrets: ConfigPath[];
  maskOnly: ConfigPath[];
}

/** Computed paths by schema object: a plan reads the same spec for every resource of a definition. */
const computed = new WeakMap<JsonObject, Marked>();

function marked(schema: JsonObject): Marked {
  let found = computed.get(schema);
  if (found === undefined) {
    const freeze = (paths: ConfigPath[]) => Object.freeze(paths.map((path) => Object.freeze(path))) as ConfigPath[];
    const { secrets, maskOnly } = findSecretPaths(schema);
    found = { secrets: freeze(secrets), maskOnly: freeze(maskOnly) };
    computed.set(schema, found);
  }
  return found;
}

/**
 * Every path whose schema node has the `airbyte_secret` key, whatever its value (as the server masks on read),
 * including inside `oneOf` / `anyOf` / `allOf` branches and array items. Deduplicated; stable order. Computed once
 * per schema object (specs are never changed once read); the answer is frozen, as it is shared.
 */
export function secretPaths(schema: JsonObject): ConfigPath[] {
  return marked(schema).secrets;
}

/**
 * The secret paths where no node's `airbyte_secret` reads as true (e.g. `airbyte_secret: false`): the server masks
 * the value on read but, on a full update, stores a sent mask as the new value instead of keeping the stored one.
 */
export function maskOnlyPaths(schema: JsonObject): ConfigPath[] {
  return marked(schema).maskOnly;
}

/**
 * Whether the server's copy-back reads an `airbyte_secret` mark as true: Jackson's `JsonNode.asBoolean()`, which is
 * true for `true`, for the text `true` (trimmed, exact case) and for a non-zero integer; false for all else.
 */
export function markReadsAsTrue(mark: Json | undefined): boolean {
  if (mark === true) return true;
  if (typeof mark === 'string') return mark.trim() === 'true';
  if (typeof mark === 'number') return Number.isInteger(mark) && mark !== 0;
  return false;
}

function findSecretPaths(schema: JsonObject): Marked {
  const found = new Map<string, ConfigPath>();
  const copied = new Set<string>();
  const visit = (node: Json | undefined, path: ConfigPath, depth: number): void => {
    if (!isSealedObject(node) || depth > 32) return;
    if (path.length > 0 && Object.prototype.hasOwnProperty.call(node, 'airbyte_secret')) {
      const key = path.join('\u0000');
      found.set(key, path);
      if (markReadsAsTrue(node['airbyte_secret'])) copied.add(key);
    }
    const properties = node['properties'];
    if (isSealedObject(properties)) {
      for (const [key, child] of Object.entries(properties)) visit(child, [...path, key], depth + 1);
    }
    for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
      const branches = node[combinator];
      if (Array.isArray(branches)) for (const branch of branches) visit(branch, path, depth + 1);
    }
    const items = node['items'];
    if (isSealedObject(items)) visit(items, [...path, '[]'], depth + 1);
  };
  visit(schema, [], 0);
  return { secrets: [...found.values()], maskOnly: [...found].filter(([key]) => !copied.has(key)).map(([, path]) => path) };
}

/** True when `path` (concrete keys; array indexes as decimal strings) is one of the secret paths. */
export function isSecretPath(secrets: ConfigPath[], path: ConfigPath): boolean {
  return secrets.some(
    (secret) => secret.length === path.length && secret.every((segment, i) => segment === path[i] || (segment === '[]' && /^\d+$/.test(path[i] ?? ''))),
  );
}

/** Values at each secret path that exists in `config` (array wildcards expanded), with their concrete paths. */
export function secretValues(config: JsonObject, secrets: ConfigPath[]): { path: ConfigPath; value: Json }[];
export function secretValues(config: SealedObject, secrets: ConfigPath[]): { path: ConfigPath; value: SealedJson }[];
export function secretValues(config: SealedObject, secrets: ConfigPath[]): { path: ConfigPath; value: SealedJson }[] {
  const out: { path: ConfigPath; value: SealedJson }[] = [];
  const walk = (node: SealedJson | undefined, pattern: ConfigPath, concrete: ConfigPath): void => {
    if (node === undefined) return;
    if (pattern.length === 0) {
      out.push({ path: concrete, value: node });
      return;
    }
    const [head, ...rest] = pattern as [string, ...string[]];
    if (head === '[]') {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, rest, [...concrete, String(i)]));
      return;
    }
    if (isSealedObject(node) && Object.prototype.hasOwnProperty.call(node, head)) walk(node[head], rest, [...concrete, head]);
  };
  for (const secret of secrets) walk(config, secret, []);
  return out;
}

/** A deep copy of `config` with every present secret replaced by the mask; absent secrets stay absent. */
export function maskSecrets(config: JsonObject, secrets: ConfigPath[]): JsonObject {
  const copy = structuredClone(config);
  for (const { path } of secretValues(copy, secrets)) setAt(copy, path, SECRET_MASK);
  return copy;
}

/** Sets a value at a concrete path that is known to exist. */
export function setAt(root: JsonObject, path: ConfigPath, value: Json): void {
  let node: Json = root;
  for (const segment of path.slice(0, -1)) {
    node = Array.isArray(node) ? (node[Number(segment)] as Json) : ((node as JsonObject)[segment] as Json);
  }
  const last = path[path.length - 1] as string;
  if (Array.isArray(node)) node[Number(last)] = value;
  else (node as JsonObject)[last] = value;
}
