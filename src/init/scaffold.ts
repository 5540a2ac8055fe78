/**
 * What `init` writes, as a value: each file with its content and whether it is created, overwritten or (the
 * `.gitignore`) appended to. Made first and checked against the directory as a whole, so a refusal writes nothing.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join, parse as parsePath } from 'node:path';
import { GitopsError } from '../errors.js';
import { writeProblem } from '../util/write-problem.js';
import { EXAMPLE_FILE, examplePipeline } from './example.js';
import { printable } from '../util/printable.js';
import { gitignoreAddition } from './gitignore.js';
import type { ActionRef } from './options.js';
import { teamReadme } from './readme.js';
import { DRIFT_WORKFLOW, MAIN_WORKFLOW, driftWorkflow, mainWorkflow } from './workflows.js';

export const PIPELINES_DIR = 'pipelines';

/** One file of the scaffold. `path` is relative to the target directory, with `/`. */
export interface ScaffoldFile {
  path: string;
  content: string;
  /** `create`: new; `overwrite`: exists, replaced (--force); `append`: lines added to an existing .gitignore. */
  action: 'create' | 'overwrite' | 'append';
}

export interface ScaffoldOptions {
  action: ActionRef;
  branch: string;
  schemaUrl: string;
  /** The pipeline files (names in pipelines/) from an export; the example when undefined. */
  exported?: { workspace: string; files: { name: string; content: string }[]; variables: string[] };
}

/** The files before they are checked against the directory (every one `create`, the .gitignore its whole addition). */
export function scaffoldFiles(options: ScaffoldOptions): { path: string; content: string }[] {
  const variables = [...new Set(options.exported?.variables ?? [])].sort();
  const pipelines =
    options.exported === undefined ? [{ name: EXAMPLE_FILE, content: examplePipeline(options.action, options.schemaUrl) }] : options.exported.files;
  const workflow = { action: options.action, branch: options.branch, variables, pipelines: PIPELINES_DIR };
  return [
    ...pipelines.map((file) => ({ path: `${PIPELINES_DIR}/${file.name}`, content: file.content })),
    { path: MAIN_WORKFLOW, content: mainWorkflow(workflow) },
    { path: DRIFT_WORKFLOW, content: driftWorkflow(workflow) },
    {
      path: 'README.md',
      content: teamReadme({
        action: options.action,
        branch: options.branch,
        variables,
        ...(options.exported === undefined ? {} : { exportedFrom: options.exported.workspace }),
      }),
    },
  ];
}

/** Why `path` (under `dir`) cannot be written, or undefined; `exists` when only --force would allow it. */
function obstacle(dir: string, path: string): 'exists' | string | undefined {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const parent = join(dir, ...parts.slice(0, i));
    const name = parts.slice(0, i).join('/');
    if (isLink(parent)) return `${name} is a symbolic link (init writes no file through a link)`;
    if (existsSync(parent) && !lstatSync(parent).isDirectory()) return `${name} is not a directory`;
  }
  const target = join(dir, ...parts);
  if (!existsSync(target) && !isLink(target)) return undefined;
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return 'is a symbolic link (init writes no file through a link)';
  if (!stat.isFile()) return 'is not a regular file';
  return 'exists';
}

/** Whether `path` is a symbolic link (to anything, or to nothing). */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The target directory itself: a directory, a link to one (followed: it is what the user named), or missing with
 * every existing folder above it a directory. A link to nothing, or a file, there or above, is refused up front, so
 * that writing never fails halfway.
 */
function checkTarget(dir: string): void {
  const refuse = (why: string) => {
    throw new GitopsError('USAGE', `cannot initialise ${printable(dir)}: ${why}`, { hint: 'give a directory (created when missing)' });
  };
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      refuse(lstatSync(dir).isSymbolicLink() ? 'it is a symbolic link to a file, not a directory' : 'it is a file, not a directory');
    return;
  }
  // Missing: the nearest path above it that is there must be a directory (or a link to one).
  const root = parsePath(dir).root;
  for (let path = dir; path !== root; path = dirname(path)) {
    if (isLink(path) && !existsSync(path)) refuse(path === dir ? 'it is a symbolic link to nothing' : `${printable(path)} is a symbolic link to nothing`);
    if (existsSync(path)) {
      if (!statSync(path).isDirectory()) refuse(`${printable(path)} is a file, not a directory`);
      return;
    }
  }
}

/**
 * The pipeline files (`*.yaml`, `*.yml`, under `dir`/pipelines/, as validate and plan find them: not in hidden
 * folders or node_modules, no symbolic link to a folder followed) that are not among `keep`, by path from `dir`.
 */
export function strayPipelines(dir: string, keep: string[]): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(join(dir, ...relative.split('/')), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(path);
      } else if (/\.ya?ml$/i.test(entry.name) && !keep.includes(path)) found.push(path);
    }
  };
  walk(PIPELINES_DIR);
  return found;
}

/**
 * Checks the files against `dir` (which need not exist yet): every existing one is a conflict unless `force`;
 * a link, a folder in the way or a file where a folder goes is one even with `force`. Throws listing all of them,
 * having written nothing.
 */
export function resolveScaffold(dir: string, files: { path: string; content: string }[], force: boolean): ScaffoldFile[] {
  checkTarget(dir);
  const conflicts: string[] = [];
  const blocked: string[] = [];
  const resolved = [...files, { path: '.gitignore', content: '' }].flatMap((file): ScaffoldFile[] => {
    const problem = obstacle(dir, file.path);
    if (file.path === '.gitignore') {
      if (problem !== undefined && problem !== 'exists') blocked.push(`${file.path} ${problem}`);
      const existing = problem === 'exists' ? readFileSync(join(dir, file.path), 'utf8') : undefined;
      const addition = gitignoreAddition(existing);
      return addition === '' ? [] : [{ path: file.path, content: addition, action: existing === undefined ? 'create' : 'append' }];
    }
    if (problem === undefined) return [{ ...file, action: 'create' }];
    if (problem === 'exists') conflicts.push(file.path);
    else blocked.push(`${file.path} ${problem}`);
    return [{ ...file, action: 'overwrite' }];
  });
  if (blocked.length > 0 || (conflicts.length > 0 && !force)) {
    const all = [...blocked, ...(force ? [] : conflicts.map((path) => `${path} exists`))];
    throw new GitopsError('USAGE', `init would overwrite what is in ${dir}; nothing was written`, {
      details: all,
      hint: blocked.length > 0 ? 'move these out of the way, then run init again' : 'move these files away, or pass --force to overwrite them',
      meta: { conflicts: all },
    });
  }
  return resolved;
}

/** Writes the checked files; a failure names what was written before it. */
export function writeScaffold(dir: string, files: ScaffoldFile[]): void {
  const written: string[] = [];
  for (const file of files) {
    const target = join(dir, ...file.path.split('/'));
    try {
      mkdirSync(dirname(target), { recursive: true });
      if (file.action === 'append') appendFileSync(target, file.content);
      else writeFileSync(target, file.content);
      written.push(file.path);
    } catch (error) {
      const done = written.length === 0 ? 'nothing was written' : `only ${written.join(', ')} ${written.length === 1 ? 'was' : 'were'} written`;
      throw new GitopsError('USAGE', `cannot write ${file.path} in ${dir}: ${writeProblem(error)}; ${done}`, { cause: error });
    }
  }
}
