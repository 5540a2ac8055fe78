/**
 * Turns the paths a user gave into the list of YAML files to read, and reads each one within the limits that keep
 * hostile input harmless (size, binary content, invalid UTF-8).
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
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
    } else if (YAML_FILE.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && !isDirectory(path)))) {
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

/** The file's text, or a problem when it is too large, binary or not UTF-8. */
export function readSpecFile(file: string): string | Problem {
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      return error(`file is too large (${size} bytes; the limit is ${MAX_FILE_BYTES} bytes, 1 MiB)`, file);
    }
    const bytes = readFileSync(file);
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
