/**
 * The entry point of spec/: paths in, one desired pipeline and every problem out. Never throws for user input;
 * callers treat any problem of severity 'error' as fatal.
 */
import type { DesiredPipeline } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import { buildFile, type FileResources } from './build.js';
import { readSpecFile, resolveFiles } from './files.js';
import { mergeFiles } from './merge.js';
import { parseSpecText } from './parse.js';
import { schemaProblems } from './schema.js';

/** The merged pipeline and all problems (errors and warnings) found while loading it. */
export interface LoadResult {
  pipeline: DesiredPipeline;
  problems: Problem[];
}

function loadFile(file: string, env: NodeJS.ProcessEnv): { resources?: FileResources; problems: Problem[] } {
  const text = readSpecFile(file);
  if (typeof text !== 'string') return { problems: [text] };
  const parsed = parseSpecText(file, text, env);
  if (parsed.doc === undefined) return { problems: parsed.problems };
  const built = buildFile(parsed.doc);
  return { resources: built.resources, problems: [...parsed.problems, ...schemaProblems(parsed.doc), ...built.problems] };
}

/** File order first (problems without a file lead), then position, so output reads top to bottom. */
function sortProblems(problems: Problem[], files: string[]): Problem[] {
  const ranks = new Map<string, number>();
  files.forEach((file, index) => ranks.has(file) || ranks.set(file, index));
  const rank = (problem: Problem) => (problem.file === undefined ? -1 : (ranks.get(problem.file) ?? -1));
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        rank(a.problem) - rank(b.problem) || (a.problem.line ?? 0) - (b.problem.line ?? 0) || (a.problem.col ?? 0) - (b.problem.col ?? 0) || a.index - b.index,
    )
    .map(({ problem }) => problem);
}

/** Loads, interpolates, merges and checks the pipeline in `paths` (files or directories; none = "."). */
export function loadPipeline(paths: string[], env: NodeJS.ProcessEnv): LoadResult {
  const resolved = resolveFiles(paths.length > 0 ? paths : ['.']);
  const problems = [...resolved.problems];
  const declared: FileResources[] = [];
  for (const file of resolved.files) {
    const loaded = loadFile(file, env);
    problems.push(...loaded.problems);
    if (loaded.resources) declared.push(loaded.resources);
  }
  const merged = mergeFiles(declared, resolved.files);
  problems.push(...merged.problems);
  return { pipeline: merged.pipeline, problems: sortProblems(problems, resolved.files) };
}
