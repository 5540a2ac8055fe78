/**
 * `state get` and `state restore`: a connection's sync state read by name, and a saved state written back with
 * `state/create_or_update_safe` (the call Airbyte refuses with 423 while a sync of the connection runs; the
 * unconditional `state/create_or_update` is for instance admins only). What restore is about to write is shown
 * first, as data (`RestorePreview`); the command decides how to ask.
 */
import type { ConnectionRead, ConnectionState } from '../api/types.js';
import type { AirbyteClient } from '../client/index.js';
import { GitopsError } from '../errors.js';
import { printable } from '../util/printable.js';
import { findByName } from './resolve.js';
import { describeState, stateStreams, streamLabel, type StateSource } from './state-file.js';
import { streamKey } from '../streams/identity.js';

/** A connection found by name, with its workspace. */
export interface StateTarget {
  workspace: { workspaceId: string; name: string };
  connection: ConnectionRead;
}

/** The connection named `name` (deleted ones excluded), in the chosen workspace. */
export async function findConnection(client: AirbyteClient, workspace: string | undefined, name: string): Promise<StateTarget> {
  const ws = await client.resolveWorkspace(workspace);
  const connections = (await client.listConnections(ws.workspaceId)).filter((connection) => connection.status !== 'deprecated');
  const connection = findByName('connection', name, connections, (c) => c.connectionId, ws.name);
  return { workspace: { workspaceId: ws.workspaceId, name: ws.name }, connection };
}

/** At most this many stream names are listed in a preview. */
const LISTED_STREAMS = 10;

/** `stream state of 3 streams: public.users, public.orders, public.items`. */
export function stateSummary(state: ConnectionState): string {
  const streams = stateStreams(state);
  if (streams.length === 0) return describeState(state);
  return `${describeState(state)}: ${listed(streams.map(streamLabel))}`;
}

const listed = (labels: string[]) =>
  labels.slice(0, LISTED_STREAMS).join(', ') + (labels.length > LISTED_STREAMS ? ` and ${labels.length - LISTED_STREAMS} more` : '');

/** Streams of the current state that the restored one does not name: Airbyte leaves them as they are. */
function keptStreams(restored: ConnectionState, current: ConnectionState): string[] {
  if (restored.stateType !== current.stateType) return [];
  const written = new Set(stateStreams(restored).map(streamKey));
  return stateStreams(current)
    .filter((descriptor) => !written.has(streamKey(descriptor)))
    .map(streamLabel);
}

/** What restore will write, shown before it asks. */
export interface RestorePreview {
  lines: string[];
  /** The backup is of another connection id than the target: restore needs --force. */
  otherConnection: boolean;
}

function origin(source: StateSource): { name: string | undefined; id: string; saved: string } {
  const backup = source.backup;
  if (backup === undefined) return { name: undefined, id: source.state.connectionId, saved: 'unknown (a bare connection state, not a backup file)' };
  const why =
    backup.reason === 'state-get'
      ? 'by state get'
      : backup.reason === 'restore'
        ? 'by state restore, before it wrote another state'
        : `by apply, before a${backup.reason === 'update' ? 'n' : ''} ${backup.reason}`;
  return { name: backup.connectionName, id: backup.connectionId, saved: `${backup.savedAt}, ${why}` };
}

/** Streams the state holds a position for that the connection does not sync. */
function unsynced(state: ConnectionState, connection: ConnectionRead): string[] {
  const synced = new Set((connection.syncCatalog?.streams ?? []).filter((entry) => entry.config?.selected !== false).map((entry) => streamKey(entry.stream)));
  return stateStreams(state)
    .filter((descriptor) => !synced.has(streamKey(descriptor)))
    .map(streamLabel);
}

/** The lines restore prints before asking: what, from where, saved when, over what. */
export function restorePreview(source: StateSource, target: StateTarget, current: ConnectionState): RestorePreview {
  const { connection } = target;
  const from = origin(source);
  const backedUp = from.name === undefined ? `connection id ${from.id}` : `connection '${printable(from.name)}' (id ${from.id})`;
  const lines = [
    `Restore the sync state of connection '${printable(connection.name)}' (id ${connection.connectionId}) in workspace '${printable(target.workspace.name)}':`,
    `  from:     ${printable(source.file)}`,
    `  of:       ${backedUp}`,
    `  saved:    ${printable(from.saved)}`,
    `  writes:   ${stateSummary(source.state)}`,
    `  current:  ${stateSummary(current)}`,
  ];
  const otherConnection = from.id !== connection.connectionId;
  if (otherConnection) {
    lines.push(`  ⚠ the backup is of another connection (id ${from.id}); its state is written to this one (id ${connection.connectionId})`);
  }
  const missing = unsynced(source.state, connection);
  if (missing.length > 0) {
    lines.push(`  note: the connection does not sync ${listed(missing)}; their state is written but not used`);
  }
  const kept = keptStreams(source.state, current);
  if (kept.length > 0) {
    lines.push(`  note: Airbyte writes a state stream by stream: ${listed(kept)} (not in the backup) keep their current state`);
  }
  const typeChanges = current.stateType !== source.state.stateType && current.stateType !== 'legacy' && current.stateType !== 'not_set';
  if (typeChanges) lines.push(`  note: the connection's state is ${current.stateType}; Airbyte changes a state's type only from legacy, so it may refuse`);
  return { lines, otherConnection };
}

/** The state as written to `connectionId`: the backup's, with its connection id replaced. */
export function retargeted(state: ConnectionState, connectionId: string): ConnectionState {
  return { ...state, connectionId };
}

/** The id of a running sync of the connection, for the hint of a 423 (undefined when it cannot be told). */
async function runningJob(client: AirbyteClient, connectionId: string): Promise<number | undefined> {
  try {
    const { jobs } = await client.listJobs({ configTypes: ['sync', 'refresh'], configId: connectionId, pagination: { pageSize: 20, rowOffset: 0 } });
    return jobs.find(({ job }) => ['pending', 'running', 'incomplete', 'queued'].includes(job.status))?.job.id;
  } catch {
    return undefined;
  }
}

/**
 * Writes `state` to the target connection with `state/create_or_update_safe`. A running sync (423), missing rights
 * (401/403) and an unknown connection (404) are errors that say what to do; nothing was written then.
 */
export async function writeState(client: AirbyteClient, target: StateTarget, state: ConnectionState): Promise<ConnectionState> {
  const { connection } = target;
  const name = `connection '${printable(connection.name)}'`;
  try {
    return await client.updateStateSafe({ connectionId: connection.connectionId, connectionState: state }, `connection '${connection.name}'`);
  } catch (error) {
    if (!(error instanceof GitopsError)) throw error;
    if (error.status === 423) {
      const job = await runningJob(client, connection.connectionId);
      const cancel =
        job === undefined ? `airbyte-gitops cancel <job-id>; airbyte-gitops jobs '${printable(connection.name)}' shows it` : `airbyte-gitops cancel ${job}`;
      throw new GitopsError(
        'CONFLICT',
        `a sync is running for ${name}${job === undefined ? '' : ` (job ${job})`}, and Airbyte does not change the state of a connection while it syncs; nothing was changed`,
        {
          hint: `wait for it or cancel it (${cancel}), then run restore again`,
          status: 423,
          cause: error,
        },
      );
    }
    if (error.status === 401 || error.status === 403) {
      const refused =
        error.status === 401
          ? `Airbyte did not accept the credentials to write the sync state of ${name}`
          : `the credentials may not write the sync state of ${name}`;
      throw new GitopsError('AUTH_FAILED', `${refused}: ${error.message}; nothing was changed`, {
        hint: `writing a state needs edit rights on the workspace '${printable(target.workspace.name)}' (an editor or admin of it); ${error.hint ?? ''}`.trim(),
        status: error.status,
        cause: error,
      });
    }
    if (error.status === 404) {
      throw new GitopsError(
        'NOT_FOUND',
        `${name} (id ${connection.connectionId}) no longer exists in workspace '${printable(target.workspace.name)}'; nothing was changed`,
        {
          hint: 'it was deleted after it was looked up by name: check the name, and restore to the connection that exists now (with --force when its id differs)',
          status: 404,
          cause: error,
        },
      );
    }
    throw error;
  }
}
