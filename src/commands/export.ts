import { writeProblem } from '../util/write-problem.js';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { GitopsError } from '../errors.js';
import { buildExport, selectResources, type ExportResult } from '../operate/export.js';
import { readForExport } from '../operate/export-read.js';
import { withClient, type ConnectFlags } from './connect.js';
import { DEFAULT_SCHEMA_URL } from './define/export.js';
import type { CommandIo } from './io.js';
import { printable } from '../util/printable.js';

export interface ExportFlags extends ConnectFlags {
  out?: string;
  force?: boolean;
  schemaUrl: string;
  json?: boolean;
}

function variablesText(result: ExportResult): string {
  if (result.variables.length === 0) return 'No secrets: no variables to set.\n';
  const width = Math.max(...result.variables.map((v) => v.name.length));
  const lines = result.variables.map((v) => `  ${v.name.padEnd(width)}  ${v.kind} '${printable(v.resource)}', ${printable(v.path)}`);
  return `Set these environment variables (the secrets Airbyte masks) before validate, plan or apply:\n${lines.join('\n')}\n`;
}

function unwritableOut(dir: string, problem: string, cause?: unknown): GitopsError {
  return new GitopsError('USAGE', `cannot write the export to ${dir}: ${problem}`, {
    hint: '--out names a directory (created when missing) that gets one file per connection; without --out, one document goes to stdout',
    cause,
  });
}

/** Refuses, before anything is read from Airbyte, an --out that is an existing file. */
function checkOutDirectory(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw unwritableOut(dir, 'it is a file, not a directory');
}

function writeFiles(dir: string, result: ExportResult, force: boolean): string[] {
  checkOutDirectory(dir);
  const paths = result.files.map((file) => join(dir, file.name));
  const existing = paths.filter((path) => existsSync(path));
  if (existing.length > 0 && !force) {
    throw new GitopsError('USAGE', `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written`, {
      hint: 'choose another --out directory, or pass --force to overwrite',
    });
  }
  const written: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    result.files.forEach((file, i) => {
      writeFileSync(paths[i] as string, file.content);
      written.push(paths[i] as string);
    });
  } catch (error) {
    const done = written.length === 0 ? 'nothing was written' : `only ${written.join(', ')} ${written.length === 1 ? 'was' : 'were'} written`;
    throw unwritableOut(dir, `${writeProblem(error)}; ${done}`, error);
  }
  return paths;
}

/**
 * The `$schema` line: the default points at the schema of the tool installed in the working directory, made
 * relative to the directory the files are written to (yaml-language-server resolves it from the file).
 */
function schemaFor(flags: ExportFlags, cwd: string): string {
  if (flags.schemaUrl !== DEFAULT_SCHEMA_URL || flags.out === undefined) return flags.schemaUrl;
  const relativePath = relative(resolve(cwd, flags.out), resolve(cwd, DEFAULT_SCHEMA_URL)).split(sep).join('/');
  return relativePath.startsWith('.') ? relativePath : `./${relativePath}`;
}

/** `export [names...]`: the workspace (or the named resources) as pipeline YAML, on stdout or one file per connection. */
export async function action(names: string[], flags: ExportFlags, io: CommandIo): Promise<void> {
  if (flags.out !== undefined) checkOutDirectory(flags.out);
  await withClient(io, flags, async (client) => {
    const input = selectResources(await readForExport(client, flags.workspace), names);
    const result = buildExport(input, { split: flags.out !== undefined, schemaUrl: schemaFor(flags, io.cwd) });
    const paths = flags.out === undefined ? undefined : writeFiles(flags.out, result, flags.force === true);
    if (flags.json) {
      const files = result.files.map((file, i) => ({ name: file.name, path: paths?.[i] ?? null, content: file.content }));
      io.stdout.write(JSON.stringify({ workspace: input.workspace, files, variables: result.variables, warnings: result.warnings }, null, 2) + '\n');
      return;
    }
    for (const warning of result.warnings) io.stderr.write(`warning: ${printable(warning)}\n`);
    if (paths === undefined) {
      io.stdout.write(result.files.map((file) => file.content).join(''));
      io.stderr.write(variablesText(result));
    } else io.stdout.write(paths.map((path) => `Wrote ${path}\n`).join('') + variablesText(result));
  });
}
