/**
 * What apply needs from the API client (structural, so the executor runs against a fake in unit tests) and what it
 * gives back: one outcome per step of `plan.order`, in that order.
 */
import type {
  AirbyteCatalog,
  ConnectionCreate,
  ConnectionRead,
  ConnectionState,
  ConnectionUpdate,
  DestinationCreate,
  DestinationRead,
  DestinationUpdate,
  SourceCreate,
  SourceDiscoverSchemaRead,
  SourceRead,
  SourceUpdate,
} from '../api/types.js';
import type { ResourceKind } from '../model/desired.js';
import type { Step } from '../plan/types.js';
import type { SettleReport } from './converge.js';

/** The API calls apply makes; `AirbyteClient` has them all. */
export interface ApplyClient {
  createSource(body: SourceCreate): Promise<SourceRead>;
  updateSource(body: SourceUpdate): Promise<SourceRead>;
  deleteSource(sourceId: string, resource?: string): Promise<void>;
  listSources(workspaceId: string): Promise<SourceRead[]>;
  discoverSourceSchema(body: { sourceId: string; disable_cache?: boolean }, resource?: string): Promise<SourceDiscoverSchemaRead>;
  createDestination(body: DestinationCreate): Promise<DestinationRead>;
  updateDestination(body: DestinationUpdate): Promise<DestinationRead>;
  deleteDestination(destinationId: string, resource?: string): Promise<void>;
  listDestinations(workspaceId: string): Promise<DestinationRead[]>;
  createConnection(body: ConnectionCreate): Promise<ConnectionRead>;
  updateConnection(body: ConnectionUpdate, resource?: string): Promise<ConnectionRead>;
  deleteConnection(connectionId: string, resource?: string): Promise<void>;
  listConnections(workspaceId: string): Promise<ConnectionRead[]>;
  getState(connectionId: string, resource?: string): Promise<ConnectionState>;
  addSecrets(values: Iterable<string>): void;
}

/** Where a step ended. `not-started`: the run was interrupted before the step could start. */
export type StepStatus = 'done' | 'failed' | 'skipped' | 'not-started';

/** The outcome of one step. Safe to print and serialize (messages are redacted by the client). */
export interface StepOutcome {
  key: string;
  op: Step['op'];
  kind: ResourceKind;
  name: string;
  status: StepStatus;
  /** The resource's id after the step (created, adopted, updated or deleted). */
  id?: string;
  /** A create whose answer was lost and that was found by name afterwards instead of being sent again. */
  adopted?: boolean;
  /**
   * For a create: another run created the same resource at the same time and its copy is the one kept (see
   * converge.ts); this run's own copy, with this id, was deleted. `id` is the kept copy's.
   */
  duplicateRemoved?: string;
  /** Set for a rename (an update whose name changed). */
  renamedFrom?: string;
  durationMs?: number;
  /** For `failed`: what went wrong, with the server's message. */
  error?: string;
  /** For `skipped`: the label of the failed step that caused it, e.g. `source 'pg'`. */
  blockedBy?: string;
}

/** How the run ended: everything done, something failed, or stopped by a signal. */
export type ApplyStatus = 'applied' | 'failed' | 'interrupted';

/** Counts of the outcomes, by what was done. */
export interface ApplyCounts {
  created: number;
  updated: number;
  deleted: number;
  failed: number;
  skipped: number;
  notStarted: number;
}

/** What `executePlan` returns; the CLI prints it (text or --json) and maps `status` to the exit code. */
export interface ApplyResult {
  status: ApplyStatus;
  steps: StepOutcome[];
  counts: ApplyCounts;
  durationMs: number;
  /** The settling pass against concurrent runs, when it removed or had to leave a copy of this run's (or could not look). */
  settled?: SettleReport;
  /** Sync state saved before the changes that reset it, one file per connection (see state-backup.ts). */
  stateBackups?: StateBackupRecord[];
}

/** One saved sync state (see operate/state-file.ts for the file). */
export interface StateBackupRecord {
  connection: string;
  connectionId: string;
  /** The backup file, as a path the user can pass to `state restore --from` (relative when the directory is). */
  file: string;
  stateType: ConnectionState['stateType'];
  /** How many streams the state holds a position for (0 for a legacy or unset state). */
  streams: number;
  /** When the state was read, ISO 8601 UTC. */
  savedAt: string;
  /** The change the state was saved before. */
  reason: 'update' | 'replace' | 'delete';
}

/** Options of `executePlan`. */
export interface ExecuteOptions {
  /** Most operations in flight at once (default 8). */
  parallelism?: number;
  /**
   * Values to keep out of every message (the pipeline's secret values), registered before the first call. Only for
   * callers that have not registered them with the client already (`apply` registers them itself, before checks).
   */
  secrets?: Iterable<string>;
  /** When aborted, no new operation starts; those in flight finish. */
  signal?: AbortSignal;
  /** Called once per finished, failed or skipped step, in the order they end. */
  onStep?: (outcome: StepOutcome) => void;
  /** How many times in all a create whose outcome was ambiguous may be sent (after looking for it each time). */
  createAttempts?: number;
  /**
   * How long after a create's answer the listing that checks it for copies made by concurrent runs is sent (ms;
   * default 1500). 0 checks at once: only safe when no other run can apply to the workspace at the same time.
   */
  convergeWaitMs?: number;
  /**
   * Where sync state is saved before a change whose plan entry has `savesState` (default DEFAULT_STATE_BACKUP_DIR).
   * A relative directory is relative to `cwd`, and the files are reported relative too.
   */
  stateBackupDir?: string;
  /** The directory a relative `stateBackupDir` is relative to (the command's working directory); default the process's. */
  cwd?: string;
  /** Called once per state backup written, before the call that resets the state is sent. */
  onStateBackup?: (record: StateBackupRecord) => void;
  /** Test hook: the clock in ms. */
  now?: () => number;
  /** Test hook: the monotonic clock (ms) that times the convergence wait. */
  monotonic?: () => number;
}

/** A discovered catalog, once per source per run. */
export type Discover = (sourceId: string, sourceName: string) => Promise<AirbyteCatalog>;
