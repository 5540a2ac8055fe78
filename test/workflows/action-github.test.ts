/**
 * The action end to end, as a runner runs it: action.yml's steps (install.sh, then run.sh with the inputs through
 * env:), the real CLI, an emulated Airbyte as the job's AIRBYTE_URL and the fake GitHub REST API. The plan of a
 * pull request is one comment, updated in place on the next push; the saved plan goes through the artifact to the
 * apply job, which applies exactly it; drift opens one issue and closes it when Airbyte matches again; a fork's
 * read-only token is a warning and the step's outcome stays the plan's. No secret reaches GitHub.
 */
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { DB_PASSWORD, pipelineYaml } from '../github/helpers.js';
import { startEnv } from '../operate/helpers.js';
import { tempDir } from '../temp.js';
import { ROOT } from './check.js';
import { runActionStep, startRun, type ActionRun, type WorkflowRun } from './runner.js';

const PR = 12;
const FIRST_SHA = '1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const SECOND_SHA = '2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const MARKER = '<!-- airbyte-gitops:plan:default -->';

/** A job's machine: a checkout with the pipeline, the runner's variables, Airbyte's URL and the pipeline's secret as the workflow's env gives them. */
async function setup() {
  const airbyte = await startEnv();
  const github = await startFakeGitHub();
  const workspace = tempDir('gitops-action-ws-');
  mkdirSync(join(workspace, 'pipelines'));
  const writePipeline = (units: number) => writeFileSync(join(workspace, 'pipelines/shop.yaml'), pipelineYaml({ units }));
  writePipeline(6);
  const runnerEnv = {
    PATH: process.env['PATH'] ?? '',
    NO_COLOR: '1',
    AIRBYTE_CONVERGE_WAIT_MS: '0',
    GITHUB_REPOSITORY: github.repository,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '777',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: FIRST_SHA,
  };
  // The workflow's env:, from repository secrets.
  const jobEnv = { AIRBYTE_URL: airbyte.emulator.url, SHOP_DB_PASS: DB_PASSWORD };
  const pullRequest = (sha: string) =>
    startRun({ eventName: 'pull_request', event: { action: 'synchronize', pull_request: { number: PR, head: { sha } } }, token: github.token, runnerEnv });
  const push = () => startRun({ eventName: 'push', event: { ref: 'refs/heads/main', after: FIRST_SHA }, token: github.token, runnerEnv });
  const schedule = () => startRun({ eventName: 'schedule', event: { schedule: '17 5 * * *' }, token: github.token, runnerEnv });
  const step = (run: WorkflowRun, given: Record<string, string>) => runActionStep(run, workspace, given, jobEnv);
  return { airbyte, github, workspace, writePipeline, pullRequest, push, schedule, step };
}

const show = (run: ActionRun) => `exit ${run.main.code}\n${run.main.stdout}\n${run.main.stderr}`;

/** Nothing secret in what GitHub received, in the job summary or in the log. */
function expectNoSecret(github: FakeGitHub, runs: WorkflowRun[]) {
  const texts = [...github.sentBodies(), ...runs.flatMap((run) => [run.summary(), ...run.log.flatMap((step) => [step.stdout, step.stderr])])];
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text).not.toContain(DB_PASSWORD);
    expect(text).not.toContain(github.token);
  }
}

describe('the action with the CLI, the emulator and the fake GitHub API', () => {
  it('a pull request gets one comment, updated in place on the next push; merge applies exactly the saved plan', async () => {
    const { github, pullRequest, push, step, writePipeline } = await setup();

    const first = pullRequest(FIRST_SHA);
    const plan = await step(first, {});
    expect(plan.ok, show(plan)).toBe(true);
    expect(plan.outputs).toEqual({ exitcode: '2', changes: 'true', 'plan-file': 'airbyte-gitops.plan.json' });
    expect(plan.main.stdout).toContain(
      'airbyte-gitops plan pipelines --detailed-exitcode --out airbyte-gitops.plan.json --github-comment --github-comment-key default\n',
    );
    expect(plan.main.stderr).toContain(`Posted the plan as a comment on pull request #${PR}.`);
    expect(github.comments).toHaveLength(1);
    const comment = github.comments[0]!;
    const firstBody = comment.body;
    expect(comment.issue_number).toBe(PR);
    const lines = comment.body.split('\n');
    expect(lines.slice(0, 2)).toEqual([MARKER, '## 📝 Airbyte plan: 3 to create, 0 to update, 0 to delete']);
    expect(comment.body).toContain('Pull request head <code>1111111</code>');
    expect(comment.body).toContain('<a href="https://github.com/acme/pipelines/actions/runs/777">job log</a>');
    expect(comment.body).toContain('pg-to-files');
    // The job summary: the same plan, without the marker.
    expect(first.summary()).toContain('## 📝 Airbyte plan: 3 to create, 0 to update, 0 to delete');
    expect(first.summary()).not.toContain(MARKER);
    // The saved plan went to the artifact.
    expect([...first.artifacts.keys()]).toEqual(['airbyte-gitops-plan']);

    // The next push to the pull request: the same comment, updated.
    writePipeline(12);
    const second = pullRequest(SECOND_SHA);
    const again = await step(second, {});
    expect(again.ok, show(again)).toBe(true);
    expect(again.main.stderr).toContain(`Updated the plan comment on pull request #${PR}.`);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.id).toBe(comment.id);
    expect(github.comments[0]!.body).toContain('Pull request head <code>2222222</code>');
    expect(firstBody).toContain('schedule: {&#34;units&#34;:6,');
    expect(github.comments[0]!.body).toContain('schedule: {&#34;units&#34;:12,');
    expect(github.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(github.requests.filter((request) => request.method === 'PATCH').map((request) => request.url)).toEqual([
      `/repos/acme/pipelines/issues/comments/${comment.id}`,
    ]);

    // The merge: the plan job saves and uploads the plan (no comment: not a pull request), the apply job applies that file.
    const merge = push();
    const saved = await step(merge, { command: 'plan' });
    expect(saved.ok, show(saved)).toBe(true);
    expect(saved.outputs).toEqual({ exitcode: '2', changes: 'true', 'plan-file': 'airbyte-gitops.plan.json' });
    expect(saved.main.stdout).toContain('--markdown');
    expect(merge.summary()).toContain('**Plan: 3 to create, 0 to update, 0 to delete.**');
    const applied = await step(merge, { command: 'apply', flags: '--check' });
    expect(applied.ok, show(applied)).toBe(true);
    expect(applied.outputs['exitcode']).toBe('0');
    expect(applied.outputs['plan-file']).toMatch(/airbyte-gitops-plan\/airbyte-gitops\.plan\.json$/);
    expect(applied.main.stdout).toMatch(/airbyte-gitops apply \S+\/airbyte-gitops-plan\/airbyte-gitops\.plan\.json --auto-approve --check\n/);

    // After the merge the pull request's plan is clean: the same comment says so.
    const third = pullRequest(SECOND_SHA);
    const clean = await step(third, {});
    expect(clean.outputs).toEqual({ exitcode: '0', changes: 'false', 'plan-file': 'airbyte-gitops.plan.json' });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body.split('\n').slice(0, 2)).toEqual([MARKER, '## ✅ Airbyte plan: no changes']);
    // The apply of the same saved plan again: Airbyte changed since it was made.
    const stale = await step(merge, { command: 'apply' });
    expect(stale.ok).toBe(false);
    // plan-file names a plan applied: none was.
    expect(stale.outputs).toEqual({ exitcode: '1', changes: '', 'plan-file': '' });
    expect(stale.main.stderr).toContain('saved plan is stale');

    expectNoSecret(github, [first, second, merge, third]);
  }, 120_000);

  it('drift opens one issue, updates it while the drift lasts, and closes it when Airbyte matches again', async () => {
    const { github, schedule, step, push } = await setup();

    const night = schedule();
    const drift = await step(night, { command: 'drift', paths: 'pipelines' });
    expect(drift.ok, show(drift)).toBe(true);
    expect(drift.outputs).toEqual({ exitcode: '2', changes: 'true', 'plan-file': '' });
    expect(github.issues).toHaveLength(1);
    const issue = github.issues[0]!;
    expect([issue.title, issue.state, issue.labels]).toEqual(['Airbyte drifted from Git', 'open', ['airbyte-gitops-drift']]);
    expect(issue.body.split('\n')[0]).toBe('<!-- airbyte-gitops:drift:default -->');
    expect(issue.body).toContain('3 to create');
    expect(night.summary()).toContain('3 to create');
    // No artifact: drift saves no plan.
    expect(night.artifacts.size).toBe(0);

    const nextNight = schedule();
    const still = await step(nextNight, { command: 'drift' });
    expect(still.outputs['changes']).toBe('true');
    expect(github.issues).toHaveLength(1);
    expect(github.requests.filter((request) => request.method === 'POST' && request.url.endsWith('/issues'))).toHaveLength(1);

    const merge = push();
    expect((await step(merge, { command: 'plan' })).ok).toBe(true);
    expect((await step(merge, { command: 'apply' })).ok).toBe(true);

    const fixed = schedule();
    const clean = await step(fixed, { command: 'drift' });
    expect(clean.ok, show(clean)).toBe(true);
    expect(clean.outputs).toEqual({ exitcode: '0', changes: 'false', 'plan-file': '' });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]!.state).toBe('closed');
    const closing = github.requests.filter((request) => request.method === 'POST' && request.url.endsWith(`/issues/${issue.number}/comments`));
    expect(closing).toHaveLength(1);
    expect(closing[0]!.body).toContain('Airbyte matches Git again');

    expectNoSecret(github, [night, nextNight, merge, fixed]);
  }, 120_000);

  it('a pull request whose pipeline is broken: the comment says the plan failed and why, the step fails, nothing is uploaded', async () => {
    const { github, workspace, pullRequest, step } = await setup();
    expect((await step(pullRequest(FIRST_SHA), {})).ok).toBe(true);
    const id = github.comments[0]!.id;
    const shop = join(workspace, 'pipelines/shop.yaml');
    writeFileSync(shop, readFileSync(shop, 'utf8').replace('source: pg', 'source: no-such-source'));
    const broken = pullRequest(SECOND_SHA);
    const plan = await step(broken, {});
    expect(plan.ok).toBe(false);
    expect(plan.main.code).toBe(1);
    expect(plan.outputs).toEqual({ exitcode: '1', changes: '', 'plan-file': '' });
    expect(broken.log.find((ran) => ran.step === 'Upload the saved plan')?.skipped).toBe(true);
    expect(broken.artifacts.size).toBe(0);
    expect(github.comments.map((comment) => comment.id)).toEqual([id]);
    const body = github.comments[0]!.body;
    expect(body.split('\n').slice(0, 2)).toEqual([MARKER, '## ❌ Airbyte plan failed']);
    expect(body).toContain('Pull request head <code>2222222</code>');
    expect(body).toContain("refers to unknown source 'no-such-source'");
    expect(body).not.toContain('3 to create');
    expect(broken.summary()).toContain('## ❌ Airbyte plan failed');
    expectNoSecret(github, [broken]);
  }, 60_000);

  it('several uses in one job: one comment per comment-key; on merge each apply job applies its own saved plan', async () => {
    const { github, workspace, pullRequest, push, step } = await setup();
    mkdirSync(join(workspace, 'pipelines/production'));
    copyFileSync(join(ROOT, 'examples/pipelines/sample-data.yaml'), join(workspace, 'pipelines/production/sample-data.yaml'));
    mkdirSync(join(workspace, 'pipelines/staging'));
    renameSync(join(workspace, 'pipelines/shop.yaml'), join(workspace, 'pipelines/staging/shop.yaml'));
    const uses = (name: string) => ({ paths: `pipelines/${name}`, 'comment-key': name, 'plan-file': `${name}.plan.json`, 'plan-artifact': `plan-${name}` });

    const pr = pullRequest(FIRST_SHA);
    for (const name of ['staging', 'production']) expect((await step(pr, uses(name))).ok).toBe(true);
    expect(github.comments.map((comment) => comment.body.split('\n').slice(0, 2))).toEqual([
      ['<!-- airbyte-gitops:plan:staging -->', '## 📝 Airbyte plan: 3 to create, 0 to update, 0 to delete (staging)'],
      ['<!-- airbyte-gitops:plan:production -->', '## 📝 Airbyte plan: 3 to create, 0 to update, 0 to delete (production)'],
    ]);
    expect(github.comments[0]!.body).toContain('pg-to-files');
    expect(github.comments[1]!.body).not.toContain('pg-to-files');
    // The next push: each comment updated in place.
    const next = pullRequest(SECOND_SHA);
    for (const name of ['staging', 'production']) expect((await step(next, uses(name))).ok).toBe(true);
    expect(github.comments).toHaveLength(2);
    expect(github.comments.every((comment) => comment.body.includes('Pull request head <code>2222222</code>'))).toBe(true);

    const merge = push();
    for (const name of ['staging', 'production']) expect((await step(merge, uses(name))).outputs['changes']).toBe('true');
    expect([...merge.artifacts.keys()]).toEqual(['plan-staging', 'plan-production']);
    for (const name of ['staging', 'production']) {
      const applied = await step(merge, { ...uses(name), command: 'apply' });
      expect(applied.ok, show(applied)).toBe(true);
      expect(applied.outputs['plan-file']).toMatch(new RegExp(`/${name}\\.plan\\.json$`));
    }
    const after = pullRequest(SECOND_SHA);
    for (const name of ['staging', 'production']) expect((await step(after, uses(name))).outputs['changes']).toBe('false');
    expect(github.comments.map((comment) => comment.body.split('\n')[1])).toEqual([
      '## ✅ Airbyte plan: no changes (staging)',
      '## ✅ Airbyte plan: no changes (production)',
    ]);
  }, 120_000);

  it('a fork’s read-only token: a warning, no comment, the plan in the summary; the step’s outcome stays the plan’s', async () => {
    const { github, pullRequest, step } = await setup();
    github.setReadOnly(true);
    const fork = pullRequest(FIRST_SHA);
    const plan = await step(fork, {});
    expect(plan.ok, show(plan)).toBe(true);
    expect(plan.outputs).toEqual({ exitcode: '2', changes: 'true', 'plan-file': 'airbyte-gitops.plan.json' });
    expect(plan.main.stderr).toMatch(/::warning::GitHub: the plan comment was not posted: GitHub refused the token \(403/);
    expect(plan.main.stderr).toContain('A pull request from a fork gets a read-only GITHUB_TOKEN');
    expect(github.comments).toHaveLength(0);
    expect(fork.summary()).toContain('## 📝 Airbyte plan: 3 to create, 0 to update, 0 to delete');
    expect([...fork.artifacts.keys()]).toEqual(['airbyte-gitops-plan']);
    expectNoSecret(github, [fork]);
  }, 60_000);
});
