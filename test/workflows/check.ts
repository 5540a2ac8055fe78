/**
 * A structural check of GitHub workflow files and of this repository's action.yml: what GitHub would refuse or
 * silently ignore (a step with both `uses` and `run`, `needs` naming no job, an input the action does not have),
 * and what would make the action unsafe (an input pasted into a `run:` script). Returns problems as text, so a
 * test shows all of them at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = join(import.meta.dirname, '../..');

/** One input of action.yml as it declares it. */
export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

export interface ActionFile {
  name?: string;
  description?: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string; value?: string }>;
  runs: { using: string; steps: Step[] };
}

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}

interface Job {
  'runs-on'?: unknown;
  steps?: Step[];
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  permissions?: Record<string, string>;
}

export const readAction = (): ActionFile => parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionFile;

const EVENTS = new Set(['pull_request', 'pull_request_target', 'push', 'schedule', 'workflow_dispatch', 'workflow_call', 'release', 'issues']);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a parsed YAML value is a workflow (documents show pipelines and other YAML too). */
export function isWorkflow(value: unknown): value is Record<string, unknown> {
  return isObject(value) && 'jobs' in value && 'on' in value;
}

/** Every `<kind>.<name>.outputs.<output>` an expression text refers to. */
function outputRefs(text: string, kind: 'steps' | 'needs'): { name: string; output: string }[] {
  return [...text.matchAll(new RegExp(`\\b${kind}\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))].map((m) => ({ name: m[1]!, output: m[2]! }));
}

function checkStep(step: Step, where: string, action: ActionFile, isOurs: (uses: string) => boolean): string[] {
  const problems: string[] = [];
  if (!isObject(step as unknown)) return [`${where}: not a mapping`];
  if ((step.uses === undefined) === (step.run === undefined)) problems.push(`${where}: has ${step.uses === undefined ? 'neither' : 'both'} uses and run`);
  if (step.uses !== undefined && isOurs(step.uses)) {
    const given = Object.keys(step.with ?? {});
    for (const input of given) if (!(input in action.inputs)) problems.push(`${where}: with: ${input} is not an input of action.yml`);
    for (const [name, input] of Object.entries(action.inputs)) {
      if (input.required === true && input.default === undefined && !given.includes(name)) problems.push(`${where}: the required input ${name} is not given`);
    }
  }
  return problems;
}

function stepsOf(job: Job): Step[] {
  return Array.isArray(job.steps) ? job.steps : [];
}

function checkJob(id: string, job: Job, jobs: Record<string, Job>, action: ActionFile, isOurs: (uses: string) => boolean): string[] {
  const where = `jobs.${id}`;
  if (!isObject(job as unknown)) return [`${where}: not a mapping`];
  const problems: string[] = [];
  if (job['runs-on'] === undefined) problems.push(`${where}: no runs-on`);
  if (!Array.isArray(job.steps) || job.steps.length === 0) problems.push(`${where}: no steps`);
  const needs = job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
  for (const need of needs) if (!(need in jobs) || need === id) problems.push(`${where}: needs ${need}, which is not another job`);
  const steps = stepsOf(job);
  steps.forEach((step, index) => problems.push(...checkStep(step, `${where}.steps[${index}]`, action, isOurs)));
  const texts = JSON.stringify({ if: job.if, outputs: job.outputs, steps });
  for (const ref of outputRefs(texts, 'needs')) {
    if (!needs.includes(ref.name)) problems.push(`${where}: refers to needs.${ref.name} without needing it`);
    else if (!(ref.output in (jobs[ref.name]?.outputs ?? {}))) problems.push(`${where}: job ${ref.name} has no output ${ref.output}`);
  }
  for (const ref of outputRefs(texts, 'steps')) {
    const step = steps.find((s) => s.id === ref.name);
    if (step === undefined) problems.push(`${where}: no step has the id ${ref.name}`);
    else if (step.uses !== undefined && isOurs(step.uses) && !(ref.output in action.outputs)) problems.push(`${where}: the action has no output ${ref.output}`);
  }
  return problems;
}

/** What the commands of this action need of the job's token. */
function checkPermissions(workflow: Record<string, unknown>, jobs: Record<string, Job>, isOurs: (uses: string) => boolean): string[] {
  const problems: string[] = [];
  for (const [id, job] of Object.entries(jobs)) {
    const permissions = (job.permissions ?? workflow['permissions']) as Record<string, string> | undefined;
    if (permissions === undefined) continue; // the repository's default token permissions apply
    for (const step of stepsOf(job).filter((s) => s.uses !== undefined && isOurs(s.uses))) {
      const command = String(step.with?.['command'] ?? 'plan');
      const comment = String(step.with?.['comment'] ?? 'true');
      if (command === 'plan' && comment === 'true' && permissions['pull-requests'] !== 'write')
        problems.push(`jobs.${id}: plan comments on pull requests: needs pull-requests: write`);
      if (command === 'drift' && permissions['issues'] !== 'write') problems.push(`jobs.${id}: drift opens an issue: needs issues: write`);
    }
  }
  return problems;
}

/** The problems of one workflow; `isOurs` tells the `uses:` of this repository's action. */
export function checkWorkflow(workflow: unknown, action: ActionFile, isOurs: (uses: string) => boolean): string[] {
  if (!isWorkflow(workflow)) return ['not a workflow (no on: and jobs:)'];
  const problems: string[] = [];
  const on = workflow['on'];
  const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : isObject(on) ? Object.keys(on) : [];
  if (events.length === 0) problems.push('on: names no event');
  for (const event of events) if (!EVENTS.has(event)) problems.push(`on: unknown event ${event}`);
  if (isObject(on) && 'schedule' in on) {
    const schedule = on['schedule'];
    if (
      !Array.isArray(schedule) ||
      schedule.some((entry) => !isObject(entry) || typeof entry['cron'] !== 'string' || entry['cron'].trim().split(/\s+/).length !== 5)
    )
      problems.push('on.schedule: each entry needs a cron of five fields');
  }
  const jobs = workflow['jobs'];
  if (!isObject(jobs) || Object.keys(jobs).length === 0) return [...problems, 'jobs: none'];
  for (const [id, job] of Object.entries(jobs)) problems.push(...checkJob(id, job as Job, jobs as Record<string, Job>, action, isOurs));
  problems.push(...checkPermissions(workflow, jobs as Record<string, Job>, isOurs));
  return problems;
}

/** The problems of action.yml itself. `scripts` maps a script path (from the repository root) to its text. */
export function checkAction(action: ActionFile, readScript: (path: string) => string | undefined): string[] {
  const problems: string[] = [];
  if (!action.name || !action.description) problems.push('action.yml: needs a name and a description');
  for (const [name, input] of Object.entries(action.inputs ?? {})) if (!input.description?.trim()) problems.push(`inputs.${name}: no description`);
  if (action.runs?.using !== 'composite') problems.push('runs.using: not composite');
  const steps = action.runs?.steps ?? [];
  const ids = new Set(steps.map((step) => step.id).filter((id) => id !== undefined));
  for (const [name, output] of Object.entries(action.outputs ?? {})) {
    if (!output.description?.trim()) problems.push(`outputs.${name}: no description`);
    const refs = outputRefs(output.value ?? '', 'steps');
    if (refs.length !== 1 || !ids.has(refs[0]!.name)) problems.push(`outputs.${name}: its value names no step of the action`);
  }
  const text = JSON.stringify(action);
  for (const match of text.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g))
    if (!(match[1]! in action.inputs)) problems.push(`inputs.${match[1]}: used but not declared`);
  for (const name of Object.keys(action.inputs ?? {}))
    if (!text.includes(`inputs.${name} `) && !text.includes(`inputs.${name}}`)) problems.push(`inputs.${name}: declared but never used`);
  steps.forEach((step, index) => {
    const where = `runs.steps[${index}]`;
    if ((step.uses === undefined) === (step.run === undefined)) problems.push(`${where}: has ${step.uses === undefined ? 'neither' : 'both'} uses and run`);
    if (step.run === undefined) return;
    if (step.shell === undefined) problems.push(`${where}: a run step of a composite action needs shell:`);
    // An expression in a script is pasted in as text before the shell runs: inputs go through env: instead.
    if (step.run.includes('${{'))
      problems.push(`${where}: run: holds an expression (${step.run.includes('${{ inputs.') ? 'an input' : 'not an input'}): pass it through env:`);
    for (const match of step.run.matchAll(/\$GITHUB_ACTION_PATH\/([A-Za-z0-9_./-]+)/g)) {
      const script = readScript(match[1]!);
      if (script === undefined) {
        problems.push(`${where}: runs ${match[1]}, which does not exist`);
        continue;
      }
      const read = new Set([...script.matchAll(/\bINPUT_[A-Z_]+/g)].map((m) => m[0]));
      const given = new Set(Object.keys(step.env ?? {}).filter((name) => name.startsWith('INPUT_')));
      for (const name of read) if (!given.has(name)) problems.push(`${where}: ${match[1]} reads ${name}, which env: does not set`);
      for (const name of given) if (!read.has(name)) problems.push(`${where}: env: sets ${name}, which ${match[1]} never reads`);
    }
  });
  return problems;
}
