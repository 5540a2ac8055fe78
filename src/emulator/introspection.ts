/**
 * /_emulator/*: request counters, reset and the unmasked state, for tests and benchmarks. Outside /api/v1, so
 * never delayed or faulted; with --auth on, it needs the same credentials as the API (checked in server.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json } from '../api/types.js';
import type { FaultInjector } from './faults.js';
import { sendJson } from './http.js';
import type { Store } from './state.js';

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
  store: Store;
  counters: RequestCounters;
  faults: FaultInjector;
}

export function serveIntrospection(target: Introspected, request: IncomingMessage, response: ServerResponse, path: string): void {
  const method = request.method ?? 'GET';
  if (path === '/_emulator/requests' && method === 'GET') {
    const { total, writes, byPath } = target.counters;
    const { rss, heapUsed } = process.memoryUsage();
    sendJson(response, 200, { total, writes, byPath, faults: { ...target.faults.counts }, memory: { rssBytes: rss, heapUsedBytes: heapUsed } });
  } else if (path === '/_emulator/state' && method === 'GET') {
    sendJson(response, 200, target.store.data as unknown as Json);
  } else if (path === '/_emulator/reset' && method === 'POST') {
    target.store.reset();
    target.counters.reset();
    target.faults.reset();
    sendJson(response, 204);
  } else {
    sendJson(response, 404, { message: `No emulator endpoint ${method} ${path}; try GET /_emulator/requests, GET /_emulator/state or POST /_emulator/reset` });
  }
}
