/**
 * Turns the paths a user gave into the list of YAML files to read, and reads each one within the limits that keep
 * hostile input harmless (size, binary content, invalid UTF-8).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Problem } from '../model/problem.js';

/** Files larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 1024 * 1024;

const YAML_FILE = /\.ya?ml$/i;

/** The YAML files the paths name, in load order, as the user would write them; plus problems with the paths. */
export interface ResolvedFiles {
  files: string[];
  problems: Problem[];
}

function error(message: string, file?: string): Problem {
  return file === undefined ? { severity: 'error', message } : { severity: 'error', file, line: 1, col: 1, message };
}

/** Code-unit order, so the load order is the same on every machine and locale. */
function byName(left: Dirent, right: Dirent): number {
  return left.name < right.name ? -1 : left.name > right.name ? 1 : 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** All YAML files below `directory`, depth-first in name order; dot-directories and node_modules are skipped. */
function yamlFilesBelow(directory: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(directory, { withFileTypes: true }).sort(byName);
  for (const entry of entries) {
    const path = join(directory, entry.name);
    // Symlinked directories are not followed: they can form loops.
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') found.push(...yamlFilesBelow(path));
    } else if (YAML_FILE.test(entry.name) && !(entry.isSymbolicLink() && isDirectory(path))) {
      // Not only regular files: a FIFO or device named *.yaml is listed so that reading it refuses it by name.
      found.push(path);
    }
  }
  return found;
}

function filesForPath(path: string): string[] | Problem {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return error(`'${path}' does not exist`);
  }
  if (!stats.isDirectory()) return [path];
  try {
    const files = yamlFilesBelow(path);
    return files.length > 0 ? files : error(`directory '${path}' contains no .yaml or .yml files`);
  } catch (cause) {
    return error(`cannot read directory '${path}': ${(cause as Error).message}`);
  }
}

/** Each path is a file or a directory; a file reached twice (e.g. named and inside a named directory) loads once. */
export function resolveFiles(paths: string[]): ResolvedFiles {
  const result: ResolvedFiles = { files: [], problems: [] };
  const seen = new Set<string>();
  for (const path of paths) {
    const files = filesForPath(path);
    if (!Array.isArray(files)) {
      result.problems.push(files);
      continue;
    }
    for (const file of files) {
      const absolute = resolve(file);
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      result.files.push(file);
    }
  }
  return result;
}

/** What a non-regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The file's bytes, or a problem. The descriptor is checked (not the path, which could change in between) and the
 * read stops one byte past the limit: a FIFO would block forever and /dev/zero never ends. O_NONBLOCK lets a FIFO
 * open without a writer, so it can be refused.
 */
function readBounded(file: string): Buffer | Problem {
  const descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) {
      const what = isSymbolicLink(file) ? `a symbolic link to ${kindOf(stats)}` : kindOf(stats);
      return error(`'${file}' is ${what}, not a regular file: only regular YAML files are read`, file);
    }
    const tooLarge = (size: string) => error(`file is too large (${size}; the limit is ${MAX_FILE_BYTES} bytes, 1 MiB)`, file);
    if (stats.size > MAX_FILE_BYTES) return tooLarge(`${stats.size} bytes`);
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_FILE_BYTES) return tooLarge(`more than ${MAX_FILE_BYTES} bytes`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}

/** The file's text, or a problem when it is not a regular file, too large, binary or not UTF-8. */
export function readSpecFile(file: string): string | Problem {
  try {
    const bytes = readBounded(file);
    if (!Buffer.isBuffer(bytes)) return bytes;
    if (bytes.includes(0)) return error('file is binary (it contains NUL bytes), not YAML text', file);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return error('file is not valid UTF-8 text (save it as UTF-8)', file);
    }
  } catch (cause) {
    return error(`cannot read file: ${(cause as Error).message}`, file);
  }
}
