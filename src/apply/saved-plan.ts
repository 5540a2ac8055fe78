/**
 * Saved plans: `plan --out plan.json` writes the plan WITHOUT secret values (a secret, by the connector spec's
 * `airbyte_secret` paths, keeps its `${VAR}` template; every other value is saved as planned, environment values
 * included), the fingerprints of what it read and the workspace id. `apply plan.json` checks the fingerprints,
 * reads only the secrets from the environment again and executes exactly that plan, sending every other value as
 * the plan showed it. The file is written with mode 0600.
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JsonObject } from '../api/types.js';
import { isSecretPath, secretPaths, secretValues, type ConfigPath } from '../secrets/paths.js';
import { mapSecrets } from '../secrets/seal.js';
import { SENSITIVE } from '../secrets/secret.js';
import { GitopsError } from '../errors.js';
import type { DesiredActor, ValueOrigin } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import type { ConnectorSpec } from '../model/remote.js';
import type { Prepared } from '../plan/prepare.js';
import type { ActorChange, Change, ConnectionChange, Plan, PlannedActor } from '../plan/types.js';
import { fingerprintsOf, type Fingerprints } from './fingerprint.js';

export const SAVED_PLAN_KIND = 'airbyte-gitops/saved-plan';

/** An actor change as saved: its configuration is plain JSON whose secrets are `${VAR}` templates (no Secret, no value). */
export type SavedActorChange = Omit<ActorChange, 'desired'> & { desired: DesiredActor | null };

/** The plan as saved: a Plan whose configurations hold templates instead of Secrets (materialize.ts seals them again). */
export type SavedPlan = Omit<Plan, 'changes'> & { changes: (SavedActorChange | ConnectionChange)[] };

/** The saved plan file. `plan` is the Plan with secrets as `${VAR}` templates (no secret values). */
export interface SavedPlanV1 {
  kind: typeof SAVED_PLAN_KIND;
  formatVersion: 1;
  createdAt: string;
  /** The pipeline files the plan was made from (for people; apply does not read them). */
  files: string[];
  workspace: Plan['workspace'];
  fingerprints: Fingerprints;
  plan: SavedPlan;
  /**
   * Where the plan said sync state is saved before the changes that reset it (`--state-backup-dir` or
   * AIRBYTE_STATE_BACKUP_DIR at plan time); apply saves there unless told otherwise when it runs.
   */
  stateBackupDir?: string;
}

/** Where a value came from, minus its template: a non-secret value is saved as planned, never read again. */
function resolvedOrigin({ loc }: ValueOrigin): ValueOrigin {
  return { loc };
}

function literalSecret(actor: PlannedActor, path: ConfigPath): Problem {
  const loc = actor.origins[path.join('.')]?.loc ?? actor.configurationLoc ?? actor.loc;
  const message = `${actor.kind} '${actor.name}': configuration.${path.join('.')} is a secret written literally; a saved plan never holds secret values: write it as \${VAR} and set VAR in the environment`;
  return { severity: 'error', file: loc.file, line: loc.line, col: loc.col, message };
}

/**
 * The actor as it may be saved: a secret that came from `${...}` keeps its template (read from the environment
 * at apply time); every other value is saved as planned, so apply sends what the plan showed. A literal secret is
 * a problem. Nothing is revealed: each Secret is replaced by its template.
 */
function templated(actor: PlannedActor, spec: ConnectorSpec | undefined, problems: Problem[]): DesiredActor {
  const { configuration, ...rest } = actor;
  if (!configuration) return rest;
  if (!spec) {
    throw new GitopsError('NOT_FOUND', `${actor.kind} '${actor.name}': no connector specification was read, so its secrets cannot be told apart`, {
      hint: 'This is a bug in fetching the remote state; please report it.',
    });
  }
  const secrets = secretPaths(spec.connectionSpecification);
  const origins: Record<string, ValueOrigin> = {};
  for (const [dotted, origin] of Object.entries(actor.origins)) {
    const keepsTemplate = origin.template !== undefined && isSecretPath(secrets, dotted.split('.'));
    origins[dotted] = keepsTemplate ? origin : resolvedOrigin(origin);
  }
  for (const { path } of secretValues(configuration, secrets)) {
    if (actor.origins[path.join('.')]?.template === undefined) problems.push(literalSecret(actor, path));
  }
  // A literal secret is a problem (above), so the file is never written with the placeholder.
  const saved = mapSecrets(configuration, (_, path) => actor.origins[path.join('.')]?.template ?? SENSITIVE) as JsonObject;
  return { ...rest, configuration: saved, origins };
}

function withoutSecrets(change: Change, specs: Record<string, ConnectorSpec>, problems: Problem[]): SavedActorChange | ConnectionChange {
  if (change.kind === 'connection') return change;
  return { ...change, desired: change.desired && templated(change.desired, specs[change.definitionId], problems) };
}

/** The file's content; throws SPEC_INVALID (file:line of each literal secret) when a secret could not be left out. */
/** What a saved plan records besides the plan. */
export interface SavedPlanOptions {
  stateBackupDir?: string;
}

export function savedPlanOf(prepared: Pick<Prepared, 'plan' | 'remote'>, paths: string[], now = new Date(), options: SavedPlanOptions = {}): SavedPlanV1 {
  const problems: Problem[] = [];
  const changes = prepared.plan.changes.map((change) => withoutSecrets(change, prepared.remote.specs, problems));
  if (problems.length > 0) {
    // The CLI prints each problem (file:line:col) from `problems`; the message only says what failed.
    throw new GitopsError('SPEC_INVALID', `cannot save the plan: ${problems.length} secret${problems.length === 1 ? ' is' : 's are'} written literally`, {
      problems,
    });
  }
  return {
    kind: SAVED_PLAN_KIND,
    formatVersion: 1,
    createdAt: now.toISOString(),
    files: paths,
    workspace: prepared.plan.workspace,
    fingerprints: fingerprintsOf(prepared.remote),
    plan: { ...prepared.plan, changes },
    ...(options.stateBackupDir === undefined ? {} : { stateBackupDir: options.stateBackupDir }),
  };
}

/** Why a file could not be written, in words, from the error's errno code. */
function writeProblem(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `its directory ${dirname(file)} does not exist`;
  if (code === 'ENOTDIR') return `a parent of it is not a directory`;
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}

function unwritablePlan(file: string, problem: string, cause?: unknown): GitopsError {
  return new GitopsError('USAGE', `cannot save the plan to ${file}: ${problem}; nothing was saved`, {
    hint: 'give --out a file path in an existing, writable directory, e.g. --out plan.json',
    cause,
  });
}

/** Refuses, before anything is planned, a `--out` that could never be written: a directory, or a missing parent. */
export function checkSavedPlanTarget(file: string): void {
  if (existsSync(file) && statSync(file).isDirectory()) throw unwritablePlan(file, 'it is a directory');
  const parent = dirname(file);
  if (!existsSync(parent)) throw unwritablePlan(file, `its directory ${parent} does not exist`);
  if (!statSync(parent).isDirectory()) throw unwritablePlan(file, `${parent} is not a directory`);
}

/** Writes the saved plan (mode 0600, replaced atomically) for `plan --out`; a failed write leaves no file behind. */
export function writeSavedPlan(file: string, prepared: Pick<Prepared, 'plan' | 'remote'>, paths: string[], options: SavedPlanOptions = {}): void {
  const text = `${JSON.stringify(savedPlanOf(prepared, paths, new Date(), options), null, 2)}\n`;
  checkSavedPlanTarget(file);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw unwritablePlan(file, writeProblem(file, error), error);
  }
}

/** True when the file looks like a saved plan (so `apply plan.json` can tell it from a pipeline). */
export function isSavedPlanFile(file: string): boolean {
  if (!file.endsWith('.json')) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { kind?: unknown }).kind === SAVED_PLAN_KIND;
  } catch {
    return false;
  }
}

/** Reads and checks the shape of a saved plan. */
export function readSavedPlan(file: string): SavedPlanV1 {
  let parsed: Partial<SavedPlanV1>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedPlanV1>;
  } catch (error) {
    const why =
      error instanceof SyntaxError
        ? 'it is not valid JSON (truncated, or not written by plan --out)'
        : (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no such file'
          : 'the file cannot be read';
    throw new GitopsError('USAGE', `cannot read saved plan ${file}: ${why}`, { hint: 'write it again with plan --out' });
  }
  if (parsed.kind !== SAVED_PLAN_KIND || parsed.formatVersion !== 1 || !parsed.plan || !parsed.fingerprints || !parsed.workspace) {
    throw new GitopsError('USAGE', `${file} is not a saved plan of this tool (formatVersion 1)`, { hint: 'write one with plan --out plan.json' });
  }
  const unsafe = parsed.plan.changes.find(
    (change) => change.kind !== 'connection' && change.action === 'update' && (change as Partial<ActorChange>).preserved === undefined,
  );
  if (unsafe) {
    throw new GitopsError(
      'USAGE',
      `${file}: ${unsafe.kind} '${unsafe.name}': the saved plan does not say which stored settings its update keeps, so it could delete them`,
      {
        hint: 'It was written by an older version: run plan --out again.',
      },
    );
  }
  return parsed as SavedPlanV1;
}

/** The actor changes whose configuration apply sends (and so must fill in from the environment). */
export function sentActors(plan: Plan): ActorChange[] {
  return plan.changes.filter((change): change is ActorChange => change.kind !== 'connection' && change.desired?.configuration !== undefined);
}
