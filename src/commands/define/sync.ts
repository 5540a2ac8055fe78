import { Option, type Command } from 'commander';
import type { SyncFlags } from '../sync.js';
import type { CommandIo, RunStatus } from '../io.js';
import { addConnectOptions } from './connect.js';

const EXAMPLES = `
Examples:
  $ airbyte-gitops sync 'PostgreSQL → MinIO' --emulator --wait
  $ airbyte-gitops sync 'PostgreSQL → MinIO' 'PostgreSQL → Staging' --wait --timeout 2h --poll-interval 15s
  $ airbyte-gitops sync 'PostgreSQL → MinIO' --json > jobs.json
`;

/** `sync <connection-name>... [--wait]`: trigger syncs, optionally follow them to the end. */
export function register(program: Command, io: CommandIo, status: RunStatus): void {
  const command = program
    .command('sync')
    .description('trigger a sync of one or more connections (by name); --wait follows the jobs to the end')
    .argument('<connection-name...>', 'connection names as in Airbyte (quote names with spaces)')
    .option('--wait', 'wait for the jobs to end; exit 1 unless every job succeeded')
    .addOption(new Option('--timeout <duration>', 'with --wait: give up waiting after this long (the job keeps running)').default('1h', '1h'))
    .addOption(new Option('--poll-interval <duration>', 'with --wait: how often to ask Airbyte for the job status').default('2s', '2s'))
    .option(
      '--json',
      'print {"jobs": [{connection, connectionId, jobId, attached, status, timedOut, startedAt, durationSeconds, records, bytes, failureReason}]}; progress goes to stderr',
    );
  addConnectOptions(command, io)
    .addHelpText(
      'after',
      EXAMPLES +
        '\nExit status: 0 when the syncs were started (with --wait: when every job succeeded); 1 when a job failed,\n' +
        'was cancelled or is still running at --timeout, a name is unknown, a connection is inactive, or on API errors;\n' +
        '130 when Ctrl-C or SIGTERM stopped --wait (the jobs keep running; cancel them with airbyte-gitops cancel <job-id>).',
    )
    .action(async (names: string[], flags: SyncFlags) => (await import('../sync.js')).action(names, flags, io, status));
}
