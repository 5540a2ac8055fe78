import type { Command } from 'commander';
import { renderGraph } from '../plan/render/index.js';
import { loadOrThrow } from '../plan/prepare.js';
import { reportProblemsTo } from '../pipeline/problems.js';
import type { CommandIo } from './io.js';

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
    .action((paths: string[]) => {
      const { pipeline, warnings } = loadOrThrow(paths, io.env, true);
      reportProblemsTo(io.stderr, warnings, io.env);
      const graph = renderGraph(pipeline);
      io.stdout.write(graph.endsWith('\n') ? graph : `${graph}\n`);
    });
}
