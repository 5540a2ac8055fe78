/**
 * The connection adapter: compare a declared connection with the stored one (endpoints by resolved id, schedule on
 * scheduleType / scheduleData, shown in the pipeline's words; streams by namespace + name) and build the exact patch
 * apply sends.
 */
import equal from 'fast-deep-equal';
import type { AirbyteCatalog, ConnectionUpdate, DestinationSyncMode, Json, ScheduleData, ScheduleType } from '../../api/types.js';
import type { ActorKind, DesiredConnection, DesiredSchedule, DesiredStream } from '../../model/desired.js';
import type { RemoteConnection, RemoteState } from '../../model/remote.js';
import { streamLabel } from '../../streams/identity.js';
import { availableStreams, buildSyncCatalog, compareStreams } from '../catalog.js';
import { leftOut } from '../all-streams.js';
import { breakingWarnings, connectionDrift, schemaFields } from '../drift.js';
import { KNOWN_AFTER_APPLY, type ActorRef, type ConnectionChange, type ConnectionDrift, type FieldChange } from '../types.js';
import type { Match } from './match.js';
import { remoteIndex } from './remote-index.js';

type Patch = Omit<ConnectionUpdate, 'connectionId'>;

/** The current Airbyte schedule model; the legacy `schedule` field is never read nor sent. */
export function toSchedule(schedule: DesiredSchedule): { scheduleType: ScheduleType; scheduleData?: ScheduleData } {
  switch (schedule.type) {
    case 'manual':
      return { scheduleType: 'manual' };
    case 'basic':
      return { scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: schedule.timeUnit, units: schedule.units } } };
    case 'cron':
      return { scheduleType: 'cron', scheduleData: { cron: { cronExpression: schedule.cronExpression, cronTimeZone: schedule.cronTimeZone } } };
  }
}

/** Only the part of the stored scheduleData that its scheduleType uses. */
function storedScheduleData(existing: RemoteConnection): ScheduleData | undefined {
  if (existing.scheduleType === 'basic' && existing.scheduleData?.basicSchedule) return { basicSchedule: existing.scheduleData.basicSchedule };
  if (existing.scheduleType === 'cron' && existing.scheduleData?.cron) return { cron: existing.scheduleData.cron };
  return undefined;
}

/**
 * A schedule in the pipeline's words, as the plan shows it: `manual`, `{ units, timeUnit }` or `{ cron, timezone }`
 * (the type's name alone when Airbyte stores a type without its data).
 */
function scheduleWords(scheduleType: ScheduleType, data: ScheduleData | undefined): Json {
  if (scheduleType === 'basic' && data?.basicSchedule) return { units: data.basicSchedule.units, timeUnit: data.basicSchedule.timeUnit };
  if (scheduleType === 'cron' && data?.cron) return { cron: data.cron.cronExpression, timezone: data.cron.cronTimeZone };
  return scheduleType;
}

/**
 * The schedule's field lines: `schedule.units: 6 → 12` (one line per key) when the kind of schedule stays, else
 * `schedule: "manual" → {"units":6,"timeUnit":"hours"}`.
 */
function scheduleFields(before: Json, after: Json): FieldChange[] {
  if (equal(before, after)) return [];
  const sameKind =
    before !== null &&
    after !== null &&
    typeof before === 'object' &&
    typeof after === 'object' &&
    !Array.isArray(before) &&
    !Array.isArray(after) &&
    equal(Object.keys(before), Object.keys(after));
  if (!sameKind) return [{ path: 'schedule', before, after }];
  return Object.keys(after)
    .filter((key) => !equal(before[key], after[key]))
    .map((key) => ({ path: `schedule.${key}`, before: before[key] ?? null, after: after[key] ?? null }));
}

const OPTIONAL = [
  'namespaceDefinition',
  'namespaceFormat',
  'prefix',
  'nonBreakingChangesPreference',
  'notifySchemaChanges',
  'notifySchemaChangesByEmail',
] as const;

/**
 * Server defaults for optional connection fields: an absent remote value equals them. The schema-change
 * notifications have none the plan relies on: absent remotely, a declared value is always sent.
 */
const DEFAULTS: Record<(typeof OPTIONAL)[number], Json> = {
  namespaceDefinition: 'source',
  namespaceFormat: null,
  prefix: '',
  nonBreakingChangesPreference: 'ignore',
  notifySchemaChanges: null,
  notifySchemaChangesByEmail: null,
};

/** The name of the remote actor a stored connection uses; the id only if the workspace no longer lists it. */
function remoteName(remote: RemoteState, kind: ActorKind, id: string): string {
  return remoteIndex(remote).actorById(kind, id)?.name ?? id;
}

/**
 * Fields (by name: people know their sources by name) and the warning for a connection whose source or
 * destination is another one, or one that is replaced under the same name. Either way Airbyte cannot move a
 * connection: it is deleted and created again.
 */
function endpointMoves(
  desired: DesiredConnection,
  existing: RemoteConnection,
  ends: Endpoints,
  remote: RemoteState,
): { fields: FieldChange[]; warning?: string } {
  const fields: FieldChange[] = [];
  const what: string[] = [];
  const sides = [
    { kind: 'source' as const, ref: ends.sourceRef, storedId: existing.sourceId, name: desired.source },
    { kind: 'destination' as const, ref: ends.destinationRef, storedId: existing.destinationId, name: desired.destination },
  ];
  for (const side of sides) {
    if ('id' in side.ref && side.ref.id === side.storedId) continue;
    const before = remoteName(remote, side.kind, side.storedId);
    if (before === side.name) {
      what.push(`${side.kind} '${side.name}' is replaced`);
      continue;
    }
    fields.push({ path: side.kind, before, after: side.name });
    what.push(`${side.kind} changes`);
  }
  if (what.length === 0) return { fields };
  return { fields, warning: `its ${what.join(' and its ')}: the connection is deleted and created again, and its sync state is lost` };
}

/** The settings of a connection (everything but name, endpoints and streams). */
function settingsFields(desired: DesiredConnection, existing: RemoteConnection, patch: Patch): FieldChange[] {
  const fields: FieldChange[] = [];
  if (desired.status !== existing.status) {
    fields.push({ path: 'status', before: existing.status, after: desired.status });
    patch.status = desired.status;
  }
  const wanted = toSchedule(desired.schedule);
  const storedData = storedScheduleData(existing);
  const typeChanged = wanted.scheduleType !== existing.scheduleType;
  if (typeChanged || !equal(wanted.scheduleData, storedData)) {
    fields.push(...scheduleFields(scheduleWords(existing.scheduleType, storedData), scheduleWords(wanted.scheduleType, wanted.scheduleData)));
    // The server wants the type with its data together (and no data for manual).
    patch.scheduleType = wanted.scheduleType;
    if (wanted.scheduleData) patch.scheduleData = wanted.scheduleData;
  }
  for (const key of OPTIONAL) {
    const after = desired[key];
    if (after === undefined) continue;
    const before = existing[key] ?? DEFAULTS[key];
    if (before === after) continue;
    fields.push({ path: key, before, after });
    Object.assign(patch, { [key]: after });
  }
  return fields;
}

function tableWarnings(selected: Streams, fields: FieldChange[]): string[] {
  const streams = selected === 'unknown' ? 'all' : selected.map((stream) => `'${streamLabel(stream)}'`).join(', ');
  return fields
    .filter((field) => field.path === 'namespaceDefinition' || field.path === 'namespaceFormat' || field.path === 'prefix')
    .map(
      (field) => `${field.path} changes from ${JSON.stringify(field.before)} to ${JSON.stringify(field.after)}: streams ${streams} are written to new tables`,
    );
}

/** `sourceId` / `destinationId` of an actor created in the same apply: known only then. */
function pendingIds(ends: Endpoints): FieldChange[] {
  const fields: FieldChange[] = [];
  if (!('id' in ends.sourceRef)) fields.push({ path: 'sourceId', before: null, after: KNOWN_AFTER_APPLY });
  if (!('id' in ends.destinationRef)) fields.push({ path: 'destinationId', before: null, after: KNOWN_AFTER_APPLY });
  return fields;
}

/**
 * The streams a connection selects: its declared ones, an all-streams connection's expansion, or 'unknown' for an
 * all-streams connection whose source is created by this apply and was not discovered (apply expands it then).
 */
type Streams = DesiredStream[] | 'unknown';

/** Stream lines of a connection as created: each selected stream, or one line saying they are known only after apply. */
function creationStreamFields(desired: DesiredConnection, selected: Streams): FieldChange[] {
  if (selected !== 'unknown') return compareStreams(selected, { streams: [] }).fields;
  return [
    { path: 'streams', before: null, after: `every stream of source '${desired.source}' ${KNOWN_AFTER_APPLY}` },
    ...compareStreams(desired.streams, { streams: [] }).fields,
  ];
}

/** Every field of a connection as created. */
function creationFields(desired: DesiredConnection, ends: Endpoints, selected: Streams): FieldChange[] {
  const schedule = toSchedule(desired.schedule);
  const fields: FieldChange[] = [
    { path: 'name', before: null, after: desired.name },
    { path: 'source', before: null, after: desired.source },
    { path: 'destination', before: null, after: desired.destination },
    ...pendingIds(ends),
    { path: 'status', before: null, after: desired.status },
    { path: 'schedule', before: null, after: scheduleWords(schedule.scheduleType, schedule.scheduleData) },
  ];
  for (const key of OPTIONAL) {
    const value = desired[key];
    if (value !== undefined) fields.push({ path: key, before: null, after: value });
  }
  return [...fields, ...creationStreamFields(desired, selected)];
}

/**
 * The catalog to create with, when the source's streams are known: an existing source's discovered catalog, or a
 * new source's catalog discovered at plan time. Null = apply discovers once the source exists.
 */
function creationCatalog(desired: DesiredConnection, selected: Streams, sourceRef: ActorRef, remote: RemoteState): ConnectionChange['syncCatalog'] {
  const discovered = 'id' in sourceRef ? remote.discovered[sourceRef.id] : remote.discoveredNew?.[desired.source];
  return discovered && selected !== 'unknown' ? buildSyncCatalog(selected, discovered.streams) : null;
}

/** What a create or replace whose catalog apply builds says about it: its streams were not checked, and how to expand them. */
function uncheckedNotes(syncCatalog: AirbyteCatalog | null, ends: Endpoints, desired: DesiredConnection, modes: DestinationSyncMode[] | undefined) {
  if (syncCatalog !== null || 'id' in ends.sourceRef) return {};
  return { streamsUnchecked: true, ...(desired.allStreams !== undefined && modes !== undefined ? { destinationSyncModes: modes } : {}) };
}

/** What `--refresh` adds to a connection that keeps reading from its source: drift, schema field lines, breaking warnings. */
interface Refresh {
  /** The source's catalog discovered now; undefined without `--refresh`. */
  catalog?: AirbyteCatalog;
  drift?: ConnectionDrift;
  fields: FieldChange[];
  warnings: string[];
}

function refreshOf(desired: DesiredConnection, existing: RemoteConnection, ends: Endpoints, remote: RemoteState, selected: Streams): Refresh {
  const keepsSource = 'id' in ends.sourceRef && ends.sourceRef.id === existing.sourceId;
  const catalog = remote.refreshed === true && keepsSource ? remote.discovered[existing.sourceId] : undefined;
  if (catalog === undefined || selected === 'unknown') return { fields: [], warnings: [] };
  const all = desired.allStreams;
  const drift = connectionDrift(existing.syncCatalog, catalog, selected, all === undefined ? undefined : (stream) => leftOut(all, stream) !== undefined);
  return { catalog, drift, fields: schemaFields(drift, existing.syncCatalog, catalog), warnings: breakingWarnings(drift) };
}

export interface Endpoints {
  sourceRef: ActorRef;
  destinationRef: ActorRef;
}

/** What the diff knows of a connection besides the two sides: its concrete streams and its destination's modes. */
export interface ConnectionContext {
  /** An all-streams connection's expansion (validation's); undefined = its declared streams, or unknown for all-streams. */
  expanded?: DesiredStream[];
  /** The destination's supported sync modes, for apply's expansion of an all-streams connection it discovers. */
  destinationModes?: DestinationSyncMode[];
}

/** The change for one declared connection. */
export function planConnection(
  desired: DesiredConnection,
  match: Match<RemoteConnection>,
  ends: Endpoints,
  remote: RemoteState,
  context: ConnectionContext = {},
): ConnectionChange {
  const existing = match.existing;
  const selected: Streams = desired.allStreams === undefined ? desired.streams : (context.expanded ?? 'unknown');
  const common = {
    kind: 'connection' as const,
    name: desired.name,
    desired,
    ...ends,
    warnings: [...match.warnings],
    destructive: false,
    patch: null,
    savesState: false,
  };
  // A create, or the create half of a replace: the catalog when its streams are known, else what apply needs to build it.
  const creation = () => {
    const syncCatalog = creationCatalog(desired, selected, ends.sourceRef, remote);
    return { syncCatalog, ...uncheckedNotes(syncCatalog, ends, desired, context.destinationModes) };
  };
  if (!existing) return { ...common, action: 'create', id: null, fields: creationFields(desired, ends, selected), remoteEndpoints: null, ...creation() };
  const remoteEndpoints = { sourceId: existing.sourceId, destinationId: existing.destinationId };
  const patch: Patch = {};
  const fields: FieldChange[] = [];
  const rename = match.renameFrom === undefined ? {} : { rename: { from: match.renameFrom } };
  if (match.renameFrom !== undefined) {
    fields.push({ path: 'name', before: match.renameFrom, after: desired.name });
    patch.name = desired.name;
  }
  const moves = endpointMoves(desired, existing, ends, remote);
  const settings = settingsFields(desired, existing, patch);
  const streams = compareStreams(selected === 'unknown' ? desired.streams : selected, existing.syncCatalog);
  fields.push(...moves.fields, ...settings, ...streams.fields);
  const warnings = [...common.warnings, ...tableWarnings(selected, settings), ...streams.warnings];

  if (moves.warning !== undefined) {
    warnings.push(moves.warning);
    return { ...common, ...rename, action: 'replace', id: existing.id, fields, warnings, destructive: true, savesState: true, remoteEndpoints, ...creation() };
  }
  const refresh = refreshOf(desired, existing, ends, remote, selected);
  fields.push(...refresh.fields);
  warnings.push(...refresh.warnings);
  const withDrift = refresh.drift === undefined ? {} : { drift: refresh.drift };
  if (fields.length === 0) return { ...common, ...withDrift, action: 'no-op', id: existing.id, fields, warnings, syncCatalog: null, remoteEndpoints };
  if (streams.fields.length > 0 || refresh.fields.length > 0) {
    // Under --refresh the catalog sent carries the refreshed stream metadata; the pipeline still decides what is selected.
    const available = availableStreams(existing.syncCatalog, refresh.catalog ?? remote.discovered[existing.sourceId]);
    patch.syncCatalog = buildSyncCatalog(selected === 'unknown' ? desired.streams : selected, available);
    if (refresh.catalog !== undefined) {
      // The refreshed schema is now the connection's: Airbyte's own bookkeeping says so too, or it would keep diffing
      // against the catalog it recorded before (sourceCatalogId) and flag, even disable, the connection again.
      const catalogId = remote.discoveredCatalogIds?.[existing.sourceId];
      if (catalogId !== undefined) patch.sourceCatalogId = catalogId;
      patch.breakingChange = false;
    }
  }
  return {
    ...common,
    ...rename,
    ...withDrift,
    action: 'update',
    id: existing.id,
    fields,
    warnings,
    destructive: streams.resetsState || refresh.drift?.breaking === true,
    savesState: streams.resetsState || streams.deselects,
    patch,
    syncCatalog: null,
    remoteEndpoints,
  };
}
