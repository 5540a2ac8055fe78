import type { Command } from 'commander';
import type { JobsFlags } from '../jobs.js';
import type { CommandIo } from '../io.js';
import { integerFlag } from '../flags.js';
import { addConnectOptions } from './connect.js';

const EXAMPLES = `
Examples:
  $ airbyte-gitops jobs 'PostgreSQL → MinIO' --emulator
  $ airbyte-gitops jobs 'PostgreSQL → MinIO' --limit 3 --json | jq '.jobs[0].status'

Exit status: 0 on success; 1 when the connection is unknown or on API errors.`;

/** `jobs <connection-name> [--limit 10]`: the connection's recent jobs. */
export function register(program: Command, io: CommandIo): void {
  const command = program
    .command('jobs')
    .description("list a connection's recent sync and reset jobs, newest first")
    .argument('<connection-name>', 'connection name as in Airbyte')
    .option('--limit <n>', 'how many jobs to show (1 to 1000)', integerFlag('--limit', 1, 1000), 10)
    .option('--json', 'print {"jobs": [{id, type, status, startedAt, durationSeconds, records, bytes}]}');
  addConnectOptions(command, io)
    .addHelpText('after', EXAMPLES)
    .action(async (name: string, flags: JobsFlags) => (await import('../jobs.js')).action(name, flags, io));
}
