/**
 * The request pipeline: health bypasses everything; introspection needs the API's credentials and nothing else;
 * every other call under /api/v1 is counted,
 * delayed, possibly faulted before acting, authenticated, handled, persisted when it wrote, and possibly
 * faulted after acting (the answer lost while the write stands).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonObject } from '../api/types.js';
import type { AuthFailure, Authenticator } from './auth.js';
import { ApiError, renderError } from './errors.js';
import type { Fault, FaultInjector } from './faults.js';
import { dropConnection, readBody, sendJson, sendText, sleep } from './http.js';
import { serveIntrospection, type RequestCounters } from './introspection.js';
import { SaveError } from './state.js';
import type { Context, Reply, Route, RouteTable } from './types.js';
import { isJsonObject } from '../util/json.js';

const API_PREFIX = '/api/v1/';
/** Where tokens are issued unless the emulator is told otherwise, as on a self-hosted Airbyte. */
export const API_TOKEN_PATH = `${API_PREFIX}applications/token`;

/** Everything the pipeline needs, built once by startEmulator. */
export interface Pipeline {
  ctx: Context;
  routes: RouteTable;
  auth: Authenticator;
  faults: FaultInjector;
  counters: RequestCounters;
  latencyMs: number;
  /** The path this server issues tokens at (API_TOKEN_PATH by default); undefined when a server of their own does. */
  tokenPath: string | undefined;
}

type Outcome = Reply | AuthFailure;

function isAuthFailure(outcome: Outcome): outcome is AuthFailure {
  return 'text' in outcome;
}

function parseBody(text: string): JsonObject {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError('malformed', 'Malformed JSON in request body');
  }
  if (!isJsonObject(parsed as JsonObject)) throw new ApiError('malformed', 'The request body must be a JSON object');
  return parsed as JsonObject;
}

/** Micronaut's answer for a path no controller serves. */
function noRoute(path: string): Reply {
  return {
    status: 404,
    body: { message: 'Not Found', _links: { self: { href: path, templated: false } }, _embedded: { errors: [{ message: 'Page Not Found' }] } },
  };
}

function handle(pipeline: Pipeline, request: IncomingMessage, name: string, route: Route | undefined, text: string): Outcome {
  // Served elsewhere, applications/token is an unknown call here (after authentication, as any other).
  const isToken = name === 'applications/token' && pipeline.tokenPath === API_TOKEN_PATH;
  const refused = isToken ? undefined : pipeline.auth.check(request);
  if (refused) return refused;
  if (request.method !== 'POST') return { status: 405, body: { message: 'Method Not Allowed' } };
  try {
    const body = parseBody(text);
    if (isToken) return pipeline.auth.issue(body);
    if (!route) return noRoute(API_PREFIX + name);
    return route.handler(pipeline.ctx, body);
  } catch (error) {
    if (error instanceof ApiError) return renderError(error, pipeline.ctx.flavor);
    process.stderr.write(`emulator: internal error on ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return renderError(new ApiError('internal', 'Unexpected emulator error'), pipeline.ctx.flavor);
  }
}

/** Runs the call; a write that cannot be saved to --data answers 500 with the reason, and is undone. */
function handleAndSave(pipeline: Pipeline, request: IncomingMessage, name: string, route: Route | undefined, text: string): Outcome {
  const run = () => handle(pipeline, request, name, route, text);
  try {
    return route !== undefined && (route.write !== false || route.saves === true) ? pipeline.ctx.store.writing(run) : run();
  } catch (error) {
    if (!(error instanceof SaveError)) throw error;
    process.stderr.write(`emulator: ${error.message}\n`);
    return { status: 500, body: { message: error.message } };
  }
}

/** Whether the call counts as a write; a route whose answer depends on the body looks at it (unparseable: no). */
function countsAsWrite(route: Route | undefined, text: string): boolean {
  if (route === undefined || typeof route.write === 'boolean') return route?.write === true;
  try {
    return route.write(parseBody(text));
  } catch {
    return false;
  }
}

function send(response: ServerResponse, outcome: Outcome): void {
  if (isAuthFailure(outcome)) sendText(response, outcome.status, outcome.text, outcome.headers);
  else sendJson(response, outcome.status, outcome.body);
}

function injectBefore(response: ServerResponse, fault: Fault): void {
  if (fault.effect === 'drop') dropConnection(response);
  else if (fault.effect === 'throttle') sendJson(response, 429, { message: 'Too Many Requests' }, { 'retry-after': '1' });
  else sendText(response, 503, '<html><body><h1>503 Service Unavailable</h1></body></html>\n', { 'content-type': 'text/html' });
}

function injectAfter(response: ServerResponse, fault: Fault): void {
  if (fault.effect === 'drop') dropConnection(response);
  else sendText(response, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>\n', { 'content-type': 'text/html' });
}

async function serveApi(pipeline: Pipeline, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const name = path.slice(API_PREFIX.length);
  // An own-property lookup: `__proto__` or `constructor` is an unknown call (404), not Object's inherited members.
  const route: Route | undefined = Object.hasOwn(pipeline.routes, name) ? pipeline.routes[name] : undefined;
  const text = await readBody(request);
  pipeline.counters.record(path, countsAsWrite(route, text));
  if (pipeline.latencyMs > 0) await sleep(pipeline.latencyMs);
  const fault = pipeline.faults.next(name);
  if (fault?.phase === 'before') return injectBefore(response, fault);
  const outcome = handleAndSave(pipeline, request, name, route, text);
  if (fault?.phase === 'after') return injectAfter(response, fault);
  send(response, outcome);
}

/**
 * A token endpoint of its own path or server (like https://api.airbyte.com/v1/applications/token): POST
 * `{client_id, client_secret}` → `{access_token}`, counted in /_emulator/requests under its path, never faulted.
 */
async function serveToken(pipeline: Pipeline, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const text = await readBody(request);
  pipeline.counters.record(path, false);
  if (request.method !== 'POST') return sendJson(response, 405, { message: 'Method Not Allowed' });
  let outcome: Outcome;
  try {
    outcome = pipeline.auth.issue(parseBody(text));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    outcome = renderError(error, pipeline.ctx.flavor);
  }
  send(response, outcome);
}

/** Async, so a handler that throws synchronously still ends in the listener's catch, not as an uncaught exception. */
async function dispatch(pipeline: Pipeline, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  if (path.startsWith('/_emulator/')) {
    // The state holds unmasked secrets and reset wipes it: the same credentials as the API.
    const refused = pipeline.auth.check(request);
    if (refused) return send(response, refused);
    return serveIntrospection({ ctx: pipeline.ctx, counters: pipeline.counters, faults: pipeline.faults }, request, response, path);
  }
  if (path === '/api/v1/health') return sendJson(response, 200, { available: true });
  if (pipeline.tokenPath !== undefined && pipeline.tokenPath !== API_TOKEN_PATH && path === pipeline.tokenPath) {
    return serveToken(pipeline, request, response, path);
  }
  if (path.startsWith(API_PREFIX)) return serveApi(pipeline, request, response, path);
  return sendJson(response, 404, noRoute(path).body);
}

/** The request's path, or undefined when the request target is not a path (`//%%%` reads as an invalid host). */
function pathOf(request: IncomingMessage): string | undefined {
  try {
    return new URL(request.url ?? '/', 'http://emulator').pathname;
  } catch {
    return undefined;
  }
}

/** The listener of a server that serves only the token endpoint, at `tokenPath`. */
export function tokenListener(pipeline: Pipeline, tokenPath: string): (request: IncomingMessage, response: ServerResponse) => void {
  return listener((request, response, path) =>
    path === tokenPath ? serveToken(pipeline, request, response, path) : Promise.resolve(sendJson(response, 404, noRoute(path).body)),
  );
}

/** The node:http request listener. No request, however malformed, ends the process. */
export function requestListener(pipeline: Pipeline): (request: IncomingMessage, response: ServerResponse) => void {
  return listener((request, response, path) => dispatch(pipeline, request, response, path));
}

function listener(
  serve: (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void>,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const path = pathOf(request);
    if (path === undefined) {
      sendJson(response, 400, { message: `Bad Request: the request target ${JSON.stringify(request.url)} is not a valid path` });
      return;
    }
    serve(request, response, path).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`emulator: ${message}\n`);
      if (!response.headersSent) sendJson(response, 500, { message: error instanceof SaveError ? message : 'Internal Server Error' });
    });
  };
}
