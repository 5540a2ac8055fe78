/**
 * Every workflow the project ships (examples/ci/, the workflows shown in README.md and docs/) or `init` writes is
 * valid YAML of a sound structure, uses only inputs action.yml has; action.yml itself keeps its inputs out of its
 * scripts. examples/ci/ is exactly what `init` writes by default, so the recipes and init never drift apart.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scan } from '../docs/markdown.js';
import { parseActionRef } from '../../src/init/options.js';
import { scaffoldFiles } from '../../src/init/scaffold.js';
import { checkAction, checkWorkflow, isWorkflow, readAction, ROOT, type ActionFile } from './check.js';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const action = readAction();
const ours = (uses: string) => /(^|\/)airbyte-gitops(\/[^@]*)?@|^acme\/gitops@/.test(uses);

/** init's workflows for a set of options, by path. */
function initWorkflows(options: Parameters<typeof scaffoldFiles>[0]): Record<string, string> {
  return Object.fromEntries(
    scaffoldFiles(options)
      .filter((file) => file.path.startsWith('.github/workflows/'))
      .map((file) => [file.path, file.content]),
  );
}

const DEFAULT = { action: parseActionRef(undefined), branch: 'main', schemaUrl: 'x' };

function shipped(): { where: string; text: string }[] {
  const examples = readdirSync(join(ROOT, 'examples/ci')).map((name) => ({ where: `examples/ci/${name}`, text: read(`examples/ci/${name}`) }));
  const markdown = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)].filter((file) => file.endsWith('.md'));
  const blocks = markdown.flatMap((file) =>
    scan(read(file))
      .fences.filter((fence) => ['yaml', 'yml'].includes(fence.lang) && isWorkflow(parse(fence.body)))
      .map((fence) => ({ where: `${file}:${fence.line}`, text: fence.body })),
  );
  const exported = { workspace: 'W', files: [{ name: 'a.yaml', content: '' }], variables: ['PG_PASSWORD', 'GITHUB_APP_KEY', 'AIRBYTE_URL'] };
  const generated = [initWorkflows(DEFAULT), initWorkflows({ ...DEFAULT, action: parseActionRef('acme/gitops@main'), branch: 'release/v2', exported })].flatMap(
    (files, n) => Object.entries(files).map(([path, text]) => ({ where: `init #${n + 1} ${path}`, text })),
  );
  return [...examples, ...blocks, ...generated];
}

describe('workflows', () => {
  const all = shipped();

  it('finds the workflows it checks: the examples, the docs, what init writes', () => {
    const where = all.map((entry) => entry.where);
    expect(where).toEqual(
      expect.arrayContaining(['examples/ci/airbyte-gitops.yml', 'examples/ci/airbyte-gitops-drift.yml', 'init #2 .github/workflows/airbyte-gitops.yml']),
    );
    expect(where.filter((w) => w.startsWith('docs/')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(all.map((entry) => [entry.where, entry.text] as const))('%s', (_, text) => {
    expect(checkWorkflow(parse(text, { uniqueKeys: true, strict: true }), action, ours)).toEqual([]);
  });

  it('examples/ci/ is exactly what init writes by default', () => {
    const files = initWorkflows(DEFAULT);
    expect(readdirSync(join(ROOT, 'examples/ci')).sort()).toEqual(
      Object.keys(files)
        .map((path) => path.split('/').pop())
        .sort(),
    );
    // To write them again: airbyte-gitops init <empty dir>, then copy its .github/workflows/*.yml to examples/ci/.
    for (const [path, text] of Object.entries(files)) expect(read(`examples/ci/${path.split('/').pop()}`), `${path} (init writes it otherwise)`).toBe(text);
  });

  it("a variable named like GitHub's own reads a secret GitHub accepts", () => {
    const text = initWorkflows({ ...DEFAULT, exported: { workspace: 'W', files: [], variables: ['GITHUB_APP_KEY', 'AIRBYTE_URL'] } })[
      '.github/workflows/airbyte-gitops.yml'
    ]!;
    const env = parse(text).env;
    expect(env.GITHUB_APP_KEY).toBe('${{ secrets.PIPELINE_GITHUB_APP_KEY }}');
    expect(Object.keys(env)).toEqual(['AIRBYTE_URL', 'AIRBYTE_CLIENT_ID', 'AIRBYTE_CLIENT_SECRET', 'GITHUB_APP_KEY']);
  });
});

/** The example workflow, typed just enough for the changes below. */
interface LooseStep {
  uses?: string;
  run?: string;
  with: Record<string, string>;
}
interface LooseJob {
  needs?: string;
  if?: string;
  'runs-on'?: string;
  outputs: Record<string, string>;
  steps: LooseStep[];
}
interface Loose {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: { plan: LooseJob; apply: LooseJob };
}

describe('the checker', () => {
  const good = parse(read('examples/ci/airbyte-gitops.yml')) as Loose;
  const broken = (change: (workflow: Loose) => void) => {
    const copy = structuredClone(good);
    change(copy);
    return checkWorkflow(copy, action, ours);
  };

  it.each([
    ['a step with uses and run', (w: Loose) => (w.jobs.plan.steps[0]!.run = 'echo'), 'jobs.plan.steps[0]: has both uses and run'],
    ['a step with neither', (w: Loose) => delete w.jobs.plan.steps[0]!.uses, 'jobs.plan.steps[0]: has neither uses and run'],
    ['an unknown input', (w: Loose) => (w.jobs.plan.steps[1]!.with.comand = 'plan'), 'jobs.plan.steps[1]: with: comand is not an input of action.yml'],
    ['needs naming no job', (w: Loose) => (w.jobs.apply.needs = 'plann'), 'jobs.apply: needs plann, which is not another job'],
    ['no runs-on', (w: Loose) => delete w.jobs.apply['runs-on'], 'jobs.apply: no runs-on'],
    ['an output the job lacks', (w: Loose) => (w.jobs.apply.if = "needs.plan.outputs.changed == 'true'"), 'jobs.apply: job plan has no output changed'],
    [
      'an output the action lacks',
      (w: Loose) => (w.jobs.plan.outputs.changes = '${{ steps.plan.outputs.changed }}'),
      'jobs.plan: the action has no output changed',
    ],
    ['no trigger', (w: Loose) => (w.on = {}), 'on: names no event'],
    [
      'a comment without the permission',
      (w: Loose) => (w.permissions = { contents: 'read' }),
      'jobs.plan: plan comments on pull requests: needs pull-requests: write',
    ],
  ])('finds %s', (_, change, problem) => {
    expect(broken(change)).toContain(problem);
  });

  it('finds a required input that is not given', () => {
    const strict: ActionFile = { ...action, inputs: { ...action.inputs, token: { description: 'x', required: true } } };
    expect(checkWorkflow(good, strict, ours)).toContain('jobs.plan.steps[1]: the required input token is not given');
  });

  it('finds an input pasted into a script of action.yml', () => {
    const bad = structuredClone(action);
    bad.runs.steps.push({ shell: 'bash', run: 'echo "${{ inputs.paths }}"' } as never);
    expect(checkAction(bad, () => '')).toContain(`runs.steps[${bad.runs.steps.length - 1}]: run: holds an expression (an input): pass it through env:`);
  });
});

describe('action.yml', () => {
  it('has exactly the inputs and outputs the workflows rely on, with their defaults', () => {
    expect(Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))).toEqual({
      command: 'plan',
      paths: 'pipelines',
      workspace: '',
      flags: '',
      comment: 'true',
      'comment-key': 'default',
      'plan-file': 'airbyte-gitops.plan.json',
      'plan-artifact': 'airbyte-gitops-plan',
      emulator: 'false',
      'github-token': '${{ github.token }}',
      'node-version': '20',
    });
    expect(Object.keys(action.outputs)).toEqual(['exitcode', 'changes', 'plan-file']);
  });

  it('describes every input and output, uses its inputs only through env: in scripts, and runs scripts that exist', () => {
    const readScript = (path: string) => (existsSync(join(ROOT, path)) ? read(path) : undefined);
    expect(checkAction(action, readScript)).toEqual([]);
  });

  it('installs from its own checkout and saves, uploads and downloads the plan', () => {
    const steps = action.runs.steps;
    expect(steps.map((step) => step.uses ?? step.run)).toEqual([
      'actions/setup-node@v4',
      'bash "$GITHUB_ACTION_PATH/scripts/action/install.sh"',
      'actions/download-artifact@v4',
      'bash "$GITHUB_ACTION_PATH/scripts/action/run.sh"',
      'actions/upload-artifact@v4',
    ]);
    expect(read('scripts/action/install.sh')).toContain('npm ci --no-audit --no-fund');
  });
});
