/**
 * Defensive reads of configuration values. The server validates configurations against the spec, but checks,
 * discovery and volumes may run on stored configurations that an older spec accepted, so nothing here trusts types.
 */
import type { Json, JsonObject } from '../../api/types.js';
import { isJsonObject } from '../../util/json.js';

/** A string at `key`, or undefined when it is absent or not a string. */
export function stringAt(config: Json | undefined, key: string): string | undefined {
  const value = isJsonObject(config) ? config[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A number at `key`, or `fallback` (the spec's default) when it is absent or not a number. */
export function numberAt(config: Json | undefined, key: string, fallback: number): number {
  const value = isJsonObject(config) ? config[key] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** An object at `key` (an option group), or undefined. */
export function objectAt(config: Json | undefined, key: string): JsonObject | undefined {
  const value = isJsonObject(config) ? config[key] : undefined;
  return isJsonObject(value) ? value : undefined;
}

/** A list of strings at `key`, or `fallback` when absent, empty or malformed. */
export function stringsAt(config: Json | undefined, key: string, fallback: string[]): string[] {
  const value = isJsonObject(config) ? config[key] : undefined;
  if (!Array.isArray(value)) return fallback;
  const strings = value.filter((item): item is string => typeof item === 'string' && item !== '');
  return strings.length > 0 ? strings : fallback;
}

/** 32-bit FNV-1a: a stable hash so that derived catalogs and volumes never change between runs. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
