/**
 * `plan --github-drift-issue` as a scheduled drift check runs it, against the emulator and the fake GitHub API:
 * drift opens one labelled issue, more drift updates that issue in place, no drift closes it with a comment, and a
 * failed plan leaves it alone with a warning. The open issue is found by label, never by scanning every issue.
 */
import { describe, expect, it } from 'vitest';
import { DB_PASSWORD, pipelineYaml, startJob } from './helpers.js';

const SCHEDULE = { event: { schedule: '0 3 * * *' }, eventName: 'schedule' };
const MARKER = '<!-- airbyte-gitops:drift:default -->';

describe('plan --github-drift-issue', () => {
  it('opens one issue on drift, updates it while the drift lasts, closes it when clean', async () => {
    const job = await startJob(SCHEDULE);
    expect((await job.apply()).code).toBe(0);
    // Someone unrelated has an open issue with another label, and a pull request carries the drift label.
    job.github.addIssue({ title: 'Unrelated', labels: ['bug'] });
    job.github.addIssue({ title: 'A pull request', labels: ['airbyte-gitops-drift'], body: MARKER, pull_request: true });

    const clean = await job.plan('--github-drift-issue', '--detailed-exitcode');
    expect(clean.code).toBe(0);
    expect(clean.stderr).toContain('No drift: no drift issue is open.');
    expect(job.github.issues).toHaveLength(2);

    // Drift: the pipeline in Git now says 12 hours (as if the UI had changed Airbyte's copy).
    job.writePipeline(pipelineYaml({ units: 12 }));
    const drifted = await job.plan('--github-drift-issue', '--detailed-exitcode');
    expect(drifted.code).toBe(2);
    const issue = job.github.issues[2]!;
    expect(drifted.stderr).toContain(`Airbyte drifted from Git: opened drift issue #${issue.number}.`);
    expect(issue).toMatchObject({ title: 'Airbyte drifted from Git', state: 'open', labels: ['airbyte-gitops-drift'] });
    expect(issue.body.split('\n')[0]).toBe(MARKER);
    expect(issue.body).toContain('Commit <code>fedcba9</code>');
    expect(issue.body).toContain('Plan: 0 to create, 1 to update, 0 to delete.');
    expect(issue.body).toContain('&#126; schedule.units: 6 → 12');

    job.writePipeline(pipelineYaml({ units: 24 }));
    const again = await job.plan('--github-drift-issue');
    expect(again.stderr).toContain(`Airbyte drifted from Git: updated drift issue #${issue.number}.`);
    expect(job.github.issues).toHaveLength(3);
    expect(issue.body).toContain('&#126; schedule.units: 6 → 24');

    job.writePipeline(pipelineYaml());
    const back = await job.plan('--github-drift-issue', '--detailed-exitcode');
    expect(back.code).toBe(0);
    expect(back.stderr).toContain(`No drift: closed drift issue #${issue.number}.`);
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    const closing = job.github.comments.filter((comment) => comment.issue_number === issue.number);
    expect(closing.map((comment) => comment.body)).toEqual([
      '✅ Airbyte matches Git again at commit <code>fedcba9</code> ([drift check](https://github.com/acme/pipelines/actions/runs/4242)): closing.\n',
    ]);
    // Every issue list asked for open issues with the drift label only (the other GETs ask whose the token is).
    const lists = job.github.requests
      .filter((request) => request.method === 'GET' && !request.url.startsWith('/user'))
      .map((request) => new URL(request.url, 'http://x').searchParams);
    expect(lists).toHaveLength(4);
    expect(lists.map((query) => [query.get('state'), query.get('labels')])).toEqual(Array(lists.length).fill(['open', 'airbyte-gitops-drift']));
    expect(job.github.sentBodies().join('\n')).not.toContain(DB_PASSWORD);
  });

  it('secrets equal to words of the marker leave it whole: the next check updates the same issue, then closes it', async () => {
    const job = await startJob(SCHEDULE);
    // A pipeline secret `default` (the key) and an environment secret `airbyte-gitops`: both are in the marker.
    Object.assign(job.env, { SHOP_DB_PASS: 'default', NIGHTLY_TOKEN: 'airbyte-gitops' });
    expect((await job.apply()).code).toBe(0);
    job.writePipeline(pipelineYaml({ units: 12 }));
    expect((await job.plan('--github-drift-issue')).code).toBe(0);
    const issue = job.github.issues[0]!;
    expect(issue.body.split('\n')[0]).toBe(MARKER);
    expect(issue.body.slice(MARKER.length)).not.toMatch(/default|airbyte-gitops/);

    job.writePipeline(pipelineYaml({ units: 24 }));
    const again = await job.plan('--github-drift-issue');
    expect(again.stderr).toContain(`Airbyte drifted from Git: updated drift issue #${issue.number}.`);
    expect(job.github.issues).toHaveLength(1);
    expect(issue.body).toContain('&#126; schedule.units: 6 → 24');

    job.writePipeline(pipelineYaml());
    const back = await job.plan('--github-drift-issue');
    expect(back.stderr).toContain(`No drift: closed drift issue #${issue.number}.`);
    expect(issue.state).toBe('closed');
  });

  it('a failed plan leaves the drift issue as it is, with a warning', async () => {
    const job = await startJob(SCHEDULE);
    const open = job.github.addIssue({ title: 'Airbyte drifted from Git', labels: ['airbyte-gitops-drift'], body: `${MARKER}\nold` });
    job.writePipeline('sources: [');
    const result = await job.plan('--github-drift-issue', '--detailed-exitcode');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'warning: GitHub: the plan failed, so the drift check cannot tell whether Airbyte drifted: the drift issue is left as it is',
    );
    expect(open).toMatchObject({ state: 'open', body: `${MARKER}\nold` });
    expect(job.github.requests).toHaveLength(0);
  });

  it('keys tell drift checks apart; an issue of another key or without the marker is not touched', async () => {
    const job = await startJob(SCHEDULE);
    const other = job.github.addIssue({
      title: 'Airbyte drifted from Git (staging)',
      labels: ['airbyte-gitops-drift'],
      body: '<!-- airbyte-gitops:drift:staging -->\n',
    });
    const lookalike = job.github.addIssue({ title: 'Airbyte drifted from Git', labels: ['airbyte-gitops-drift'], body: `see ${MARKER}` });
    const result = await job.plan('--github-drift-issue', '--github-comment-key', 'production');
    expect(result.code).toBe(0);
    const created = job.github.issues[2]!;
    expect(created.title).toBe('Airbyte drifted from Git (production)');
    expect(created.body.split('\n')[0]).toBe('<!-- airbyte-gitops:drift:production -->');
    expect([other.body, lookalike.body]).toEqual(['<!-- airbyte-gitops:drift:staging -->\n', `see ${MARKER}`]);
  });

  it('a 403 on the issue is a warning naming issues: write; the exit status stays the plan’s', async () => {
    const job = await startJob(SCHEDULE);
    job.github.setReadOnly(true);
    const result = await job.plan('--github-drift-issue', '--detailed-exitcode');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('warning: GitHub: the drift issue was not updated: GitHub refused the token (403');
    expect(result.stderr).toContain('permissions: issues: write');
  });

  it('an issue opened without the label (a token that may not set labels) is a warning', async () => {
    const job = await startJob(SCHEDULE);
    job.github.override((request) =>
      request.method === 'POST' && request.url.endsWith('/issues')
        ? { status: 201, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ number: 5, labels: [] }) }
        : undefined,
    );
    const result = await job.plan('--github-drift-issue');
    expect(result.stderr).toContain("warning: GitHub: drift issue #5 was opened without the 'airbyte-gitops-drift' label");
  });
});
