import type { Command } from 'commander';
import type { StateGetFlags, StateRestoreFlags } from '../state.js';
import type { CommandIo } from '../io.js';
import { addConnectOptions } from './connect.js';

const GET_EXAMPLES = `
Examples:
  $ airbyte-gitops state get 'PostgreSQL → MinIO' --emulator
  $ airbyte-gitops state get 'PostgreSQL → MinIO' --out pg-minio-state.json
  $ airbyte-gitops state get 'PostgreSQL → MinIO' | jq '.streamState[].streamDescriptor.name'

Exit status: 0 on success; 1 when the connection is unknown, --out exists or cannot be written, or on API errors.`;

const RESTORE_EXAMPLES = `
Examples:
  $ airbyte-gitops state restore 'PostgreSQL → MinIO' --from .airbyte-gitops/state-backups/2026-11-27T11-45-56.123Z-PostgreSQL-MinIO-<id>.json
  $ airbyte-gitops state restore 'PostgreSQL → MinIO' --from pg-minio-state.json --yes
  $ airbyte-gitops state restore 'PostgreSQL → MinIO' --from old-connection.json --force   # a backup of another connection id

Exit status: 0 when the state was written; 1 when the file is not a state backup, the backup is of another
connection (without --force), the restore was not confirmed, a sync is running (Airbyte answers 423), the
credentials may not write state, the connection is unknown, or on API errors.`;

/** `state get` and `state restore`: a connection's sync state, read and written back. */
export function register(program: Command, io: CommandIo): void {
  const state = program.command('state').description("read a connection's sync state, or write a saved one back (apply saves it before changes that reset it)");
  const get = state
    .command('get')
    .description("print a connection's sync state as JSON, or save it as a backup file with --out")
    .argument('<connection-name>', 'connection name as in Airbyte')
    .option('--out <file>', 'save it as a backup file (mode 0600) that state restore reads; the file must not exist yet')
    .option('--json', 'with --out: print {"connection", "connectionId", "stateType", "streams", "file"}');
  addConnectOptions(get, io)
    .addHelpText('after', GET_EXAMPLES)
    .action(async (name: string, flags: StateGetFlags) => (await import('../state.js')).getAction(name, flags, io));
  const restore = state
    .command('restore')
    .description('write a saved sync state back to a connection, after showing it and asking (like apply)')
    .argument('<connection-name>', 'connection name as in Airbyte')
    .requiredOption('--from <file>', 'a backup file written by apply or by state get --out (or the JSON state get prints)')
    .option('--yes', 'do not ask for confirmation (needed when there is no terminal)')
    .option('--force', 'write a backup of another connection id (after a replace, the connection has a new id)')
    .option('--state-backup-dir <dir>', 'where the state it replaces is saved first (env AIRBYTE_STATE_BACKUP_DIR; default .airbyte-gitops/state-backups)')
    .option('--json', 'print {"connection", "connectionId", "stateType", "streams", "from", "replacedStateSavedTo"}; the preview goes to stderr');
  addConnectOptions(restore, io)
    .addHelpText('after', RESTORE_EXAMPLES)
    .action(async (name: string, flags: StateRestoreFlags) => (await import('../state.js')).restoreAction(name, flags, io));
}
