/**
 * Errors the handlers raise, and how each flavor puts them on the wire. The real server changed its error bodies
 * in v2.0.0 (most became `{errorId}` only), so the same failure renders differently per flavor.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../api/types.js';
import type { Flavor, Reply } from './types.js';

/** The failure classes the real server distinguishes by status and body. */
export type ApiErrorKind =
  | 'not-found' // 404 IdNotFoundKnownException
  | 'bad-request' // 400 bean validation: a required field is missing
  | 'malformed' // unparseable JSON
  | 'invalid-input' // 422 BadObjectSchemaKnownException (spec or catalog validation)
  | 'conflict' // 409 ValueConflictKnownException
  | 'sync-running' // 423 SyncIsRunningException
  | 'internal' // 500: require()/check() failures nobody maps
  | 'emulator' // 500 with a message: the emulator's own setup is broken (e.g. its --catalogs file)
  | 'problem'; // RFC-9457 problem body (schedule validation)

/** RFC-9457 fields of a problem response. */
export interface ProblemInfo {
  status: number;
  type: string;
  title: string;
}

/** A failure a handler reports; rendered by `renderError` for the emulator's flavor. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly problem?: ProblemInfo,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const EXCEPTIONS = 'io.airbyte.commons.server.errors';

/** `configType` is the server's ConfigSchema name, e.g. SOURCE_CONNECTION, STANDARD_SYNC. */
export function notFound(configType: string, id: string): ApiError {
  return new ApiError('not-found', `Could not find configuration for ${configType}: ${id}.`);
}
export function badRequest(message: string): ApiError {
  return new ApiError('bad-request', message);
}
export function invalidInput(message: string): ApiError {
  return new ApiError('invalid-input', message);
}
export function conflict(message: string): ApiError {
  return new ApiError('conflict', message);
}
export function internal(message: string): ApiError {
  return new ApiError('internal', message);
}
export function problem(info: ProblemInfo, detail: string): ApiError {
  return new ApiError('problem', detail, info);
}

function statusOf(error: ApiError, flavor: Flavor): number {
  switch (error.kind) {
    case 'not-found':
      return 404;
    case 'bad-request':
      return 400;
    case 'malformed':
      return flavor === 'current' ? 422 : 400;
    case 'invalid-input':
      return 422;
    case 'conflict':
      return 409;
    case 'sync-running':
      return 423;
    case 'internal':
    case 'emulator':
      return 500;
    case 'problem':
      return error.problem?.status ?? 400;
  }
}

function exceptionClassName(kind: ApiErrorKind): string {
  switch (kind) {
    case 'not-found':
      return `${EXCEPTIONS}.IdNotFoundKnownException`;
    case 'bad-request':
      return `${EXCEPTIONS}.BadRequestException`;
    case 'malformed':
      return 'com.fasterxml.jackson.core.JsonParseException';
    case 'invalid-input':
      return `${EXCEPTIONS}.BadObjectSchemaKnownException`;
    case 'conflict':
      return `${EXCEPTIONS}.ValueConflictKnownException`;
    case 'sync-running':
      return `${EXCEPTIONS}.SyncIsRunningException`;
    case 'internal':
      return 'java.lang.IllegalStateException';
    case 'emulator':
      return 'emulator';
    case 'problem':
      return `${EXCEPTIONS}.problems.AbstractThrowableProblem`;
  }
}

/** v2.x stripped 404, 400, malformed-input and 500 bodies down to an error id; 409/422 keep their message. */
function currentBody(error: ApiError): JsonObject {
  if (error.kind === 'not-found' || error.kind === 'bad-request' || error.kind === 'malformed' || error.kind === 'internal') {
    return { errorId: randomUUID() };
  }
  return { message: error.message, exceptionClassName: exceptionClassName(error.kind), errorId: randomUUID() };
}

function legacyBody(error: ApiError): JsonObject {
  const internalPrefix = error.kind === 'not-found' || error.kind === 'internal' ? 'Internal Server Error: ' : '';
  return { exceptionClassName: exceptionClassName(error.kind), message: `${internalPrefix}${error.message}` };
}

/** The status and body the real server of this flavor sends for `error`. */
export function renderError(error: ApiError, flavor: Flavor): Reply {
  const status = statusOf(error, flavor);
  if (error.kind === 'emulator') return { status, body: { message: error.message } };
  if (error.kind === 'problem' && error.problem) {
    const { type, title } = error.problem;
    return { status, body: { status, type, title, detail: error.message } };
  }
  return { status, body: flavor === 'current' ? currentBody(error) : legacyBody(error) };
}
