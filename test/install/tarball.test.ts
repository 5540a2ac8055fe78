/**
 * Installing the package as a user does without the npm registry: `npm pack` makes the release tarball, an empty
 * project installs it with the network disabled, and the installed command runs from there (docs/install.md).
 *
 * Where the dependencies come from: the npm cache. A clone that ran `npm ci` (CI, and the README's install) holds
 * every runtime dependency at the versions of package-lock.json in its cache; the empty project gets those pinned
 * versions as its lockfile, so npm never has to ask the registry which version to take. The network stays off:
 * `--offline` (npm reads nothing but its cache) and a proxy that refuses every connection. When the cache lacks a
 * dependency (a clone installed some other way), the test is skipped with the reason printed, except under CI=true,
 * where it fails.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';

const ROOT = join(import.meta.dirname, '../..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const IN_CI = process.env['CI'] === 'true';
/** A port nothing listens on: any request npm would make through the proxy is refused at once. */
const DEAD_PROXY = 'http://127.0.0.1:9';

/**
 * The environment for npm and npx: this one without what `npm test` exported for the repository (its prefix,
 * package and script variables) except where the cache and the user's npm configuration are, with the network off.
 */
function offlineEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_') && !keep.has(lower)) continue;
    if (['init_cwd', 'http_proxy', 'https_proxy', 'no_proxy'].includes(lower)) continue;
    env[key] = value;
  }
  return {
    ...env,
    npm_config_offline: 'true',
    npm_config_proxy: DEAD_PROXY,
    npm_config_https_proxy: DEAD_PROXY,
    npm_config_noproxy: '',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // npx must run the installed binary, never fetch a package of that name.
    npm_config_yes: 'false',
    NO_COLOR: '1',
    ...extra,
  };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 60_000, shell: process.platform === 'win32' });
}

const output = (result: SpawnSyncReturns<string>) => `exit ${String(result.status)}\n${result.stdout}\n${result.stderr}`;

/** package-lock.json entries of the runtime dependencies (not dev), as the repository pins them. */
function runtimeLockEntries(): Record<string, unknown> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  return Object.fromEntries(Object.entries(lock.packages).filter(([path, entry]) => path !== '' && entry.dev !== true));
}

interface Installed {
  /** The paths in the tarball, from `npm pack --json`. */
  files: string[];
  /** The empty project the tarball was installed into. */
  project: string;
  /** How long `npm pack` and `npm install` took, in ms (printed, not asserted). */
  timings: { pack: number; install: number };
}

let installed: Installed | undefined;
let unavailable: string | undefined;

describe('the packed tarball, installed into an empty project with the network off', () => {
  beforeAll(() => {
    const packDir = tempDir('gitops-pack-');
    let started = Date.now();
    // dist/ is fresh (the global setup built it), so the pack skips `prepare`.
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT, offlineEnv());
    const packMs = Date.now() - started;
    if (pack.error !== undefined && !IN_CI) {
      unavailable = `npm could not be run (${pack.error.message})`;
      return;
    }
    expect(pack.status, output(pack)).toBe(0);
    const [packed] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    const tarball = join(packDir, packed.filename);

    const project = tempDir('gitops-installed-');
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'pipelines', private: true }, null, 2)}\n`);
    const lock = { name: 'pipelines', lockfileVersion: 3, requires: true, packages: { '': { name: 'pipelines' }, ...runtimeLockEntries() } };
    writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);

    started = Date.now();
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], project, offlineEnv());
    const installMs = Date.now() - started;
    if (install.status !== 0 && /ENOTCACHED/.test(install.stderr) && !IN_CI) {
      unavailable = 'the npm cache lacks a runtime dependency at the version package-lock.json pins (run `npm ci` first)';
      console.warn(`test/install: skipped: ${unavailable}\n${install.stderr}`);
      return;
    }
    expect(install.status, output(install)).toBe(0);
    installed = { files: packed.files.map((file) => file.path), project, timings: { pack: packMs, install: installMs } };
    console.info(`test/install: npm pack ${packMs} ms, npm install --offline ${installMs} ms`);
  }, 120_000);

  const use = (skip: (note?: string) => void): Installed => {
    if (unavailable !== undefined) skip(unavailable);
    if (installed === undefined) throw new Error('the tarball was not installed');
    return installed;
  };

  it('holds what the command needs at run time and nothing of the repository besides', ({ skip }) => {
    const { files } = use(skip);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'dist/cli/main.js',
        'dist/pipeline/generated/pipeline-schema-validate.js',
        'dist/emulator/embedded.js',
        'dist/registry/load.js',
        'schemas/pipeline.schema.json',
        'examples/pipelines/ecommerce.yaml',
        'examples/ci/airbyte-gitops.yml',
      ]),
    );
    const outside = files.filter(
      (file) => !/^(dist|schemas|examples)\//.test(file) && !['package.json', 'README.md'].includes(file) && !/^LICEN[CS]E/i.test(file),
    );
    expect(outside).toEqual([]);
    const unwanted = files.filter((file) =>
      /(^|\/)(src|test|coverage|node_modules|\.airbyte-gitops)\/|\.test\.|(^|\/)\.env|\.airbyte-emulator\.json$|\.source-hash$|\.tsbuildinfo$|^dist\/bench\//.test(
        file,
      ),
    );
    expect(unwanted).toEqual([]);
  });

  it('has every module the shipped code imports by a relative path', ({ skip }) => {
    const { files, project } = use(skip);
    const shipped = new Set(files);
    const missing: string[] = [];
    for (const file of files.filter((path) => path.endsWith('.js'))) {
      const code = readFileSync(join(project, 'node_modules', PACKAGE.name, file), 'utf8');
      for (const match of code.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = posix.normalize(posix.join(posix.dirname(file), match[1] ?? ''));
        if (!shipped.has(target)) missing.push(`${file} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
    // Read at run time beside dist/: the version (cli/program) and the JSON Schema (pipeline/schema).
    expect(shipped.has('package.json') && shipped.has('schemas/pipeline.schema.json')).toBe(true);
  });

  it('runs `npx airbyte-gitops --help` and `--version` from the installed copy', ({ skip }) => {
    const { project } = use(skip);
    const bin = realpathSync(join(project, 'node_modules', '.bin', 'airbyte-gitops'));
    expect(bin).toBe(realpathSync(join(project, 'node_modules', PACKAGE.name, 'dist', 'cli', 'main.js')));

    const help = run('npx', ['airbyte-gitops', '--help'], project, offlineEnv());
    expect(help.status, output(help)).toBe(0);
    expect(help.stdout).toContain('Usage: airbyte-gitops');
    expect(help.stdout).toContain('plan');

    const version = run('npx', ['airbyte-gitops', '--version'], project, offlineEnv());
    expect(version.status, output(version)).toBe(0);
    expect(version.stdout.trim()).toBe(PACKAGE.version);
  });

  it('plans the shipped examples against the embedded emulator', ({ skip }) => {
    const { project } = use(skip);
    const state = tempDir('gitops-installed-state-');
    const examples = join('node_modules', PACKAGE.name, 'examples', 'pipelines');
    const plan = run('npx', ['airbyte-gitops', 'plan', examples, '--emulator'], project, offlineEnv({ XDG_STATE_HOME: state }));
    expect(plan.status, output(plan)).toBe(0);
    expect(plan.stdout).toContain("+ source 'PostgreSQL - Ecommerce' will be created");
    expect(plan.stdout).toContain('Plan: 8 to create, 0 to update, 0 to delete.');
    // The emulator kept its state where it was told, not in the project or the repository.
    expect(existsSync(join(state, 'airbyte-gitops'))).toBe(true);
    expect(existsSync(join(project, '.airbyte-emulator.json'))).toBe(false);
    expect(dirname(realpathSync(join(project, 'node_modules', PACKAGE.name)))).toBe(realpathSync(join(project, 'node_modules')));
  });
});
