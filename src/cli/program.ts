import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { commands } from './commands/index.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The whole program, without parsing: tests build it to read help texts. */
export function buildProgram(): Command {
  const program = new Command('airbyte-gitops')
    .description('Terraform-style plan / apply for Airbyte: sources, destinations and connections as YAML in Git.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}
