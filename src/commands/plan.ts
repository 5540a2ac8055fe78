import { Option, type Command } from 'commander';
import { ExitCode } from '../errors.js';
import { checkSavedPlanTarget, writeSavedPlan } from '../apply/saved-plan.js';
import { prepare } from '../plan/prepare.js';
import { renderJson, renderMarkdown, renderText } from '../plan/render/index.js';
import { hasChanges } from '../plan/render/values.js';
import { paletteFor } from '../util/color.js';
import { addConnectOptions, withClient, type ConnectFlags } from './connect.js';
import { reportProblemsTo } from '../pipeline/problems.js';
import type { CommandIo, RunStatus } from './io.js';

interface PlanFlags extends ConnectFlags {
  json?: boolean;
  markdown?: boolean;
  out?: string;
  prune?: boolean;
  rotateSecrets?: boolean;
  dedupe?: boolean;
  detailedExitcode?: boolean;
}

export function register(program: Command, io: CommandIo, status: RunStatus): void {
  const command = program
    .command('plan')
    .description('show what apply would change in Airbyte to match the pipeline (writes nothing)')
    .argument('[paths...]', 'pipeline files or directories (default: current directory)')
    .option('--prune', 'show resources in Airbyte that the pipeline does not declare as deletes')
    .option('--rotate-secrets', 'update every source/destination that has secrets (Airbyte cannot show secret drift)')
    .option('--dedupe', 'delete the exact duplicates of resources the pipeline names (Airbyte holds the name more than once)')
    .addOption(new Option('--json', 'print the plan as JSON (formatVersion 1)').conflicts('markdown'))
    .option('--markdown', 'print the plan as Markdown for a pull-request comment')
    .option('--out <file>', 'save the plan for `apply <file>`; secrets stay ${VAR} references, read again at apply time')
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error');
  command.addHelpText(
    'after',
    `
Examples:
  $ airbyte-gitops plan pipelines/ --detailed-exitcode
  $ airbyte-gitops plan pipelines/ --markdown > plan.md
  $ airbyte-gitops plan pipelines/ --out plan.json && airbyte-gitops apply plan.json

Exit status: 0 success (with --detailed-exitcode: no changes); 2 changes present (--detailed-exitcode only);
1 invalid pipeline (every problem is printed as file:line:col), API or network error.`,
  );
  addConnectOptions(command, io).action(async (paths: string[], flags: PlanFlags) => {
    if (flags.out !== undefined) checkSavedPlanTarget(flags.out);
    await withClient(io, flags, async (client) => {
      const prepared = await prepare(client, {
        paths,
        env: io.env,
        ...(flags.workspace === undefined ? {} : { workspace: flags.workspace }),
        ...(flags.prune ? { prune: true } : {}),
        ...(flags.rotateSecrets ? { rotateSecrets: true } : {}),
        ...(flags.dedupe ? { dedupe: true } : {}),
      });
      reportProblemsTo(io.stderr, prepared.warnings, io.env);
      const { plan } = prepared;
      if (flags.json) io.stdout.write(renderJson(plan));
      else if (flags.markdown) io.stdout.write(renderMarkdown(plan, prepared.desired));
      else io.stdout.write(renderText(plan, paletteFor(io.stdout, io.env)));
      if (flags.out !== undefined) {
        writeSavedPlan(flags.out, prepared, paths);
        io.stderr.write(`Saved the plan to ${flags.out}. Apply exactly this plan with: airbyte-gitops apply ${flags.out}\n`);
      }
      if (flags.detailedExitcode) status.exitStatus = hasChanges(plan.summary) ? ExitCode.changes : ExitCode.ok;
    });
  });
}
