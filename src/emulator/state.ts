/**
 * The emulator's state: plain JSON records, kept in maps by id (so a request costs what it touches, not the size
 * of the state), saved to `--data` through the journal (journal.ts), served unmasked at /_emulator/state and
 * reloaded. Job status is not stored; it follows from the clock (see handlers/job-view.ts), which keeps jobs
 * progressing across restarts without timers.
 *
 * Stored records are never changed in place (they are frozen): a handler puts a new record, and the store keeps
 * the old one until the write is saved, to restore it when the write fails or cannot be saved.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DEFAULT_ORGANIZATION_ID,
  type AirbyteCatalog,
  type ConnectionStateType,
  type ConnectionStatus,
  type GlobalState,
  type JsonObject,
  type NamespaceDefinition,
  type NonBreakingChangesPreference,
  type ScheduleData,
  type ScheduleType,
  type StreamState,
  type SyncMode,
} from '../api/types.js';
import { GitopsError } from '../errors.js';
import { Journal, SaveError, StateInUseError, type JournalEntry, type JournalPut, type JournalStats } from './journal.js';

export { SaveError, StateInUseError };

/** The workspace every fresh emulator has, like a new OSS install. */
export const DEFAULT_WORKSPACE_ID = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';

export interface StoredWorkspace {
  workspaceId: string;
  organizationId: string;
  customerId: string;
  name: string;
  slug: string;
}

/** A source or destination. `configuration` is unmasked; a tombstoned actor is invisible to the API. */
export interface StoredActor {
  id: string;
  definitionId: string;
  workspaceId: string;
  name: string;
  configuration: JsonObject;
  /** Epoch seconds. */
  createdAt: number;
  tombstone: boolean;
}

/** A connection; `syncCatalog` holds only the selected streams, as the real server stores them. */
export interface StoredConnection {
  connectionId: string;
  workspaceId: string;
  name: string;
  sourceId: string;
  destinationId: string;
  status: ConnectionStatus;
  namespaceDefinition: NamespaceDefinition;
  namespaceFormat?: string;
  prefix?: string;
  syncCatalog: AirbyteCatalog;
  scheduleType: ScheduleType;
  scheduleData?: ScheduleData;
  nonBreakingChangesPreference: NonBreakingChangesPreference;
  sourceCatalogId?: string;
  notifySchemaChanges?: boolean;
  notifySchemaChangesByEmail?: boolean;
  /** Set by a discovery with this connection's id (the server's diff found a breaking change); absent = false. */
  breakingChange?: boolean;
  /** Epoch seconds. */
  createdAt: number;
}

/** Volume one stream moves in a job, fixed when the job is created. */
export interface StreamVolume {
  name: string;
  namespace?: string;
  records: number;
  bytes: number;
  /** Set for a stream synced incrementally: its cursor, which the sync's end writes to the connection's state. */
  cursorField?: string[];
  syncMode?: SyncMode;
}

/** A sync or reset job. Timestamps in epoch milliseconds; the API shows seconds. */
export interface StoredJob {
  id: number;
  configType: 'sync' | 'reset_connection';
  configId: string;
  createdAtMs: number;
  durationMs: number;
  cancelledAtMs?: number;
  streams: StreamVolume[];
  /** Set when the job is bound to fail at its end (see handlers/jobs.ts: the `fail-sync` rule). */
  failure?: { origin: 'source' | 'destination'; message: string };
}

/**
 * A connection's sync state as last written by a call (state/create_or_update_safe, a sync-mode change, a reset, a
 * delete). Syncs do not write it: the state a connection has now is this record with the effect of every job of the
 * connection after `settledJobId` that has ended since (see handlers/sync-state.ts), so job status can keep following
 * the clock.
 */
export interface StoredState {
  connectionId: string;
  /** Every job of the connection up to this id is already reflected here. */
  settledJobId: number;
  stateType: ConnectionStateType;
  state?: JsonObject;
  streamState?: StreamState[];
  globalState?: GlobalState;
}

/**
 * The discovery cache of one source: the last discovery, for which configuration (and connector), and the schema
 * changes it saw. Its catalog is the connector's (deterministic for that key) with those changes: kept small, a
 * discovery costs a short journal line, not a whole catalog.
 */
export interface StoredDiscovery {
  sourceId: string;
  configHash: string;
  catalogId: string;
  changes: SchemaChange[];
}

/** One change of a source's schema made through POST /_emulator/schema (see handlers/schema-changes.ts). */
export interface SchemaChange {
  op: 'add_stream' | 'drop_stream' | 'add_column' | 'drop_column' | 'set_primary_key' | 'set_cursor' | 'change_column_type';
  stream: string;
  namespace?: string;
  column?: string;
  type?: string | JsonObject;
  columns?: Record<string, string | JsonObject>;
  primaryKey?: string[][];
  cursorField?: string[];
}

/** The schema changes of one source, applied in order on top of what its connector discovers. */
export interface StoredSchemaChanges {
  sourceId: string;
  changes: SchemaChange[];
}

/** Everything the emulator holds. `version` guards against loading a file of another shape. */
export interface EmulatorData {
  version: 1;
  workspaces: StoredWorkspace[];
  sources: StoredActor[];
  destinations: StoredActor[];
  connections: StoredConnection[];
  jobs: StoredJob[];
  nextJobId: number;
  /** Absent in files of earlier versions. */
  states?: StoredState[];
  discoveries?: StoredDiscovery[];
  schemaChanges?: StoredSchemaChanges[];
}

/** Tables of plain records by one key, without indexes. */
export interface KeyedRecords {
  states: StoredState;
  discoveries: StoredDiscovery;
  schemaChanges: StoredSchemaChanges;
}
export type KeyedTable = keyof KeyedRecords;
const KEYED_TABLES: KeyedTable[] = ['states', 'discoveries', 'schemaChanges'];

function keyOf(table: KeyedTable, record: KeyedRecords[KeyedTable]): string {
  if (table === 'states') return (record as StoredState).connectionId;
  return (record as StoredDiscovery | StoredSchemaChanges).sourceId;
}

export function initialData(): EmulatorData {
  const workspace: StoredWorkspace = {
    workspaceId: DEFAULT_WORKSPACE_ID,
    organizationId: DEFAULT_ORGANIZATION_ID,
    customerId: 'f4c3c1f0-7a0a-4d7e-9d1b-2f7b1e0c5a11',
    name: 'Default Workspace',
    slug: 'default',
  };
  return {
    version: 1,
    workspaces: [workspace],
    sources: [],
    destinations: [],
    connections: [],
    jobs: [],
    nextJobId: 1,
    states: [],
    discoveries: [],
    schemaChanges: [],
  };
}

/** The state file can never be saved where it was asked for (the embedded emulator words its own hint for it). */
export class UnwritableStateError extends GitopsError {
  constructor(message: string, options: { meta: Record<string, unknown>; hint: string }) {
    super('USAGE', message, options);
  }
}

/**
 * Refuses, before the server starts, a data file that could never be saved: otherwise every write would fail
 * later, one request at a time.
 */
function checkWritable(file: string): void {
  const directory = dirname(resolve(file));
  const refuse = (reason: string) =>
    new UnwritableStateError(`cannot keep emulator state in ${file}: ${reason}`, {
      meta: { dataFile: file },
      hint: 'pass a --data path in an existing, writable directory',
    });
  let isDirectory: boolean;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch {
    throw refuse(`directory ${directory} does not exist`);
  }
  if (!isDirectory) throw refuse(`${directory} is not a directory`);
  try {
    accessSync(directory, constants.W_OK);
  } catch {
    throw refuse(`directory ${directory} is not writable`);
  }
  if (existsSync(file) && !statSync(file).isFile()) throw refuse('it is not a regular file');
}

type ActorTable = 'sources' | 'destinations';

/** The tables a write can change. */
export type Table = ActorTable | 'connections' | 'jobs' | KeyedTable;

/** One change of a write in progress: what to restore if the write fails. */
type Undo =
  | { table: ActorTable; key: string; before: StoredActor | undefined }
  | { table: 'connections'; key: string; before: StoredConnection | undefined }
  | { table: 'jobs'; key: number; before: StoredJob | undefined }
  | { table: KeyedTable; key: string; before: KeyedRecords[KeyedTable] | undefined };

function isKeyed(table: Table): table is KeyedTable {
  return (KEYED_TABLES as Table[]).includes(table);
}

/** Adds `value` under `key` in a map of lists. */
function addTo<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function removeFrom<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  const at = list?.lastIndexOf(value) ?? -1;
  if (list && at >= 0) list.splice(at, 1);
}

/**
 * Holds the live state. Every write runs in `writing()`: its puts are saved as one journal line before the
 * request is answered, or all undone.
 */
export class Store {
  private readonly workspaceMap = new Map<string, StoredWorkspace>();
  private readonly actorMaps = { sources: new Map<string, StoredActor>(), destinations: new Map<string, StoredActor>() };
  private readonly connectionMap = new Map<string, StoredConnection>();
  private readonly jobMap = new Map<number, StoredJob>();
  private readonly keyedMaps: { [T in KeyedTable]: Map<string, KeyedRecords[T]> } = { states: new Map(), discoveries: new Map(), schemaChanges: new Map() };
  /** Connection ids by source or destination id (a connection's actors never change). */
  private readonly connectionsByActor = new Map<string, string[]>();
  /** Job ids by connection id, oldest first. */
  private readonly jobsByConnection = new Map<string, number[]>();
  private nextJob = 1;
  /** Bumped by every change of a table: list handlers cache orderings per version. */
  private readonly versions: Record<Table, number> = { sources: 0, destinations: 0, connections: 0, jobs: 0, states: 0, discoveries: 0, schemaChanges: 0 };
  private readonly journal: Journal | undefined;
  /** The changes of the write in progress; undefined outside `writing()`. */
  private pending: { undo: Undo[]; nextJobId: number } | undefined;

  constructor(dataFile?: string) {
    if (dataFile !== undefined) checkWritable(dataFile);
    this.journal = dataFile === undefined ? undefined : new Journal(dataFile);
    const loaded = this.journal?.open(dataFile !== undefined && existsSync(dataFile));
    this.fill(loaded?.snapshot ?? initialData());
    for (const entry of loaded?.entries ?? []) this.replay(entry);
    for (const warning of loaded?.warnings ?? []) process.stderr.write(`emulator: warning: ${warning}\n`);
  }

  private fill(data: EmulatorData): void {
    this.workspaceMap.clear();
    for (const map of [this.actorMaps.sources, this.actorMaps.destinations, this.connectionMap, this.jobMap, this.connectionsByActor, this.jobsByConnection]) {
      map.clear();
    }
    for (const table of KEYED_TABLES) this.keyedMaps[table].clear();
    for (const workspace of data.workspaces) this.workspaceMap.set(workspace.workspaceId, Object.freeze(workspace));
    for (const source of data.sources) this.setActor('sources', source);
    for (const destination of data.destinations) this.setActor('destinations', destination);
    for (const connection of data.connections) this.setConnection(connection);
    for (const job of data.jobs) this.setJob(job);
    for (const table of KEYED_TABLES) for (const record of data[table] ?? []) this.setKeyed(table, record);
    this.nextJob = data.nextJobId;
    for (const table of Object.keys(this.versions) as Table[]) this.versions[table]++;
  }

  private replay(entry: JournalEntry): void {
    for (const put of entry.put) {
      if (put[0] === 'connections') this.setConnection(put[1]);
      else if (put[0] === 'jobs') this.setJob(put[1]);
      else if (put[0] === 'sources' || put[0] === 'destinations') this.setActor(put[0], put[1]);
      else this.setKeyed(put[0], put[1] as KeyedRecords[KeyedTable]);
    }
    this.nextJob = entry.nextJobId;
  }

  /** A snapshot of the whole state (arrays in creation order), e.g. for /_emulator/state. The records are live: do not mutate. */
  get data(): EmulatorData {
    return {
      version: 1,
      workspaces: [...this.workspaceMap.values()],
      sources: [...this.actorMaps.sources.values()],
      destinations: [...this.actorMaps.destinations.values()],
      connections: [...this.connectionMap.values()],
      jobs: [...this.jobMap.values()],
      nextJobId: this.nextJob,
      states: [...this.keyedMaps.states.values()],
      discoveries: [...this.keyedMaps.discoveries.values()],
      schemaChanges: [...this.keyedMaps.schemaChanges.values()],
    };
  }

  /** What the journal wrote since start (undefined without --data). */
  get journalStats(): Readonly<JournalStats> | undefined {
    return this.journal?.stats;
  }

  version(table: Table): number {
    return this.versions[table];
  }

  workspace(id: string): StoredWorkspace | undefined {
    return this.workspaceMap.get(id);
  }

  workspaces(): IterableIterator<StoredWorkspace> {
    return this.workspaceMap.values();
  }

  actor(table: ActorTable, id: string): StoredActor | undefined {
    return this.actorMaps[table].get(id);
  }

  /** Every actor of a kind, tombstoned ones included, in creation order. */
  actors(table: ActorTable): IterableIterator<StoredActor> {
    return this.actorMaps[table].values();
  }

  connection(id: string): StoredConnection | undefined {
    return this.connectionMap.get(id);
  }

  connections(): IterableIterator<StoredConnection> {
    return this.connectionMap.values();
  }

  /** The connections reading from or writing to this actor. */
  connectionsOf(actorId: string): StoredConnection[] {
    return (this.connectionsByActor.get(actorId) ?? []).map((id) => this.connectionMap.get(id) as StoredConnection);
  }

  job(id: number): StoredJob | undefined {
    return this.jobMap.get(id);
  }

  /** Every job, oldest first. */
  jobs(): IterableIterator<StoredJob> {
    return this.jobMap.values();
  }

  /** The jobs of one connection, oldest first. */
  jobsOf(connectionId: string): StoredJob[] {
    return (this.jobsByConnection.get(connectionId) ?? []).map((id) => this.jobMap.get(id) as StoredJob);
  }

  /** A record of a keyed table (states by connection id, discoveries and schema changes by source id). */
  keyed<T extends KeyedTable>(table: T, key: string): KeyedRecords[T] | undefined {
    return this.keyedMaps[table].get(key) as KeyedRecords[T] | undefined;
  }

  putKeyed<T extends KeyedTable>(table: T, record: KeyedRecords[T]): void {
    const key = keyOf(table, record);
    this.change().undo.push({ table, key, before: this.keyedMaps[table].get(key) });
    this.setKeyed(table, record);
  }

  /** Takes the next job id (part of the write in progress). */
  takeJobId(): number {
    this.change();
    return this.nextJob++;
  }

  putActor(table: ActorTable, actor: StoredActor): void {
    this.change().undo.push({ table, key: actor.id, before: this.actorMaps[table].get(actor.id) });
    this.setActor(table, actor);
  }

  putConnection(connection: StoredConnection): void {
    this.change().undo.push({ table: 'connections', key: connection.connectionId, before: this.connectionMap.get(connection.connectionId) });
    this.setConnection(connection);
  }

  putJob(job: StoredJob): void {
    this.change().undo.push({ table: 'jobs', key: job.id, before: this.jobMap.get(job.id) });
    this.setJob(job);
  }

  private change(): { undo: Undo[]; nextJobId: number } {
    if (this.pending === undefined) throw new Error('emulator state changed outside a write');
    return this.pending;
  }

  private setActor(table: ActorTable, actor: StoredActor): void {
    this.actorMaps[table].set(actor.id, Object.freeze(actor));
    this.versions[table]++;
  }

  private setConnection(connection: StoredConnection): void {
    if (!this.connectionMap.has(connection.connectionId)) {
      addTo(this.connectionsByActor, connection.sourceId, connection.connectionId);
      addTo(this.connectionsByActor, connection.destinationId, connection.connectionId);
    }
    this.connectionMap.set(connection.connectionId, Object.freeze(connection));
    this.versions.connections++;
  }

  private setKeyed(table: KeyedTable, record: KeyedRecords[KeyedTable]): void {
    (this.keyedMaps[table] as Map<string, KeyedRecords[KeyedTable]>).set(keyOf(table, record), Object.freeze(record));
    this.versions[table]++;
  }

  private setJob(job: StoredJob): void {
    if (!this.jobMap.has(job.id)) addTo(this.jobsByConnection, job.configId, job.id);
    this.jobMap.set(job.id, Object.freeze(job));
    this.versions.jobs++;
  }

  /** Puts back what a failed write changed, newest change first. */
  private undo(changes: { undo: Undo[]; nextJobId: number }): void {
    for (const change of changes.undo.reverse()) {
      if (isKeyed(change.table)) {
        const { table, key, before } = change as { table: KeyedTable; key: string; before: KeyedRecords[KeyedTable] | undefined };
        if (before !== undefined) this.setKeyed(table, before);
        else {
          this.keyedMaps[table].delete(key);
          this.versions[table]++;
        }
      } else if (change.before !== undefined) {
        if (change.table === 'connections') this.setConnection(change.before);
        else if (change.table === 'jobs') this.setJob(change.before);
        else this.setActor(change.table as ActorTable, change.before as StoredActor);
      } else if (change.table === 'connections') {
        const connection = this.connectionMap.get(change.key);
        this.connectionMap.delete(change.key);
        if (connection) {
          removeFrom(this.connectionsByActor, connection.sourceId, change.key);
          removeFrom(this.connectionsByActor, connection.destinationId, change.key);
        }
        this.versions.connections++;
      } else if (change.table === 'jobs') {
        const job = this.jobMap.get(change.key);
        this.jobMap.delete(change.key);
        if (job) removeFrom(this.jobsByConnection, job.configId, change.key);
        this.versions.jobs++;
      } else {
        this.actorMaps[change.table].delete(change.key);
        this.versions[change.table]++;
      }
    }
    this.nextJob = changes.nextJobId;
  }

  /** The records a write put, each once, in the order first put. */
  private entryOf(changes: { undo: Undo[] }): JournalEntry {
    const put: JournalPut[] = [];
    const seen = new Set<string>();
    for (const { table, key } of changes.undo) {
      const id = `${table}:${key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (table === 'connections') put.push([table, this.connectionMap.get(key) as StoredConnection]);
      else if (table === 'jobs') put.push([table, this.jobMap.get(key) as StoredJob]);
      else if (table === 'sources' || table === 'destinations') put.push([table, this.actorMaps[table].get(key) as StoredActor]);
      else put.push([table, this.keyedMaps[table].get(key)] as JournalPut);
    }
    return { put, nextJobId: this.nextJob };
  }

  /**
   * Runs a write. A failed one (an error status or an exception) is undone; a successful one is saved before
   * this returns, or undone and SaveError thrown.
   */
  writing<T extends { status: number }>(write: () => T): T {
    if (this.pending !== undefined) return write();
    const changes = { undo: [] as Undo[], nextJobId: this.nextJob };
    this.pending = changes;
    try {
      let outcome: T;
      try {
        outcome = write();
      } catch (error) {
        this.undo(changes);
        throw error;
      }
      if (outcome.status >= 300) {
        this.undo(changes);
        return outcome;
      }
      if (this.journal !== undefined && (changes.undo.length > 0 || changes.nextJobId !== this.nextJob)) {
        try {
          this.journal.append(this.entryOf(changes), () => this.data);
        } catch (error) {
          this.undo(changes);
          throw error;
        }
      }
      return outcome;
    } finally {
      this.pending = undefined;
    }
  }

  /** Back to a fresh emulator's state, saved as a new snapshot. */
  reset(): void {
    const fresh = initialData();
    this.journal?.writeSnapshot(fresh);
    this.fill(fresh);
  }

  /** Closes the state file and releases its lock. */
  close(): void {
    this.journal?.close();
  }
}
