/**
 * Sync state kept safe: before apply sends the call that resets or clears a connection's state (the update of a
 * change whose plan entry has `savesState`, the delete half of a replace, a delete), it reads the state with
 * `state/get` and saves it to a new file in the backup directory (see operate/state-write.ts). The state-destroying
 * call is sent only once the file is written: when the read or the write fails, the step fails with a message that
 * says so and names the way out, and its dependents are skipped.
 *
 * Each connection is saved once per run, also when two steps (or a retry on the copy Airbyte kept) would ask.
 * The state is held in memory once per backup in flight: its size is bounded by the client's answer cap
 * (AIRBYTE_MAX_ANSWER_BYTES, 64 MiB by default); a larger state fails the read, and with it the step.
 */
import { basename, join, resolve } from 'node:path';
import type { ConnectionRead, ConnectionState, ConnectionUpdate } from '../api/types.js';
import { GitopsError } from '../errors.js';
import type { Change, ConnectionChange, Step } from '../plan/types.js';
import { DEFAULT_STATE_BACKUP_DIR } from '../plan/types.js';
import { stateStreams, type StateBackupFileV1, type StateBackupReason } from '../operate/state-file.js';
import { saveBackupFile, writeProblem } from '../operate/state-write.js';
import { printable } from '../util/printable.js';
import type { ApplyClient, ExecuteOptions, StateBackupRecord } from './types.js';

/** Where the backup directory can be changed, for messages. */
export const STATE_BACKUP_DIR_SETTING = '--state-backup-dir or AIRBYTE_STATE_BACKUP_DIR';

/** True when the step must save the connection's state before its call: an update or delete of a `savesState` change. */
export function savesStateBefore(step: Step, change: Change): change is ConnectionChange {
  return step.kind === 'connection' && step.op !== 'create' && change.kind === 'connection' && change.savesState === true && change.id !== null;
}

const reasonOf = (change: ConnectionChange): StateBackupRecord['reason'] =>
  change.action === 'replace' ? 'replace' : change.action === 'delete' ? 'delete' : 'update';

/** What was not done because the backup failed, in words. */
function notSent(reason: StateBackupReason): string {
  if (reason === 'update') return 'the update was not sent';
  return reason === 'replace' ? 'the connection was not deleted (nor created again)' : 'the connection was not deleted';
}

/** The state backups of one run: at most one per connection id. */
export class StateBackups {
  private readonly saved = new Map<string, Promise<StateBackupRecord | undefined>>();
  private readonly done: StateBackupRecord[] = [];

  private readonly dir: string;
  private readonly cwd: string | undefined;
  private readonly now: () => number;
  private readonly onBackup: ((record: StateBackupRecord) => void) | undefined;

  constructor(
    private readonly client: ApplyClient,
    private readonly workspaceId: string,
    options: Pick<ExecuteOptions, 'stateBackupDir' | 'cwd' | 'now' | 'onStateBackup'> = {},
  ) {
    this.dir = options.stateBackupDir ?? DEFAULT_STATE_BACKUP_DIR;
    this.cwd = options.cwd;
    this.now = options.now ?? Date.now;
    this.onBackup = options.onStateBackup;
  }

  /** Every backup written so far, in the order written. */
  get records(): StateBackupRecord[] {
    return [...this.done];
  }

  /**
   * Saves the state of connection `connectionId` unless this run already did; resolves once the file is written
   * (undefined when Airbyte does not know the connection: there is no state to lose). Rejects with a GitopsError
   * without an HTTP status, so that no caller takes it for the 404 of the call it guards.
   */
  save(connectionId: string, change: ConnectionChange): Promise<StateBackupRecord | undefined> {
    let saving = this.saved.get(connectionId);
    if (saving === undefined) {
      saving = this.read(connectionId, change);
      // A failed backup may be tried again (the step is then retried by a later run, or by a relocated call).
      saving.catch(() => this.saved.delete(connectionId));
      this.saved.set(connectionId, saving);
    }
    return saving;
  }

  private async read(connectionId: string, change: ConnectionChange): Promise<StateBackupRecord | undefined> {
    const reason = reasonOf(change);
    const shown = `connection '${printable(change.name)}'`;
    let state: ConnectionState;
    try {
      state = await this.client.getState(connectionId, `connection '${change.name}'`);
    } catch (error) {
      if (error instanceof GitopsError && error.status === 404) return undefined;
      const message = error instanceof Error ? error.message : String(error);
      const hint = error instanceof GitopsError && error.hint !== undefined ? ` (${error.hint})` : '';
      throw new GitopsError('API_ERROR', `could not read the sync state of ${shown} to save it first, so ${notSent(reason)}: ${message}${hint}`, {
        cause: error,
      });
    }
    const savedAt = new Date(this.now());
    const backup: StateBackupFileV1 = {
      formatVersion: 1,
      savedAt: savedAt.toISOString(),
      workspaceId: this.workspaceId,
      connectionId,
      connectionName: change.name,
      reason,
      state,
    };
    let file: string;
    try {
      // Written under `cwd`; recorded as `dir` joined with the file's name, so a relative directory stays relative.
      const written = saveBackupFile(this.cwd === undefined ? this.dir : resolve(this.cwd, this.dir), backup);
      file = join(this.dir, basename(written));
    } catch (error) {
      throw new GitopsError(
        'USAGE',
        `could not save the sync state of ${shown} to ${printable(this.dir)}: ${writeProblem(error)}; ${notSent(reason)}. Choose a writable directory with ${STATE_BACKUP_DIR_SETTING}`,
        { cause: error },
      );
    }
    const record: StateBackupRecord = {
      connection: change.name,
      connectionId,
      file,
      stateType: state.stateType,
      streams: stateStreams(state).length,
      savedAt: backup.savedAt,
      reason,
    };
    this.done.push(record);
    this.onBackup?.(record);
    return record;
  }

  /**
   * The client a step uses: its connection update and delete save the state of the connection they name first.
   * Only those two calls destroy state; everything else goes to `client` untouched.
   */
  guard(client: ApplyClient, change: ConnectionChange): ApplyClient {
    const guarded = Object.create(client) as ApplyClient;
    guarded.updateConnection = async (body: ConnectionUpdate, resource?: string): Promise<ConnectionRead> => {
      await this.save(body.connectionId, change);
      return client.updateConnection(body, resource);
    };
    guarded.deleteConnection = async (connectionId: string, resource?: string): Promise<void> => {
      await this.save(connectionId, change);
      return client.deleteConnection(connectionId, resource);
    };
    return guarded;
  }
}
