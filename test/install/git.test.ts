/**
 * Installing from a Git URL with a tag (docs/install.md): npm clones the tag, installs the dev dependencies, runs
 * `prepare` (the TypeScript build) and installs the result. It takes about a minute of npm and tsc, so it runs only
 * when asked: AIRBYTE_GITOPS_TEST_GIT_INSTALL=1 npx vitest run test/install/git.test.ts. It installs the last commit
 * (not uncommitted changes) from a local clone, with the network off like the tarball test: npm's cache must hold
 * every dependency, dev ones included, at the versions of package-lock.json (as after `npm ci`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';

const ROOT = join(import.meta.dirname, '../..');
const ASKED = process.env['AIRBYTE_GITOPS_TEST_GIT_INSTALL'] === '1';
if (!ASKED) console.info('test/install/git: skipped (about a minute): set AIRBYTE_GITOPS_TEST_GIT_INSTALL=1 to run it');

function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_') && !['npm_config_cache', 'npm_config_userconfig'].includes(lower)) continue;
    env[key] = value;
  }
  const proxy = 'http://127.0.0.1:9';
  return {
    ...env,
    npm_config_offline: 'true',
    npm_config_proxy: proxy,
    npm_config_https_proxy: proxy,
    npm_config_update_notifier: 'false',
    npm_config_yes: 'false',
  };
}

describe.runIf(ASKED)('installing from a Git URL with a tag, network off', () => {
  it('builds through prepare and runs', () => {
    const work = tempDir('gitops-git-install-');
    const repo = join(work, 'airbyte-gitops.git');
    const git = (args: string[]) => spawnSync('git', args, { encoding: 'utf8' });
    expect(git(['clone', '--quiet', '--bare', ROOT, repo]).status).toBe(0);
    expect(git(['-C', repo, 'tag', 'v0.0.0-test', 'HEAD']).status).toBe(0);

    const project = join(work, 'pipelines');
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const runtime = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && entry.dev !== true);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "pipelines", "private": true }\n');
    writeFileSync(
      join(project, 'package-lock.json'),
      JSON.stringify({ name: 'pipelines', lockfileVersion: 3, requires: true, packages: { '': { name: 'pipelines' }, ...Object.fromEntries(runtime) } }),
    );

    const url = `git+${pathToFileURL(repo).href}#v0.0.0-test`;
    const env = offlineEnv();
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', url], { cwd: project, env, encoding: 'utf8', timeout: 300_000 });
    expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);

    const version = spawnSync('npx', ['airbyte-gitops', '--version'], { cwd: project, env, encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  }, 360_000);
});
