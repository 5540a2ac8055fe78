/** `graph [paths...]`: the pipeline as a Mermaid diagram (sources → connections → destinations); needs no server. */
import { renderGraph } from '../plan/render/index.js';
import { loadOrThrow } from '../plan/prepare.js';
import { reportProblemsTo } from '../pipeline/problems.js';
import type { CommandIo } from './io.js';

export function action(paths: string[], io: CommandIo): void {
  const { pipeline, warnings } = loadOrThrow(paths, io.env, true);
  reportProblemsTo(io.stderr, warnings, io.env);
  const graph = renderGraph(pipeline);
  io.stdout.write(graph.endsWith('\n') ? graph : `${graph}\n`);
}
