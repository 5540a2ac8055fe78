/**
 * Triggering syncs and following their jobs. An inactive connection is refused before any call (the server
 * answers a bare 500); a 409 "already running" attaches to the running job instead of failing.
 */
import type { ConnectionRead, JobInfoRead } from '../api/types.js';
import type { AirbyteClient } from '../client/index.js';
import { GitopsError } from '../errors.js';
import { attemptsOf, isTerminal } from './job-info.js';
import { findByName } from './resolve.js';
import type { JobWatch } from './sync-format.js';

/** The connections behind `names` (each once), all active, or an error naming every inactive one. */
export async function resolveConnections(client: AirbyteClient, workspace: string | undefined, names: readonly string[]): Promise<ConnectionRead[]> {
  const ws = await client.resolveWorkspace(workspace);
  const connections = (await client.listConnections(ws.workspaceId)).filter((connection) => connection.status !== 'deprecated');
  const chosen = [...new Set(names)].map((name) => findByName('connection', name, connections, (c) => c.connectionId, ws.name));
  const inactive = chosen.filter((connection) => connection.status !== 'active');
  if (inactive.length > 0) {
    const list = inactive.map((connection) => `'${connection.name}' (${connection.status})`).join(', ');
    throw new GitopsError('USAGE', `cannot sync ${list}: Airbyte only syncs active connections (it answers an inactive one with a bare HTTP 500)`, {
      meta: { inactive: inactive.map((connection) => connection.name) },
      hint: 'set `status: active` on the connection in its pipeline file and run apply, then sync again',
    });
  }
  return chosen;
}

const RUNNING = new Set(['pending', 'running', 'incomplete', 'queued']);

/** The newest unfinished sync job of a connection (what a 409 "already running" refers to). */
async function runningJob(client: AirbyteClient, connectionId: string): Promise<number | undefined> {
  const { jobs } = await client.listJobs({ configTypes: ['sync'], configId: connectionId, pagination: { pageSize: 20, rowOffset: 0 } });
  return jobs.filter(({ job }) => RUNNING.has(job.status)).sort((a, b) => b.job.createdAt - a.job.createdAt || b.job.id - a.job.id)[0]?.job.id;
}

function watchOf(connection: ConnectionRead, info: JobInfoRead, attached: boolean): JobWatch {
  return { connection: connection.name, connectionId: connection.connectionId, jobId: info.job.id, attached, job: info.job, attempts: attemptsOf(info) };
}

/** Starts a sync, or attaches to the one already running. */
export async function triggerSync(client: AirbyteClient, connection: ConnectionRead): Promise<JobWatch> {
  try {
    return watchOf(connection, await client.syncConnection(connection.connectionId, `connection '${connection.name}'`), false);
  } catch (error) {
    if (!(error instanceof GitopsError) || error.status !== 409) throw error;
    const jobId = await runningJob(client, connection.connectionId);
    if (jobId === undefined) throw error;
    return watchOf(connection, await client.getJobWithoutLogs(jobId), true);
  }
}

/** How `waitForJobs` tells the command what happened; the command decides how to print it. */
export interface WaitReporter {
  /** A job's status changed. */
  changed(watch: JobWatch): void;
  /** A job kept its status for a heartbeat interval (non-TTY output prints a line). */
  heartbeat(watch: JobWatch): void;
  /** Every tick (the TTY live line). */
  tick(watches: readonly JobWatch[]): void;
}

export interface WaitOptions {
  timeoutMs: number;
  pollIntervalMs: number;
  /** How often an unchanged job is reported anyway (30 s); Infinity for never. */
  heartbeatMs: number;
  /** How often `tick` runs between polls (1 s on a TTY, for the elapsed time); Infinity for only at polls. */
  tickMs: number;
  reporter: WaitReporter;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Aborted (its reason the signal's name) when the user stops the wait: Ctrl-C or SIGTERM. */
  stop?: AbortSignal;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `sleep(ms)`, cut short when `stop` is aborted. */
function sleepUnless(sleep: (ms: number) => Promise<void>, ms: number, stop: AbortSignal | undefined): Promise<void> {
  if (stop === undefined) return sleep(ms);
  if (stop.aborted) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => resolve();
    stop.addEventListener('abort', onAbort, { once: true });
    sleep(ms).then(
      () => {
        stop.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        stop.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function poll(client: AirbyteClient, watch: JobWatch, reporter: WaitReporter): Promise<boolean> {
  const info = await client.getJobWithoutLogs(watch.jobId);
  const changed = info.job.status !== watch.job.status;
  watch.job = info.job;
  watch.attempts = attemptsOf(info);
  if (changed) reporter.changed(watch);
  return changed;
}

/**
 * Polls every unfinished job until all are over, the timeout passes or `stop` is aborted; jobs still running then
 * are marked `timedOut` or `interruptedBy` (they keep running in Airbyte). The watches are updated in place and
 * returned.
 */
export async function waitForJobs(client: AirbyteClient, watches: JobWatch[], options: WaitOptions): Promise<JobWatch[]> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const deadline = now() + options.timeoutMs;
  const lastReport = new Map(watches.map((watch) => [watch, now()]));
  let nextPoll = now() + options.pollIntervalMs;
  const open = () => watches.filter((watch) => !isTerminal(watch.job.status));
  const stopped = () => options.stop?.aborted === true;
  while (open().length > 0 && now() < deadline && !stopped()) {
    const wake = Math.min(nextPoll, deadline, now() + options.tickMs);
    await sleepUnless(sleep, Math.max(0, wake - now()), options.stop);
    if (stopped()) break;
    if (now() >= nextPoll || now() >= deadline) {
      await Promise.all(
        open().map(async (watch) => {
          if (await poll(client, watch, options.reporter)) lastReport.set(watch, now());
          else if (now() - (lastReport.get(watch) ?? 0) >= options.heartbeatMs) {
            options.reporter.heartbeat(watch);
            lastReport.set(watch, now());
          }
        }),
      );
      nextPoll = now() + options.pollIntervalMs;
    }
    options.reporter.tick(watches);
  }
  const signal = stopped() ? ((options.stop?.reason as NodeJS.Signals | undefined) ?? 'SIGINT') : undefined;
  for (const watch of open()) {
    if (signal !== undefined) watch.interruptedBy = signal;
    else watch.timedOut = true;
  }
  return watches;
}
