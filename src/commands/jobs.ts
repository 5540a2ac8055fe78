/**
 * `jobs <connection-name>`: a connection's recent jobs as a table or as the documented JSON
 * `{ "jobs": [ { "id", "type", "status", "startedAt", "durationSeconds", "records", "bytes" } ] }`.
 */
import type { JobWithAttemptsRead } from '../api/types.js';
import type { AirbyteClient } from '../client/index.js';
import { durationSeconds, jobCounts } from '../operate/job-info.js';
import { formatBytes, formatCount, formatDuration, formatTimestamp, isoTimestamp, renderTable } from '../operate/format.js';
import { findByName } from '../operate/resolve.js';
import { withClient, type ConnectFlags } from './connect.js';
import type { CommandIo } from './io.js';

/** One job in `jobs --json`. `startedAt` is ISO 8601 (null while pending); counts are null when unknown. */
export interface JobJson {
  id: number;
  type: string;
  status: string;
  startedAt: string | null;
  durationSeconds: number;
  records: number | null;
  bytes: number | null;
}

export function jobJson({ job, attempts }: JobWithAttemptsRead, nowSeconds: number): JobJson {
  const counts = jobCounts(job, attempts);
  return {
    id: job.id,
    type: job.configType,
    status: job.status,
    startedAt: job.startedAt === undefined ? null : isoTimestamp(job.startedAt),
    durationSeconds: durationSeconds(job, attempts, nowSeconds),
    records: counts.records ?? null,
    bytes: counts.bytes ?? null,
  };
}

const orDash = (value: number | null, format: (n: number) => string) => (value === null ? '-' : format(value));

export function renderJobsTable(jobs: readonly JobJson[]): string {
  if (jobs.length === 0) return 'No jobs yet.\n';
  return renderTable(
    ['ID', 'TYPE', 'STATUS', 'STARTED', 'DURATION', 'RECORDS', 'BYTES'],
    jobs.map((job) => [
      String(job.id),
      job.type,
      job.status,
      job.startedAt === null ? '-' : formatTimestamp(Date.parse(job.startedAt) / 1000),
      formatDuration(job.durationSeconds),
      orDash(job.records, formatCount),
      orDash(job.bytes, formatBytes),
    ]),
  );
}

/**
 * The newest `limit` jobs of the connection named `name`. Only `sync` and `reset_connection` are asked for: every
 * server version knows them (a config type the server lacks would be rejected).
 */
export async function recentJobs(client: AirbyteClient, workspace: string | undefined, name: string, limit: number): Promise<JobWithAttemptsRead[]> {
  const ws = await client.resolveWorkspace(workspace);
  const connections = (await client.listConnections(ws.workspaceId)).filter((connection) => connection.status !== 'deprecated');
  const connection = findByName('connection', name, connections, (c) => c.connectionId, ws.name);
  const { jobs } = await client.listJobs({
    configTypes: ['sync', 'reset_connection'],
    configId: connection.connectionId,
    pagination: { pageSize: limit, rowOffset: 0 },
  });
  return [...jobs].sort((a, b) => b.job.createdAt - a.job.createdAt || b.job.id - a.job.id).slice(0, limit);
}

export interface JobsFlags extends ConnectFlags {
  limit: number;
  json?: boolean;
}

/** `jobs <connection-name>`: the connection's recent jobs, as a table or JSON. */
export async function action(name: string, flags: JobsFlags, io: CommandIo): Promise<void> {
  await withClient(io, flags, async (client) => {
    const now = Math.floor(Date.now() / 1000);
    const jobs = (await recentJobs(client, flags.workspace, name, flags.limit)).map((job) => jobJson(job, now));
    io.stdout.write(flags.json ? JSON.stringify({ jobs }, null, 2) + '\n' : renderJobsTable(jobs));
  });
}
