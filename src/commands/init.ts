/**
 * `init [dir]`: a new pipeline repository. The flow: flags → the pipelines (the example, or an export of the
 * workspace) → every file as a value → checked against the directory (a conflict writes nothing) → written →
 * what to do next.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { GitopsError } from '../errors.js';
import { buildExport, checkSchemaUrl, type ExportVariable } from '../operate/export.js';
import { readForExport } from '../operate/export-read.js';
import { checkBranch, parseActionRef, schemaUrl, type ActionRef } from '../init/options.js';
import { PIPELINES_DIR, resolveScaffold, scaffoldFiles, strayPipelines, writeScaffold, type ScaffoldFile, type ScaffoldOptions } from '../init/scaffold.js';
import { shellWord } from '../init/shell.js';
import { AIRBYTE_SECRETS, secretNameOf } from '../init/workflows.js';
import { printable } from '../util/printable.js';
import { withClient, type ConnectFlags } from './connect.js';
import type { CommandIo } from './io.js';

export interface InitFlags extends ConnectFlags {
  fromWorkspace?: boolean;
  branch: string;
  action?: string;
  schemaUrl?: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** The connect flags mean something only with --from-workspace (AIRBYTE_WORKSPACE from the environment is fine). */
function checkConnectFlags(flags: InitFlags, command: Command): void {
  if (flags.fromWorkspace) return;
  const given = ['url', 'workspace', 'emulator'].filter((name) => command.getOptionValueSource(name) === 'cli');
  if (given.length > 0) {
    throw new GitopsError(
      'USAGE',
      `${given.map((name) => `--${name}`).join(', ')} ${given.length === 1 ? 'names' : 'name'} the workspace to export: add --from-workspace`,
      {
        hint: 'without --from-workspace, init writes an example pipeline and reads nothing from Airbyte',
      },
    );
  }
}

interface Exported {
  workspace: string;
  files: { name: string; content: string }[];
  variables: ExportVariable[];
  warnings: string[];
}

async function exportWorkspace(io: CommandIo, flags: InitFlags, schema: string): Promise<Exported> {
  return withClient(io, flags, async (client) => {
    const input = await readForExport(client, flags.workspace);
    if (input.sources.length + input.destinations.length + input.connections.length === 0) {
      throw new GitopsError('NOT_FOUND', `workspace '${input.workspace}' has no sources, destinations or connections to export; nothing was written`, {
        hint: 'run init without --from-workspace for an example pipeline',
      });
    }
    return { workspace: input.workspace, ...buildExport(input, { split: true, schemaUrl: schema }) };
  });
}

const DONE = { create: 'Wrote', overwrite: 'Overwrote', append: 'Added lines to' } as const;
const WOULD = { create: 'Would write', overwrite: 'Would overwrite', append: 'Would add lines to' } as const;

function variablesText(variables: ExportVariable[]): string[] {
  if (variables.length === 0) return [];
  const width = Math.max(...variables.map((v) => v.name.length));
  return [
    '',
    "The pipelines' secrets, read from these environment variables (in the workflows' env:, from repository secrets):",
    ...variables.map((v) => `  ${v.name.padEnd(width)}  ${v.kind} '${printable(v.resource)}', ${printable(v.path)}`),
  ];
}

function closingText(dir: string, files: ScaffoldFile[], flags: InitFlags, action: ActionRef, variables: ExportVariable[]): string {
  const lines = files.map((file) => `${(flags.dryRun ? WOULD : DONE)[file.action]} ${file.path}`);
  lines.push(...variablesText(variables));
  if (flags.dryRun) return `${lines.join('\n')}\nNothing was written (--dry-run).\n`;
  const secrets = [
    ...AIRBYTE_SECRETS,
    ...variables
      .map((v) => secretNameOf(v.name))
      .filter((name) => !(AIRBYTE_SECRETS as readonly string[]).includes(name))
      .sort(),
  ];
  lines.push('', 'Next:');
  if (dir !== '.') lines.push(`  cd ${shellWord(dir)}`);
  if (action.placeholder) {
    lines.push(
      `  Replace <org> in .github/workflows/*.yml, ${PIPELINES_DIR}/*.yaml and README.md with the GitHub owner of the airbyte-gitops repository you use.`,
    );
  }
  lines.push(
    `  Check and plan against the emulator: airbyte-gitops validate ${PIPELINES_DIR} && airbyte-gitops plan ${PIPELINES_DIR} --emulator`,
    `  Set the repository secrets ${[...new Set(secrets)].join(', ')}.`,
    '  Commit, push a branch and open a pull request: the plan appears as a comment on it.',
  );
  return `${lines.join('\n')}\n`;
}

export async function action(dirArgument: string, flags: InitFlags, io: CommandIo, command: Command): Promise<void> {
  checkConnectFlags(flags, command);
  const branch = checkBranch(flags.branch);
  const actionRef = parseActionRef(flags.action ?? (io.env['AIRBYTE_GITOPS_ACTION'] || undefined));
  const schema = checkSchemaUrl(flags.schemaUrl ?? schemaUrl(actionRef));
  const dir = resolve(io.cwd, dirArgument);
  // A directory that cannot take the files is refused before anything is read from Airbyte: all but the exported
  // pipelines, whose names only the export tells, are checked first.
  const early = scaffoldFiles({ action: actionRef, branch, schemaUrl: schema }).filter(
    (file) => !(flags.fromWorkspace && file.path.startsWith(`${PIPELINES_DIR}/`)),
  );
  resolveScaffold(dir, early, flags.force === true);

  const exported = flags.fromWorkspace ? await exportWorkspace(io, flags, schema) : undefined;
  // The export replaces pipelines/: a pipeline file it would not overwrite would stay, declare its resources a
  // second time or, merged, create them in Airbyte. Even --force does not delete it.
  if (exported !== undefined) {
    const stray = strayPipelines(
      dir,
      exported.files.map((file) => `${PIPELINES_DIR}/${file.name}`),
    );
    if (stray.length > 0) {
      throw new GitopsError('USAGE', `${PIPELINES_DIR}/ already holds pipeline files the export would not replace; nothing was written`, {
        details: stray.map((path) => `${printable(path)} would stay beside the export`),
        hint: `move or delete them first (e.g. git rm ${stray.map(shellWord).join(' ')}), then run init again; --force does not remove them`,
        meta: { conflicts: stray },
      });
    }
  }
  const variables = exported?.variables.map((variable) => variable.name) ?? [];
  const options: ScaffoldOptions = { action: actionRef, branch, schemaUrl: schema };
  if (exported !== undefined) options.exported = { workspace: exported.workspace, files: exported.files, variables };
  const files = resolveScaffold(dir, scaffoldFiles(options), flags.force === true);
  if (!flags.dryRun) writeScaffold(dir, files);

  for (const warning of exported?.warnings ?? []) io.stderr.write(`warning: ${printable(warning)}\n`);
  if (flags.json) {
    const body = {
      dir,
      dryRun: flags.dryRun === true,
      action: actionRef.uses,
      files: files.map(({ path, action: what }) => ({ path, action: what })),
      variables: exported?.variables ?? [],
    };
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  io.stdout.write(closingText(dirArgument, files, flags, actionRef, exported?.variables ?? []));
}
