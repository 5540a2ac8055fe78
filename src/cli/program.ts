import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { commands } from '../commands/index.js';
import type { CommandIo, RunStatus } from '../commands/io.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const PROGRAM_HELP = `
Quick start (no Airbyte needed; state under ~/.local/state/airbyte-gitops, or AIRBYTE_EMULATOR_STATE):
  $ airbyte-gitops plan examples/pipelines --emulator
  $ airbyte-gitops apply examples/pipelines --emulator --auto-approve
  $ airbyte-gitops sync 'PostgreSQL → MinIO' --emulator --wait

Connecting to Airbyte (secrets only from the environment, never from flags):
  AIRBYTE_URL                                  Config API URL (default http://localhost:8000/api/v1)
  AIRBYTE_CLIENT_ID + AIRBYTE_CLIENT_SECRET    application credentials (abctl local credentials)
  AIRBYTE_TOKEN                                a bearer token
  AIRBYTE_USERNAME + AIRBYTE_PASSWORD          basic auth (older docker-compose installs)
  AIRBYTE_WORKSPACE                            workspace name, slug or id
  NO_COLOR                                     no colour in any output

Exit status: 0 success; 1 error (invalid pipeline, failed check, API error, failed step or sync);
2 changes present (plan --detailed-exitcode); 130 apply or sync --wait interrupted.
Run 'airbyte-gitops <command> --help' for a command's options and examples.`;

/**
 * The whole program, without parsing. Commands write to `io` and leave their exit status in `status`; help,
 * version and usage errors go to `io` too (set before any command is added: subcommands copy it).
 */
export function buildProgram(io: CommandIo, status: RunStatus = { exitStatus: 0 }): Command {
  const program = new Command('airbyte-gitops')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns : 80),
      getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns : 80),
      // The help texts carry no colour of their own.
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .description('Terraform-style plan / apply for Airbyte: sources, destinations and connections as YAML in Git.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .exitOverride();
  for (const register of commands) register(program, io, status);
  program.addHelpText('after', PROGRAM_HELP);
  return program;
}
