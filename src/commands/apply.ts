import { Option, type Command } from 'commander';
import { guardSignals } from '../apply/signals.js';
import { isSavedPlanFile } from '../apply/saved-plan.js';
import { runApply, type ApplyFlags, type PlanSource } from '../apply/run.js';
import { DEFAULT_PARALLELISM } from '../apply/executor.js';
import { GitopsError } from '../errors.js';
import { addConnectOptions, withClient, type ConnectFlags } from './connect.js';
import { setExitStatus } from './exit-status.js';

interface ApplyOptions extends ConnectFlags {
  autoApprove?: boolean;
  allowDestroy?: boolean;
  prune?: boolean;
  check?: boolean;
  rotateSecrets?: boolean;
  parallelism: string;
  json?: boolean;
}

function parallelismOf(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 64) {
    throw new GitopsError('USAGE', `--parallelism must be a whole number from 1 to 64, got '${text}'`);
  }
  return Number(text);
}

/** The --json document of an apply that stopped before writing anything (the error is printed to stderr too). */
function refusal(error: GitopsError): Record<string, unknown> {
  const problems = error.problems;
  return {
    formatVersion: 1,
    status: 'refused',
    error: { code: error.code, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) },
    ...(Array.isArray(problems) ? { problems } : {}),
  };
}

/** A single `.json` argument that is a saved plan means "apply exactly that plan". */
function planSource(paths: string[], options: ApplyOptions): PlanSource {
  const [only] = paths;
  const savedPlan = paths.find((path) => isSavedPlanFile(path));
  if (paths.length > 1 && savedPlan !== undefined) {
    throw new GitopsError('USAGE', `${savedPlan} is a saved plan: give it alone (apply ${savedPlan}), or give only pipeline files`, {
      hint: 'a saved plan already names the pipeline files it was made from.',
    });
  }
  // Pipelines are YAML: a lone .json argument is a saved plan (a broken one gets the saved-plan error, not YAML errors).
  if (paths.length !== 1 || only === undefined || !(only.endsWith('.json') || isSavedPlanFile(only))) return { paths };
  if (options.prune || options.rotateSecrets) {
    throw new GitopsError('USAGE', '--prune and --rotate-secrets change what is planned; a saved plan is applied exactly as it was made', {
      hint: 'pass them to plan --out instead.',
    });
  }
  return { savedPlan: only };
}

/** `apply [paths...]` / `apply plan.json`: make the Airbyte workspace match the pipeline. */
export function register(program: Command): void {
  const command = program
    .command('apply')
    .description('make Airbyte match the pipeline: plan, ask for approval, then create, update and delete in dependency order')
    .argument('[paths...]', 'pipeline files or directories (default: the current directory), or one saved plan written by plan --out')
    .option('--auto-approve', 'apply without asking (CI); destructive changes also need --allow-destroy')
    .option('--allow-destroy', 'with --auto-approve: allow deletes, replaces and stream state resets')
    .option('--prune', 'also delete sources, destinations and connections the pipeline does not declare')
    .option('--check', 'run the connection check of every source and destination to be created or updated, before any write')
    .option('--rotate-secrets', "push the pipeline's secret values to every source and destination that has them")
    .addOption(new Option('--parallelism <n>', 'operations in flight at once').default(String(DEFAULT_PARALLELISM)))
    .option('--json', 'print the result as JSON on stdout (progress and plan go to stderr)');
  addConnectOptions(command)
    .addHelpText(
      'after',
      '\nExit status: 0 applied (or no changes), 1 error or a failed operation, 130 interrupted (Ctrl-C / SIGTERM).\n' +
        'Re-running apply after a failure or an interrupt finishes the work without creating duplicates.',
    )
    .action(async (paths: string[], options: ApplyOptions) => {
      const flags: ApplyFlags = {
        autoApprove: options.autoApprove === true,
        allowDestroy: options.allowDestroy === true,
        prune: options.prune === true,
        check: options.check === true,
        rotateSecrets: options.rotateSecrets === true,
        parallelism: parallelismOf(options.parallelism),
        json: options.json === true,
        ...(options.workspace === undefined ? {} : { workspace: options.workspace }),
      };
      const guard = guardSignals(process.stderr);
      try {
        const source = planSource(paths, options);
        const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
        setExitStatus(await withClient(options, (client) => runApply(client, source, flags, io, guard)));
      } catch (error) {
        // Under --json, stdout always holds one document, also when apply stops before any write.
        if (flags.json && error instanceof GitopsError) process.stdout.write(`${JSON.stringify(refusal(error), null, 2)}\n`);
        throw error;
      } finally {
        guard.dispose();
      }
    });
}
