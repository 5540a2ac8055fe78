/**
 * connections/sync and connections/reset (which create jobs) and jobs/get, get_without_logs, list and cancel.
 * Job ids are increasing integers; timestamps are epoch seconds.
 */
import type { Json, JobConfigType, JsonObject } from '../../api/types.js';
import { sourceDefinition } from '../catalog.js';
import { badRequest, conflict, internal, notFound } from '../errors.js';
import { requireFields, requiredString } from '../request.js';
import type { StoredConnection, StoredJob, StreamVolume } from '../state.js';
import { ok, type Context, type Reply, type RouteTable } from '../types.js';
import { findActor, SOURCE } from './actor-kind.js';
import { findConnection } from './connections.js';
import { aggregatedStats, attemptsOf, isActive, jobPhase, jobRead } from './job-view.js';

const DEFAULT_JOB_PAGE_SIZE = 200;

function volumes(ctx: Context, connection: StoredConnection, configType: StoredJob['configType']): StreamVolume[] {
  const source = findActor(ctx, SOURCE, connection.sourceId);
  const definition = sourceDefinition(ctx, source.definitionId);
  return connection.syncCatalog.streams.map(({ stream, config }) => {
    const { records, bytes } = configType === 'sync' ? ctx.syncVolume(definition, source.configuration, stream.name) : { records: 0, bytes: 0 };
    const volume: StreamVolume = { name: stream.name, ...(stream.namespace !== undefined ? { namespace: stream.namespace } : {}), records, bytes };
    if (configType === 'sync' && config.syncMode === 'incremental') {
      volume.syncMode = 'incremental';
      volume.cursorField = [...(config.cursorField?.length ? config.cursorField : (stream.defaultCursorField ?? []))];
    }
    return volume;
  });
}

/** True when any string in the configuration contains `marker`. */
function mentions(value: Json | undefined, marker: string): boolean {
  if (typeof value === 'string') return value.includes(marker);
  if (Array.isArray(value)) return value.some((item) => mentions(item, marker));
  if (typeof value === 'object' && value !== null) return Object.values(value).some((item) => mentions(item, marker));
  return false;
}

/**
 * The documented rule that makes a sync fail at its end: a source or destination configuration value containing
 * `fail-sync` (e.g. host `fail-sync.internal`). Check and discovery still succeed, as they would for a table that
 * is only unreadable during the sync.
 */
function failureOf(ctx: Context, connection: StoredConnection): StoredJob['failure'] {
  const source = findActor(ctx, SOURCE, connection.sourceId);
  if (mentions(source.configuration, 'fail-sync')) {
    return {
      origin: 'source',
      message: `Source '${source.name}' failed during the sync: the connector could not read from the configured server (emulated: a configuration value contains 'fail-sync').`,
    };
  }
  const destination = ctx.store.actor('destinations', connection.destinationId);
  if (destination && mentions(destination.configuration, 'fail-sync')) {
    return {
      origin: 'destination',
      message: `Destination '${destination.name}' failed during the sync: the connector could not write to the configured location (emulated: a configuration value contains 'fail-sync').`,
    };
  }
  return undefined;
}

function jobInfoRead(job: StoredJob, withLogs: boolean, now: number): JsonObject {
  const logs = (attemptId: number) => ({ logLines: [`attempt ${attemptId}: ${jobPhase(job, now).status} (emulated)`] });
  return {
    job: jobRead(job, now) as unknown as Json,
    attempts: attemptsOf(job, now).map((attempt) => ({ attempt, ...(withLogs ? { logs: logs(attempt.id) } : {}) })) as unknown as Json,
  };
}

function startJob(ctx: Context, body: JsonObject, configType: StoredJob['configType']): Reply {
  const connection = findConnection(ctx, requiredString(body, 'connectionId'));
  // The server's precondition fails with an unmapped IllegalStateException: a bare 500.
  if (configType === 'sync' && connection.status !== 'active') throw internal(`Connection ${connection.connectionId} is not active`);
  const now = ctx.now();
  if (ctx.store.jobsOf(connection.connectionId).some((job) => isActive(job, now))) {
    throw conflict(`A sync is already running for: ${connection.connectionId}`);
  }
  const job: StoredJob = {
    id: ctx.store.takeJobId(),
    configType,
    configId: connection.connectionId,
    createdAtMs: now,
    durationMs: ctx.jobDurationMs,
    streams: volumes(ctx, connection, configType),
  };
  const failure = configType === 'sync' ? failureOf(ctx, connection) : undefined;
  if (failure) job.failure = failure;
  ctx.store.putJob(job);
  return ok(jobInfoRead(job, true, now));
}

function findJob(ctx: Context, body: JsonObject): StoredJob {
  requireFields(body, ['id']);
  const id = body['id'];
  if (typeof id !== 'number' || !Number.isInteger(id)) throw badRequest('id must be an integer');
  const job = ctx.store.job(id);
  if (!job) throw notFound('JOB', String(id));
  return job;
}

function cancel(ctx: Context, body: JsonObject): Reply {
  const stored = findJob(ctx, body);
  const now = ctx.now();
  const job = isActive(stored, now) ? { ...stored, cancelledAtMs: now } : stored;
  if (job !== stored) ctx.store.putJob(job);
  return ok(jobInfoRead(job, true, now));
}

function paginationOf(body: JsonObject): { pageSize: number; rowOffset: number } {
  const pagination = body['pagination'];
  const fields = typeof pagination === 'object' && pagination !== null && !Array.isArray(pagination) ? pagination : {};
  const pageSize = typeof fields['pageSize'] === 'number' ? fields['pageSize'] : DEFAULT_JOB_PAGE_SIZE;
  const rowOffset = typeof fields['rowOffset'] === 'number' ? fields['rowOffset'] : 0;
  return { pageSize, rowOffset };
}

/** Newest first; `configTypes` must be non-empty (the server's check() fails with a 500 otherwise). */
function list(ctx: Context, body: JsonObject): Reply {
  requireFields(body, ['configTypes']);
  const configTypes = body['configTypes'];
  if (!Array.isArray(configTypes)) throw badRequest('configTypes must be a list');
  if (configTypes.length === 0) throw internal('configTypes must not be empty');
  const configId = typeof body['configId'] === 'string' ? body['configId'] : undefined;
  const candidates = configId === undefined ? [...ctx.store.jobs()] : ctx.store.jobsOf(configId);
  const matching = candidates.filter((job) => configTypes.includes(job.configType as JobConfigType)).sort((a, b) => b.id - a.id);
  const { pageSize, rowOffset } = paginationOf(body);
  const now = ctx.now();
  const jobs = matching.slice(rowOffset, rowOffset + pageSize).map((job) => ({
    job: { ...jobRead(job, now), aggregatedStats: aggregatedStats(job, now) },
    attempts: attemptsOf(job, now),
  }));
  return ok({ jobs: jobs as unknown as Json, totalJobCount: matching.length });
}

export const jobRoutes: RouteTable = {
  'connections/sync': { handler: (ctx, body) => startJob(ctx, body, 'sync'), write: true },
  'connections/reset': { handler: (ctx, body) => startJob(ctx, body, 'reset_connection'), write: true },
  'jobs/get': { handler: (ctx, body) => ok(jobInfoRead(findJob(ctx, body), true, ctx.now())), write: false },
  'jobs/get_without_logs': { handler: (ctx, body) => ok(jobInfoRead(findJob(ctx, body), false, ctx.now())), write: false },
  'jobs/list': { handler: list, write: false },
  'jobs/cancel': { handler: cancel, write: true },
};
