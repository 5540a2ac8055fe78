import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { commands } from '../commands/index.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const PROGRAM_HELP = `
Quick start (no Airbyte needed; state in ./.airbyte-emulator.json):
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
2 changes present (plan --detailed-exitcode); 130 apply interrupted.
Run 'airbyte-gitops <command> --help' for a command's options and examples.`;

/** The whole program, without parsing: tests build it to read help texts. */
export function buildProgram(): Command {
  const program = new Command('airbyte-gitops')
    .description('Terraform-style plan / apply for Airbyte: sources, destinations and connections as YAML in Git.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .exitOverride();
  for (const register of commands) register(program);
  program.addHelpText('after', PROGRAM_HELP);
  return program;
}
