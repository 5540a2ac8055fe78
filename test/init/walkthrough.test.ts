/**
 * docs/walkthrough.md keeps its promises: its commands are run in order, as a newcomer would type them (the built
 * CLI, git with a local bare repository as GitHub), each must succeed and print what the page shows after it, and
 * the edits it asks for (`<!-- edit: {...} -->` beside the instruction) are made in between. A command the test
 * does not know how to run fails it, so the page cannot grow an unchecked command.
 *
 * GitHub's side is played too: each `git push` and the pull request the page opens (`<!-- github: {...} -->`) run
 * the workflows of the pushed commit whose triggers match (event, branch, paths), job by job, with the action of
 * this repository (action.yml → install.sh → run.sh → the built CLI) and the `with:` the generated workflow gives,
 * against the fake GitHub REST API. The comment the fake received must begin as the page's `markdown` block shows.
 *
 * A `text` block is the whole output of the commands of the `sh` block before it (stdout and stderr as a terminal
 * shows them, interleaved), line for line; `…` in a line stands for what differs from run to run (an id, a path).
 * A block that shows only a part says so with `<!-- excerpt -->` on the line before it: its lines then appear in
 * the output one after the other, in that order.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLI } from '../cli.js';
import { scan } from '../docs/markdown.js';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { tempDir } from '../temp.js';
import { checkWorkflow, readAction, ROOT } from '../workflows/check.js';
import { runWorkflow, startRun, type JobRun, type WorkflowRun } from '../workflows/runner.js';

const PAGE = readFileSync(join(ROOT, 'docs/walkthrough.md'), 'utf8');
const GITHUB_REMOTE = 'https://github.com/acme/acme-pipelines.git';

type Item =
  | { line: number; kind: 'sh' | 'text' | 'yaml' | 'markdown'; body: string; excerpt?: boolean }
  | { line: number; kind: 'edit'; file: string; replace: string; with: string }
  | { line: number; kind: 'github'; pull_request?: string; workflow_dispatch?: string };

function items(): Item[] {
  const fences = scan(PAGE)
    .fences.filter((fence) => ['sh', 'text', 'yaml', 'markdown'].includes(fence.lang))
    .map((fence) => ({
      line: fence.line,
      kind: fence.lang as 'sh' | 'text' | 'yaml' | 'markdown',
      body: fence.body,
      excerpt: PAGE.split('\n')[fence.line - 2]?.trim() === '<!-- excerpt -->',
    }));
  const directives = PAGE.split('\n').flatMap((text, index): Item[] => {
    const edit = /^<!-- edit: (\{.*\}) -->$/.exec(text.trim());
    if (edit !== null) return [{ line: index + 1, kind: 'edit', ...(JSON.parse(edit[1]!) as { file: string; replace: string; with: string }) }];
    const github = /^<!-- github: (\{.*\}) -->$/.exec(text.trim());
    if (github !== null) return [{ line: index + 1, kind: 'github', ...(JSON.parse(github[1]!) as { pull_request?: string; workflow_dispatch?: string }) }];
    return [];
  });
  return [...fences, ...directives].sort((a, b) => a.line - b.line);
}

const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
};

/** A glob of a workflow's `branches:` or `paths:`: `**` any path, `*` any name part. */
const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*/g, '\0')
      .replace(/\*/g, '[^/]*')
      .replace(/\0/g, '.*')}$`,
  );

/** Whether `on:` starts the workflow for this event on `branch` (push: the pushed branch; pull_request: the base) with these files changed. */
function triggers(workflow: Record<string, unknown>, event: string, branch: string, changed: string[]): boolean {
  const on = workflow['on'] as Record<string, { branches?: string[]; paths?: string[] } | null>;
  if (!(event in on)) return false;
  const filter = on[event] ?? {};
  if (filter.branches !== undefined && !filter.branches.some((pattern) => glob(pattern).test(branch))) return false;
  if (filter.paths !== undefined && !changed.some((file) => filter.paths!.some((pattern) => glob(pattern).test(file)))) return false;
  return true;
}

/** GitHub: a repository (the bare one), its Actions and REST API (the fake). */
interface GitHubSide {
  api: FakeGitHub;
  remote: string;
  runs: { event: string; branch: string; run: WorkflowRun; jobs: Record<string, JobRun> }[];
}

let runIds = 5_000_000_000;

/**
 * Runs every workflow of `sha` that `event` on `branch` with `changed` files starts, as GitHub Actions would
 * (`only`: the one workflow file "Run workflow" was pressed for).
 */
async function actions(github: GitHubSide, event: string, eventJson: unknown, branch: string, sha: string, changed: string[], only?: string): Promise<void> {
  const checkout = () => {
    const dir = tempDir('gitops-walk-checkout-');
    git(dir, 'clone', '-q', github.remote, '.');
    git(dir, 'checkout', '-q', '--detach', sha);
    return dir;
  };
  const tree = checkout();
  for (const name of readdirSync(join(tree, '.github/workflows'))) {
    if (only !== undefined && name !== only) continue;
    const workflow = parse(readFileSync(join(tree, '.github/workflows', name), 'utf8')) as Record<string, unknown>;
    if (!triggers(workflow, event, branch, changed)) continue;
    const runId = String(runIds++);
    const run = startRun({
      eventName: event,
      event: eventJson,
      token: github.api.token,
      runnerEnv: {
        PATH: process.env['PATH'] ?? '',
        NO_COLOR: '1',
        AIRBYTE_CONVERGE_WAIT_MS: '0',
        GITHUB_REPOSITORY: github.api.repository,
        GITHUB_API_URL: github.api.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: runId,
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SHA: sha,
        GITHUB_WORKFLOW: String(workflow['name'] ?? name),
      },
    });
    // The trial sets no secret: every secrets.X is empty, as on GitHub.
    const jobs = await runWorkflow(run, workflow, checkout, (uses) => uses === 'acme/airbyte-gitops@v1');
    github.runs.push({ event, branch, run, jobs });
  }
}

/** What GitHub does on a `git push` to it: the push event's workflows. */
async function onPush(github: GitHubSide, branch: string, before: string | undefined): Promise<void> {
  const sha = git(github.remote, 'rev-parse', `refs/heads/${branch}`);
  // A new branch: every file of its commit counts as changed.
  const changed = (before === undefined ? git(github.remote, 'ls-tree', '-r', '--name-only', sha) : git(github.remote, 'diff', '--name-only', before, sha))
    .split('\n')
    .filter(Boolean);
  await actions(github, 'push', { ref: `refs/heads/${branch}`, before: before ?? '0'.repeat(40), after: sha }, branch, sha, changed);
}

/** "Run workflow" in the Actions tab: a workflow_dispatch of one workflow on main. */
async function dispatch(github: GitHubSide, file: string): Promise<void> {
  const sha = git(github.remote, 'rev-parse', 'refs/heads/main');
  const before = github.runs.length;
  await actions(github, 'workflow_dispatch', { ref: 'refs/heads/main', inputs: {} }, 'main', sha, [], file);
  if (github.runs.length === before) throw new Error(`${file} cannot be run by hand: it has no workflow_dispatch trigger`);
}

const PR_NUMBER = 1;

/** A pull request from `head` into main, opened: the pull_request event's workflows (on the head commit: main is its ancestor, so it is the merge). */
async function openPullRequest(github: GitHubSide, head: string): Promise<string> {
  const sha = git(github.remote, 'rev-parse', `refs/heads/${head}`);
  const changed = git(github.remote, 'diff', '--name-only', `main...${head}`).split('\n').filter(Boolean);
  const event = { action: 'opened', number: PR_NUMBER, pull_request: { number: PR_NUMBER, head: { ref: head, sha }, base: { ref: 'main' } } };
  await actions(github, 'pull_request', event, 'main', sha, changed);
  return sha;
}

/** Whether an output line is the page's line, where `…` stands for any text. */
function sameLine(shown: string, real: string): boolean {
  const pattern = shown
    .trimEnd()
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(real.trimEnd());
}

/** `shown` (the page's block) against `real` (the output): all of it, or with `excerpt` a run of its lines. */
function matchesOutput(shown: string, real: string, excerpt: boolean): boolean {
  const trim = (lines: string[]) => {
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
    while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
    return lines;
  };
  const want = trim(shown.split('\n'));
  const have = trim(real.split('\n'));
  if (!excerpt) return want.length === have.length && want.every((line, i) => sameLine(line, have[i]!));
  return have.some((_, start) => want.every((line, i) => start + i < have.length && sameLine(line, have[start + i]!)));
}

/** Words of a command line: white space separates, double quotes group; `# comment` after two spaces ends it. */
function words(line: string): string[] {
  const code = line.replace(/\s{2,}#.*$/, '');
  return [...code.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

describe('docs/walkthrough.md', () => {
  it('runs every command it shows, in order, with the output it shows; GitHub runs the workflows and posts the comment it shows', async () => {
    const home = tempDir('gitops-walk-home-');
    const remote = tempDir('gitops-walk-remote-');
    expect(spawnSync('git', ['init', '--bare', '-q', '-b', 'main', remote]).status).toBe(0);
    const github: GitHubSide = { api: await startFakeGitHub({ repository: 'acme/acme-pipelines' }), remote, runs: [] };
    let pullRequestHead: string | undefined;
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: home,
      XDG_STATE_HOME: join(home, 'state'),
      XDG_CONFIG_HOME: join(home, 'config'),
      NO_COLOR: '1',
      AIRBYTE_CONVERGE_WAIT_MS: '0',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Newcomer',
      GIT_AUTHOR_EMAIL: 'newcomer@example.com',
      GIT_COMMITTER_NAME: 'Newcomer',
      GIT_COMMITTER_EMAIL: 'newcomer@example.com',
    };
    let cwd = tempDir('gitops-walk-');
    let output = '';
    const run: string[] = [];
    for (const item of items()) {
      if (item.kind === 'edit') {
        const file = join(cwd, item.file);
        const text = readFileSync(file, 'utf8');
        expect(text, `${item.file} holds '${item.replace}'`).toContain(item.replace);
        writeFileSync(file, text.split(item.replace).join(item.with));
        continue;
      }
      if (item.kind === 'text') {
        const what = item.excerpt === true ? 'a part of the output (<!-- excerpt -->)' : 'the whole output';
        expect(matchesOutput(item.body, output, item.excerpt === true), `docs/walkthrough.md:${item.line} shows ${what}; the real one:\n${output}`).toBe(true);
        continue;
      }
      if (item.kind === 'github') {
        if (item.workflow_dispatch !== undefined) await dispatch(github, item.workflow_dispatch);
        if (item.pull_request !== undefined) pullRequestHead = await openPullRequest(github, item.pull_request);
        continue;
      }
      if (item.kind === 'markdown') {
        // The comment on the pull request begins as the page shows it, with this run's commit and log link.
        expect(pullRequestHead, `docs/walkthrough.md:${item.line}: a comment shown before any pull request`).toBeDefined();
        const comments = github.api.comments.filter((comment) => comment.issue_number === PR_NUMBER);
        expect(comments, 'one comment on the pull request').toHaveLength(1);
        const prRun = github.runs.find((run) => run.event === 'pull_request')!;
        const expected = item.body
          .replace(/<code>[0-9a-f]{7}<\/code>/, `<code>${pullRequestHead!.slice(0, 7)}</code>`)
          .replace(/\/actions\/runs\/\d+"/, `/actions/runs/${prRun.run.runnerEnv['GITHUB_RUN_ID']}"`);
        expect(comments[0]!.body.startsWith(expected.trimEnd() + '\n'), `docs/walkthrough.md:${item.line}\n--- the comment:\n${comments[0]!.body}`).toBe(true);
        continue;
      }
      if (item.kind === 'yaml') {
        // A part of a workflow as it reads after the edits above.
        const workflows = ['airbyte-gitops.yml', 'airbyte-gitops-drift.yml'].map((name) => readFileSync(join(cwd, '.github/workflows', name), 'utf8'));
        expect(workflows.join('\n'), `docs/walkthrough.md:${item.line}`).toContain(item.body);
        continue;
      }
      output = '';
      for (const line of item.body.split('\n').filter((text) => text.trim() !== '')) {
        const [command, ...args] = words(line);
        run.push(line);
        if (command === 'cd') {
          cwd = resolve(cwd, args[0]!);
          continue;
        }
        const redirect = args.indexOf('>');
        const target = redirect === -1 ? undefined : args.splice(redirect, 2)[1];
        let result;
        if (command === 'airbyte-gitops' && target === undefined) {
          // stdout and stderr into one file, interleaved as a terminal shows them.
          const file = join(tempDir('gitops-walk-out-'), 'out');
          const fd = openSync(file, 'w');
          try {
            result = spawnSync(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', fd, fd], timeout: 60_000 });
          } finally {
            closeSync(fd);
          }
          result = { status: result.status, stdout: readFileSync(file, 'utf8'), stderr: '' };
        } else if (command === 'airbyte-gitops') result = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
        else if (command === 'git') {
          const real = args.map((arg) => (arg === GITHUB_REMOTE ? remote : arg));
          const pushed = args[0] === 'push' ? args[args.length - 1]! : undefined;
          const before =
            pushed === undefined ? undefined : spawnSync('git', ['rev-parse', '--verify', '-q', `refs/heads/${pushed}`], { cwd: remote, encoding: 'utf8' });
          result = spawnSync('git', real, { cwd, env, encoding: 'utf8', timeout: 60_000 });
          if (pushed !== undefined && result.status === 0) await onPush(github, pushed, before?.status === 0 ? before.stdout.trim() : undefined);
        } else throw new Error(`docs/walkthrough.md:${item.line}: the test does not know how to run '${line}'`);
        expect(result.status, `${line}\n${result.stdout}\n${result.stderr}`).toBe(0);
        if (target !== undefined) writeFileSync(resolve(cwd, target), result.stdout);
        else output += result.stdout + result.stderr;
      }
    }

    // It ran what a newcomer does, and GitHub (the bare repository) got both branches.
    expect(run).toEqual(expect.arrayContaining(['airbyte-gitops init acme-pipelines --action acme/airbyte-gitops@v1', 'git push -u origin more-sample-data']));
    const branches = spawnSync('git', ['branch', '--format=%(refname:short)'], { cwd: remote, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    expect(branches.sort()).toEqual(['main', 'more-sample-data']);
    expect(readFileSync(join(cwd, '../plan.md'), 'utf8')).toContain('**Plan: 3 to create, 0 to update, 0 to delete.**');

    // GitHub ran: the push to main planned, saved the plan and applied exactly it (step 5); the drift check run by
    // hand opened the issue; the push of the branch started nothing; the pull request ran the plan job only, which
    // posted the comment and wrote the job summary.
    expect(github.runs.map((run) => [run.event, run.branch, Object.keys(run.jobs).filter((job) => !run.jobs[job]!.skipped)])).toEqual([
      ['push', 'main', ['plan', 'apply']],
      ['workflow_dispatch', 'main', ['drift']],
      ['pull_request', 'main', ['plan']],
    ]);
    const [merge, drift, pr] = github.runs;
    const show = (run: WorkflowRun) => run.log.map((step) => `${step.step}: ${step.code}\n${step.stdout}${step.stderr}`).join('\n');
    expect(merge!.jobs['plan']!.ok && merge!.jobs['apply']!.ok, show(merge!.run)).toBe(true);
    expect(merge!.jobs['plan']!.outputs).toEqual({ changes: 'true' });
    expect([...merge!.run.artifacts.keys()]).toEqual(['airbyte-gitops-plan']);
    expect(merge!.jobs['apply']!.actions['1']!.main.stdout).toMatch(
      /airbyte-gitops apply \S+\/airbyte-gitops-plan\/airbyte-gitops\.plan\.json --auto-approve --emulator --check\n/,
    );
    expect(pr!.jobs['plan']!.ok, show(pr!.run)).toBe(true);
    expect(pr!.jobs['plan']!.actions['plan']!.main.stdout).toContain(
      'airbyte-gitops plan pipelines --detailed-exitcode --out airbyte-gitops.plan.json --github-comment --github-comment-key default --emulator\n',
    );
    expect(pr!.run.summary()).toContain('## 📝 Airbyte plan: 3 to create, 0 to update, 0 to delete');
    expect(github.api.comments).toHaveLength(1);
    expect(github.api.comments[0]!.body).toContain('configuration.count: 5000');
    expect(drift!.jobs['drift']!.ok, show(drift!.run)).toBe(true);
    expect(drift!.jobs['drift']!.actions['1']!.outputs).toEqual({ exitcode: '2', changes: 'true', 'plan-file': '' });
    expect(github.api.issues.map((issue) => [issue.title, issue.state])).toEqual([['Airbyte drifted from Git', 'open']]);
    expect(github.api.issues[0]!.body).toContain('**Plan: 3 to create, 0 to update, 0 to delete.**');
    // The trial workflows are sound, and every use of the action runs on the emulator.
    for (const name of ['airbyte-gitops.yml', 'airbyte-gitops-drift.yml']) {
      const text = readFileSync(join(cwd, '.github/workflows', name), 'utf8');
      expect(
        checkWorkflow(parse(text), readAction(), (uses) => uses === 'acme/airbyte-gitops@v1'),
        name,
      ).toEqual([]);
      expect(text).not.toContain('# emulator: true');
      expect(text.match(/ {10}emulator: true\n/g)?.length, name).toBe(name === 'airbyte-gitops.yml' ? 2 : 1);
    }
  }, 120_000);
});
