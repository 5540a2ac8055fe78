/**
 * A connection's sync state, as the real server keeps it (Config API reference §3h): `state/get` (an unknown id
 * reads as `not_set`), `state/create_or_update` (admin-only: refused), `state/create_or_update_safe` (423 while a
 * sync runs), and the state changes other calls make: a successful sync writes a cursor for each incremental stream,
 * a reset clears the state, a sync-mode change on `connections/update` deletes the state of those streams, a deleted
 * connection has none.
 *
 * Jobs end by the clock (job-view.ts), not by a timer, so a sync cannot write the state when it ends. Instead the
 * stored record says which jobs it already reflects (`settledJobId`) and the state now is that record with the effect
 * of every later job that has ended. A call that changes the state first takes that effect in (settles), then
 * changes it.
 */
import type { ConnectionState, ConnectionStateType, GlobalState, Json, JsonObject, StreamState } from '../../api/types.js';
import { namespaceOf, streamKey, type StreamName } from '../../streams/identity.js';
import { ApiError, invalidInput } from '../errors.js';
import { requireFields, requiredString } from '../request.js';
import type { StoredJob, StoredState } from '../state.js';
import { ok, type Context, type Reply, type RouteTable } from '../types.js';
import { isJsonObject } from '../../util/json.js';
import { findConnection } from './connections.js';
import { isActive, jobPhase } from './job-view.js';

const STATE_TYPES: ConnectionStateType[] = ['global', 'stream', 'legacy', 'not_set'];

/** The server's message (StateHandler) for a state write while a sync or refresh of the connection runs. */
export const SYNC_RUNNING_MESSAGE = 'State cannot be updated while a sync is running for this connection.';

function emptyState(connectionId: string, settledJobId: number): StoredState {
  return { connectionId, settledJobId, stateType: 'not_set' };
}

function descriptorOf(stream: StreamName): { name: string; namespace?: string } {
  const namespace = namespaceOf(stream);
  return namespace === '' ? { name: stream.name } : { name: stream.name, namespace };
}

/** Replaces or adds the state of each stream in `updates` (by namespace + name), keeping the others. */
function upsert(current: readonly StreamState[], updates: readonly StreamState[]): StreamState[] {
  const byKey = new Map(current.map((entry) => [streamKey(entry.streamDescriptor), entry]));
  for (const update of updates) byKey.set(streamKey(update.streamDescriptor), update);
  return [...byKey.values()];
}

/** The record with `streams` written the way a connector's state messages are (stream or global). */
function withStreamStates(record: StoredState, streams: StreamState[], settledJobId: number): StoredState {
  if (record.stateType === 'global' && record.globalState) {
    const globalState: GlobalState = { ...record.globalState, streamStates: upsert(record.globalState.streamStates, streams) };
    return { connectionId: record.connectionId, settledJobId, stateType: 'global', globalState };
  }
  // A legacy state becomes a per-stream one (the one type change the server allows).
  const before = record.stateType === 'stream' ? (record.streamState ?? []) : [];
  return { connectionId: record.connectionId, settledJobId, stateType: 'stream', streamState: upsert(before, streams) };
}

/** What an ended job did to the state: a sync's cursors, a reset's clearing; a failed or cancelled job nothing. */
function afterJob(record: StoredState, job: StoredJob, status: string): StoredState {
  if (status !== 'succeeded') return { ...record, settledJobId: job.id };
  if (job.configType === 'reset_connection') return emptyState(record.connectionId, job.id);
  const endedAt = new Date(job.createdAtMs + job.durationMs).toISOString();
  const cursors: StreamState[] = job.streams
    .filter((stream) => stream.syncMode === 'incremental')
    .map((stream) => ({
      streamDescriptor: descriptorOf(stream),
      streamState: {
        state_type: 'cursor_based',
        version: 2,
        stream_name: stream.name,
        ...(stream.namespace !== undefined ? { stream_namespace: stream.namespace } : {}),
        cursor_field: [...(stream.cursorField ?? [])],
        cursor: endedAt,
        cursor_record_count: 1,
      },
    }));
  if (cursors.length === 0) return { ...record, settledJobId: job.id };
  return withStreamStates(record, cursors, job.id);
}

/** The connection's state now: the stored record with every job that has ended since it was written. */
export function currentState(ctx: Context, connectionId: string): StoredState {
  let record = ctx.store.keyed('states', connectionId) ?? emptyState(connectionId, 0);
  const now = ctx.now();
  for (const job of ctx.store.jobsOf(connectionId)) {
    if (job.id <= record.settledJobId) continue;
    const { status } = jobPhase(job, now);
    // A connection runs one job at a time: the active one is the last, and what follows it has not happened.
    if (status === 'pending' || status === 'running') break;
    record = afterJob(record, job, status);
  }
  return record;
}

/** The API view of a state record (only the field of its type is set). */
export function stateRead(record: StoredState): ConnectionState {
  const read: ConnectionState = { connectionId: record.connectionId, stateType: record.stateType };
  if (record.stateType === 'legacy' && record.state) read.state = record.state;
  if (record.stateType === 'stream') read.streamState = record.streamState ?? [];
  if (record.stateType === 'global' && record.globalState) read.globalState = record.globalState;
  return read;
}

/** The connection loses its whole state (a delete). Part of the write in progress. */
export function dropState(ctx: Context, connectionId: string): void {
  const current = currentState(ctx, connectionId);
  if (current.stateType === 'not_set' && ctx.store.keyed('states', connectionId) === undefined) return;
  ctx.store.putKeyed('states', emptyState(connectionId, current.settledJobId));
}

/**
 * The server's bulkDelete after a sync-mode change: the state of these streams goes; when no stream state is left,
 * the whole state goes. Part of the write in progress.
 */
export function dropStreamStates(ctx: Context, connectionId: string, streams: readonly StreamName[]): void {
  if (streams.length === 0) return;
  const current = currentState(ctx, connectionId);
  const dropped = new Set(streams.map(streamKey));
  const keep = (entries: readonly StreamState[]) => entries.filter((entry) => !dropped.has(streamKey(entry.streamDescriptor)));
  let next: StoredState;
  if (current.stateType === 'stream') {
    const streamState = keep(current.streamState ?? []);
    if (streamState.length === (current.streamState ?? []).length) return;
    next = streamState.length === 0 ? emptyState(connectionId, current.settledJobId) : { ...current, streamState };
  } else if (current.stateType === 'global' && current.globalState) {
    const streamStates = keep(current.globalState.streamStates);
    if (streamStates.length === current.globalState.streamStates.length) return;
    next = streamStates.length === 0 ? emptyState(connectionId, current.settledJobId) : { ...current, globalState: { ...current.globalState, streamStates } };
  } else {
    return;
  }
  ctx.store.putKeyed('states', next);
}

function getState(ctx: Context, body: JsonObject): Reply {
  // The server reads whatever is stored under the id: an unknown connection simply has no state.
  const connectionId = requiredString(body, 'connectionId');
  return ok(stateRead(currentState(ctx, connectionId)) as unknown as Json);
}

/** Micronaut's answer to a caller without the admin role. */
function adminOnly(): Reply {
  return {
    status: 403,
    body: {
      message:
        'Forbidden: state/create_or_update is reserved to instance admins (and the dataplane); a workspace editor writes state with state/create_or_update_safe',
    },
  };
}

function streamStatesOf(value: Json | undefined, where: string): StreamState[] {
  if (!Array.isArray(value)) throw invalidInput(`${where} must be a list of {streamDescriptor: {name, namespace?}, streamState?}`);
  return value.map((entry, index) => {
    const at = `${where}[${index}]`;
    if (!isJsonObject(entry)) throw invalidInput(`${at} must be an object`);
    const descriptor = entry['streamDescriptor'];
    if (!isJsonObject(descriptor) || typeof descriptor['name'] !== 'string') throw invalidInput(`${at}.streamDescriptor must be {name, namespace?}`);
    const namespace = descriptor['namespace'];
    if (namespace !== undefined && namespace !== null && typeof namespace !== 'string') throw invalidInput(`${at}.streamDescriptor.namespace must be a string`);
    const state = entry['streamState'];
    if (state !== undefined && state !== null && !isJsonObject(state)) throw invalidInput(`${at}.streamState must be an object`);
    return {
      streamDescriptor: descriptorOf({ name: descriptor['name'], namespace: namespace as string | null | undefined }),
      ...(isJsonObject(state) ? { streamState: state } : {}),
    };
  });
}

/** The state a create_or_update_safe body asks for, checked as the server's deserialization would (400 / 422). */
function incomingState(body: JsonObject): ConnectionState {
  requireFields(body, ['connectionId', 'connectionState']);
  const state = body['connectionState'];
  if (!isJsonObject(state)) throw invalidInput('connectionState must be an object');
  requireFields(state, ['connectionId', 'stateType']);
  const stateType = state['stateType'] as ConnectionStateType;
  if (!STATE_TYPES.includes(stateType))
    throw invalidInput(`connectionState.stateType must be one of ${STATE_TYPES.join(', ')}, got ${JSON.stringify(state['stateType'])}`);
  const read: ConnectionState = { connectionId: requiredString(body, 'connectionId'), stateType };
  if (stateType === 'stream') read.streamState = streamStatesOf(state['streamState'], 'connectionState.streamState');
  if (stateType === 'global') {
    const global = state['globalState'];
    if (!isJsonObject(global)) throw invalidInput('connectionState.globalState must be an object {shared_state?, streamStates} for stateType global');
    const shared = global['shared_state'];
    if (shared !== undefined && shared !== null && !isJsonObject(shared)) throw invalidInput('connectionState.globalState.shared_state must be an object');
    read.globalState = {
      ...(isJsonObject(shared) ? { shared_state: shared } : {}),
      streamStates: streamStatesOf(global['streamStates'], 'connectionState.globalState.streamStates'),
    };
  }
  if (stateType === 'legacy') {
    if (!isJsonObject(state['state'])) throw invalidInput('connectionState.state must be an object for stateType legacy');
    read.state = state['state'];
  }
  return read;
}

function createOrUpdateSafe(ctx: Context, body: JsonObject): Reply {
  const incoming = incomingState(body);
  const connection = findConnection(ctx, incoming.connectionId);
  const now = ctx.now();
  // The server looks for a sync or refresh job that has not ended (JobHistoryHandler.getLatestRunningSyncJob).
  if (ctx.store.jobsOf(connection.connectionId).some((job) => job.configType === 'sync' && isActive(job, now))) {
    throw new ApiError('sync-running', SYNC_RUNNING_MESSAGE);
  }
  const current = currentState(ctx, connection.connectionId);
  if (incoming.stateType !== current.stateType && current.stateType !== 'not_set' && current.stateType !== 'legacy') {
    // StatePersistence's check(): only a legacy state may change type; the unmapped exception is a bare 500.
    throw new ApiError(
      'internal',
      `Unexpected type migration from '${current.stateType.toUpperCase()}' to '${incoming.stateType.toUpperCase()}'. Migration of StateType need to go through an explicit reset.`,
    );
  }
  let next: StoredState = current;
  if (incoming.stateType === 'stream')
    next = withStreamStates({ ...current, stateType: current.stateType === 'stream' ? 'stream' : 'not_set' }, incoming.streamState ?? [], current.settledJobId);
  if (incoming.stateType === 'global' && incoming.globalState) {
    const before = current.stateType === 'global' ? (current.globalState?.streamStates ?? []) : [];
    const shared = incoming.globalState.shared_state ?? (current.stateType === 'global' ? current.globalState?.shared_state : undefined);
    next = {
      connectionId: current.connectionId,
      settledJobId: current.settledJobId,
      stateType: 'global',
      globalState: { ...(shared ? { shared_state: shared } : {}), streamStates: upsert(before, incoming.globalState.streamStates) },
    };
  }
  if (incoming.stateType === 'legacy' && incoming.state) {
    next = { connectionId: current.connectionId, settledJobId: current.settledJobId, stateType: 'legacy', state: incoming.state };
  }
  if (next !== current) ctx.store.putKeyed('states', next);
  return ok(stateRead(next) as unknown as Json);
}

export const stateRoutes: RouteTable = {
  'state/get': { handler: getState, write: false },
  'state/create_or_update': { handler: adminOnly, write: true },
  'state/create_or_update_safe': { handler: createOrUpdateSafe, write: true },
};
