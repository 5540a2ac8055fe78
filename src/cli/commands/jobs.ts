import type { Command } from 'commander';
import { GitopsError } from '../../errors.js';
import { jobJson, recentJobs, renderJobsTable } from '../../ops/jobs.js';
import { addConnectOptions, withClient, type ConnectFlags } from '../context.js';

interface JobsFlags extends ConnectFlags {
  limit: string;
  json?: boolean;
}

function limitOf(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new GitopsError('USAGE', `--limit must be a whole number from 1 to 1000, got '${text}'`);
  return limit;
}

/** `jobs <connection-name> [--limit 10]`: the connection's recent jobs. */
export function register(program: Command): void {
  const command = program
    .command('jobs')
    .description("list a connection's recent sync and reset jobs, newest first")
    .argument('<connection-name>', 'connection name as in Airbyte')
    .option('--limit <n>', 'how many jobs to show', '10')
    .option('--json', 'print {"jobs": [{id, type, status, startedAt, durationSeconds, records, bytes}]}');
  addConnectOptions(command)
    .addHelpText('after', '\nExit status: 0 on success; 1 when the connection is unknown or on API errors.')
    .action(async (name: string, flags: JobsFlags) => {
      const limit = limitOf(flags.limit);
      await withClient(flags, async (client) => {
        const now = Math.floor(Date.now() / 1000);
        const jobs = (await recentJobs(client, flags.workspace, name, limit)).map((job) => jobJson(job, now));
        process.stdout.write(flags.json ? JSON.stringify({ jobs }, null, 2) + '\n' : renderJobsTable(jobs));
      });
    });
}
