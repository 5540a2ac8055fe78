/**
 * Writing sync-state backups so that none is ever lost or half-written: each file is written to a temporary name
 * in the same directory (mode 0600) and then hard-linked to its final name, which fails when that name exists
 * (even as a symlink, which is never followed): two applies at once, or a name that repeats, never overwrite a
 * backup, and a reader never sees a partial file. Where the file system has no hard links, the temporary file is
 * copied with the same refusal to overwrite (not atomic then, still exclusive).
 */
import { constants, copyFileSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { backupText, type StateBackupFileV1 } from './state-file.js';

/** Longest part of a file name taken from a connection name (characters). */
export const MAX_NAME_PART = 60;
/** Backups of the same connection in the same millisecond get `-2`, `-3`, … up to this many. */
const MAX_SUFFIX = 1000;

/**
 * A connection name as part of a file name: accents dropped, every run of characters other than ASCII letters,
 * digits, `_` and `-` becomes one `-` (so no `/`, `\`, `.`, `..`, control or invisible character survives), at most
 * MAX_NAME_PART characters, `connection` when nothing is left.
 */
export function safeNamePart(name: string, max = MAX_NAME_PART): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const safe = ascii
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return safe === '' ? 'connection' : safe;
}

/** `2026-11-27T11-45-56.123Z`: UTC, sorts by time, no `:` (not allowed in Windows file names). */
export function fileTimestamp(at: Date): string {
  return at.toISOString().replace(/:/g, '-');
}

/** `<timestamp>-<safe name>-<connection id>.json` (the id made safe too: it comes from the server). */
export function backupFileName(savedAt: Date, connectionName: string, connectionId: string, copy = 1): string {
  const suffix = copy > 1 ? `-${copy}` : '';
  return `${fileTimestamp(savedAt)}-${safeNamePart(connectionName)}-${safeNamePart(connectionId, 64)}${suffix}.json`;
}

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code;
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Writes `text` to `path`, which must not exist yet (EEXIST otherwise; a symlink there counts as existing and is
 * not followed), mode 0600, never partially. Throws the file system's error; leaves no temporary file behind.
 */
export function writeNewFile(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(temporary, path);
    } catch (error) {
      if (!NO_LINKS.has(errnoOf(error) ?? '')) throw error;
      copyFileSync(temporary, path, constants.COPYFILE_EXCL);
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Saves a backup in `dir` (created with mode 0700 when missing) under a new name; returns the file's path (`dir`
 * joined with the name, so relative when `dir` is). Throws the file system's error.
 */
export function saveBackupFile(dir: string, backup: StateBackupFileV1): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const text = backupText(backup);
  const savedAt = new Date(backup.savedAt);
  for (let copy = 1; ; copy++) {
    const path = join(dir, backupFileName(savedAt, backup.connectionName, backup.connectionId, copy));
    try {
      writeNewFile(path, text);
      return path;
    } catch (error) {
      if (errnoOf(error) !== 'EEXIST' || copy >= MAX_SUFFIX) throw error;
    }
  }
}

export { writeProblem } from '../util/write-problem.js';
