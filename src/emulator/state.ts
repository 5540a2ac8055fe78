/**
 * The emulator's state: plain JSON, so it can be saved to `--data`, served unmasked at /_emulator/state and
 * reloaded. Job status is not stored; it follows from the clock (see handlers/job-view.ts), which keeps jobs
 * progressing across restarts without timers.
 */
import { accessSync, constants, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DEFAULT_ORGANIZATION_ID,
  type AirbyteCatalog,
  type ConnectionStatus,
  type JsonObject,
  type NamespaceDefinition,
  type NonBreakingChangesPreference,
  type ScheduleData,
  type ScheduleType,
} from '../api/types.js';
import { GitopsError } from '../errors.js';

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
  /** Epoch seconds. */
  createdAt: number;
}

/** Volume one stream moves in a job, fixed when the job is created. */
export interface StreamVolume {
  name: string;
  namespace?: string;
  records: number;
  bytes: number;
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

/** Everything the emulator holds. `version` guards against loading a file of another shape. */
export interface EmulatorData {
  version: 1;
  workspaces: StoredWorkspace[];
  sources: StoredActor[];
  destinations: StoredActor[];
  connections: StoredConnection[];
  jobs: StoredJob[];
  nextJobId: number;
}

export function initialData(): EmulatorData {
  const workspace: StoredWorkspace = {
    workspaceId: DEFAULT_WORKSPACE_ID,
    organizationId: DEFAULT_ORGANIZATION_ID,
    customerId: 'f4c3c1f0-7a0a-4d7e-9d1b-2f7b1e0c5a11',
    name: 'Default Workspace',
    slug: 'default',
  };
  return { version: 1, workspaces: [workspace], sources: [], destinations: [], connections: [], jobs: [], nextJobId: 1 };
}

function loadData(file: string): EmulatorData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    // The parser's message quotes the file's text: name only the kind of failure.
    const why = error instanceof SyntaxError ? 'not valid JSON' : 'the file cannot be read';
    throw new GitopsError('USAGE', `${file}: cannot read emulator state (${why})`, {
      hint: 'if it is a state file this emulator wrote, delete it to start empty; otherwise choose another --data path',
    });
  }
  const data = parsed as Partial<EmulatorData>;
  if (data.version !== 1 || !Array.isArray(data.sources) || !Array.isArray(data.jobs)) {
    throw new GitopsError('USAGE', `${file}: not an emulator state file (expected "version": 1)`, {
      hint: 'choose another --data path (a new file is created there)',
    });
  }
  return data as EmulatorData;
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

/** Best effort: the temporary file of a failed save may not even have been created. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    return;
  }
}

/** A save that failed: the write request that caused it answers 500 with this message. */
export class SaveError extends Error {
  constructor(file: string, cause: unknown) {
    super(`the emulator could not save its state to ${file} (${cause instanceof Error ? cause.message : String(cause)}); the change was not kept`, { cause });
    this.name = 'SaveError';
  }
}

/** Holds the live state; saves it atomically (temp file, then rename) when backed by a file. */
export class Store {
  data: EmulatorData;

  constructor(private readonly dataFile?: string) {
    if (dataFile !== undefined) checkWritable(dataFile);
    this.data = dataFile !== undefined && existsSync(dataFile) ? loadData(dataFile) : initialData();
  }

  /**
   * Called after every successful write. The file holds secrets as sent, so only its owner may read it. Throws
   * SaveError when the file cannot be written, so the request fails instead of the change silently living only
   * in memory.
   */
  save(): void {
    if (this.dataFile === undefined) return;
    const temporary = `${this.dataFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify(this.data, null, 2) + '\n', { mode: 0o600 });
      renameSync(temporary, this.dataFile);
    } catch (error) {
      removeQuietly(temporary);
      throw new SaveError(this.dataFile, error);
    }
  }

  /** Runs a write; when saving fails, the state goes back to what it was and SaveError is thrown. */
  writing<T extends { status: number }>(write: () => T): T {
    const before = this.dataFile === undefined ? undefined : structuredClone(this.data);
    const outcome = write();
    if (outcome.status >= 300 || before === undefined) return outcome;
    try {
      this.save();
    } catch (error) {
      this.data = before;
      throw error;
    }
    return outcome;
  }

  reset(): void {
    this.data = initialData();
    this.save();
  }

  workspace(id: string): StoredWorkspace | undefined {
    return this.data.workspaces.find((workspace) => workspace.workspaceId === id);
  }
}
