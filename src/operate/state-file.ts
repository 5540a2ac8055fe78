/**
 * The sync-state backup file: what `apply` writes before a change that resets or clears a connection's state, what
 * `state get --out` writes, and what `state restore --from` reads. One JSON document, `formatVersion` 1:
 * `{formatVersion, savedAt, workspaceId, connectionId, connectionName, reason, state}`, where `state` is the
 * ConnectionState exactly as `state/get` answered it. `restore` also reads a bare ConnectionState (what
 * `state get` prints on stdout).
 */
import { readFileSync } from 'node:fs';
import type { ConnectionState, ConnectionStateType, StreamDescriptor } from '../api/types.js';
import { GitopsError } from '../errors.js';
import { streamLabel as identityLabel } from '../streams/identity.js';
import { printable } from '../util/printable.js';

/**
 * Why the state was saved: the change apply was about to make (`update` that resets the state of some streams, the
 * delete half of a `replace`, a `delete`); `state-get` for `state get --out`; `restore` for the state `state restore`
 * replaced.
 */
export type StateBackupReason = 'update' | 'replace' | 'delete' | 'state-get' | 'restore';

/** The backup file. Field order is the order written. */
export interface StateBackupFileV1 {
  formatVersion: 1;
  /** When the state was read, ISO 8601 UTC. */
  savedAt: string;
  workspaceId: string;
  connectionId: string;
  connectionName: string;
  reason: StateBackupReason;
  state: ConnectionState;
}

/** What a file given to `restore --from` holds: the backup's metadata when it is a backup file, and the state. */
export interface StateSource {
  file: string;
  /** Absent for a bare ConnectionState. */
  backup?: Omit<StateBackupFileV1, 'state'>;
  state: ConnectionState;
}

const STATE_TYPES: readonly ConnectionStateType[] = ['global', 'stream', 'legacy', 'not_set'];
/** Above this size a backup is written without indentation: a large state then takes about its size on the wire. */
const PRETTY_LIMIT = 1024 * 1024;

/** `public.users` (or `users` without a namespace), printable. */
export function streamLabel(descriptor: StreamDescriptor): string {
  return printable(identityLabel(descriptor));
}

/** The streams a state holds a position for (none for a legacy or unset state). */
export function stateStreams(state: ConnectionState): StreamDescriptor[] {
  if (state.stateType === 'stream') return (state.streamState ?? []).map((entry) => entry.streamDescriptor);
  if (state.stateType === 'global') return (state.globalState?.streamStates ?? []).map((entry) => entry.streamDescriptor);
  return [];
}

/** `stream state of 3 streams`, `global state of 1 stream`, `legacy state`, `no state (not_set)`. */
export function describeState(state: ConnectionState): string {
  if (state.stateType === 'not_set') return 'no state (not_set)';
  if (state.stateType === 'legacy') return 'legacy state';
  const count = stateStreams(state).length;
  return `${state.stateType} state of ${count} stream${count === 1 ? '' : 's'}`;
}

/** The file's text: indented when small, the state on one line when large (the header stays readable). */
export function backupText(backup: StateBackupFileV1): string {
  const state = JSON.stringify(backup.state);
  if (state.length <= PRETTY_LIMIT) return `${JSON.stringify(backup, null, 2)}\n`;
  const { state: _state, ...header } = backup;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  return `${head},\n  "state": ${state}\n}\n`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first thing wrong with a stream state entry at `path`, or undefined. */
function streamStateProblem(entry: unknown, path: string): string | undefined {
  if (!isObject(entry)) return `${path} is not an object`;
  const descriptor = entry['streamDescriptor'];
  if (!isObject(descriptor) || typeof descriptor['name'] !== 'string' || descriptor['name'] === '') return `${path}.streamDescriptor.name is not a stream name`;
  if (descriptor['namespace'] !== undefined && descriptor['namespace'] !== null && typeof descriptor['namespace'] !== 'string')
    return `${path}.streamDescriptor.namespace is not a string`;
  if (entry['streamState'] !== undefined && entry['streamState'] !== null && !isObject(entry['streamState'])) return `${path}.streamState is not an object`;
  return undefined;
}

function listProblem(list: unknown, path: string): string | undefined {
  if (!Array.isArray(list)) return `${path} is not a list`;
  for (const [i, entry] of list.entries()) {
    const problem = streamStateProblem(entry, `${path}[${i}]`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** The first thing wrong with a ConnectionState at `path` (`state`, or `` for a bare one), or undefined. */
export function connectionStateProblem(state: unknown, path: string): string | undefined {
  const at = (field: string) => (path === '' ? field : `${path}.${field}`);
  if (!isObject(state)) return `${path === '' ? 'the document' : path} is not an object`;
  if (typeof state['connectionId'] !== 'string') return `${at('connectionId')} is not a string`;
  const type = state['stateType'];
  if (typeof type !== 'string' || !STATE_TYPES.includes(type as ConnectionStateType)) return `${at('stateType')} is not one of ${STATE_TYPES.join(', ')}`;
  if (type === 'stream') return listProblem(state['streamState'], at('streamState'));
  if (type === 'global') {
    const global = state['globalState'];
    if (!isObject(global)) return `${at('globalState')} is not an object`;
    if (global['shared_state'] !== undefined && global['shared_state'] !== null && !isObject(global['shared_state']))
      return `${at('globalState.shared_state')} is not an object`;
    return listProblem(global['streamStates'], at('globalState.streamStates'));
  }
  if (type === 'legacy' && !isObject(state['state'])) return `${at('state')} is not an object`;
  return undefined;
}

const HEADER_STRINGS = ['savedAt', 'workspaceId', 'connectionId', 'connectionName', 'reason'] as const;

function unreadable(file: string, problem: string, hint?: string, cause?: unknown): GitopsError {
  return new GitopsError('USAGE', `cannot restore from ${printable(file)}: ${problem}; nothing was changed`, {
    hint: hint ?? 'give --from a backup file written by apply (see the backup directory) or by `state get --out`',
    cause,
  });
}

function readText(file: string, shownAs: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'ERR_STRING_TOO_LONG'
              ? 'it is too large to read'
              : error instanceof Error
                ? error.message
                : String(error);
    throw unreadable(shownAs, problem, undefined, error);
  }
}

/** Reads and checks a backup file (or a bare ConnectionState); every problem is a USAGE error naming the file. */
export function readStateSource(file: string, shownAs = file): StateSource {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(file, shownAs));
  } catch (error) {
    if (error instanceof GitopsError) throw error;
    // Not the parser's message: it quotes the file's first characters, and the wrong file may hold secrets.
    throw unreadable(shownAs, 'it is not valid JSON', 'a backup file may have been cut short or edited by hand', error);
  }
  if (isObject(parsed) && 'formatVersion' in parsed) {
    if (parsed['formatVersion'] !== 1) {
      throw unreadable(
        shownAs,
        `formatVersion ${JSON.stringify(parsed['formatVersion'])} is not one this version reads (1)`,
        'restore it with the version that wrote it',
      );
    }
    const missing = HEADER_STRINGS.find((field) => typeof parsed[field] !== 'string');
    if (missing !== undefined) throw unreadable(shownAs, `${missing} is not a string`);
    const problem = connectionStateProblem(parsed['state'], 'state');
    if (problem !== undefined) throw unreadable(shownAs, problem);
    const { state, ...backup } = parsed as unknown as StateBackupFileV1;
    return { file: shownAs, backup, state };
  }
  const problem = connectionStateProblem(parsed, '');
  if (problem !== undefined) throw unreadable(shownAs, `it is neither a state backup (no formatVersion) nor a connection state: ${problem}`);
  return { file: shownAs, state: parsed as unknown as ConnectionState };
}
