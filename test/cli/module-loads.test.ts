/**
 * What the built CLI loads at start-up. A module-load hook (node:module register, run with --import) records every
 * ES module the process loads; `--help` and `validate` must not load the client, the emulator, the
 * planner or the connector-spec checks (ajv-formats): a command's code is imported only when that command runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, EXAMPLES } from '../cli.js';
import { tempDir } from '../temp.js';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

/**
 * The command line is bundled (scripts/bundle-cli.mjs): dist/cli/main.js and dist/chunks/* each hold several modules,
 * listed in dist/chunks/modules.json by their paths in the package. A file of the bundle the process loaded stands
 * for the modules it holds.
 */
function modulesIn(path: string): string[] {
  const manifest = join(DIST, 'chunks', 'modules.json');
  const held = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string[]>)[relative(DIST, path)] : undefined;
  return held === undefined ? [path] : held.map((module) => join(ROOT, module));
}

/**
 * The modules the built CLI loaded for `args`: files of dist/ as `folder/file.js`, packages by name, and the files of
 * packages as `package/path/file.js`.
 */
function modulesLoadedBy(args: string[]): { own: string[]; packages: string[]; packageFiles: string[]; files: number; code: number | null } {
  const dir = tempDir('gitops-loads-');
  const log = join(dir, 'loaded.txt');
  writeFileSync(log, '');
  // The hooks run on their own thread; they append each URL the process loads to the log.
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, nextLoad) {
  appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return nextLoad(url, context);
}
`,
  );
  writeFileSync(
    join(dir, 'register.mjs'),
    // CommonJS files that other CommonJS files require() pass no hook: the require cache lists them at exit.
    `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});
const { cache } = createRequire(import.meta.url);
process.on('exit', () => appendFileSync(${JSON.stringify(log)}, Object.keys(cache).map((path) => pathToFileURL(path).href + '\\n').join('')));
`,
  );
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, CLI, ...args], {
    cwd: dir,
    // The embedded emulator keeps its state under XDG_STATE_HOME: a directory of this test's own.
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', XDG_STATE_HOME: dir },
    encoding: 'utf8',
  });
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const files = urls.filter((url) => url.startsWith('file:')).map((url) => new URL(url).pathname);
  const paths = files.flatMap(modulesIn);
  const own = paths.filter((path) => path.startsWith(`${DIST}/`)).map((path) => relative(DIST, path));
  const packageFiles = [...new Set(paths.flatMap((path) => /\/node_modules\/(.+)$/.exec(path)?.[1] ?? []))];
  const packages = [...new Set(packageFiles.map((file) => /^(?:@[^/]+\/)?[^/]+/.exec(file)?.[0] ?? file))];
  return { own, packages, packageFiles, files: new Set(files).size, code: run.status };
}

const under = (folder: string) => (module: string) => module.startsWith(`${folder}/`);

describe('modules the CLI loads', () => {
  it('--help: the program and the command definitions, nothing a command needs to run', () => {
    const { own, packages, code } = modulesLoadedBy(['--help']);
    expect(code).toBe(0);
    expect(own).toContain('cli/main.js');
    expect(own).toContain('commands/define/apply.js');
    expect(own).not.toContain('commands/apply.js');
    expect(own).not.toContain('commands/connect.js');
    expect(own.filter((module) => ['client', 'emulator', 'plan', 'apply', 'operate', 'pipeline'].some((folder) => under(folder)(module)))).toEqual([]);
    expect(packages).toEqual(['commander']);
  });

  it('validate: the pipeline loader and the pipeline schema, not the client, the emulator or the connector-spec checks', () => {
    const { own, packages, packageFiles, files, code } = modulesLoadedBy(['validate', EXAMPLES]);
    expect(code).toBe(0);
    // From a few files of the bundle, not each module on its own (Node loads each file separately: about 120 here).
    expect(files).toBeLessThanOrEqual(25);
    expect(own).toContain('commands/validate.js');
    expect(own).toContain('pipeline/schema.js');
    expect(own).toContain('pipeline/generated/pipeline-schema-validate.js');
    expect(own.filter((module) => ['client', 'emulator', 'plan', 'apply', 'operate'].some((folder) => under(folder)(module)))).toEqual([]);
    expect(own).not.toContain('commands/connect.js');
    expect(packages).toEqual(expect.arrayContaining(['yaml']));
    // The schema is compiled ahead of time: of Ajv, only the runtime helpers its generated code calls, not the compiler.
    expect(packageFiles.filter((file) => file.startsWith('ajv/'))).toEqual(['ajv/dist/runtime/ucs2length.js']);
    // Not the formats plugin only the connector-spec checks use.
    expect(packages).not.toContain('ajv-formats');
  });

  it('plan --emulator loads what it runs: the emulator, the client, the connector-spec checks', () => {
    // The same hook sees the modules a command does load, so the absences above are real.
    const { own, packages, packageFiles, code } = modulesLoadedBy(['plan', EXAMPLES, '--emulator']);
    expect(code).toBe(0);
    expect(own).toEqual(expect.arrayContaining(['commands/plan.js', 'emulator/index.js', 'client/transport.js', 'plan/checks/configuration.js']));
    expect(packages).toEqual(expect.arrayContaining(['ajv-formats']));
    // Files Ajv's entry point require()s are seen too, so the compiler's absence from validate above is real.
    expect(packageFiles).toEqual(expect.arrayContaining(['ajv/dist/ajv.js', 'ajv/dist/core.js', 'ajv/dist/compile/index.js']));
  });
});
