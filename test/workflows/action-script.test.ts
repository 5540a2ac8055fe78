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
    // The log of a plan past the job summary's limit.
    maxBuffer: 16 * 1024 * 1024,
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

/**
 * An action checkout whose CLI records its arguments and exits with FAKE_EXIT. Like the real one, it saves a plan
 * to --out when it exits 0 or 2 (unless FAKE_NO_OUT is set); it prints FAKE_STDOUT_FILE's bytes, or a one-line plan.
 */
function fakeAction(): { path: string; argv: () => string[] } {
  const path = tempDir('gitops-fake-action-');
  mkdirSync(join(path, 'dist/cli'), { recursive: true });
  const record = join(path, 'argv.json');
  writeFileSync(
    join(path, 'dist/cli/main.js'),
    [
      `const fs = require('fs');`,
      `const argv = process.argv.slice(2);`,
      `fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify(argv));`,
      `const exit = Number(process.env.FAKE_EXIT || 0);`,
      `const out = argv.indexOf('--out');`,
      `if (out >= 0 && (exit === 0 || exit === 2) && !process.env.FAKE_NO_OUT) fs.writeFileSync(argv[out + 1], '{"fake": true}\\n');`,
      `process.stdout.write(process.env.FAKE_STDOUT_FILE ? fs.readFileSync(process.env.FAKE_STDOUT_FILE) : '**Plan: fake**\\n');`,
      `process.exit(exit);`,
      '',
    ].join('\n'),
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

describe('the action script keeps its outputs and the upload true to the plan saved', () => {
  const refused = (inputs: Record<string, string>, message: string) => {
    const fake = fakeAction();
    const cwd = tempDir('gitops-action-ws-');
    const run = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, ...inputs });
    expect(run.code, show(run)).toBe(1);
    expect(run.stderr).toContain(`::error::airbyte-gitops action: ${message}`);
    expect(existsSync(join(fake.path, 'argv.json'))).toBe(false);
    expect(run.outputs).toEqual({});
  };

  it.each([
    [{ INPUT_FLAGS: '--out other.json' }, 'flags: --out: plan saves the plan to the plan-file input'],
    [{ INPUT_FLAGS: '--check --out=other.json' }, 'flags: --out=other.json: plan saves the plan to the plan-file input'],
    [{ INPUT_FLAGS: '--json' }, "flags: --json: the action chooses the plan's format"],
    [{ INPUT_FLAGS: '--markdown' }, "flags: --markdown: the action chooses the plan's format"],
    [{ INPUT_FLAGS: '--github-comment-key other' }, "flags: --github-comment-key is the action's: set the comment and comment-key inputs"],
    [{ INPUT_COMMAND: 'drift', INPUT_FLAGS: '--github-comment' }, "flags: --github-comment is the action's"],
    [{ INPUT_COMMAND: 'apply', INPUT_PLAN_ARTIFACT: '', INPUT_FLAGS: '--github-drift-issue' }, "flags: --github-drift-issue is the action's"],
    [{ INPUT_FLAGS: '--help' }, 'flags: --help prints the help or the version and runs nothing'],
    [{ INPUT_COMMAND: 'apply', INPUT_PLAN_ARTIFACT: '', INPUT_FLAGS: '-V' }, 'flags: -V prints the help or the version and runs nothing'],
    [{ INPUT_COMMAND: 'drift', INPUT_FLAGS: '--version' }, 'flags: --version prints the help or the version and runs nothing'],
  ])('refuses the flags of %j, which would break the outputs, before running the tool', (inputs, message) => {
    refused(inputs, message);
  });

  it('passes the other flags as given: a repeated flag of its own, --out for drift, --json for drift and apply, words after --', () => {
    const fake = fakeAction();
    const cwd = tempDir('gitops-action-ws-');
    const plan = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, INPUT_FLAGS: '--detailed-exitcode --emulator -- --out' });
    expect(plan.code, show(plan)).toBe(0);
    expect(fake.argv()).toEqual([
      'plan',
      'pipelines',
      '--detailed-exitcode',
      '--out',
      'airbyte-gitops.plan.json',
      '--markdown',
      '--detailed-exitcode',
      '--emulator',
      '--',
      '--out',
    ]);
    expect(plan.outputs['plan-file']).toBe('airbyte-gitops.plan.json');

    const drift = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, INPUT_COMMAND: 'drift', INPUT_FLAGS: '--json --out drift.json' });
    expect(drift.code, show(drift)).toBe(0);
    expect(fake.argv().slice(-3)).toEqual(['--json', '--out', 'drift.json']);
    expect(drift.outputs['plan-file']).toBe('');

    const apply = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, INPUT_COMMAND: 'apply', INPUT_PLAN_ARTIFACT: '', INPUT_FLAGS: '--json --auto-approve' });
    expect(apply.code, show(apply)).toBe(0);
    expect(fake.argv()).toEqual(['apply', 'pipelines', '--auto-approve', '--json', '--auto-approve']);
  });

  it('names in plan-file only a plan written by this run: a leftover is removed first and never named', () => {
    const fake = fakeAction();
    const cwd = tempDir('gitops-action-ws-');
    writeFileSync(join(cwd, 'airbyte-gitops.plan.json'), '{"leftover": true}\n');
    // The tool exits 0 without saving a plan.
    const run = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, FAKE_NO_OUT: '1' });
    expect(run.code, show(run)).toBe(0);
    expect(run.outputs).toEqual({ exitcode: '0', changes: 'false', 'plan-file': '' });
    expect(existsSync(join(cwd, 'airbyte-gitops.plan.json'))).toBe(false);

    const saved = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, FAKE_EXIT: '2' });
    expect(saved.outputs).toEqual({ exitcode: '2', changes: 'true', 'plan-file': 'airbyte-gitops.plan.json' });
    expect(readFileSync(join(cwd, 'airbyte-gitops.plan.json'), 'utf8')).toBe('{"fake": true}\n');
  });

  const PATTERN = 'plan-file must be a plain file path: upload-artifact reads * ? [ ] \\ and a leading ! # ~ as patterns';
  const OUTSIDE = "plan-file must be a relative path to a file inside the workspace, without '..'";
  it.each([
    ['*.json', `${PATTERN} (got '*.json')`],
    ['plan?.json', PATTERN],
    ['plans/[ab].json', PATTERN],
    ['!plan.json', PATTERN],
    ['#plan.json', PATTERN],
    ['~/plan.json', PATTERN],
    ['plans\\plan.json', PATTERN],
    [' plan.json', "plan-file must not begin or end with white space (got ' plan.json')"],
    ['/tmp/plan.json', `${OUTSIDE} (got '/tmp/plan.json')`],
    ['../plan.json', OUTSIDE],
    ['plans/../../plan.json', OUTSIDE],
    ['plans/', OUTSIDE],
  ])('refuses plan-file %j, which upload-artifact would not take as one file in the workspace', (planFile, message) => {
    refused({ INPUT_PLAN_FILE: planFile }, message);
    // apply reads the same input: it refuses it too.
    refused({ INPUT_COMMAND: 'apply', INPUT_PLAN_DIR: tempDir('gitops-action-artifact-'), INPUT_PLAN_FILE: planFile }, message);
  });

  it('takes a plan-file in a hidden folder, or with dots in its name', () => {
    const fake = fakeAction();
    const cwd = tempDir('gitops-action-ws-');
    for (const planFile of ['.airbyte/plan.json', 'plans/a..b.plan.json']) {
      const run = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, INPUT_PLAN_FILE: planFile });
      expect(run.code, show(run)).toBe(0);
      expect(run.outputs['plan-file']).toBe(planFile);
      expect(existsSync(join(cwd, planFile))).toBe(true);
    }
  });

  it('empty paths, or only white space, plan the default pipelines', () => {
    const fake = fakeAction();
    const cwd = tempDir('gitops-action-ws-');
    for (const paths of ['', ' \n\t ']) {
      const run = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, INPUT_PATHS: paths, INPUT_COMMAND: 'drift' });
      expect(run.code, show(run)).toBe(0);
      expect(fake.argv().slice(0, 3)).toEqual(['plan', 'pipelines', '--detailed-exitcode']);
    }
  });
});

describe('the action script prints annotations no input can break out of', () => {
  it('escapes %, CR and LF in an input quoted by an ::error::, so it stays one workflow command', () => {
    const fake = fakeAction();
    const run = runAction(tempDir('gitops-action-ws-'), {
      GITHUB_ACTION_PATH: fake.path,
      INPUT_COMMAND: 'plan\n::warning file=x::owned\r\n%0A',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("::error::airbyte-gitops action: command must be plan, apply or drift (got 'plan%0A::warning file=x::owned%0D%0A%250A')\n");

    const planFile = runAction(tempDir('gitops-action-ws-'), { GITHUB_ACTION_PATH: fake.path, INPUT_PLAN_FILE: '100%.json\r::error::x*' });
    expect(planFile.stderr.split('\n').filter((line) => line.startsWith('::'))).toEqual(['::error::airbyte-gitops action: plan-file must be one file name']);
    const glob = runAction(tempDir('gitops-action-ws-'), { GITHUB_ACTION_PATH: fake.path, INPUT_PLAN_FILE: '100%*.json' });
    expect(glob.stderr).toContain("(got '100%25*.json')");
  });
});

describe('the job summary of a plan past GitHub’s 1 MB', () => {
  const LIMIT = 1_000_000;
  const NOTE = '\n**The plan is cut here: the whole plan is in the job log.**\n';

  /** Markdown past the limit: `head`, then lines of 3-byte characters, padded so that byte LIMIT is inside a character. */
  function bigPlan(head: string[]): string {
    const line = '€'.repeat(999);
    for (let pad = 0; ; pad += 1) {
      const text = [`### Plan${' '.repeat(pad)}`, ...head, ...Array<string>(400).fill(line), ''].join('\n');
      const bytes = Buffer.from(text);
      if ((bytes[LIMIT]! & 0xc0) === 0x80 && (bytes[LIMIT - 4096]! & 0xc0) === 0x80) return text;
    }
  }

  it.each([
    ['inside <details> and <pre>', ['<details>', '<summary>connection <code>big</code></summary>', '', '<pre>'], '</pre>\n\n</details>\n'],
    ['inside a code fence', ['<details>', '<pre>', 'a', '</pre>', '</details>', '', '````mermaid'], '````\n'],
  ])('is cut at a line break before the limit, %s, which is closed before the note', (_, head, closing) => {
    const fake = fakeAction();
    const cwd = tempDir('gitops-action-ws-');
    const markdown = bigPlan(head);
    const file = join(tempDir('gitops-action-md-'), 'plan.md');
    writeFileSync(file, markdown);
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(LIMIT);

    const run = runAction(cwd, { GITHUB_ACTION_PATH: fake.path, FAKE_STDOUT_FILE: file });
    expect(run.code, run.stderr).toBe(0);
    // The whole plan is in the log.
    expect(run.stdout).toContain(markdown);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(LIMIT);
    expect(run.summary).not.toContain('\uFFFD');
    expect(run.summary.endsWith(`\n${closing}${NOTE}`)).toBe(true);
    // Before the closing lines: whole lines of the plan, from its start.
    const kept = run.summary.slice(0, run.summary.length - closing.length - NOTE.length);
    expect(kept.endsWith('€\n')).toBe(true);
    expect(markdown.startsWith(kept)).toBe(true);
    expect(kept.length).toBeGreaterThan(markdown.length / 2);
  });

  it('holds a plan within the limit whole', () => {
    const fake = fakeAction();
    const file = join(tempDir('gitops-action-md-'), 'plan.md');
    const markdown = `<details>\n<pre>\n${'é'.repeat(100)}\n</pre>\n</details>\n`;
    writeFileSync(file, markdown);
    const run = runAction(tempDir('gitops-action-ws-'), { GITHUB_ACTION_PATH: fake.path, FAKE_STDOUT_FILE: file });
    expect(run.summary).toBe(markdown);
  });
});
