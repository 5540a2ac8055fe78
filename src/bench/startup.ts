/**
 * Start-up and parallelism benchmarks of the built CLI, each measured side by side in one run:
 *
 * - `--help` and `validate examples/pipelines` against `node -e 0` (a bare Node start), the three runs interleaved
 *   so machine noise hits them alike; the median of several runs, as a ratio; plus the files each loads (recorded
 *   by a module-load hook) and the modules those hold (the command line is bundled: scripts/bundle-cli.mjs).
 * - `apply` of 300 sources + 300 destinations + 300 connections by the built CLI against the emulator at 50 ms per
 *   call, with --parallelism 16 and 32: the ratio of their wall times, for the whole run and for the operations
 *   alone (start-up and plan cost the same at both). 300 of each, not 100: at 100, the 32-wide run has only four
 *   rounds of creates per level, so the one listing that confirms each level (the same at any parallelism) is a
 *   third of its time and the figure measures that listing rather than the parallelism.
 */
import { fakerPipelineYaml } from './apply.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEmulator } from '../emulator/index.js';

const DIST = join(import.meta.dirname, '..');
const ROOT = join(DIST, '..');
const CLI = join(DIST, 'cli', 'main.js');
const EXAMPLES = join(DIST, '..', 'examples', 'pipelines');
const RUNS = 15;
const COUNT = 300;
const LATENCY_MS = 50;
const APPLY_RUNS = 3;

interface Timed {
  /** From spawn to exit, in ms. */
  totalMs: number;
  /** From spawn to the first output on stdout (apply: the plan, printed just before the operations start). */
  firstOutputMs: number;
}

/** Runs node with `args` to its exit (status 0 required), timed. */
function timedNode(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv } = { cwd: tmpdir() }): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstOutputMs = Number.NaN;
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', () => {
      if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - started;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const totalMs = performance.now() - started;
      if (code === 0) resolve({ totalMs, firstOutputMs });
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

interface Loaded {
  /** Files the process loaded: of the bundle and of packages (not Node's own modules). */
  files: number;
  /** Modules of dist/ those files hold. */
  own: number;
  /** Packages whose code those files hold, by name. */
  packages: string[];
}

/** The files the CLI loads for `args`, and the modules they hold (dist/chunks/modules.json lists a bundle file's). */
async function modulesLoaded(dir: string, args: string[]): Promise<Loaded> {
  const log = join(dir, `loaded-${args[0]?.replace(/\W/g, '') ?? 'none'}.txt`);
  writeFileSync(log, '');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, nextLoad) {\n  appendFileSync(process.env.BENCH_LOADED_LOG, url + '\\n');\n  return nextLoad(url, context);\n}\n`,
  );
  const register = join(dir, 'register.mjs');
  // CommonJS files that other CommonJS files require() pass no hook: the require cache lists them at exit.
  writeFileSync(
    register,
    `import { appendFileSync } from 'node:fs';\nimport { createRequire, register } from 'node:module';\nimport { pathToFileURL } from 'node:url';\n` +
      `register(${JSON.stringify(pathToFileURL(hooks).href)});\nconst { cache } = createRequire(import.meta.url);\n` +
      `process.on('exit', () => appendFileSync(process.env.BENCH_LOADED_LOG, Object.keys(cache).map((path) => pathToFileURL(path).href + '\\n').join('')));\n`,
  );
  await timedNode(['--import', pathToFileURL(register).href, CLI, ...args], { cwd: dir, env: { BENCH_LOADED_LOG: log } });
  const manifestFile = join(DIST, 'chunks', 'modules.json');
  const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string[]>) : {};
  const files = [
    ...new Set(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((url) => url.startsWith('file:'))
        .map((url) => new URL(url).pathname),
    ),
  ];
  const paths = files.flatMap((path) => manifest[relative(DIST, path)]?.map((module) => join(ROOT, module)) ?? [path]);
  const own = paths.filter((path) => !relative(DIST, path).startsWith('..') && !path.includes('/node_modules/')).length;
  const packages = [...new Set(paths.flatMap((path) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? []))].sort();
  return { files: files.length, own, packages };
}

async function startupSection(dir: string): Promise<string> {
  const runs = { bare: [] as number[], help: [] as number[], validate: [] as number[] };
  // One warm-up of each (file cache), then interleaved runs.
  await timedNode(['-e', '0']);
  await timedNode([CLI, '--help']);
  await timedNode([CLI, 'validate', EXAMPLES]);
  for (let i = 0; i < RUNS; i++) {
    runs.bare.push((await timedNode(['-e', '0'])).totalMs);
    runs.help.push((await timedNode([CLI, '--help'])).totalMs);
    runs.validate.push((await timedNode([CLI, 'validate', EXAMPLES])).totalMs);
  }
  const bare = median(runs.bare);
  const help = median(runs.help);
  const validate = median(runs.validate);
  const helpModules = await modulesLoaded(dir, ['--help']);
  const validateModules = await modulesLoaded(dir, ['validate', EXAMPLES]);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const modules = (loaded: Loaded) => `${loaded.files} files holding ${loaded.own} own modules and packages ${loaded.packages.join(', ')}`;
  return [
    `start-up: median of ${RUNS} interleaved runs of each, ratio to \`node -e 0\` (${ms(bare)})`,
    `  --help:                       ${ms(help)} = ${(help / bare).toFixed(1)}x node -e 0; ${modules(helpModules)}`,
    `  validate examples/pipelines:  ${ms(validate)} = ${(validate / bare).toFixed(1)}x node -e 0; ${modules(validateModules)}`,
  ].join('\n');
}

async function parallelismSection(dir: string): Promise<string> {
  const file = join(dir, 'parallelism.yaml');
  writeFileSync(file, fakerPipelineYaml(COUNT, 'par'));
  const emulator = await startEmulator({ port: 0, latencyMs: LATENCY_MS });
  const origin = new URL(emulator.url).origin;
  try {
    /** One apply from an empty workspace by the built CLI: start-up, plan and execute, as a user waits for them. */
    const applyOnce = async (parallelism: number): Promise<Timed> => {
      await fetch(`${origin}/_emulator/reset`, { method: 'POST' });
      // The wait for concurrent runs' creates (1.5 s per level, the same at any parallelism) is left out. The plan
      // discovers each new source (300 calls) as many at a time as apply runs operations: a server that takes 32
      // creates at once takes 32 discoveries (the default, 4, suits a real server's few discover workers).
      return timedNode([CLI, 'apply', file, '--url', emulator.url, '--auto-approve', '--parallelism', String(parallelism)], {
        cwd: dir,
        env: { AIRBYTE_CONVERGE_WAIT_MS: '0', AIRBYTE_DISCOVER_PARALLELISM: String(parallelism) },
      });
    };
    const at16: Timed[] = [];
    const at32: Timed[] = [];
    for (let i = 0; i < APPLY_RUNS; i++) {
      at16.push(await applyOnce(16));
      at32.push(await applyOnce(32));
    }
    const total = (runs: Timed[]) => median(runs.map((run) => run.totalMs));
    // The operations run after the plan is printed (--auto-approve: no wait in between) until the process exits.
    const operations = (runs: Timed[]) => median(runs.map((run) => run.totalMs - run.firstOutputMs));
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return [
      `apply parallelism: ${COUNT} sources + ${COUNT} destinations + ${COUNT} connections, emulator latency ${LATENCY_MS} ms per call, ` +
        `built CLI, median of ${APPLY_RUNS} interleaved runs (whole run / operations after the plan is printed), without the wait for concurrent runs, ` +
        `plan-time discovery of the new sources as wide as --parallelism`,
      `  --parallelism 16: ${seconds(total(at16))} / ${seconds(operations(at16))}`,
      `  --parallelism 32: ${seconds(total(at32))} / ${seconds(operations(at32))}`,
      `  32 vs 16: whole run ${(total(at16) / total(at32)).toFixed(2)}x faster, operations ${(operations(at16) / operations(at32)).toFixed(2)}x faster`,
    ].join('\n');
  } finally {
    await emulator.stop();
  }
}

/** Both sections; with `{ parallelism: false }` the start-up section alone (a few seconds instead of half a minute). */
export async function benchStartup(options: { parallelism?: boolean } = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  try {
    if (options.parallelism === false) return await startupSection(dir);
    return `${await startupSection(dir)}\n\n${await parallelismSection(dir)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
