/**
 * docs/walkthrough.md keeps its promises: its commands are run in order, as a newcomer would type them (the built
 * CLI, git with a local bare repository as GitHub), each must succeed and print what the page shows after it, and
 * the edits it asks for (`<!-- edit: {...} -->` beside the instruction) are made in between. A command the test
 * does not know how to run fails it, so the page cannot grow an unchecked command.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLI } from '../cli.js';
import { scan } from '../docs/markdown.js';
import { tempDir } from '../temp.js';
import { checkWorkflow, readAction, ROOT } from '../workflows/check.js';

const PAGE = readFileSync(join(ROOT, 'docs/walkthrough.md'), 'utf8');
const GITHUB_REMOTE = 'https://github.com/acme/acme-pipelines.git';

type Item = { line: number; kind: 'sh' | 'text' | 'yaml'; body: string } | { line: number; kind: 'edit'; file: string; replace: string; with: string };

function items(): Item[] {
  const fences = scan(PAGE)
    .fences.filter((fence) => ['sh', 'text', 'yaml'].includes(fence.lang))
    .map((fence) => ({ line: fence.line, kind: fence.lang as 'sh' | 'text' | 'yaml', body: fence.body }));
  const edits = PAGE.split('\n').flatMap((text, index) => {
    const match = /^<!-- edit: (\{.*\}) -->$/.exec(text.trim());
    if (match === null) return [];
    const edit = JSON.parse(match[1]!) as { file: string; replace: string; with: string };
    return [{ line: index + 1, kind: 'edit' as const, ...edit }];
  });
  return [...fences, ...edits].sort((a, b) => a.line - b.line);
}

/** Words of a command line: white space separates, double quotes group; `# comment` after two spaces ends it. */
function words(line: string): string[] {
  const code = line.replace(/\s{2,}#.*$/, '');
  return [...code.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

describe('docs/walkthrough.md', () => {
  it('runs every command it shows, in order, with the output it shows', () => {
    const home = tempDir('gitops-walk-home-');
    const remote = tempDir('gitops-walk-remote-');
    expect(spawnSync('git', ['init', '--bare', '-q', remote]).status).toBe(0);
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
        for (const expected of item.body.split('\n').filter((line) => line.trim() !== ''))
          expect(output, `docs/walkthrough.md:${item.line}`).toContain(expected.trim());
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
        if (command === 'airbyte-gitops') result = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
        else if (command === 'git') {
          const real = args.map((arg) => (arg === GITHUB_REMOTE ? remote : arg));
          result = spawnSync('git', real, { cwd, env, encoding: 'utf8', timeout: 60_000 });
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
