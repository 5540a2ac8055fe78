import type { Command } from 'commander';
import type { CancelFlags } from '../cancel.js';
import type { CommandIo, RunStatus } from '../io.js';
import { addConnectOptions } from './connect.js';

const EXAMPLES = `
Examples:
  $ airbyte-gitops jobs 'PostgreSQL → MinIO' --emulator     # find the running job's id
  $ airbyte-gitops cancel 12 --emulator
  $ airbyte-gitops cancel 12 --json

Exit status: 0 when the job ends cancelled; 1 when it had already ended (nothing to cancel), does not exist, or on API errors.`;

/** `cancel <job-id>`: cancel a running job and show its final status. */
export function register(program: Command, io: CommandIo, status: RunStatus): void {
  const command = program
    .command('cancel')
    .description('cancel a running job (ids are shown by `sync` and `jobs`) and show its final status')
    .argument('<job-id>', 'the job id')
    .option('--json', 'print {"jobId", "cancelled", "statusBefore", "status"}');
  addConnectOptions(command, io)
    .addHelpText('after', EXAMPLES)
    .action(async (text: string, flags: CancelFlags) => (await import('../cancel.js')).action(text, flags, io, status));
}
