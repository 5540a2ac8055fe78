import { errorText, ExitCode, GitopsError } from '../errors.js';
import { checkSavedPlanTarget, writeSavedPlan } from '../apply/saved-plan.js';
import { prepare, type PrepareOptions } from '../plan/prepare.js';
import { DEFAULT_STATE_BACKUP_DIR, type RenderOptions } from '../plan/types.js';
import { renderJson, renderMarkdown, renderText } from '../plan/render/index.js';
import { hasChanges, summaryLine } from '../plan/render/values.js';
import { planSecrets } from '../apply/secrets.js';
import { checkKey, DEFAULT_KEY, type PlanOutcome } from '../github/body.js';
import { paletteFor, plain } from '../util/color.js';
import { withClient, type ConnectFlags } from './connect.js';
import { formatProblems, problemsOf, reportProblemsTo } from '../pipeline/problems.js';
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
  githubComment?: boolean;
  githubCommentKey?: string;
  githubDriftIssue?: boolean;
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

/** `plan [paths...]`: plans against Airbyte and prints (and with --out saves) the plan; on GitHub as the flags ask. */
export async function action(paths: string[], flags: PlanFlags, io: CommandIo, status: RunStatus): Promise<void> {
  if (flags.out !== undefined) checkSavedPlanTarget(flags.out);
  const github = flags.githubComment === true || flags.githubDriftIssue === true;
  if (flags.githubCommentKey !== undefined && !github) {
    throw new GitopsError('USAGE', '--github-comment-key goes with --github-comment or --github-drift-issue');
  }
  const key = checkKey(flags.githubCommentKey ?? DEFAULT_KEY);
  const render: RenderOptions = { stateBackupDir: stateBackupDirOf(flags.stateBackupDir, io.env) };
  if (!github) {
    await planAndPrint(paths, flags, io, status, render);
    return;
  }
  let outcome: PlanOutcome;
  let failure: unknown;
  const secrets: string[] = [];
  const renders = new Map<number, string>();
  try {
    const prepared = await planAndPrint(paths, flags, io, status, render);
    const { plan } = prepared;
    secrets.push(...planSecrets(plan));
    outcome = {
      kind: 'planned',
      changes: hasChanges(plan.summary),
      summary: summaryLine(plan.summary),
      // The comment, the issue and the summary ask for the same sizes (the whole plan, then what fits): rendered once each.
      markdown: (limit) => {
        const rendered = renders.get(limit) ?? renderMarkdown(plan, prepared.desired, render, limit);
        renders.set(limit, rendered);
        return rendered;
      },
    };
  } catch (error) {
    // An interrupted plan leaves GitHub as it was: the job is being cancelled.
    if (error instanceof GitopsError && error.code === 'INTERRUPTED') throw error;
    outcome = { kind: 'failed', message: failureText(error, io.env) };
    failure = error;
  }
  // Loaded only when asked for: a plan without the GitHub flags does without it.
  const { publishPlan } = await import('../github/index.js');
  await publishPlan(
    {
      comment: flags.githubComment === true,
      driftIssue: flags.githubDriftIssue === true,
      key,
      env: io.env,
      secrets,
      warn: (message) => reportProblemsTo(io.stderr, [{ severity: 'warning', message: `GitHub: ${message}` }], io.env),
      note: (message) => io.stderr.write(`${message}\n`),
      ...(flags.debug ? { debug: (line: string) => io.stderr.write(`debug: ${line}\n`) } : {}),
    },
    outcome,
  );
  if (failure !== undefined) throw failure;
}

/** Plans, prints the plan on stdout (and saves it with --out), and sets the exit status --detailed-exitcode asks for. */
async function planAndPrint(paths: string[], flags: PlanFlags, io: CommandIo, status: RunStatus, render: RenderOptions) {
  return withClient(io, flags, async (client) => {
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
    return prepared;
  });
}

/** A failed plan as the CLI prints it (the problems, `error:`, the details and the hint), plain text, no stack. */
function failureText(error: unknown, env: NodeJS.ProcessEnv): string {
  if (!(error instanceof GitopsError)) return 'internal error (please report it): the job log shows it';
  const stream = { isTTY: false } as NodeJS.WriteStream;
  return `${formatProblems(problemsOf(error), stream, env)}${errorText(error, plain)}`;
}
