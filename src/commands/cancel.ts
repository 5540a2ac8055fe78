import type { Command } from 'commander';
import { ExitCode } from '../errors.js';
import { cancelJob, cancelLine, parseJobId } from '../operate/cancel.js';
import { addConnectOptions, withClient, type ConnectFlags } from './connect.js';
import { setExitStatus } from './exit-status.js';

interface CancelFlags extends ConnectFlags {
  json?: boolean;
}

const EXAMPLES = `
Examples:
  $ airbyte-gitops jobs 'PostgreSQL → MinIO' --emulator     # find the running job's id
  $ airbyte-gitops cancel 12 --emulator
  $ airbyte-gitops cancel 12 --json

Exit status: 0 when the job ends cancelled; 1 when it had already ended (nothing to cancel), does not exist, or on API errors.`;

/** `cancel <job-id>`: cancel a running job and show its final status. */
export function register(program: Command): void {
  const command = program
    .command('cancel')
    .description('cancel a running job (ids are shown by `sync` and `jobs`) and show its final status')
    .argument('<job-id>', 'the job id')
    .option('--json', 'print {"jobId", "cancelled", "statusBefore", "status"}');
  addConnectOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (text: string, flags: CancelFlags) => {
      const id = parseJobId(text);
      await withClient(flags, async (client) => {
        const result = await cancelJob(client, id);
        if (flags.json) {
          const json = { jobId: result.job.id, cancelled: result.cancelled, statusBefore: result.before, status: result.job.status };
          process.stdout.write(JSON.stringify(json, null, 2) + '\n');
        } else process.stdout.write(cancelLine(result) + '\n');
        if (result.job.status !== 'cancelled' || !result.cancelled) setExitStatus(ExitCode.error);
      });
    });
}
