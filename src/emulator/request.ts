/** Reading request bodies the way the real server's bean validation does: missing required fields are a 400. */
import type { Json, JsonObject } from '../api/types.js';
import { badRequest } from './errors.js';

/** Throws 400 naming every required field that is absent or null. */
export function requireFields(body: JsonObject, fields: string[]): void {
  const missing = fields.filter((field) => body[field] === undefined || body[field] === null);
  if (missing.length > 0) throw badRequest(`Missing required field(s): ${missing.join(', ')}`);
}

/** A required string field (400 when absent or not a string). */
export function requiredString(body: JsonObject, field: string): string {
  requireFields(body, [field]);
  const value = body[field];
  if (typeof value !== 'string') throw badRequest(`Field ${field} must be a string`);
  return value;
}

export function optionalString(body: JsonObject, field: string): string | undefined {
  const value: Json | undefined = body[field];
  return typeof value === 'string' ? value : undefined;
}
