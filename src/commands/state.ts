/**
 * `state get <connection> [--out file]`: a connection's sync state as JSON, on stdout or saved as a backup file.
 * `state restore <connection> --from <file>`: a saved state written back, after showing what it writes and
 * asking as apply does; the state it replaces is saved first, like apply saves the state it resets.
 */
import { lstatSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { ConnectionState } from '../api/types.js';
import { GitopsError } from '../errors.js';
import { DEFAULT_STATE_BACKUP_DIR } from '../plan/types.js';
import { backupText, describeState, readStateSource, stateStreams, type StateBackupFileV1, type StateBackupReason } from '../operate/state-file.js';
import { saveBackupFile, writeNewFile, writeProblem } from '../operate/state-write.js';
import { findConnection, restorePreview, retargeted, writeState, type StateTarget } from '../operate/state.js';
import { printable } from '../util/printable.js';
import { withClient, type ConnectFlags } from './connect.js';
import type { CommandIo } from './io.js';

export const STATE_BACKUP_DIR_ENV = 'AIRBYTE_STATE_BACKUP_DIR';
export const RESTORE_PROMPT = "Restore this state? Only 'yes' will be accepted: ";

export interface StateGetFlags extends ConnectFlags {
  out?: string;
  json?: boolean;
}

export interface StateRestoreFlags extends ConnectFlags {
  from: string;
  yes?: boolean;
  force?: boolean;
  json?: boolean;
  stateBackupDir?: string;
}

function unwritableOut(out: string, problem: string, cause?: unknown): GitopsError {
  return new GitopsError('USAGE', `cannot save the state to ${printable(out)}: ${problem}; nothing was saved`, {
    hint: 'give --out a new file in an existing directory, e.g. --out state.json (existing files are never replaced); without --out the state goes to stdout',
    cause,
  });
}

/** Refuses, before anything is read from Airbyte, an --out that exists (a file, a directory, a symlink) or has no directory. */
function checkOut(path: string, shown: string): void {
  let found, dir;
  try {
    found = lstatSync(path, { throwIfNoEntry: false });
    dir = statSync(dirname(path), { throwIfNoEntry: false });
  } catch (error) {
    throw unwritableOut(shown, writeProblem(error), error);
  }
  if (found?.isDirectory()) throw unwritableOut(shown, 'it is a directory');
  if (found?.isSymbolicLink()) throw unwritableOut(shown, 'it is a symbolic link (never followed)');
  if (found !== undefined) throw unwritableOut(shown, 'it already exists');
  if (dir === undefined) throw unwritableOut(shown, `its directory ${printable(dirname(shown))} does not exist`);
  if (!dir.isDirectory()) throw unwritableOut(shown, `${printable(dirname(shown))} is not a directory`);
}

function backupOf(target: StateTarget, state: ConnectionState, reason: StateBackupReason): StateBackupFileV1 {
  const { workspace, connection } = target;
  return {
    formatVersion: 1,
    savedAt: new Date().toISOString(),
    workspaceId: workspace.workspaceId,
    connectionId: connection.connectionId,
    connectionName: connection.name,
    reason,
    state,
  };
}

/** `{connection, connectionId, stateType, streams}` of --json answers. */
function stateJson(target: StateTarget, state: ConnectionState) {
  return { connection: target.connection.name, connectionId: target.connection.connectionId, stateType: state.stateType, streams: stateStreams(state).length };
}

/** `state get <connection> [--out file]`. */
export async function getAction(name: string, flags: StateGetFlags, io: CommandIo): Promise<void> {
  const out = flags.out === undefined ? undefined : resolve(io.cwd, flags.out);
  if (out !== undefined) checkOut(out, flags.out as string);
  await withClient(io, flags, async (client) => {
    const target = await findConnection(client, flags.workspace, name);
    const state = await client.getState(target.connection.connectionId, `connection '${target.connection.name}'`);
    if (out === undefined) {
      io.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
      return;
    }
    const shown = flags.out as string;
    try {
      writeNewFile(out, backupText(backupOf(target, state, 'state-get')));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw unwritableOut(shown, code === 'EEXIST' ? 'it was created meanwhile' : writeProblem(error), error);
    }
    if (flags.json) io.stdout.write(`${JSON.stringify({ ...stateJson(target, state), file: shown }, null, 2)}\n`);
    else io.stdout.write(`Saved the sync state of connection '${printable(target.connection.name)}' (${describeState(state)}) to ${printable(shown)}\n`);
  });
}

async function ask(io: CommandIo, output: NodeJS.WritableStream): Promise<string> {
  const prompt = createInterface({ input: io.stdin, output, terminal: true });
  try {
    const cancelled = new Promise<string>((resolved) => prompt.once('SIGINT', () => resolved('')));
    return (await Promise.race([prompt.question(`\n${RESTORE_PROMPT}`), cancelled])).trim();
  } finally {
    prompt.close();
  }
}

/** Resolves when the restore may go ahead: --yes, or `yes` typed on a terminal. Throws USAGE (nothing written) otherwise. */
async function confirm(flags: StateRestoreFlags, io: CommandIo, output: NodeJS.WritableStream): Promise<void> {
  if (flags.yes) return;
  if (io.stdin.isTTY !== true) {
    throw new GitopsError('USAGE', 'state restore needs confirmation, but there is no terminal to ask on; nothing was changed', {
      hint: 'run it in a terminal, or pass --yes once you have read what it writes',
    });
  }
  if ((await ask(io, output)) !== 'yes') throw new GitopsError('USAGE', 'restore cancelled; nothing was changed');
}

/** Saves the state restore is about to replace (nothing when there is none); returns the file as shown. */
function saveCurrent(target: StateTarget, current: ConnectionState, flags: StateRestoreFlags, io: CommandIo): string | undefined {
  if (current.stateType === 'not_set') return undefined;
  const given = flags.stateBackupDir ?? io.env[STATE_BACKUP_DIR_ENV] ?? DEFAULT_STATE_BACKUP_DIR;
  try {
    return join(given, basename(saveBackupFile(resolve(io.cwd, given), backupOf(target, current, 'restore'))));
  } catch (error) {
    throw new GitopsError(
      'USAGE',
      `cannot save the current sync state to ${printable(given)} before replacing it: ${writeProblem(error)}; nothing was changed`,
      {
        hint: `choose a writable directory with --state-backup-dir or ${STATE_BACKUP_DIR_ENV}`,
        cause: error,
      },
    );
  }
}

/** `state restore <connection> --from <file> [--yes] [--force]`. */
export async function restoreAction(name: string, flags: StateRestoreFlags, io: CommandIo): Promise<void> {
  const source = readStateSource(resolve(io.cwd, flags.from), flags.from);
  if (source.state.stateType === 'not_set') {
    throw new GitopsError('USAGE', `${printable(flags.from)} holds no state (not_set): there is nothing to restore; nothing was changed`, {
      hint: 'the connection had no state when it was saved, so its next sync starts from the beginning either way',
    });
  }
  const human = flags.json ? io.stderr : io.stdout;
  await withClient(io, flags, async (client) => {
    const target = await findConnection(client, flags.workspace, name);
    const current = await client.getState(target.connection.connectionId, `connection '${target.connection.name}'`);
    const preview = restorePreview(source, target, current);
    human.write(`${preview.lines.join('\n')}\n`);
    if (preview.otherConnection && !flags.force) {
      throw new GitopsError(
        'USAGE',
        `${printable(flags.from)} is a backup of another connection (id ${source.backup?.connectionId ?? source.state.connectionId}); nothing was changed`,
        {
          hint: `pass --force to write it to connection '${printable(target.connection.name)}' anyway (as after a replace, which gives the connection a new id)`,
        },
      );
    }
    await confirm(flags, io, human);
    const saved = saveCurrent(target, current, flags, io);
    if (saved !== undefined) human.write(`✓ saved the current sync state (${describeState(current)}) to ${printable(saved)}\n`);
    const written = await writeState(client, target, retargeted(source.state, target.connection.connectionId));
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ...stateJson(target, written), from: flags.from, replacedStateSavedTo: saved ?? null }, null, 2)}\n`);
    } else human.write(`✓ restored the sync state of connection '${printable(target.connection.name)}' (${describeState(written)})\n`);
  });
}
