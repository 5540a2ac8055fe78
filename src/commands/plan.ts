import { ExitCode } from '../errors.js';
import { checkSavedPlanTarget, writeSavedPlan } from '../apply/saved-plan.js';
import { prepare } from '../plan/prepare.js';
import { renderJson, renderMarkdown, renderText } from '../plan/render/index.js';
import { hasChanges } from '../plan/render/values.js';
import { paletteFor } from '../util/color.js';
import { withClient, type ConnectFlags } from './connect.js';
import { reportProblemsTo } from '../pipeline/problems.js';
import type { CommandIo, RunStatus } from './io.js';

export interface PlanFlags extends ConnectFlags {
  json?: boolean;
  markdown?: boolean;
  out?: string;
  prune?: boolean;
  rotateSecrets?: boolean;
  dedupe?: boolean;
  detailedExitcode?: boolean;
}

/** `plan [paths...]`: plans against Airbyte and prints (and with --out saves) the plan. */
export async function action(paths: string[], flags: PlanFlags, io: CommandIo, status: RunStatus): Promise<void> {
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
}
