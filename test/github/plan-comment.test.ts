/**
 * `plan --github-comment` against the emulator and the fake GitHub API, as a pull-request job runs it: one sticky
 * comment, created once and updated in place, that says at a glance whether anything changes, shows a failed plan,
 * stays under GitHub's limit, and never carries a secret; GitHub's failures are a warning and never the exit status.
 */
import { describe, expect, it } from 'vitest';
import { DB_PASSWORD, HEAD_SHA, PR_NUMBER, pipelineYaml, startJob } from './helpers.js';
import { BOT } from './fake-github.js';

const MARKER = '<!-- airbyte-gitops:plan:default -->';

describe('plan --github-comment', () => {
  it('posts one comment, then updates that same comment on the next run (no duplicate)', async () => {
    const job = await startJob();
    job.github.addComment(PR_NUMBER, 'Looks good to me');
    const first = await job.plan('--github-comment', '--detailed-exitcode');
    expect(first.stderr).toContain(`Posted the plan as a comment on pull request #${PR_NUMBER}.`);
    expect(first.code).toBe(2);
    expect(job.github.comments).toHaveLength(2);
    const comment = job.github.comments[1]!;
    expect(comment.body.split('\n')[0]).toBe(MARKER);
    expect(comment.body).toContain('## 📝 Airbyte plan: 3 to create, 0 to update, 0 to delete');
    // The pull request's head, named as such: the job planned GitHub's merge commit (GITHUB_SHA), not the head.
    expect(comment.body).toContain(`Pull request head <code>${HEAD_SHA.slice(0, 7)}</code>`);
    expect(comment.body).not.toContain(job.env['GITHUB_SHA']!.slice(0, 7));
    expect(comment.body).toContain('<a href="https://github.com/acme/pipelines/actions/runs/4242">job log</a>');
    expect(comment.body).toContain('pg-to-files');

    job.writePipeline(pipelineYaml({ units: 12 }));
    const second = await job.plan('--github-comment');
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`Updated the plan comment on pull request #${PR_NUMBER}.`);
    expect(job.github.comments).toHaveLength(2);
    expect(job.github.comments[1]!.id).toBe(comment.id);
    expect(job.github.comments[0]!.body).toBe('Looks good to me');
    const posts = job.github.requests.filter((request) => request.method === 'POST');
    const patches = job.github.requests.filter((request) => request.method === 'PATCH');
    expect([posts.length, patches.length]).toEqual([1, 1]);
    expect(patches[0]!.url).toBe(`/repos/acme/pipelines/issues/comments/${comment.id}`);
    // Every call carried the token as a Bearer header.
    expect(job.github.requests.every((request) => request.authorization === `Bearer ${job.github.token}`)).toBe(true);
  });

  it('a clean plan says "no changes" in the heading', async () => {
    const job = await startJob();
    expect((await job.apply()).code).toBe(0);
    const result = await job.plan('--github-comment', '--detailed-exitcode');
    expect(result.code).toBe(0);
    const body = job.github.comments[0]!.body;
    expect(body.split('\n').slice(0, 2)).toEqual([MARKER, '## ✅ Airbyte plan: no changes']);
    expect(body).toContain('No changes. Airbyte matches the pipeline.');
  });

  it('a failed plan updates the comment with the error the CLI prints, and keeps exit status 1', async () => {
    const job = await startJob();
    await job.plan('--github-comment');
    const id = job.github.comments[0]!.id;
    job.writePipeline(pipelineYaml().replace('source: pg', 'source: no-such-source'));
    const failed = await job.plan('--github-comment', '--detailed-exitcode');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("refers to unknown source 'no-such-source'");
    expect(job.github.comments).toHaveLength(1);
    const body = job.github.comments[0]!.body;
    expect(job.github.comments[0]!.id).toBe(id);
    expect(body.split('\n').slice(0, 2)).toEqual([MARKER, '## ❌ Airbyte plan failed']);
    expect(body).toContain("refers to unknown source 'no-such-source'");
    expect(body).toMatch(/\nerror: /);
    expect(body).not.toContain('3 to create');
    expect(body).not.toMatch(/\n\s+at /); // no stack trace
    expect(job.summaryText()).toContain('❌ Airbyte plan failed');
  });

  it('an API failure of the plan is shown too (Airbyte unreachable)', async () => {
    const job = await startJob();
    await job.airbyte.emulator.stop();
    const failed = await job.plan('--github-comment');
    expect(failed.code).toBe(1);
    expect(job.github.comments).toHaveLength(1);
    expect(job.github.comments[0]!.body).toContain('## ❌ Airbyte plan failed');
    expect(job.github.comments[0]!.body).toMatch(/\nerror: .*(reach|refused|connect)/i);
  });

  it('a 403 (a fork’s read-only token) is one clear warning; the exit status stays the plan’s', async () => {
    const job = await startJob();
    job.github.setReadOnly(true);
    const result = await job.plan('--github-comment', '--detailed-exitcode');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('3 to create');
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: GitHub:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('403');
    expect(warnings[0]).toContain('A pull request from a fork gets a read-only GITHUB_TOKEN');
    expect(warnings[0]).toContain('the plan is in the job summary and the log');
    expect(warnings[0]).toContain('permissions: pull-requests: write');
    expect(result.stderr).toContain('::warning::GitHub: the plan comment was not posted: GitHub refused the token (403');
    expect(job.github.comments).toHaveLength(0);
    expect(job.summaryText()).toContain('3 to create');
  });

  it('outside a pull request the comment is skipped with a warning; the job summary is still written', async () => {
    const job = await startJob({ event: { ref: 'refs/heads/main', head_commit: { id: HEAD_SHA } }, eventName: 'push' });
    const result = await job.plan('--github-comment');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning: GitHub: the plan comment was not posted: this run is not for a pull request (GITHUB_EVENT_NAME=push): there is no pull request to comment on',
    );
    expect(job.github.requests).toHaveLength(0);
    expect(job.summaryText()).toContain('## 📝 Airbyte plan: 3 to create');
    expect(job.summaryText()).not.toContain('<!-- airbyte-gitops');
  });

  it.each([
    [['GITHUB_TOKEN'], 'GITHUB_TOKEN is not set'],
    [['GITHUB_TOKEN', 'GITHUB_REPOSITORY'], 'GITHUB_TOKEN and GITHUB_REPOSITORY are not set'],
    [['GITHUB_EVENT_PATH'], 'GITHUB_EVENT_PATH is not set'],
  ])('without %j the warning names it', async (missing, warning) => {
    const job = await startJob();
    for (const name of missing) delete job.env[name];
    const result = await job.plan('--github-comment', '--detailed-exitcode');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(warning);
    expect(job.github.requests).toHaveLength(0);
  });

  it('a bad --github-comment-key is a usage error before anything runs', async () => {
    const job = await startJob();
    const result = await job.plan('--github-comment', '--github-comment-key', 'x -->');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--github-comment-key must be 1 to 64 letters, digits, '.', '_' or '-'");
    expect(job.github.requests).toHaveLength(0);
  });

  it('keys tell apart two plans on one pull request', async () => {
    const job = await startJob();
    await job.plan('--github-comment', '--github-comment-key', 'staging');
    await job.plan('--github-comment', '--github-comment-key', 'production');
    await job.plan('--github-comment', '--github-comment-key', 'staging');
    expect(job.github.comments.map((comment) => comment.body.split('\n', 2))).toEqual([
      ['<!-- airbyte-gitops:plan:staging -->', '## 📝 Airbyte plan: 3 to create, 0 to update, 0 to delete (staging)'],
      ['<!-- airbyte-gitops:plan:production -->', '## 📝 Airbyte plan: 3 to create, 0 to update, 0 to delete (production)'],
    ]);
  });

  it('finds its comment past the first page of a long discussion; a quoted marker in someone’s comment is not it', async () => {
    const job = await startJob();
    job.github.addComment(PR_NUMBER, `> ${MARKER}\n> quoted`);
    for (let i = 0; i < 150; i += 1) job.github.addComment(PR_NUMBER, `comment ${i}`);
    await job.plan('--github-comment');
    for (let i = 0; i < 120; i += 1) job.github.addComment(PR_NUMBER, `later ${i}`);
    await job.plan('--github-comment');
    const ours = job.github.comments.filter((comment) => comment.user === BOT);
    expect(ours).toHaveLength(1);
    // Each run asks whose the token is, then reads the comments up to its own.
    const gets = job.github.requests.filter((request) => request.method === 'GET').map((request) => new URL(request.url, 'http://x'));
    expect(gets.map((url) => (url.pathname === '/user' ? 'user' : url.searchParams.get('page')))).toEqual(['user', null, '2', 'user', null, '2']);
  });

  it('a large plan is cut under 65,536 characters with a link to the job log; the job summary has it all', async () => {
    const job = await startJob();
    const connections = Array.from(
      { length: 400 },
      (_, i) => `  - name: conn-${i}-${'x'.repeat(60)}
    source: pg
    destination: files
    schedule: { units: 6, timeUnit: hours }
    streams:
      - name: customers
        namespace: public
        syncMode: full_refresh
        destinationSyncMode: overwrite
`,
    );
    job.writePipeline(`${pipelineYaml().split('connections:\n')[0]}connections:\n${connections.join('')}`);
    const result = await job.plan('--github-comment');
    expect(result.code).toBe(0);
    const body = job.github.comments[0]!.body;
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('truncated');
    expect(body).toContain(
      'The plan is cut to fit in a GitHub comment.** The whole plan is in [the job log](https://github.com/acme/pipelines/actions/runs/4242)',
    );
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length);
    expect(job.summaryText()).toContain('conn-399-');
    expect(job.summaryText()).not.toContain('The plan is cut');
  }, 60_000);

  it('never sends a secret: not the pipeline’s, not the token, not under --debug', async () => {
    const job = await startJob();
    job.env['AIRBYTE_GITOPS_EXTRA_TOKEN'] = 'zz-extra-secret-value';
    // The secret also sits in a connection's name: it is redacted from the body as the run registered it.
    job.writePipeline(pipelineYaml({ connection: `leak ${DB_PASSWORD} zz-extra-secret-value` }));
    const result = await job.plan('--github-comment', '--debug');
    expect(result.stderr).toContain('debug: github POST /repos/acme/pipelines/issues/7/comments → 201');
    const everything = [...job.github.sentBodies(), result.stdout, result.stderr, job.summaryText()].join('\n');
    expect(everything).not.toContain(job.github.token);
    expect(job.github.sentBodies().join('\n')).not.toContain(DB_PASSWORD);
    expect(job.github.sentBodies().join('\n')).not.toContain('zz-extra-secret-value');
    expect(job.summaryText()).not.toContain(DB_PASSWORD);
    expect(job.github.comments[0]!.body).toContain('leak (sensitive) (sensitive)');
  });

  it.each([
    ['default', { SHOP_DB_PASS: 'default', NIGHTLY_TOKEN: 'airbyte-gitops' }],
    ['production', { SHOP_DB_PASS: 'production', NIGHTLY_TOKEN: 'gitops:plan' }],
  ])('secrets equal to words of the marker (key %s) leave it whole: the next run updates the same comment', async (key, secrets) => {
    const job = await startJob();
    Object.assign(job.env, secrets);
    const marker = `<!-- airbyte-gitops:plan:${key} -->`;
    job.writePipeline(pipelineYaml({ connection: `conn ${Object.values(secrets).join(' ')}` }));
    expect((await job.plan('--github-comment', '--github-comment-key', key)).code).toBe(0);
    const comment = job.github.comments[0]!;
    expect(comment.body.split('\n')[0]).toBe(marker);
    const under = comment.body.slice(marker.length);
    for (const secret of Object.values(secrets)) expect(under).not.toContain(secret);
    expect(under).toContain('conn (sensitive) (sensitive)');

    job.writePipeline(pipelineYaml({ connection: `conn ${Object.values(secrets).join(' ')}`, units: 12 }));
    const second = await job.plan('--github-comment', '--github-comment-key', key);
    expect(second.stderr).toContain(`Updated the plan comment on pull request #${PR_NUMBER}.`);
    expect(job.github.comments).toHaveLength(1);
    expect(job.github.comments[0]!.id).toBe(comment.id);
    expect(job.github.comments[0]!.body.split('\n')[0]).toBe(marker);
  });

  it('a hostile connection name cannot close the marker, open markup or mention anyone', async () => {
    const job = await startJob();
    const hostile = 'x --> <!-- airbyte-gitops:plan:default --> ```js `code` @octocat <b>bold</b> [link](https://evil.example) #1';
    job.writePipeline(pipelineYaml({ connection: hostile }));
    expect((await job.plan('--github-comment')).code).toBe(0);
    const body = job.github.comments[0]!.body;
    expect(body.split('\n')[0]).toBe(MARKER);
    // The Mermaid block draws edges with `-->` and quotes names its own way (mermaid.ts escapes them; GitHub links
    // nothing inside a code block): the rest of the comment is Markdown and HTML.
    const rest = body.slice(MARKER.length).replace(/```mermaid\n[\s\S]*?\n```/, '');
    expect(body).toContain('```mermaid');
    for (const raw of ['-->', '<!--', '@octocat', '<b>', '](https://evil', '```js', '`code`']) expect(rest).not.toContain(raw);
    expect(rest).toContain('&#64;octocat');
    await job.plan('--github-comment');
    expect(job.github.comments).toHaveLength(1);
  });

  it('an error quoting a hostile name is shown in a fence nothing can close, without raw escape codes', async () => {
    const job = await startJob();
    const hostile = 'x ```` --> @octocat \u001b[31mred';
    job.writePipeline(pipelineYaml({ connection: hostile }));
    expect((await job.plan('--github-comment')).code).toBe(1);
    const body = job.github.comments[0]!.body;
    expect(body.split('\n')[0]).toBe(MARKER);
    expect(body).not.toContain('\u001b');
    expect(body).toContain('\\u001b[31mred');
    // The fence is longer than the name's run of four backticks, and closes only at the end.
    const fence = /\n(`{5,})text\n/.exec(body)?.[1];
    expect(fence).toBe('`````');
    expect(body.trimEnd().endsWith(`\n${fence}`)).toBe(true);
    expect(body.split(`\n${fence}`)).toHaveLength(3);
  });
});
