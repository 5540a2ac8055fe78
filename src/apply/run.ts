/**
 * The `apply` command's flow: plan (from the pipeline, or a saved plan checked against Airbyte), print it, get
 * approval, optionally check connections, execute, print the result. Returns the exit status; user mistakes are
 * thrown as GitopsError before anything is written.
 */
import { reportProblemsTo } from '../pipeline/problems.js';
import { clientOptionsFromEnv, type AirbyteClient } from '../client/index.js';
import { ExitCode } from '../errors.js';
import type { Problem } from '../model/problem.js';
import { prepare } from '../plan/prepare.js';
import { renderText } from '../plan/render/index.js';
import { hasChanges } from '../plan/render/values.js';
import type { Plan } from '../plan/types.js';
import { paletteFor } from '../util/color.js';
import { approve, destructiveNotice } from './approval.js';
import { checkConnections } from './check.js';
import { executePlan } from './executor.js';
import { assertFresh } from './fingerprint.js';
import { fetchSpecs, materialize } from './materialize.js';
import { progressLine, summaryText, toJsonResult } from './progress.js';
import { readSavedPlan } from './saved-plan.js';
import { planSecrets } from './secrets.js';
import type { SignalGuard } from './signals.js';
import type { ApplyResult } from './types.js';

/** The flags of `apply` besides the connection flags. */
export interface ApplyFlags {
  autoApprove: boolean;
  allowDestroy: boolean;
  prune: boolean;
  check: boolean;
  rotateSecrets: boolean;
  parallelism: number;
  json: boolean;
  workspace?: string;
}

/** Where apply reads and writes; the real process streams in the CLI. */
export interface ApplyIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/** Where the plan comes from: the pipeline files, or a saved plan file. */
export type PlanSource = { paths: string[] } | { savedPlan: string };

interface Planned {
  plan: Plan;
  secrets: string[];
  warnings: Problem[];
}

async function fromPipeline(client: AirbyteClient, paths: string[], flags: ApplyFlags, env: NodeJS.ProcessEnv): Promise<Planned> {
  const prepared = await prepare(client, {
    paths,
    env,
    ...(flags.workspace === undefined ? {} : { workspace: flags.workspace }),
    prune: flags.prune,
    rotateSecrets: flags.rotateSecrets,
  });
  return { plan: prepared.plan, secrets: planSecrets(prepared.plan, prepared.remote.specs), warnings: prepared.warnings };
}

/** The saved plan, refused when stale, with its templates filled from the environment now. */
async function fromSavedPlan(client: AirbyteClient, file: string, env: NodeJS.ProcessEnv): Promise<Planned> {
  const saved = readSavedPlan(file);
  await client.resolveWorkspace(saved.workspace.workspaceId);
  await assertFresh(client, saved.fingerprints, saved.plan);
  const specs = await fetchSpecs(client, saved.plan);
  const { plan, warnings } = materialize(saved.plan, specs, env);
  return { plan, secrets: planSecrets(plan, specs), warnings };
}

function exitStatusOf(result: ApplyResult): number {
  if (result.status === 'interrupted') return ExitCode.interrupted;
  return result.status === 'applied' ? ExitCode.ok : ExitCode.error;
}

/** Runs apply with a connected client. */
export async function runApply(client: AirbyteClient, source: PlanSource, flags: ApplyFlags, io: ApplyIo, guard: SignalGuard): Promise<number> {
  // Spec problems travel in the error; the CLI prints them (file:line:col) in one place.
  const planned: Planned =
    'savedPlan' in source ? await fromSavedPlan(client, source.savedPlan, io.env) : await fromPipeline(client, source.paths, flags, io.env);
  const { plan, secrets } = planned;
  // Registered once, before the first call that could echo one (the connection checks come before the executor).
  client.addSecrets(secrets);
  reportProblemsTo(io.stderr, planned.warnings, io.env);
  // Under --json, stdout holds only the result document.
  const human = flags.json ? io.stderr : io.stdout;
  const palette = paletteFor(human, io.env);
  human.write(renderText(plan, palette));
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
  guard.executing();
  human.write('\n');
  const result = await executePlan(client, plan, {
    parallelism: flags.parallelism,
    signal: guard.signal,
    createAttempts: clientOptionsFromEnv(io.env, {}).retry.maxAttempts,
    onStep: (outcome) => human.write(`${progressLine(outcome, palette)}\n`),
  });
  human.write(`\n${summaryText(result, palette)}`);
  if (flags.json) io.stdout.write(`${JSON.stringify(toJsonResult(plan, result), null, 2)}\n`);
  return exitStatusOf(result);
}
