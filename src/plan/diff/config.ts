/**
 * Spec-aware comparison of a connector configuration: only what the pipeline sets is compared, a secret (by the
 * spec's `airbyte_secret` paths, never by key name) is never compared with the server's mask, and a value the
 * pipeline sets to the spec's default where the server stored nothing is no difference. The desired side comes
 * sealed (secrets are Secrets) and the remote side is sealed here, so every value a field change carries is safe
 * to print as it is: no branch below has to remember to hide anything.
 */
import equal from 'fast-deep-equal';
import type { Json, JsonObject } from '../../api/types.js';
import { isSecretPath, secretValues, type ConfigPath } from '../../secrets/paths.js';
import { sealSecrets } from '../../secrets/seal.js';
import { isSealedObject, Secret, type SealedJson, type SealedObject } from '../../secrets/secret.js';
import type { FieldChange } from '../types.js';

/** The schema of one configuration node, with the oneOf branch the desired value selected (if any). */
interface SchemaAt {
  node: JsonObject | undefined;
  /** Index of the oneOf/anyOf branch of the enclosing object, or -1 when it had none. */
  branchIndex: number;
}

/** A discriminator is a branch property pinned to one value (`const`, or an `enum` of one). */
function pinnedValue(node: JsonObject | undefined): Json | undefined {
  if (!node) return undefined;
  if (node['const'] !== undefined) return node['const'];
  const values = node['enum'];
  return Array.isArray(values) && values.length === 1 ? values[0] : undefined;
}

/** The oneOf/anyOf branch whose pinned properties all match the desired object. */
function selectBranch(node: JsonObject | undefined, desired: SealedObject): { branch: JsonObject | undefined; index: number } {
  const branches = node?.['oneOf'] ?? node?.['anyOf'];
  if (!Array.isArray(branches)) return { branch: undefined, index: -1 };
  const index = branches.findIndex((branch) => {
    if (!isSealedObject(branch) || !isSealedObject(branch['properties'])) return false;
    const pinned = Object.entries(branch['properties']).filter(([, prop]) => isSealedObject(prop) && pinnedValue(prop) !== undefined);
    return pinned.length > 0 && pinned.every(([key, prop]) => equal(desired[key], pinnedValue(prop as JsonObject)));
  });
  const branch = branches[index];
  return { branch: isSealedObject(branch) ? branch : undefined, index };
}

function childSchema(node: JsonObject | undefined, branch: JsonObject | undefined, key: string): JsonObject | undefined {
  for (const holder of [branch, node]) {
    const properties = holder?.['properties'];
    if (isSealedObject(properties) && isSealedObject(properties[key])) return properties[key];
  }
  return undefined;
}

/**
 * True when a value the server did not store is the spec's `default`, which the connector uses anyway. A
 * discriminator only counts as a default in the first branch: the one the connector and Airbyte's UI fall back to.
 */
function isDefault(value: SealedJson, at: SchemaAt): boolean {
  const node = at.node;
  if (!node) return false;
  if (node['default'] === undefined || !equal(value, node['default'])) return false;
  return pinnedValue(node) === undefined || at.branchIndex <= 0;
}

/** True when some secret path lies strictly below `path` (so an array there must be compared item by item). */
function hasSecretsBelow(secrets: ConfigPath[], path: ConfigPath): boolean {
  return secrets.some(
    (secret) => secret.length > path.length && path.every((segment, i) => segment === secret[i] || (secret[i] === '[]' && /^\d+$/.test(segment))),
  );
}

interface Walk {
  secrets: ConfigPath[];
  out: FieldChange[];
}

export const fieldPath = (path: ConfigPath) => ['configuration', ...path].join('.');

function compareNode(desired: SealedJson, remote: SealedJson | undefined, path: ConfigPath, at: SchemaAt, walk: Walk): void {
  const { secrets, out } = walk;
  if (isSecretPath(secrets, path)) {
    // A stored secret reads as the mask: it is never compared. Only a secret Airbyte does not hold is a change.
    // (An explicit null the server lacks is listed as before: as a secret, whose value is not shown.)
    if (remote === undefined || remote === null) out.push({ path: fieldPath(path), before: null, after: desired ?? new Secret(null) });
    return;
  }
  if (isSealedObject(desired)) {
    if (remote === undefined && at.node?.['default'] !== undefined && equal(desired, at.node['default'])) return;
    const { branch, index } = selectBranch(at.node, desired);
    for (const [key, child] of Object.entries(desired)) {
      const remoteChild = isSealedObject(remote) ? remote[key] : undefined;
      compareNode(child, remoteChild, [...path, key], { node: childSchema(at.node, branch, key), branchIndex: index }, walk);
    }
    return;
  }
  if (Array.isArray(desired) && Array.isArray(remote) && hasSecretsBelow(secrets, path)) {
    compareArrayItems(desired, remote, path, at, walk);
    return;
  }
  if (remote === undefined) {
    if (!isDefault(desired, at)) out.push({ path: fieldPath(path), before: null, after: desired });
    return;
  }
  if (!equal(desired, remote)) out.push({ path: fieldPath(path), before: remote, after: desired });
}

function compareArrayItems(desired: SealedJson[], remote: SealedJson[], path: ConfigPath, at: SchemaAt, walk: Walk): void {
  const items = isSealedObject(at.node?.['items']) ? (at.node['items'] as JsonObject) : undefined;
  desired.forEach((item, i) => compareNode(item, remote[i], [...path, String(i)], { node: items, branchIndex: -1 }, walk));
  for (let i = desired.length; i < remote.length; i++) {
    const itemPath = [...path, String(i)];
    walk.out.push({ path: fieldPath(itemPath), before: remote[i] ?? null, after: null });
  }
}

/** Every leaf as a new value (a create shows all it sends, defaults included). */
function flatten(value: SealedJson, path: ConfigPath, walk: Walk): void {
  if (isSealedObject(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, [...path, key], walk);
    return;
  }
  walk.out.push({ path: fieldPath(path), before: null, after: value });
}

/**
 * Field changes from the remote (masked) configuration to the desired one, paths `configuration.<dotted>`.
 * Keys only the server has (server defaults, server-only fields) are ignored. Pass `remote` null for a create.
 * Both sides are sealed here, so a secret, a mask or a removed secret reads as `(sensitive)` in any output.
 */
export function compareConfiguration(desired: SealedObject, remote: JsonObject | null, spec: JsonObject, secrets: ConfigPath[]): FieldChange[] {
  const walk: Walk = { secrets, out: [] };
  // Sealing what is already sealed is harmless; a caller passing plain values still gets safe field changes.
  const sealed = sealSecrets(desired, secrets);
  if (remote === null) {
    flatten(sealed, [], walk);
    return walk.out;
  }
  compareNode(sealed, sealSecrets(remote, secrets), [], { node: spec, branchIndex: -1 }, walk);
  return walk.out;
}

/** True when `config` holds a non-null value at the concrete `path`. */
export function hasValueAt(config: SealedObject, path: ConfigPath): boolean {
  let node: SealedJson | undefined = config;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isSealedObject(node)) node = node[segment];
    else return false;
  }
  return node !== undefined && node !== null;
}

/** `(sensitive) → (sensitive)` for every secret the pipeline sets that Airbyte already holds (--rotate-secrets). */
export function rotatedSecrets(desired: SealedObject, remote: JsonObject, secrets: ConfigPath[]): FieldChange[] {
  const stored = new Map(secretValues(sealSecrets(remote, secrets), secrets).map(({ path, value }) => [path.join('.'), value]));
  // Sealed here whatever the caller passed, like compareConfiguration: the values go into field changes.
  return secretValues(sealSecrets(desired, secrets), secrets).flatMap(({ path, value }) => {
    const before = stored.get(path.join('.'));
    // An empty secret (from `${VAR:-}` or "") would overwrite the stored one with nothing: never rotate to it.
    const empty = value instanceof Secret ? value.isEmpty() : value === '';
    return before === undefined || before === null || empty ? [] : [{ path: fieldPath(path), before, after: value }];
  });
}
