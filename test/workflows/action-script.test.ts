/**
 * The action's script (scripts/action/run.sh), run by bash as the composite step runs it, outside GitHub: the
 * arguments each input makes, the exit status and outputs for each exit code of the tool, and plan → apply of
 * the saved plan → plan against the emulator. The comment and the drift issue through the whole chain (action.yml,
 * these scripts, the real CLI, the fake GitHub API) are in action-github.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';
import { ROOT } from './check.js';

const SCRIPT = join(ROOT, 'scripts/action/run.sh');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the script in `cwd` (the job's workspace) with the inputs given as the step's env: gives them. */
function runAction(cwd: string, env: Record<string, string>): Run {
  const scratch = tempDir('gitops-action-');
  const output = join(scratch, 'output');
  const summary = join(scratch, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const result = spawnSync('bash', [SCRIPT], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env['PATH'] ?? '',
      NO_COLOR: '1',
      AIRBYTE_CONVERGE_WAIT_MS: '0',
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: scratch,
      ...env,
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(summary, 'utf8') };
}

const show = (run: Run) => `exit ${run.code}\n${run.stdout}\n${run.stderr}`;

/** An action checkout whose CLI records its arguments and exits with FAKE_EXIT. */
function fakeAction(): { path: string; argv: () => string[] } {
  const path = tempDir('gitops-fake-action-');
  mkdirSync(join(path, 'dist/cli'), { recursive: true });
  const record = join(path, 'argv.json');
  writeFileSync(
    join(path, 'dist/cli/main.js'),
    `require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\nprocess.stdout.write('**Plan: fake**\\n');\nprocess.exit(Number(process.env.FAKE_EXIT || 0));\n`,
  );
  writeFileSync(join(path, 'package.json'), '{"type": "commonjs"}\n');
  return { path, argv: () => JSON.parse(readFileSync(record, 'utf8')) as string[] };
}

describe('the action script against the emulator', () => {
  it('plans and saves the plan, applies exactly the saved plan, then plans no changes; a stale plan fails', async () => {
    const workspace = tempDir('gitops-action-ws-');
    mkdirSync(join(workspace, 'pipelines'));
    copyFileSync(join(ROOT, 'examples/pipelines/sample-data.yaml'), join(workspace, 'pipelines/sample-data.yaml'));
    const state = tempDir('gitops-action-state-');
    const emulator = { INPUT_EMULATOR: 'true', XDG_STATE_HOME: state, AIRBYTE_EMULATOR_STATE: join(state, 'emulator.json') };

    const plan = runAction(workspace, { ...emulator, INPUT_COMMAND: 'plan' });
    expect(plan.code, show(plan)).toBe(0);
    expect(plan.outputs).toEqual({ exitcode: '2', changes: 'true', 'plan-file': 'airbyte-gitops.plan.json' });
    expect(plan.stdout).toContain('airbyte-gitops plan pipelines --detailed-exitcode --out airbyte-gitops.plan.json --markdown --emulator\n');
    expect(plan.summary).toContain('**Plan: 3 to create, 0 to update, 0 to delete.**');
    expect(existsSync(join(workspace, 'airbyte-gitops.plan.json'))).toBe(true);

    // What download-artifact does in the apply job: the saved plan in a folder of its own.
    const downloaded = tempDir('gitops-action-artifact-');
    copyFileSync(join(workspace, 'airbyte-gitops.plan.json'), join(downloaded, 'airbyte-gitops.plan.json'));
    const apply = runAction(workspace, { ...emulator, INPUT_COMMAND: 'apply', INPUT_PLAN_DIR: downloaded });
    expect(apply.code, show(apply)).toBe(0);
    expect(apply.outputs).toEqual({ exitcode: '0', changes: '', 'plan-file': join(downloaded, 'airbyte-gitops.plan.json') });
    expect(apply.stdout).toContain(`airbyte-gitops apply ${join(downloaded, 'airbyte-gitops.plan.json')} --auto-approve --emulator\n`);

    const clean = runAction(workspace, { ...emulator, INPUT_COMMAND: 'plan', INPUT_FLAGS: '--no-discover' });
    expect(clean.code, show(clean)).toBe(0);
    expect(clean.outputs).toEqual({ exitcode: '0', changes: 'false', 'plan-file': 'airbyte-gitops.plan.json' });
    expect(clean.summary).toContain('No changes');

    // The first plan again: Airbyte changed since it was made.
    const stale = runAction(workspace, { ...emulator, INPUT_COMMAND: 'apply', INPUT_PLAN_DIR: downloaded });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('saved plan is stale');
    expect(stale.outputs['exitcode']).toBe('1');
  }, 60_000);
});

describe('the action script builds the command from the inputs', () => {
  it('plan on a pull request posts the comment with its key; elsewhere the Markdown goes to the summary', () => {
    const fake = fakeAction();
    const cwd = tempDir('gitops-action-ws-');
    const pr = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, GITHUB_EVENT_NAME: 'pull_request', INPUT_COMMENT_KEY: 'staging' });
    expect(pr.code, show(pr)).toBe(0);
    expect(fake.argv()).toEqual([
      'plan',
      'pipelines',
      '--detailed-exitcode',
      '--out',
      'airbyte-gitops.plan.json',
      '--github-comment',
      '--github-comment-key',
      'staging',
    ]);
    expect(pr.summary).toBe('');

    const off = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, GITHUB_EVENT_NAME: 'pull_request', INPUT_COMMENT: 'false' });
    expect(fake.argv()).toEqual(['plan', 'pipelines', '--detailed-exitcode', '--out', 'airbyte-gitops.plan.json', '--markdown']);
    expect(off.summary).toBe('**Plan: fake**\n');

    const push = runAction(cwd, {
      GITHUB_ACTION_PATH: fake.path,
      GITHUB_EVENT_NAME: 'push',
      INPUT_WORKSPACE: 'My Workspace',
      INPUT_PLAN_FILE: 'out/p.plan.json',
    });
    expect(push.code, show(push)).toBe(0);
    expect(fake.argv()).toEqual(['plan', 'pipelines', '--detailed-exitcode', '--out', 'out/p.plan.json', '--markdown', '--workspace', 'My Workspace']);
    expect(existsSync(join(cwd, 'out'))).toBe(true);
  });

  it('drift plans with the drift issue; apply without an artifact applies the paths', () => {
    const fake = fakeAction();
    const cwd = tempDir('gitops-action-ws-');
    const drift = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, INPUT_COMMAND: 'drift', INPUT_COMMENT_KEY: 'prod', FAKE_EXIT: '2' });
    expect(drift.code, show(drift)).toBe(0);
    expect(drift.outputs).toEqual({ exitcode: '2', changes: 'true', 'plan-file': '' });
    expect(fake.argv()).toEqual(['plan', 'pipelines', '--detailed-exitcode', '--github-drift-issue', '--github-comment-key', 'prod']);

    const apply = runAction(cwd, {
      GITHUB_ACTION_PATH: fake.path,
      INPUT_COMMAND: 'apply',
      INPUT_PLAN_ARTIFACT: '',
      INPUT_PATHS: 'a b',
      INPUT_FLAGS: '--check',
    });
    expect(apply.code, show(apply)).toBe(0);
    expect(fake.argv()).toEqual(['apply', 'a', 'b', '--auto-approve', '--check']);
  });

  it('splits paths and flags at white space only: no globs, no quotes, no command substitution', () => {
    const fake = fakeAction();
    const cwd = tempDir('gitops-action-ws-');
    writeFileSync(join(cwd, 'a.yaml'), '');
    const run = runAction(cwd, {
      GITHUB_ACTION_PATH: fake.path,
      INPUT_PATHS: 'pipelines/one\n  pipelines/two\t*.yaml',
      INPUT_FLAGS: ' --prune  "$(touch pwned)" `touch pwned2` ${HOME} \'quoted words\' ',
    });
    expect(run.code, show(run)).toBe(0);
    expect(fake.argv()).toEqual([
      'plan',
      'pipelines/one',
      'pipelines/two',
      '*.yaml',
      '--detailed-exitcode',
      '--out',
      'airbyte-gitops.plan.json',
      '--markdown',
      '--prune',
      '"$(touch',
      'pwned)"',
      '`touch',
      'pwned2`',
      '${HOME}',
      "'quoted",
      "words'",
    ]);
    expect(existsSync(join(cwd, 'pwned')) || existsSync(join(cwd, 'pwned2'))).toBe(false);
  });

  it.each([
    ['0', 'plan', 0, 'false'],
    ['2', 'plan', 0, 'true'],
    ['1', 'plan', 1, ''],
    ['3', 'drift', 3, ''],
    ['1', 'apply', 1, ''],
  ])('the tool exits %s on %s: the step exits %i, changes=%s', (exit, command, code, changes) => {
    const fake = fakeAction();
    const cwd = tempDir('gitops-action-ws-');
    const run = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, INPUT_COMMAND: command, INPUT_PLAN_ARTIFACT: '', FAKE_EXIT: exit });
    expect(run.code).toBe(code);
    expect(run.outputs['exitcode']).toBe(exit);
    expect(run.outputs['changes']).toBe(changes);
    // A failed plan saves nothing to upload.
    if (command === 'plan') expect(run.outputs['plan-file']).toBe(exit === '1' ? '' : 'airbyte-gitops.plan.json');
    if (command === 'plan' && exit === '1') expect(run.summary).toContain('**airbyte-gitops plan failed (exit 1): the error is in the job log.**');
  });

  it.each([
    [{ INPUT_COMMAND: 'destroy' }, "::error::airbyte-gitops action: command must be plan, apply or drift (got 'destroy')"],
    [{ INPUT_COMMENT: 'yes' }, "::error::airbyte-gitops action: comment must be true or false (got 'yes')"],
    [{ INPUT_EMULATOR: 'True' }, "::error::airbyte-gitops action: emulator must be true or false (got 'True')"],
    [{ INPUT_PLAN_FILE: 'a\nexitcode=0' }, '::error::airbyte-gitops action: plan-file must be one file name'],
    [
      { INPUT_COMMAND: 'apply', INPUT_PLAN_DIR: '/nonexistent' },
      "the saved plan /nonexistent/airbyte-gitops.plan.json is not there: was the artifact 'airbyte-gitops-plan' uploaded",
    ],
  ])('refuses %j before running the tool', (inputs, message) => {
    const fake = fakeAction();
    const run = runAction(tempDir('gitops-action-ws-'), { GITHUB_ACTION_PATH: fake.path, ...inputs });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(fake.path, 'argv.json'))).toBe(false);
    expect(run.outputs).toEqual({});
  });
});
