/**
 * `init [dir]`: what it writes for a new pipeline repository, that the example validates and plans clean on the
 * emulator and converges once applied, and that it refuses (writing nothing) whatever it would overwrite.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../cli.js';
import { tempDir } from '../temp.js';

const FILES = ['pipelines/example.yaml', '.github/workflows/airbyte-gitops.yml', '.github/workflows/airbyte-gitops-drift.yml', 'README.md', '.gitignore'];

/** Every file below `dir`, relative, sorted. */
function tree(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? tree(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/** The CLI with the embedded emulator's state in a file of this test. */
function emulatorEnv(): Record<string, string> {
  const state = tempDir('gitops-init-state-');
  return { XDG_STATE_HOME: state, AIRBYTE_EMULATOR_STATE: join(state, 'emulator.json') };
}

const show = (result: CliResult) => `exit ${result.code}\n${result.stdout}\n${result.stderr}`;

describe('init writes a pipeline repository', () => {
  it('whose example validates, plans clean without a warning, and converges once applied on the emulator', async () => {
    const root = tempDir('gitops-init-');
    const init = await runCli(['init', 'repo'], { cwd: root });
    expect(init.code, show(init)).toBe(0);
    const repo = join(root, 'repo');
    expect(tree(repo)).toEqual([...FILES].sort());
    expect(init.stdout).toContain('Wrote pipelines/example.yaml\n');
    expect(init.stdout).toContain('Replace <org> in .github/workflows/*.yml');
    expect(init.stderr).toBe('');

    const example = readFileSync(join(repo, 'pipelines/example.yaml'), 'utf8');
    expect(example.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/<org>/airbyte-gitops/v1/schemas/pipeline.schema.json',
    );
    // No variable to set: the ${VAR} it shows is in a comment.
    expect(example.split('\n').filter((line) => !line.startsWith('#') && line.includes('${'))).toEqual([]);

    const pipelines = join(repo, 'pipelines');
    const validate = await runCli(['validate', pipelines]);
    expect(validate.code, show(validate)).toBe(0);
    expect(validate.stderr).toBe('');
    expect(validate.stdout).toBe('✓ Valid: 1 source, 1 destination, 1 connection in 1 file\n');

    const env = emulatorEnv();
    const plan = await runCli(['plan', pipelines, '--emulator'], { cwd: repo, env });
    expect(plan.code, show(plan)).toBe(0);
    expect(plan.stderr).not.toMatch(/warning/i);
    expect(plan.stdout).toContain('Plan: 3 to create, 0 to update, 0 to delete.');

    const apply = await runCli(['apply', pipelines, '--emulator', '--auto-approve'], { cwd: repo, env });
    expect(apply.code, show(apply)).toBe(0);
    const again = await runCli(['plan', pipelines, '--emulator', '--detailed-exitcode'], { cwd: repo, env });
    expect(again.code, show(again)).toBe(0);
    expect(again.stdout).toContain('No changes.');
    expect(again.stderr).not.toMatch(/warning/i);
  });

  it('writes workflows that use the action given, apply on the branch given, and a README naming the secrets', async () => {
    const repo = tempDir('gitops-init-');
    const init = await runCli(['init', repo, '--action', 'acme/airbyte-gitops@v1.2.0', '--branch', 'production'], { cwd: repo });
    expect(init.code, show(init)).toBe(0);
    expect(init.stdout).not.toContain('<org>');
    for (const file of FILES) expect(readFileSync(join(repo, file), 'utf8'), file).not.toContain('<org>');
    const main = parse(readFileSync(join(repo, '.github/workflows/airbyte-gitops.yml'), 'utf8'));
    expect(main.on.push.branches).toEqual(['production']);
    expect(main.jobs.plan.steps[1].uses).toBe('acme/airbyte-gitops@v1.2.0');
    expect(main.jobs.apply.steps[1].uses).toBe('acme/airbyte-gitops@v1.2.0');
    expect(main.jobs.apply.environment).toBe('airbyte-production');
    expect(Object.keys(main.env)).toEqual(['AIRBYTE_URL', 'AIRBYTE_CLIENT_ID', 'AIRBYTE_CLIENT_SECRET']);
    const drift = parse(readFileSync(join(repo, '.github/workflows/airbyte-gitops-drift.yml'), 'utf8'));
    expect(drift.jobs.drift.steps[1].with.command).toBe('drift');
    expect(readFileSync(join(repo, 'pipelines/example.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/raw\.githubusercontent\.com\/acme\/airbyte-gitops\/v1\.2\.0\/schemas\/pipeline\.schema\.json\n/,
    );
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    expect(readme).toContain('| `AIRBYTE_URL` |');
    expect(readme).toContain('On `production`, the workflow plans again');
    expect(readme).toContain('https://github.com/acme/airbyte-gitops/blob/v1.2.0/docs/install.md');
  });

  it('takes the action from AIRBYTE_GITOPS_ACTION, and --schema-url over the default', async () => {
    const repo = tempDir('gitops-init-');
    const schema = './node_modules/airbyte-gitops/schemas/pipeline.schema.json';
    const init = await runCli(['init', repo, '--schema-url', schema], { env: { AIRBYTE_GITOPS_ACTION: 'acme/gitops@main' } });
    expect(init.code, show(init)).toBe(0);
    expect(readFileSync(join(repo, '.github/workflows/airbyte-gitops.yml'), 'utf8')).toContain('uses: acme/gitops@main\n');
    expect(readFileSync(join(repo, 'pipelines/example.yaml'), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
  });

  it.each([
    [['--action', 'acme/airbyte-gitops'], "--action must be owner/repo@ref, e.g. my-org/airbyte-gitops@v1 (got 'acme/airbyte-gitops')"],
    [['--action', 'acme/x@v1; rm -rf /'], '--action must be owner/repo@ref'],
    [['--branch', 'feature/*'], "--branch must be a plain branch name such as main (got 'feature/*')"],
    [['--branch', "main'\n  evil: true"], '--branch must be a plain branch name'],
    [['--emulator'], '--emulator names the workspace to export: add --from-workspace'],
    [['--url', 'http://localhost:8000', '--workspace', 'x'], '--url, --workspace name the workspace to export: add --from-workspace'],
  ])('refuses %j, writing nothing', async (flags, message) => {
    const repo = tempDir('gitops-init-');
    const result = await runCli(['init', repo, ...flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: ${message}`);
    expect(tree(repo)).toEqual([]);
  });

  it('creates a nested directory that does not exist', async () => {
    const root = tempDir('gitops-init-');
    const result = await runCli(['init', join(root, 'a/b/c')]);
    expect(result.code, show(result)).toBe(0);
    expect(tree(join(root, 'a/b/c'))).toEqual([...FILES].sort());
  });

  it('refuses a directory that is a file', async () => {
    const root = tempDir('gitops-init-');
    writeFileSync(join(root, 'repo'), 'not a directory\n');
    const result = await runCli(['init', join(root, 'repo')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: cannot initialise ${join(root, 'repo')}: it is a file, not a directory`);
    expect(readFileSync(join(root, 'repo'), 'utf8')).toBe('not a directory\n');
  });

  it('--dry-run and --json list the files and write nothing', async () => {
    const repo = tempDir('gitops-init-');
    writeFileSync(join(repo, '.gitignore'), 'node_modules/\n');
    const dry = await runCli(['init', repo, '--dry-run']);
    expect(dry.code, show(dry)).toBe(0);
    expect(dry.stdout).toBe(
      [
        'Would write pipelines/example.yaml',
        'Would write .github/workflows/airbyte-gitops.yml',
        'Would write .github/workflows/airbyte-gitops-drift.yml',
        'Would write README.md',
        'Would add lines to .gitignore',
        'Nothing was written (--dry-run).',
        '',
      ].join('\n'),
    );
    const json = await runCli(['init', repo, '--dry-run', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({
      dir: repo,
      dryRun: true,
      action: '<org>/airbyte-gitops@v1',
      files: [
        { path: 'pipelines/example.yaml', action: 'create' },
        { path: '.github/workflows/airbyte-gitops.yml', action: 'create' },
        { path: '.github/workflows/airbyte-gitops-drift.yml', action: 'create' },
        { path: 'README.md', action: 'create' },
        { path: '.gitignore', action: 'append' },
      ],
      variables: [],
    });
    expect(tree(repo)).toEqual(['.gitignore']);
  });
});

describe('init never overwrites by surprise', () => {
  it('lists every file that exists, writes nothing, exits 1; --force overwrites them', async () => {
    const repo = tempDir('gitops-init-');
    mkdirSync(join(repo, 'pipelines'));
    writeFileSync(join(repo, 'pipelines/example.yaml'), 'mine\n');
    writeFileSync(join(repo, 'README.md'), '# Ours\n');
    writeFileSync(join(repo, '.gitignore'), 'dist\n');
    const refused = await runCli(['init', repo]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      [
        `error: init would overwrite what is in ${repo}; nothing was written`,
        '  pipelines/example.yaml exists',
        '  README.md exists',
        'hint: move these files away, or pass --force to overwrite them',
        '',
      ].join('\n'),
    );
    expect(tree(repo)).toEqual(['.gitignore', 'README.md', 'pipelines/example.yaml']);
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toBe('dist\n');

    const forced = await runCli(['init', repo, '--force']);
    expect(forced.code, show(forced)).toBe(0);
    expect(forced.stdout).toContain('Overwrote pipelines/example.yaml\n');
    expect(forced.stdout).toContain('Overwrote README.md\n');
    expect(forced.stdout).toContain('Added lines to .gitignore\n');
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toMatch(/^# Airbyte pipelines\n/);
  });

  it('merges .gitignore: keeps every line in its order, appends the missing ones once', async () => {
    const repo = tempDir('gitops-init-');
    const mine = '# ours\nnode_modules/\n*.log\n.airbyte-gitops/'; // no newline at the end
    writeFileSync(join(repo, '.gitignore'), mine);
    expect((await runCli(['init', repo])).code).toBe(0);
    const merged = readFileSync(join(repo, '.gitignore'), 'utf8');
    expect(merged.startsWith(`${mine}\n\n`)).toBe(true);
    const lines = merged.split('\n');
    for (const line of ['*.plan.json', '.airbyte-gitops/', '.airbyte-emulator.json', 'node_modules/']) expect(lines.filter((l) => l === line)).toHaveLength(1);

    const again = await runCli(['init', repo, '--force']);
    expect(again.code, show(again)).toBe(0);
    expect(again.stdout).not.toContain('.gitignore');
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toBe(merged);
  });

  it('writes through no symbolic link and into no file standing where a folder goes, even with --force', async () => {
    const repo = tempDir('gitops-init-');
    const outside = join(tempDir('gitops-outside-'), 'target.md');
    writeFileSync(outside, 'outside\n');
    symlinkSync(outside, join(repo, 'README.md'));
    writeFileSync(join(repo, '.github'), 'a file\n');
    const result = await runCli(['init', repo, '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  .github/workflows/airbyte-gitops.yml .github is not a directory\n');
    expect(result.stderr).toContain('  .github/workflows/airbyte-gitops-drift.yml .github is not a directory\n');
    expect(result.stderr).toContain('  README.md is a symbolic link (init writes no file through a link)\n');
    expect(readFileSync(outside, 'utf8')).toBe('outside\n');
    expect(tree(repo)).toEqual(['.github', 'README.md']);
  });

  it('quotes the branch in YAML (1.10 stays a string), and the drift check checks out that branch, not the default one', async () => {
    const repo = tempDir('gitops-init-');
    const init = await runCli(['init', repo, '--branch', '1.10']);
    expect(init.code, show(init)).toBe(0);
    const main = parse(readFileSync(join(repo, '.github/workflows/airbyte-gitops.yml'), 'utf8'));
    expect(main.on.push.branches).toEqual(['1.10']);
    const drift = parse(readFileSync(join(repo, '.github/workflows/airbyte-gitops-drift.yml'), 'utf8'));
    expect(drift.jobs.drift.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { ref: '1.10' } });
    // With the default branch too: explicit, whatever branch the run starts on.
    const other = tempDir('gitops-init-');
    expect((await runCli(['init', other])).code).toBe(0);
    expect(parse(readFileSync(join(other, '.github/workflows/airbyte-gitops-drift.yml'), 'utf8')).jobs.drift.steps[0].with).toEqual({ ref: 'main' });
  });

  it.each(['', 'https://example.test/s.json\nworkspace: evil', 'a b.json'])('refuses --schema-url %j, writing nothing', async (url) => {
    const repo = tempDir('gitops-init-');
    const result = await runCli(['init', repo, '--schema-url', url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: --schema-url must be a URL or path without spaces or control characters');
    expect(tree(repo)).toEqual([]);
  });

  it('follows a target directory that is a symbolic link to a directory', async () => {
    const root = tempDir('gitops-init-');
    const real = tempDir('gitops-init-real-');
    symlinkSync(real, join(root, 'repo'));
    const result = await runCli(['init', 'repo'], { cwd: root });
    expect(result.code, show(result)).toBe(0);
    expect(tree(real)).toEqual([...FILES].sort());
  });

  it('refuses, before writing anything, a target or a folder above it that is a symbolic link to nothing', async () => {
    const root = tempDir('gitops-init-');
    symlinkSync(join(root, 'gone'), join(root, 'dangling'));
    const inside = await runCli(['init', join(root, 'dangling/repo')]);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toBe(
      `error: cannot initialise ${join(root, 'dangling/repo')}: ${join(root, 'dangling')} is a symbolic link to nothing\nhint: give a directory (created when missing)\n`,
    );
    const itself = await runCli(['init', join(root, 'dangling')]);
    expect(itself.code).toBe(1);
    expect(itself.stderr).toContain(`error: cannot initialise ${join(root, 'dangling')}: it is a symbolic link to nothing\n`);
    writeFileSync(join(root, 'file'), 'x\n');
    const underFile = await runCli(['init', join(root, 'file/repo')]);
    expect(underFile.code).toBe(1);
    expect(underFile.stderr).toContain(`${join(root, 'file')} is a file, not a directory`);
    expect(readdirSync(root).sort()).toEqual(['dangling', 'file']);
  });

  it.each([
    ['plain/dir', 'plain/dir'],
    ['my dir', "'my dir'"],
    ["it's", "'it'\\''s'"],
    ['bad\u001b[31mname', "$'bad\\x1b[31mname'"],
  ])('prints the cd to %j quoted for the shell', async (dir, shown) => {
    const root = tempDir('gitops-init-');
    const result = await runCli(['init', dir], { cwd: root });
    expect(result.code, show(result)).toBe(0);
    expect(result.stdout).toContain(`\n  cd ${shown}\n`);
    expect(result.stdout).not.toContain('\u001b');
  });

  it.each([
    ['node_modules', '/.airbyte-gitops', '**/*.plan.json', '/.airbyte-emulator.json'],
    ['/node_modules/', '.airbyte-gitops', '/*.plan.json', '.airbyte-emulator.json/'],
  ])('takes %j (and the others of its row) for the lines it would add: no duplicate', async (...patterns) => {
    const repo = tempDir('gitops-init-');
    const mine = `${patterns.join('\n')}\n`;
    writeFileSync(join(repo, '.gitignore'), mine);
    const result = await runCli(['init', repo]);
    expect(result.code, show(result)).toBe(0);
    expect(result.stdout).not.toContain('.gitignore');
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toBe(mine);
  });

  it('links only to files this repository has (the schema, the docs), at the ref of the action', async () => {
    const repo = tempDir('gitops-init-');
    expect((await runCli(['init', repo])).code).toBe(0);
    const text = FILES.map((file) => readFileSync(join(repo, file), 'utf8')).join('\n');
    const links = [
      ...text.matchAll(
        /https:\/\/(?:raw\.githubusercontent\.com\/<org>\/airbyte-gitops\/v1|github\.com\/<org>\/airbyte-gitops\/(?:blob|tree)\/v1)\/?([^\s)]*)/g,
      ),
    ].map((m) => m[1]!);
    expect(links).toEqual(expect.arrayContaining(['schemas/pipeline.schema.json', 'docs/pipeline-format.md', 'docs/install.md', '']));
    for (const path of links) expect(existsSync(join(import.meta.dirname, '../..', path)), path).toBe(true);
  });
});
