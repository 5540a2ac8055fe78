/**
 * A small stand-in for a GitHub Actions runner, enough to run this repository's action and the workflows `init`
 * writes as GitHub would: the expressions they use (`${{ inputs.x }}`, `secrets.X`, `steps.id.outputs.x`,
 * `needs.job.outputs.x`, `github.event_name`, `runner.temp`, `==`, `!=`, `&&`, `||`, `!`), a job's `if:`, the
 * workflow's, job's and step's `env:`, each `run:` step under `bash --noprofile --norc -eo pipefail` with its own
 * GITHUB_OUTPUT, and action.yml's composite steps with its inputs' defaults. `actions/checkout` is the job's
 * working directory (the test puts the checkout there), `actions/setup-node` is the Node.js running the tests, and
 * upload-artifact / download-artifact keep artifacts in the run (a Map shared by its jobs).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { tempDir } from '../temp.js';
import { readAction, ROOT, type ActionFile } from './check.js';

/** What a context lookup gives: a string, or undefined for null (a missing secret, a skipped step's output). */
type Value = string | undefined;

/** The contexts an expression can read. */
export interface Contexts {
  github: Record<string, string>;
  secrets: Record<string, string>;
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  needs: Record<string, { outputs: Record<string, string>; result: string }>;
  runner: Record<string, string>;
  env: Record<string, string>;
}

const truthy = (value: Value) => value !== undefined && value !== '' && value !== 'false' && value !== '0';

/** Evaluates one expression (the text inside `${{ }}`, or a whole `if:`). */
export function evaluate(expression: string, contexts: Contexts): Value {
  const tokens = [...expression.matchAll(/\s*('(?:[^']|'')*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][A-Za-z0-9_.-]*)/gy)].map((m) => m[1]!);
  if (tokens.join('').replace(/\s/g, '') !== expression.replace(/\s/g, '')) throw new Error(`runner: cannot read the expression '${expression}'`);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];
  const primary = (): Value => {
    const token = next();
    if (token === undefined) throw new Error(`runner: '${expression}' ends early`);
    if (token === '(') {
      const value = or();
      if (next() !== ')') throw new Error(`runner: '${expression}' misses a ')'`);
      return value;
    }
    if (token === '!') return truthy(primary()) ? 'false' : 'true';
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (token === 'true' || token === 'false') return token;
    if (/^\d+$/.test(token)) return token;
    if (token === 'success' && peek() === '(') {
      next();
      next();
      return 'true';
    }
    const [context, ...path] = token.split('.');
    let value: unknown = (contexts as unknown as Record<string, unknown>)[context!];
    if (value === undefined) throw new Error(`runner: unknown context '${context}' in '${expression}'`);
    for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return value === undefined || value === null ? undefined : String(value);
  };
  const comparison = (): Value => {
    const left = primary();
    const operator = peek();
    if (operator !== '==' && operator !== '!=') return left;
    next();
    const right = primary();
    // GitHub compares strings ignoring case; null equals ''.
    const equal = (left ?? '').toLowerCase() === (right ?? '').toLowerCase();
    return String(operator === '==' ? equal : !equal);
  };
  const and = (): Value => {
    let value = comparison();
    while (peek() === '&&') {
      next();
      const right = comparison();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  function or(): Value {
    let value = and();
    while (peek() === '||') {
      next();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  }
  const value = or();
  if (at !== tokens.length) throw new Error(`runner: '${expression}' has more after '${tokens[at - 1]}'`);
  return value;
}

/** A text with `${{ }}` expressions replaced by their values. */
export function interpolate(text: unknown, contexts: Contexts): string {
  return String(text).replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => evaluate(expression, contexts) ?? '');
}

/** An `if:` (with or without `${{ }}`); none is `success()`. */
function condition(text: unknown, contexts: Contexts): boolean {
  if (text === undefined) return true;
  const source = String(text).trim();
  const match = /^\$\{\{(.*)\}\}$/s.exec(source);
  return truthy(evaluate(match === null ? source : match[1]!, contexts));
}

function evaluateEnv(env: Record<string, unknown> | undefined, contexts: Contexts): Record<string, string> {
  return Object.fromEntries(Object.entries(env ?? {}).map(([name, value]) => [name, interpolate(value, contexts)]));
}

export interface StepRun {
  /** The step's name, or its `uses:` / `run:`. */
  step: string;
  skipped: boolean;
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** One workflow run: its event, its artifacts, the runner's files, and every step that ran. */
export interface WorkflowRun {
  eventName: string;
  /** The event's JSON, as GITHUB_EVENT_PATH holds it. */
  event: unknown;
  secrets: Record<string, string>;
  /** Variables every runner sets (GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_RUN_ID, …) and PATH; each job gets a HOME of its own (a fresh machine). */
  runnerEnv: Record<string, string>;
  /** `github.token`. */
  token: string;
  /** Artifacts uploaded in this run, by name: the files' paths in the artifact store. */
  artifacts: Map<string, string>;
  /** Every step run, in order. */
  log: StepRun[];
  /** The job summary file of each step that ran a script. */
  summaryFiles: string[];
  /** The job summary files written (one per step, as GitHub shows them together). */
  summary(): string;
}

export function startRun(options: {
  eventName: string;
  event: unknown;
  token: string;
  secrets?: Record<string, string>;
  runnerEnv: Record<string, string>;
}): WorkflowRun {
  const summaryFiles: string[] = [];
  return {
    eventName: options.eventName,
    event: options.event,
    secrets: options.secrets ?? {},
    runnerEnv: options.runnerEnv,
    token: options.token,
    artifacts: new Map(),
    log: [],
    summaryFiles,
    summary: () => summaryFiles.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : '')).join(''),
  };
}

/** The job-level files and contexts of one job of a run. */
interface JobContext {
  run: WorkflowRun;
  workspace: string;
  temp: string;
  /** The job's machine's home: nothing of another job's (an --emulator state, say) is there. */
  home: string;
  env: Record<string, string>;
  eventPath: string;
}

function newJob(run: WorkflowRun, workspace: string, env: Record<string, string>): JobContext {
  const temp = tempDir('gitops-runner-temp-');
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(run.event));
  return { run, workspace, temp, home: tempDir('gitops-runner-home-'), env, eventPath };
}

function baseContexts(job: JobContext): Contexts {
  return {
    github: { event_name: job.run.eventName, token: job.run.token, workspace: job.workspace },
    secrets: job.run.secrets,
    inputs: {},
    steps: {},
    needs: {},
    runner: { temp: job.temp, os: 'Linux' },
    env: job.env,
  };
}

/** A `run:` step as the runner runs it: bash, the job's files in GITHUB_* variables, its own output and summary file. */
async function runScript(job: JobContext, name: string, script: string, env: Record<string, string>, actionPath?: string): Promise<StepRun> {
  const files = tempDir('gitops-runner-step-');
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  job.run.summaryFiles.push(summary);
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd: job.workspace,
    env: {
      ...job.run.runnerEnv,
      HOME: job.home,
      XDG_STATE_HOME: join(job.home, '.local/state'),
      XDG_CONFIG_HOME: join(job.home, '.config'),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: job.run.eventName,
      GITHUB_EVENT_PATH: job.eventPath,
      GITHUB_WORKSPACE: job.workspace,
      RUNNER_TEMP: job.temp,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      ...(actionPath === undefined ? {} : { GITHUB_ACTION_PATH: actionPath }),
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const code = await new Promise<number>((done) => child.on('close', (status) => done(status ?? -1)));
  clearTimeout(timer);
  // name=value lines; a line of another form (GitHub's name<<DELIMITER) is not read here, so it fails the test.
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        if (!/^[A-Za-z0-9_-]+=/.test(line)) throw new Error(`runner: ${name} wrote an output line this runner cannot read: '${line}'`);
        return [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)];
      }),
  );
  const step: StepRun = { step: name, skipped: false, code, stdout, stderr, outputs };
  job.run.log.push(step);
  return step;
}

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, unknown>;
  with?: Record<string, unknown>;
}

export interface ActionRun {
  /** The action's outputs (action.yml's `outputs:`). */
  outputs: Record<string, string>;
  /** The step that ran airbyte-gitops (id `run`). */
  main: StepRun;
  /** Whether every step succeeded (a composite action fails at its first failing step). */
  ok: boolean;
}

/** This repository's action (action.yml) used by a step with `with`, in a job. */
async function runOurAction(job: JobContext, given: Record<string, unknown>, stepEnv: Record<string, string>): Promise<ActionRun> {
  const action: ActionFile = readAction();
  for (const name of Object.keys(given)) if (!(name in action.inputs)) throw new Error(`runner: the action has no input '${name}'`);
  const outer = baseContexts(job);
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, name in given ? String(given[name]) : interpolate(input.default ?? '', outer)]),
  );
  const contexts: Contexts = { ...outer, inputs, steps: {} };
  let main: StepRun | undefined;
  let failed = false;
  for (const step of action.runs.steps as Step[]) {
    const name = step.name ?? step.uses ?? step.run ?? '';
    if (/\b(always|failure|cancelled)\(/.test(step.if ?? '')) throw new Error(`runner: cannot run the status check in '${step.if}'`);
    // An `if:` without a status check means success() && …: after a failed step, the rest is skipped.
    if (failed || !condition(step.if, contexts)) {
      job.run.log.push({ step: name, skipped: true, code: 0, stdout: '', stderr: '', outputs: {} });
      continue;
    }
    let result: StepRun;
    if (step.uses !== undefined) {
      result = useAction(job, step.uses, evaluateEnv(step.with as Record<string, unknown>, contexts), name);
    } else {
      const env = { ...job.env, ...stepEnv, ...evaluateEnv(step.env, contexts) };
      result = await runScript(job, name, step.run!, env, ROOT);
    }
    if (step.id !== undefined) contexts.steps[step.id] = { outputs: result.outputs };
    if (step.id === 'run') main = result;
    if (result.code !== 0) failed = true;
  }
  // The action's outputs are what its steps wrote, failed or not.
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, interpolate(output.value ?? '', contexts)]));
  if (main === undefined && !failed) throw new Error('runner: the action has no step with id run');
  return { outputs, main: main ?? job.run.log[job.run.log.length - 1]!, ok: !failed };
}

/** The actions of GitHub the action and the workflows use, as far as a test needs them. */
function useAction(job: JobContext, uses: string, given: Record<string, string>, name: string): StepRun {
  const done = (outputs: Record<string, string> = {}, code = 0, stderr = ''): StepRun => {
    const step = { step: name, skipped: false, code, stdout: '', stderr, outputs };
    job.run.log.push(step);
    return step;
  };
  const [action] = uses.split('@');
  if (action === 'actions/setup-node') return done(); // the Node.js running the tests
  if (action === 'actions/checkout') return done(); // the test checked out the commit into the workspace
  if (action === 'actions/upload-artifact') {
    const path = resolve(job.workspace, given['path']!);
    if (!existsSync(path)) return done({}, given['if-no-files-found'] === 'error' ? 1 : 0, `No files were found with the provided path: ${given['path']}`);
    if (job.run.artifacts.has(given['name']!) && given['overwrite'] !== 'true') return done({}, 1, 'an artifact with this name exists');
    const store = join(tempDir('gitops-runner-artifact-'), basename(path));
    copyFileSync(path, store);
    job.run.artifacts.set(given['name']!, store);
    return done();
  }
  if (action === 'actions/download-artifact') {
    const stored = job.run.artifacts.get(given['name']!);
    if (stored === undefined) return done({}, 1, `Unable to download artifact(s): Artifact not found for name: ${given['name']}`);
    const into = resolve(job.workspace, given['path'] ?? '.');
    mkdirSync(into, { recursive: true });
    copyFileSync(stored, join(into, basename(stored)));
    return done();
  }
  throw new Error(`runner: does not know the action ${uses}`);
}

/** Runs this repository's action as one step of a job whose workspace is `workspace` (env: the job's). */
export async function runActionStep(run: WorkflowRun, workspace: string, given: Record<string, unknown>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runOurAction(newJob(run, workspace, env), given, {});
}

export interface JobRun {
  skipped: boolean;
  /** Our action's uses in the job, by step id (or index). */
  actions: Record<string, ActionRun>;
  outputs: Record<string, string>;
  ok: boolean;
}

/**
 * Runs the jobs of a workflow for the run's event, in the order of `needs:`, each in a fresh workspace made by
 * `checkout()`. Our action is whatever `isOurs(uses)` says; other actions are the few useAction knows.
 */
export async function runWorkflow(
  run: WorkflowRun,
  workflow: Record<string, unknown>,
  checkout: () => string,
  isOurs: (uses: string) => boolean,
): Promise<Record<string, JobRun>> {
  const jobs = workflow['jobs'] as Record<
    string,
    { if?: string; needs?: string | string[]; env?: Record<string, unknown>; steps: Step[]; outputs?: Record<string, string> }
  >;
  const results: Record<string, JobRun> = {};
  const pending = Object.keys(jobs);
  while (pending.length > 0) {
    const index = pending.findIndex((id) => [jobs[id]!.needs ?? []].flat().every((need) => need in results));
    if (index === -1) throw new Error(`runner: the jobs ${pending.join(', ')} wait on each other`);
    const id = pending.splice(index, 1)[0]!;
    const job = jobs[id]!;
    const needs = Object.fromEntries(
      [job.needs ?? []]
        .flat()
        .map((need) => [need, { outputs: results[need]!.outputs, result: results[need]!.skipped ? 'skipped' : results[need]!.ok ? 'success' : 'failure' }]),
    );
    const needsMet = Object.values(needs).every((need) => need.result === 'success');
    const probe = newJob(run, '.', {});
    const jobContexts: Contexts = { ...baseContexts(probe), needs };
    if (!needsMet || !condition(job.if, jobContexts)) {
      results[id] = { skipped: true, actions: {}, outputs: {}, ok: true };
      continue;
    }
    const workflowEnv = evaluateEnv(workflow['env'] as Record<string, unknown> | undefined, jobContexts);
    const jobEnv = { ...workflowEnv, ...evaluateEnv(job.env, { ...jobContexts, env: workflowEnv }) };
    const context = newJob(run, checkout(), jobEnv);
    const contexts: Contexts = { ...baseContexts(context), needs, env: jobEnv };
    const result: JobRun = { skipped: false, actions: {}, outputs: {}, ok: true };
    for (const [n, step] of job.steps.entries()) {
      if (!condition(step.if, contexts)) continue;
      const stepEnv = evaluateEnv(step.env, contexts);
      if (step.uses !== undefined && isOurs(step.uses)) {
        const used = await runOurAction(context, evaluateEnv(step.with, contexts), stepEnv);
        result.actions[step.id ?? String(n)] = used;
        if (step.id !== undefined) contexts.steps[step.id] = { outputs: used.outputs };
        if (!used.ok) result.ok = false;
      } else if (step.uses !== undefined) {
        const used = useAction(context, step.uses, evaluateEnv(step.with, contexts), step.name ?? step.uses);
        if (step.id !== undefined) contexts.steps[step.id] = { outputs: used.outputs };
        if (used.code !== 0) result.ok = false;
      } else {
        const ran = await runScript(context, step.name ?? step.run!, step.run!, { ...jobEnv, ...stepEnv });
        if (step.id !== undefined) contexts.steps[step.id] = { outputs: ran.outputs };
        if (ran.code !== 0) result.ok = false;
      }
      if (!result.ok) break;
    }
    result.outputs = evaluateEnv(job.outputs, contexts);
    results[id] = result;
  }
  return results;
}
