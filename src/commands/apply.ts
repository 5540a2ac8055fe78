/**
 * `apply [paths...]` / `apply plan.json`: make the Airbyte workspace match the pipeline. The flow, top to bottom:
 * flags → plan source → plan (from the pipeline, or a saved plan checked against Airbyte) → print → approve →
 * connection checks (--check) → execute → result and exit status. User mistakes are thrown as GitopsError before
 * anything is written.
 */
import { approve, destructiveNotice } from '../apply/approval.js';
import { convergeWaitFromEnv } from '../apply/batches.js';
import { checkConnections } from '../apply/check.js';
import { executePlan } from '../apply/executor.js';
import { assertFresh } from '../apply/fingerprint.js';
import { fetchSpecs, materialize } from '../apply/materialize.js';
import { progressLine, stateBackupLine, summaryText, toJsonResult } from '../apply/progress.js';
import { batchedOutput } from '../util/batched-output.js';
import { isSavedPlanFile, readSavedPlan } from '../apply/saved-plan.js';
import { planSecrets } from '../apply/secrets.js';
import { guardSignals, type SignalGuard } from '../apply/signals.js';
import type { ApplyResult } from '../apply/types.js';
import { DEFAULT_MAX_CONNECTIONS, maxAttemptsFromEnv, type AirbyteClient } from '../client/index.js';
import { ExitCode, GitopsError } from '../errors.js';
import type { Problem } from '../model/problem.js';
import { reportProblemsTo } from '../pipeline/problems.js';
import { prepare } from '../plan/prepare.js';
import { renderText } from '../plan/render/index.js';
import { hasChanges } from '../plan/render/values.js';
import type { Plan } from '../plan/types.js';
import { paletteFor } from '../util/color.js';
import { withClient, type ConnectFlags } from './connect.js';
import { discoveryOptions, stateBackupDirOf } from './plan.js';
import type { CommandIo, RunStatus } from './io.js';

export interface ApplyOptions extends ConnectFlags {
  autoApprove?: boolean;
  allowDestroy?: boolean;
  prune?: boolean;
  check?: boolean;
  rotateSecrets?: boolean;
  dedupe?: boolean;
  parallelism: string;
  json?: boolean;
  /** Commander's `--no-discover`: false when given. */
  discover?: boolean;
  refresh?: boolean;
  stateBackupDir?: string;
}

/** The flags of `apply` besides the connection flags, checked. */
export interface ApplyFlags {
  autoApprove: boolean;
  allowDestroy: boolean;
  prune: boolean;
  check: boolean;
  rotateSecrets: boolean;
  dedupe: boolean;
  parallelism: number;
  json: boolean;
  workspace?: string;
  /** Discover new sources at plan time unless false (--no-discover). */
  discover?: boolean;
  refresh?: boolean;
  /**
   * As given (flag, env or default when absent: stateBackupDirOf); shown in the plan and resolved against the
   * working directory for apply.
   */
  stateBackupDir?: string;
  /** True when --state-backup-dir or AIRBYTE_STATE_BACKUP_DIR named it for this run (else a saved plan's wins). */
  stateBackupDirGiven?: boolean;
}

/** Where the plan comes from: the pipeline files, or a saved plan file. */
export type PlanSource = { paths: string[] } | { savedPlan: string };

function parallelismOf(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 64) {
    throw new GitopsError('USAGE', `--parallelism must be a whole number from 1 to 64, got '${text}'`);
  }
  return Number(text);
}

function flagsOf(options: ApplyOptions, env: NodeJS.ProcessEnv): ApplyFlags {
  return {
    discover: options.discover !== false,
    refresh: options.refresh === true,
    stateBackupDir: stateBackupDirOf(options.stateBackupDir, env),
    stateBackupDirGiven: options.stateBackupDir !== undefined || (env['AIRBYTE_STATE_BACKUP_DIR'] ?? '') !== '',
    autoApprove: options.autoApprove === true,
    allowDestroy: options.allowDestroy === true,
    prune: options.prune === true,
    check: options.check === true,
    rotateSecrets: options.rotateSecrets === true,
    dedupe: options.dedupe === true,
    parallelism: parallelismOf(options.parallelism),
    json: options.json === true,
    ...(options.workspace === undefined ? {} : { workspace: options.workspace }),
  };
}

/** A single `.json` argument that is a saved plan means "apply exactly that plan". */
function planSource(paths: string[], flags: ApplyFlags): PlanSource {
  const [only] = paths;
  const savedPlan = paths.find((path) => isSavedPlanFile(path));
  if (paths.length > 1 && savedPlan !== undefined) {
    throw new GitopsError('USAGE', `${savedPlan} is a saved plan: give it alone (apply ${savedPlan}), or give only pipeline files`, {
      hint: 'a saved plan already names the pipeline files it was made from.',
    });
  }
  // Pipelines are YAML: a lone .json argument is a saved plan (a broken one gets the saved-plan error, not YAML errors).
  if (paths.length !== 1 || only === undefined || !(only.endsWith('.json') || isSavedPlanFile(only))) return { paths };
  if (flags.prune || flags.rotateSecrets || flags.dedupe || flags.refresh === true || flags.discover === false) {
    throw new GitopsError(
      'USAGE',
      '--prune, --rotate-secrets, --dedupe, --refresh and --no-discover change what is planned; a saved plan is applied exactly as it was made',
      {
        hint: 'pass them to plan --out instead.',
      },
    );
  }
  return { savedPlan: only };
}

interface Planned {
  plan: Plan;
  secrets: string[];
  warnings: Problem[];
  /** A saved plan's backup directory, the one its plan showed. */
  stateBackupDir?: string;
}

async function fromPipeline(client: AirbyteClient, paths: string[], flags: ApplyFlags, io: CommandIo): Promise<Planned> {
  const prepared = await prepare(client, {
    paths,
    env: io.env,
    ...(flags.workspace === undefined ? {} : { workspace: flags.workspace }),
    prune: flags.prune,
    rotateSecrets: flags.rotateSecrets,
    dedupe: flags.dedupe,
    ...discoveryOptions(flags, io),
  });
  return { plan: prepared.plan, secrets: planSecrets(prepared.plan), warnings: prepared.warnings };
}

/** The saved plan, refused when stale, with its templates filled from the environment now. */
async function fromSavedPlan(client: AirbyteClient, file: string, env: NodeJS.ProcessEnv): Promise<Planned> {
  const saved = readSavedPlan(file);
  await client.resolveWorkspace(saved.workspace.workspaceId);
  await assertFresh(client, saved.fingerprints, saved.plan);
  const specs = await fetchSpecs(client, saved.plan);
  const { plan, warnings } = materialize(saved.plan, specs, env);
  return { plan, secrets: planSecrets(plan), warnings, ...(saved.stateBackupDir === undefined ? {} : { stateBackupDir: saved.stateBackupDir }) };
}

function exitStatusOf(result: ApplyResult): number {
  if (result.status === 'interrupted') return ExitCode.interrupted;
  return result.status === 'applied' ? ExitCode.ok : ExitCode.error;
}

/** Runs apply with a connected client; returns the exit status. */
export async function runApply(client: AirbyteClient, source: PlanSource, flags: ApplyFlags, io: CommandIo, guard: SignalGuard): Promise<number> {
  // Read before anything else, so a bad value stops the run before the first call.
  const convergeWaitMs = convergeWaitFromEnv(io.env);
  // Spec problems travel in the error; the CLI prints them (file:line:col) in one place.
  const planned = 'savedPlan' in source ? await fromSavedPlan(client, source.savedPlan, io.env) : await fromPipeline(client, source.paths, flags, io);
  const { plan, secrets } = planned;
  // Registered once, before the first call that could echo one (the connection checks come before the executor).
  client.addSecrets(secrets);
  reportProblemsTo(io.stderr, planned.warnings, io.env);
  // Under --json, stdout holds only the result document.
  const human = flags.json ? io.stderr : io.stdout;
  const palette = paletteFor(human, io.env);
  // Where the plan said it would be, for a saved plan, unless this run names another place.
  const stateBackupDir = (flags.stateBackupDirGiven ? undefined : planned.stateBackupDir) ?? flags.stateBackupDir ?? stateBackupDirOf(undefined, io.env);
  human.write(renderText(plan, palette, { stateBackupDir }));
  if (!hasChanges(plan.summary)) {
    if (flags.json) io.stdout.write(`${JSON.stringify(toJsonResult(plan, undefined), null, 2)}\n`);
    return ExitCode.ok;
  }
  human.write(destructiveNotice(plan, palette));
  await approve(plan, { autoApprove: flags.autoApprove, allowDestroy: flags.allowDestroy, input: io.stdin, output: human });
  if (flags.check) {
    const checked = await checkConnections(client, plan, secrets, flags.parallelism);
    human.write(`Connection checks passed (${checked}).\n`);
  }
  // A line per step, thousands of them: written together, at most a tenth of a second late (and before anything a
  // signal prints: the lines of the steps that ended come first).
  const progress = batchedOutput(human);
  guard.executing(() => progress.flush());
  human.write('\n');
  const result = await executePlan(client, plan, {
    parallelism: flags.parallelism,
    signal: guard.signal,
    createAttempts: maxAttemptsFromEnv(io.env),
    convergeWaitMs,
    // Relative stays relative (taken under cwd), so the files are reported as paths `state restore --from` takes.
    stateBackupDir,
    cwd: io.cwd,
    onStep: (outcome) => progress.write(`${progressLine(outcome, palette)}\n`),
    // The file `state restore` needs: printed at once, whatever happens next.
    onStateBackup: (record) => {
      progress.write(`${stateBackupLine(record, palette)}\n`);
      progress.flush();
    },
  }).finally(() => progress.flush());
  human.write(`\n${summaryText(result, palette)}`);
  if (flags.json) io.stdout.write(`${JSON.stringify(toJsonResult(plan, result), null, 2)}\n`);
  return exitStatusOf(result);
}

/** The --json document of an apply that stopped before writing anything (the error is printed to stderr too). */
function refusal(error: GitopsError): Record<string, unknown> {
  const problems = error.problems;
  return {
    formatVersion: 1,
    status: 'refused',
    error: { code: error.code, message: [error.message, ...error.details].join('\n  '), ...(error.hint === undefined ? {} : { hint: error.hint }) },
    ...(Array.isArray(problems) ? { problems } : {}),
  };
}

/** The command's action: flags checked, then the plan source, then apply with a client sized for the parallelism. */
export async function action(paths: string[], options: ApplyOptions, io: CommandIo, status: RunStatus): Promise<void> {
  const flags = flagsOf(options, io.env);
  // Signals belong to the process; the guard is removed when this run ends, however it ends.
  const guard = guardSignals(io.stderr);
  try {
    const source = planSource(paths, flags);
    // One socket per operation in flight, so a higher --parallelism is not held back by the connection pool.
    const connections = Math.max(flags.parallelism, DEFAULT_MAX_CONNECTIONS);
    status.exitStatus = await withClient(io, options, (client) => runApply(client, source, flags, io, guard), { connections });
  } catch (error) {
    // Under --json, stdout always holds one document, also when apply stops before any write.
    if (flags.json && error instanceof GitopsError) io.stdout.write(`${JSON.stringify(refusal(error), null, 2)}\n`);
    throw error;
  } finally {
    guard.dispose();
  }
}
