/**
 * Only the token's own account's comment or issue is the tool's: on a public repository anyone can post a comment
 * whose first line is the marker (and anyone with triage rights can label an issue), and a token that may write can
 * edit anyone's comment. Such a comment or issue is never edited nor closed; the tool posts its own beside it. The
 * account is asked of GitHub once per run; when GitHub does not say, nothing is posted (one warning).
 */
import { describe, expect, it } from 'vitest';
import { BOT, type FakeUser, type Override } from './fake-github.js';
import { PR_NUMBER, pipelineYaml, startJob, type Job } from './helpers.js';

const MARKER = '<!-- airbyte-gitops:plan:default -->';
const DRIFT_MARKER = '<!-- airbyte-gitops:drift:default -->';
const MALLORY: FakeUser = { login: 'mallory', type: 'User' };
const FAKE_PLAN = `${MARKER}\n## ✅ Airbyte plan: no changes\n`;
const SCHEDULE = { event: { schedule: '0 3 * * *' }, eventName: 'schedule' };

const userCalls = (job: Job) => job.github.requests.filter((request) => request.method === 'GET' && request.url === '/user').length;
const writes = (job: Job) => job.github.requests.filter((request) => request.method === 'POST' || request.method === 'PATCH');
const githubWarnings = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('warning: GitHub:'));

/** A personal access token of `login`, used by the job from now on. */
function usePersonalToken(job: Job, login: string): void {
  const token = 'ghp_personalToken0123456789abcdef';
  job.github.addToken(token, { user: { login, type: 'User' }, installation: false });
  job.env['GITHUB_TOKEN'] = token;
}

describe('the plan comment is the token’s own', () => {
  it('GITHUB_TOKEN: a stranger’s earlier comment with the marker is left alone; the plan posts and updates its own', async () => {
    const job = await startJob();
    const planted = job.github.addComment(PR_NUMBER, FAKE_PLAN, MALLORY);

    const first = await job.plan('--github-comment', '--detailed-exitcode');
    expect(first.code).toBe(2);
    expect(first.stderr).toContain(
      `Left alone comment ${planted.id} on pull request #${PR_NUMBER} by @mallory: it carries this tool's marker but was not written by this token's account.`,
    );
    expect(first.stderr).toContain(`Posted the plan as a comment on pull request #${PR_NUMBER}.`);
    expect(githubWarnings(first.stderr)).toEqual([]);
    expect(job.github.comments).toHaveLength(2);
    const ours = job.github.comments[1]!;
    expect(ours.user).toBe(BOT);
    expect(ours.body.split('\n', 2)).toEqual([MARKER, '## 📝 Airbyte plan: 3 to create, 0 to update, 0 to delete']);

    job.writePipeline(pipelineYaml({ units: 12 }));
    const second = await job.plan('--github-comment');
    expect(second.stderr).toContain(`Updated the plan comment on pull request #${PR_NUMBER}.`);
    expect(job.github.comments).toHaveLength(2);
    expect(writes(job).map((request) => `${request.method} ${request.url}`)).toEqual([
      `POST /repos/acme/pipelines/issues/${PR_NUMBER}/comments`,
      `PATCH /repos/acme/pipelines/issues/comments/${ours.id}`,
    ]);
    expect(planted).toMatchObject({ body: FAKE_PLAN, user: MALLORY });
    // One question per run about the token's account.
    expect(userCalls(job)).toBe(2);
  });

  it('a personal access token: only its login’s comment is its own, not a bot’s nor a stranger’s', async () => {
    const job = await startJob();
    const byActions = job.github.addComment(PR_NUMBER, `${MARKER}\nposted by another workflow`, BOT);
    const byMallory = job.github.addComment(PR_NUMBER, FAKE_PLAN, MALLORY);
    usePersonalToken(job, 'Ada-Ops');

    const first = await job.plan('--github-comment');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`Left alone comment ${byActions.id} on pull request #${PR_NUMBER} by @github-actions[bot] (and 1 more)`);
    expect(job.github.comments).toHaveLength(3);
    const ours = job.github.comments[2]!;
    expect(ours.user).toEqual({ login: 'Ada-Ops', type: 'User' });

    await job.plan('--github-comment');
    expect(job.github.comments).toHaveLength(3);
    expect(writes(job).map((request) => request.url)).toEqual([
      `/repos/acme/pipelines/issues/${PR_NUMBER}/comments`,
      `/repos/acme/pipelines/issues/comments/${ours.id}`,
    ]);
    expect([byActions.body, byMallory.body]).toEqual([`${MARKER}\nposted by another workflow`, FAKE_PLAN]);
  });

  it('a GitHub App’s installation token: its bot’s comment is found and updated (GitHub cannot say which app it is)', async () => {
    const job = await startJob();
    const app: FakeUser = { login: 'acme-deployer[bot]', type: 'Bot' };
    job.github.addToken('ghs_appInstallationToken0123456789', { user: app, installation: true });
    job.env['GITHUB_TOKEN'] = 'ghs_appInstallationToken0123456789';
    job.github.addComment(PR_NUMBER, FAKE_PLAN, MALLORY);
    await job.plan('--github-comment');
    await job.plan('--github-comment');
    const mine = job.github.comments.filter((comment) => comment.user === app);
    expect(mine).toHaveLength(1);
    expect(writes(job).map((request) => request.method)).toEqual(['POST', 'PATCH']);
  });

  const failures: [string, Override, RegExp][] = [
    ['a 5xx', () => ({ status: 502, body: '{"message":"Bad Gateway"}' }), /\(GET \/user: GitHub answered 502: Bad Gateway\)/],
    ['a dropped connection', () => 'reset', /\(GET \/user: cannot reach GitHub( \([A-Z_]+\))?\)/],
    ['an answer without a login', () => ({ status: 200, body: '{}' }), /\(GET \/user: GitHub answered 200 without a login\)/],
  ];

  it.each(failures)('GitHub not saying whose the token is (%s): one warning, nothing posted, the exit status kept', async (_, answer, reason) => {
    const job = await startJob();
    const planted = job.github.addComment(PR_NUMBER, FAKE_PLAN, MALLORY);
    job.github.override((request) => (request.url === '/user' ? answer(request) : undefined));
    const result = await job.plan('--github-comment', '--detailed-exitcode');
    expect(result.code).toBe(2);
    const warnings = githubWarnings(result.stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: GitHub: the plan comment was not posted: GitHub did not say which account GITHUB_TOKEN belongs to /);
    expect(warnings[0]).toMatch(reason);
    expect(warnings[0]).toContain("nothing is posted, so that no one else's comment or issue is taken for this tool's");
    expect(job.github.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /user']);
    expect(planted.body).toBe(FAKE_PLAN);
    expect(job.summaryText()).toContain('3 to create');
  });

  it('both flags ask whose the token is once', async () => {
    const job = await startJob();
    await job.plan('--github-comment', '--github-drift-issue');
    expect(userCalls(job)).toBe(1);
    expect(job.github.comments).toHaveLength(1);
    expect(job.github.issues).toHaveLength(1);
  });

  it('both flags, GitHub not saying: one call, no write, a warning for each', async () => {
    const job = await startJob();
    job.github.override((request) => (request.url === '/user' ? { status: 500, body: '{"message":"oops"}' } : undefined));
    const result = await job.plan('--github-comment', '--github-drift-issue', '--detailed-exitcode');
    expect(result.code).toBe(2);
    expect(job.github.requests).toHaveLength(1);
    expect(githubWarnings(result.stderr).map((line) => line.split(': GitHub did not say')[0])).toEqual([
      'warning: GitHub: the plan comment was not posted',
      'warning: GitHub: the drift issue was not updated',
    ]);
  });
});

describe('the drift issue is the token’s own', () => {
  it('a stranger’s labelled issue with the marker is never updated nor closed; the check opens, updates and closes its own', async () => {
    const job = await startJob(SCHEDULE);
    expect((await job.apply()).code).toBe(0);
    const planted = job.github.addIssue({
      title: 'Airbyte drifted from Git',
      labels: ['airbyte-gitops-drift'],
      body: `${DRIFT_MARKER}\nnothing to see`,
      user: MALLORY,
    });

    job.writePipeline(pipelineYaml({ units: 12 }));
    const drifted = await job.plan('--github-drift-issue');
    expect(drifted.stderr).toContain(`Left alone issue #${planted.number} by @mallory: it carries this tool's marker`);
    const ours = job.github.issues[1]!;
    expect(drifted.stderr).toContain(`Airbyte drifted from Git: opened drift issue #${ours.number}.`);
    expect(ours).toMatchObject({ user: BOT, state: 'open', labels: ['airbyte-gitops-drift'] });

    job.writePipeline(pipelineYaml({ units: 24 }));
    expect((await job.plan('--github-drift-issue')).stderr).toContain(`updated drift issue #${ours.number}.`);
    expect(ours.body).toContain('schedule.units: 6 → 24');

    job.writePipeline(pipelineYaml());
    expect((await job.plan('--github-drift-issue')).stderr).toContain(`No drift: closed drift issue #${ours.number}.`);
    expect(ours.state).toBe('closed');
    expect(planted).toMatchObject({ state: 'open', title: 'Airbyte drifted from Git', body: `${DRIFT_MARKER}\nnothing to see` });
    expect(job.github.comments.filter((comment) => comment.issue_number === planted.number)).toEqual([]);
    expect(writes(job).some((request) => request.url.includes(`/issues/${planted.number}`))).toBe(false);
  });

  it('a clean check with only a stranger’s marked issue open closes nothing', async () => {
    const job = await startJob(SCHEDULE);
    expect((await job.apply()).code).toBe(0);
    const planted = job.github.addIssue({ title: 'x', labels: ['airbyte-gitops-drift'], body: DRIFT_MARKER, user: MALLORY });
    const result = await job.plan('--github-drift-issue');
    expect(result.stderr).toContain('No drift: no drift issue is open.');
    expect(planted.state).toBe('open');
    expect(writes(job)).toEqual([]);
  });

  it('GitHub not saying whose the token is: one warning, the issues untouched', async () => {
    const job = await startJob(SCHEDULE);
    job.github.override((request) => (request.url === '/user' ? 'reset' : undefined));
    const result = await job.plan('--github-drift-issue', '--detailed-exitcode');
    expect(result.code).toBe(2);
    const warnings = githubWarnings(result.stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: GitHub: the drift issue was not updated: GitHub did not say which account GITHUB_TOKEN belongs to/);
    expect(job.github.requests).toHaveLength(1);
  });
});
