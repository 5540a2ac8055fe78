/**
 * /_emulator/*: request counters, reset and the unmasked state, for tests and benchmarks. Outside /api/v1, so
 * never delayed or faulted; with --auth on, it needs the same credentials as the API (checked in server.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json, JsonObject } from '../api/types.js';
import { streamLabel } from '../streams/identity.js';
import { isJsonObject } from '../util/json.js';
import type { FaultInjector } from './faults.js';
import { checkSchemaChanges, discoveredCatalog } from './handlers/discovery.js';
import { parseChanges, SchemaChangeError, sourceNamed } from './handlers/schema-changes.js';
import { currentState, stateRead } from './handlers/sync-state.js';
import { readBody, sendJson } from './http.js';
import { SaveError } from './state.js';
import type { Context, Reply } from './types.js';

/** Counts of API calls since start or the last reset. `writes` counts calls to state-changing endpoints. */
export class RequestCounters {
  total = 0;
  writes = 0;
  byPath: Record<string, number> = {};

  record(path: string, write: boolean): void {
    this.total++;
    if (write) this.writes++;
    this.byPath[path] = (this.byPath[path] ?? 0) + 1;
  }

  reset(): void {
    this.total = 0;
    this.writes = 0;
    this.byPath = {};
  }
}

/** What /_emulator/* needs. */
export interface Introspected {
  ctx: Context;
  counters: RequestCounters;
  faults: FaultInjector;
}

/** The whole state, and each connection's sync state as `state/get` would answer it now (not_set ones left out). */
function stateView(ctx: Context): Json {
  const connectionStates = [];
  for (const connection of ctx.store.connections()) {
    const state = currentState(ctx, connection.connectionId);
    if (state.stateType !== 'not_set') connectionStates.push(stateRead(state));
  }
  return { ...ctx.store.data, connectionStates } as unknown as Json;
}

/** The recorded schema changes, per source. */
function schemaView(ctx: Context): Json {
  const sources = [...ctx.store.data.schemaChanges!]
    .filter((entry) => entry.changes.length > 0)
    .map((entry) => ({ sourceId: entry.sourceId, source: ctx.store.actor('sources', entry.sourceId)?.name ?? null, changes: entry.changes }));
  return { sources } as unknown as Json;
}

/**
 * POST /_emulator/schema {source, changes, replace?}: records schema changes of a source (checked against its
 * catalog now), saved like any write. Answers the source's recorded changes and the streams it discovers now.
 */
function changeSchema(ctx: Context, text: string): Reply {
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { status: 400, body: { message: 'the request body must be JSON: {"source": <name or id>, "changes": [{"op": ..., "stream": ...}]}' } };
  }
  try {
    if (!isJsonObject(body)) throw new SchemaChangeError(400, 'the request body must be a JSON object {source, changes, replace?}');
    const source = sourceNamed(ctx, body['source']);
    const replace = body['replace'] === true;
    const changes = parseChanges(body['changes'], replace);
    const before = replace ? [] : (ctx.store.keyed('schemaChanges', source.id)?.changes ?? []);
    const all = [...before, ...changes];
    checkSchemaChanges(ctx, source, all);
    ctx.store.putKeyed('schemaChanges', { sourceId: source.id, changes: all });
    const streams = discoveredCatalog(ctx, source).streams.map(({ stream }) => streamLabel(stream));
    return { status: 200, body: { sourceId: source.id, source: source.name, changes: all as unknown as JsonObject[], streams } };
  } catch (error) {
    if (error instanceof SchemaChangeError) return { status: error.status, body: { message: error.message } };
    throw error;
  }
}

export async function serveIntrospection(target: Introspected, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const method = request.method ?? 'GET';
  const { ctx } = target;
  if (path === '/_emulator/schema' && method === 'POST') {
    const text = await readBody(request);
    let reply: Reply;
    try {
      reply = ctx.store.writing(() => changeSchema(ctx, text));
    } catch (error) {
      if (!(error instanceof SaveError)) throw error;
      reply = { status: 500, body: { message: error.message } };
    }
    sendJson(response, reply.status, reply.body);
  } else if (path === '/_emulator/schema' && method === 'GET') {
    sendJson(response, 200, schemaView(ctx));
  } else if (path === '/_emulator/requests' && method === 'GET') {
    const { total, writes, byPath } = target.counters;
    const { rss, heapUsed } = process.memoryUsage();
    sendJson(response, 200, { total, writes, byPath, faults: { ...target.faults.counts }, memory: { rssBytes: rss, heapUsedBytes: heapUsed } });
  } else if (path === '/_emulator/state' && method === 'GET') {
    sendJson(response, 200, stateView(ctx));
  } else if (path === '/_emulator/reset' && method === 'POST') {
    ctx.store.reset();
    target.counters.reset();
    target.faults.reset();
    sendJson(response, 204);
  } else {
    sendJson(response, 404, {
      message: `No emulator endpoint ${method} ${path}; try GET /_emulator/requests, GET /_emulator/state, GET or POST /_emulator/schema, or POST /_emulator/reset`,
    });
  }
}
