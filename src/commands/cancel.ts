/**
 * `cancel <job-id>`: cancel a job and report the status it ends in. A job that has already ended is not cancelled
 * again; the command says how it ended and exits 1 (the job was not cancelled).
 */
import type { AttemptRead, JobRead } from '../api/types.js';
import type { AirbyteClient } from '../client/index.js';
import { ExitCode, GitopsError } from '../errors.js';
import { attemptsOf, isTerminal } from '../operate/job-info.js';
import { withClient, type ConnectFlags } from './connect.js';
import type { CommandIo, RunStatus } from './io.js';

/** What happened: `cancelled` true when this call cancelled the job. */
export interface CancelResult {
  job: JobRead;
  attempts: AttemptRead[];
  /** The status before cancelling. */
  before: string;
  cancelled: boolean;
}

const SETTLE_POLLS = 30;
const SETTLE_INTERVAL_MS = 1000;

export function parseJobId(text: string): number {
  const id = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(id)) {
    throw new GitopsError('USAGE', `a job id is a whole number (as shown by 'airbyte-gitops jobs'), got '${text}'`);
  }
  return id;
}

async function getJob(client: AirbyteClient, id: number) {
  try {
    return await client.getJobWithoutLogs(id);
  } catch (error) {
    if (error instanceof GitopsError && error.status === 404) {
      throw new GitopsError('NOT_FOUND', `job ${id} does not exist`, {
        hint: "list a connection's jobs with 'airbyte-gitops jobs <connection-name>'",
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Cancels job `id`. A real server may answer while the job is still stopping, so a non-final answer is followed
 * by a few gets until the job reports its final status.
 */
export async function cancelJob(client: AirbyteClient, id: number, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Promise<CancelResult> {
  const current = await getJob(client, id);
  if (isTerminal(current.job.status)) return { job: current.job, attempts: attemptsOf(current), before: current.job.status, cancelled: false };
  let info = await client.cancelJob(id);
  for (let i = 0; i < SETTLE_POLLS && !isTerminal(info.job.status); i++) {
    await sleep(SETTLE_INTERVAL_MS);
    info = await client.getJobWithoutLogs(id);
  }
  return { job: info.job, attempts: attemptsOf(info), before: current.job.status, cancelled: true };
}

/** The line the command prints. */
export function cancelLine(result: CancelResult): string {
  const { job } = result;
  if (!result.cancelled) return `job ${job.id} had already ended (${job.status}); nothing to cancel`;
  if (job.status === 'cancelled') return `✓ job ${job.id} cancelled (it was ${result.before})`;
  return `job ${job.id}: cancel requested while ${result.before}; its status is now ${job.status}`;
}

export interface CancelFlags extends ConnectFlags {
  json?: boolean;
}

/** `cancel <job-id>`: cancel a running job and print how it ended; exit 1 unless this call cancelled it. */
export async function action(text: string, flags: CancelFlags, io: CommandIo, status: RunStatus): Promise<void> {
  const id = parseJobId(text);
  await withClient(io, flags, async (client) => {
    const result = await cancelJob(client, id);
    if (flags.json) {
      const json = { jobId: result.job.id, cancelled: result.cancelled, statusBefore: result.before, status: result.job.status };
      io.stdout.write(JSON.stringify(json, null, 2) + '\n');
    } else io.stdout.write(cancelLine(result) + '\n');
    if (result.job.status !== 'cancelled' || !result.cancelled) status.exitStatus = ExitCode.error;
  });
}
