/**
 * The `--data` file: a snapshot line followed by one appended line per acknowledged write, so a write costs the
 * size of what it changed, not of the whole state. The format is internal (docs/emulator.md says so):
 *
 *   {"version":2,"state":{…EmulatorData…}}          the snapshot, always the first line
 *   {"put":[["sources",{…}],…],"nextJobId":7}       one line per write: the records it created or replaced
 *
 * A line is written with one write(2) before the request is answered, so an acknowledged write survives a kill of
 * the emulator (not a power loss: nothing is fsynced). When the appended lines outgrow the snapshot, the file is
 * rewritten as a single snapshot line (temp file, then rename). A last line cut short (the emulator killed while
 * writing it, or the disk full) belonged to a write that was never acknowledged: it is ignored with a warning and
 * the file is rewritten at the next write. Files of older versions (one pretty-printed JSON document, `"version": 1`)
 * are read, and rewritten in the new form at the next write.
 *
 * One emulator at a time owns a file: `<file>.lock` holds its process id, and another emulator refuses to start on
 * the same file while that process lives (a lock left by a killed emulator is taken over).
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { GitopsError } from '../errors.js';
import type { EmulatorData, StoredActor, StoredConnection, StoredDiscovery, StoredJob, StoredSchemaChanges, StoredState } from './state.js';

/** A record a write created or replaced, by table. Records are whole: replaying a line sets them as they were. */
export type JournalPut =
  | ['sources' | 'destinations', StoredActor]
  | ['connections', StoredConnection]
  | ['jobs', StoredJob]
  | ['states', StoredState]
  | ['discoveries', StoredDiscovery]
  | ['schemaChanges', StoredSchemaChanges];

export interface JournalEntry {
  put: JournalPut[];
  nextJobId: number;
}

/** Rewriting to a snapshot is due when the appended lines exceed the snapshot's size (and this floor). */
const COMPACT_FLOOR_BYTES = 256 * 1024;

/** A save that failed: the write request that caused it answers 500 with this message. */
export class SaveError extends Error {
  constructor(file: string, cause: unknown) {
    super(`the emulator could not save its state to ${file} (${cause instanceof Error ? cause.message : String(cause)}); the change was not kept`, { cause });
    this.name = 'SaveError';
  }
}

/** Another live emulator holds the state file's lock. */
export class StateInUseError extends GitopsError {
  constructor(
    readonly file: string,
    readonly pid: number | undefined,
  ) {
    const holder = pid === undefined ? 'another emulator' : pid === process.pid ? 'another emulator in this process' : `another emulator (process ${pid})`;
    super('USAGE', `emulator state ${file} is in use by ${holder}`, {
      meta: { dataFile: file },
      hint: `stop that emulator first, or pass another --data file (one emulator at a time owns a state file); if no emulator uses it, delete ${file}.lock`,
    });
  }
}

function cannotRead(file: string, why: string): GitopsError {
  return new GitopsError('USAGE', `${file}: cannot read emulator state (${why})`, {
    hint: 'if it is a state file this emulator wrote, delete it to start empty; otherwise choose another --data path',
  });
}

function notState(file: string): GitopsError {
  return new GitopsError('USAGE', `${file}: not an emulator state file (expected "version": 1 or 2)`, {
    hint: 'choose another --data path (a new file is created there)',
  });
}

function isData(value: unknown): value is EmulatorData {
  const data = value as Partial<EmulatorData> | null;
  return (
    typeof data === 'object' &&
    data !== null &&
    data.version === 1 &&
    Array.isArray(data.workspaces) &&
    Array.isArray(data.sources) &&
    Array.isArray(data.destinations) &&
    Array.isArray(data.connections) &&
    Array.isArray(data.jobs) &&
    typeof data.nextJobId === 'number'
  );
}

function isEntry(value: unknown): value is JournalEntry {
  const entry = value as Partial<JournalEntry> | null;
  return typeof entry === 'object' && entry !== null && Array.isArray(entry.put) && typeof entry.nextJobId === 'number';
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What a state file holds; `appendable` is false when the next write must rewrite the file first. */
export interface LoadedState {
  snapshot: EmulatorData;
  entries: JournalEntry[];
  appendable: boolean;
  /** Bytes of the file that were read and kept (the snapshot and the whole lines after it). */
  size: number;
  snapshotBytes: number;
  warnings: string[];
}

/**
 * Reads a state file. Errors (a file that is not emulator state, a damaged line that is not the last) name the
 * file and never quote its text: it holds secrets.
 */
export function readStateFile(file: string): LoadedState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw cannotRead(file, 'the file cannot be read');
  }
  const firstBreak = text.indexOf('\n');
  const header = parsed(firstBreak < 0 ? text : text.slice(0, firstBreak)) as { version?: unknown; state?: unknown } | undefined;
  if (header === undefined || header.version !== 2) {
    // An older version's file: one JSON document, possibly over many lines.
    const whole = parsed(text);
    if (whole === undefined) throw cannotRead(file, 'not valid JSON');
    if (!isData(whole)) throw notState(file);
    return { snapshot: whole, entries: [], appendable: false, size: Buffer.byteLength(text), snapshotBytes: Buffer.byteLength(text), warnings: [] };
  }
  if (!isData(header.state)) throw notState(file);
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  const warnings: string[] = [];
  let size = Buffer.byteLength(lines[0] ?? '') + 1;
  const snapshotBytes = size;
  let appendable = text.endsWith('\n');
  let lastLine = lines.length - 1;
  while (lastLine > 0 && lines[lastLine] === '') lastLine--;
  for (let index = 1; index <= lastLine; index++) {
    const line = lines[index] as string;
    if (line === '') continue;
    const entry = parsed(line);
    if (!isEntry(entry)) {
      if (index !== lastLine) throw cannotRead(file, `line ${index + 1} is damaged`);
      warnings.push(
        `${file}: ignored the incomplete last line (a write cut short when the emulator was stopped or the disk was full; it was never acknowledged)`,
      );
      appendable = false;
      break;
    }
    entries.push(entry);
    size += Buffer.byteLength(line) + 1;
  }
  return { snapshot: header.state, entries, appendable, size, snapshotBytes, warnings };
}

/** Writes all of `buffer` at the end of the file (O_APPEND). */
function writeAll(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
}

/** Best effort: the temporary file of a failed save may not even have been created. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    return;
  }
}

/**
 * Locks this process holds, released at exit even when stop() was never called. Shared by every copy of this
 * module in the process (a test runner may load it more than once), so that a lock with this process's id is known
 * to be ours, or else left by an earlier process that had the same id (a restarted container's emulator is often
 * process 1 again).
 */
const LOCKS_KEY = Symbol.for('airbyte-gitops.emulator.heldLocks');
const heldLocks: Set<string> = ((globalThis as Record<symbol, unknown>)[LOCKS_KEY] as Set<string> | undefined) ?? new Set<string>();
(globalThis as Record<symbol, unknown>)[LOCKS_KEY] = heldLocks;
const EXIT_HOOK_KEY = Symbol.for('airbyte-gitops.emulator.exitHook');

function releaseAllAtExit(): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[EXIT_HOOK_KEY] === true) return;
  global[EXIT_HOOK_KEY] = true;
  process.on('exit', () => {
    for (const lock of heldLocks) removeQuietly(lock);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock file written so recently that its writer may not have written its pid yet. */
const FRESH_LOCK_MS = 2000;

/** The pid in a lock file, undefined when it holds none; throws when no lock file exists any more. */
function lockHolder(lock: string): { pid: number | undefined; ageMs: number } {
  const text = readFileSync(lock, 'utf8');
  const pid = Number.parseInt(text, 10);
  return { pid: Number.isInteger(pid) && pid > 0 ? pid : undefined, ageMs: Date.now() - statSync(lock).mtimeMs };
}

/**
 * Takes `<file>.lock` (created exclusively, holding our pid). A lock whose process is gone (a killed emulator) is
 * stale and taken over, as is one with this process's id that this process does not hold; a lock held by a live
 * process is StateInUseError.
 */
function acquireLock(file: string): string {
  const lock = `${file}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid: number | undefined; ageMs: number };
      try {
        holder = lockHolder(lock);
      } catch {
        continue; // Released meanwhile: try again.
      }
      const live = holder.pid === undefined ? holder.ageMs < FRESH_LOCK_MS : holder.pid === process.pid ? heldLocks.has(lock) : isAlive(holder.pid);
      if (live) throw new StateInUseError(file, holder.pid);
      removeQuietly(lock);
      continue;
    }
    try {
      writeAll(fd, Buffer.from(`${process.pid}\n`));
    } finally {
      closeSync(fd);
    }
    heldLocks.add(lock);
    releaseAllAtExit();
    return lock;
  }
  throw new StateInUseError(file, undefined);
}

/** Counts of what the journal wrote, for tests that bound the work per write. */
export interface JournalStats {
  bytesWritten: number;
  appends: number;
  snapshots: number;
}

/** An open state file: appends lines, rewrites it as a snapshot when due. */
export class Journal {
  private fd: number | undefined;
  private lock: string | undefined;
  private size = 0;
  private snapshotBytes = 0;
  private appendable = false;
  readonly stats: JournalStats = { bytesWritten: 0, appends: 0, snapshots: 0 };

  constructor(readonly file: string) {}

  /** Takes the lock and reads the file (when it exists); on a read error the lock is released. */
  open(exists: boolean): LoadedState | undefined {
    this.lock = acquireLock(this.file);
    try {
      if (!exists) return undefined;
      const loaded = readStateFile(this.file);
      this.size = loaded.size;
      this.snapshotBytes = loaded.snapshotBytes;
      this.appendable = loaded.appendable;
      if (this.appendable) this.fd = openSync(this.file, 'a', 0o600);
      return loaded;
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /**
   * Saves one write. Appends its line when the file can take it; otherwise (no file yet, an older format, a cut
   * last line) rewrites the whole file from `snapshot()`. Throws SaveError, leaving the file as it was.
   */
  append(entry: JournalEntry, snapshot: () => EmulatorData): void {
    if (!this.appendable || this.fd === undefined || !this.stillAtItsPath(this.fd)) {
      this.writeSnapshot(snapshot());
      return;
    }
    const line = Buffer.from(JSON.stringify(entry) + '\n');
    try {
      writeAll(this.fd, line);
    } catch (error) {
      // A partial line would swallow the next one: cut the file back to its last whole line.
      try {
        ftruncateSync(this.fd, this.size);
      } catch {
        this.appendable = false;
      }
      throw new SaveError(this.file, error);
    }
    this.size += line.length;
    this.stats.bytesWritten += line.length;
    this.stats.appends++;
    if (this.size - this.snapshotBytes > Math.max(COMPACT_FLOOR_BYTES, this.snapshotBytes)) {
      // Best effort: the write is already saved; a failed rewrite is tried again at a later write.
      try {
        this.writeSnapshot(snapshot());
      } catch (error) {
        process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  }

  /**
   * False when the file was removed or replaced behind the emulator's back (e.g. deleted to start over): appending
   * to the open file would then save nothing anyone can read, so the whole state is written again instead.
   */
  private stillAtItsPath(fd: number): boolean {
    try {
      const atPath = statSync(this.file);
      const open = fstatSync(fd);
      return atPath.ino === open.ino && atPath.dev === open.dev;
    } catch {
      return false;
    }
  }

  /** Replaces the file with one snapshot line (temp file of mode 0600, then rename). */
  writeSnapshot(data: EmulatorData): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    const text = Buffer.from(JSON.stringify({ version: 2, state: data }) + '\n');
    let fd: number | undefined;
    try {
      writeFileExclusive(temporary, text);
      renameSync(temporary, this.file);
      fd = openSync(this.file, 'a', 0o600);
    } catch (error) {
      removeQuietly(temporary);
      throw new SaveError(this.file, error);
    }
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = fd;
    this.size = text.length;
    this.snapshotBytes = text.length;
    this.appendable = true;
    this.stats.bytesWritten += text.length;
    this.stats.snapshots++;
  }

  /** Closes the file and releases the lock. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.lock !== undefined) {
      heldLocks.delete(this.lock);
      try {
        unlinkSync(this.lock);
      } catch {
        // Already gone: nothing to release.
      }
      this.lock = undefined;
    }
  }
}

/** A fresh file of mode 0600 (a leftover temporary file of this pid is replaced). */
function writeFileExclusive(file: string, text: Buffer): void {
  removeQuietly(file);
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeAll(fd, text);
  } finally {
    closeSync(fd);
  }
}
