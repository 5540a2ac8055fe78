import type { Command } from 'commander';
import type { CommandIo } from '../io.js';

/** `graph [paths...]`: the pipeline as a Mermaid diagram. */
export function register(program: Command, io: CommandIo): void {
  program
    .command('graph')
    .description('print the pipeline as a Mermaid diagram (sources → connections → destinations); needs no server')
    .argument('[paths...]', 'pipeline files or directories (default: current directory)')
    .addHelpText(
      'after',
      `
Examples:
  $ airbyte-gitops graph pipelines/ > pipeline.mmd

Exit status: 0 success; 1 invalid pipeline (every problem is printed as file:line:col).`,
    )
    .action(async (paths: string[]) => (await import('../graph.js')).action(paths, io));
}
