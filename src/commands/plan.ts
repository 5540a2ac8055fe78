import { ExitCode } from '../errors.js';
import { checkSavedPlanTarget, writeSavedPlan } from '../apply/saved-plan.js';
import { prepare, type PrepareOptions } from '../plan/prepare.js';
import { DEFAULT_STATE_BACKUP_DIR, type RenderOptions } from '../plan/types.js';
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
  /** Commander's `--no-discover`: false when given. */
  discover?: boolean;
  refresh?: boolean;
  stateBackupDir?: string;
}

/** The flags plan and apply share that change how the plan is made, as prepare options. */
export interface DiscoveryFlags {
  discover?: boolean;
  refresh?: boolean;
}

/** `--state-backup-dir`, else AIRBYTE_STATE_BACKUP_DIR, else the default (relative to the current directory). */
export function stateBackupDirOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const fromEnv = env['AIRBYTE_STATE_BACKUP_DIR'];
  return flag ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_STATE_BACKUP_DIR);
}

/** `--no-discover` / `--refresh`, and progress lines of plan-time discovery on stderr when it is a terminal. */
export function discoveryOptions(flags: DiscoveryFlags, io: CommandIo): Pick<PrepareOptions, 'noDiscover' | 'refresh' | 'onProgress'> {
  return {
    ...(flags.discover === false ? { noDiscover: true } : {}),
    ...(flags.refresh === true ? { refresh: true } : {}),
    ...(io.stderr.isTTY === true ? { onProgress: (line: string) => io.stderr.write(`${line}\n`) } : {}),
  };
}

/** `plan [paths...]`: plans against Airbyte and prints (and with --out saves) the plan. */
export async function action(paths: string[], flags: PlanFlags, io: CommandIo, status: RunStatus): Promise<void> {
  if (flags.out !== undefined) checkSavedPlanTarget(flags.out);
  const render: RenderOptions = { stateBackupDir: stateBackupDirOf(flags.stateBackupDir, io.env) };
  await withClient(io, flags, async (client) => {
    const prepared = await prepare(client, {
      paths,
      env: io.env,
      ...(flags.workspace === undefined ? {} : { workspace: flags.workspace }),
      ...(flags.prune ? { prune: true } : {}),
      ...(flags.rotateSecrets ? { rotateSecrets: true } : {}),
      ...(flags.dedupe ? { dedupe: true } : {}),
      ...discoveryOptions(flags, io),
    });
    reportProblemsTo(io.stderr, prepared.warnings, io.env);
    const { plan } = prepared;
    if (flags.json) io.stdout.write(renderJson(plan, render));
    else if (flags.markdown) io.stdout.write(renderMarkdown(plan, prepared.desired, render));
    else io.stdout.write(renderText(plan, paletteFor(io.stdout, io.env), render));
    if (flags.out !== undefined) {
      writeSavedPlan(flags.out, prepared, paths, { stateBackupDir: render.stateBackupDir ?? DEFAULT_STATE_BACKUP_DIR });
      io.stderr.write(`Saved the plan to ${flags.out}. Apply exactly this plan with: airbyte-gitops apply ${flags.out}\n`);
    }
    if (flags.detailedExitcode) status.exitStatus = hasChanges(plan.summary) ? ExitCode.changes : ExitCode.ok;
  });
}
