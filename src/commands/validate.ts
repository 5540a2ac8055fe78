/**
 * `validate [paths...]`: checks pipeline files without a server; exit 1 when any error is found. With `--registry`,
 * each configuration is also checked against its connector's spec in Airbyte's connector registry, by the checks
 * `plan` runs against a server (loaded only then, so a plain `validate` stays as quick as loading the YAML).
 */
import { ExitCode } from '../errors.js';
import type { DesiredPipeline } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import { loadPipeline, type LoadResult } from '../pipeline/load.js';
import { githubAnnotations, renderJson, renderText } from '../pipeline/report.js';
import { paletteFor } from '../util/color.js';
import type { CommandIo, RunStatus } from './io.js';

export interface ValidateOptions {
  json?: boolean;
  /** A connector registry file or URL to check configurations against. */
  registry?: string;
}

/** The part of the pipeline declared in files without errors: a file with errors may hold half-built resources. */
function withoutFiles(pipeline: DesiredPipeline, skipped: Set<string>): DesiredPipeline {
  const kept = <T extends { loc: { file: string } }>(resources: T[]) => resources.filter((resource) => !skipped.has(resource.loc.file));
  return { ...pipeline, sources: kept(pipeline.sources), destinations: kept(pipeline.destinations), connections: kept(pipeline.connections) };
}

/**
 * The problems `plan` would find against a server serving the registry's connectors, for the files the loader found
 * no error in; a note on stderr says what was checked, and which files were not.
 */
async function registryProblems(location: string, loaded: LoadResult, io: CommandIo): Promise<Problem[]> {
  const note = (line: string) => io.stderr.write(`${line}\n`);
  const [{ loadRegistry }, { checkAgainstRegistry }] = await Promise.all([import('../registry/index.js'), import('../plan/offline.js')]);
  const registry = await loadRegistry(location, { cwd: io.cwd, env: io.env, note });
  const skipped = new Set(loaded.problems.flatMap((problem) => (problem.severity === 'error' && problem.file !== undefined ? [problem.file] : [])));
  const pipeline = withoutFiles(loaded.pipeline, skipped);
  const { problems, checked } = checkAgainstRegistry(pipeline, registry);
  for (const file of skipped)
    note(`note: ${file} has errors, so its configurations were not checked against the connector registry; fix them and validate again`);
  note(
    `note: checked ${checked} configuration${checked === 1 ? '' : 's'} against the connector registry ${registry.origin} (${registry.size} connectors); ` +
      "streams are checked by plan, against the sources' catalogs",
  );
  return problems;
}

export async function action(paths: string[], options: ValidateOptions, io: CommandIo, status: RunStatus): Promise<void> {
  const loaded = loadPipeline(paths, io.env);
  const result: LoadResult =
    options.registry === undefined
      ? loaded
      : { pipeline: loaded.pipeline, problems: [...loaded.problems, ...(await registryProblems(options.registry, loaded, io))] };
  if (options.json) io.stdout.write(renderJson(result));
  else io.stdout.write(renderText(result, paletteFor(io.stdout, io.env)));
  if (io.env['GITHUB_ACTIONS'] === 'true') {
    // Annotations go to stderr under --json so stdout stays one JSON document; the runner reads both.
    (options.json ? io.stderr : io.stdout).write(githubAnnotations(result.problems));
  }
  const failed = result.problems.some((problem) => problem.severity === 'error');
  status.exitStatus = failed ? ExitCode.error : ExitCode.ok;
}
