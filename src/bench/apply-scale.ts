/**
 * Apply at scale: N sources + N destinations + N connections (2 streams each) created from an empty workspace by the
 * CLI (`apply --auto-approve`, a child process) against an emulator in another child process, beside the same creates,
 * discoveries and connection creates sent directly with the same concurrency. Reports time, HTTP calls and the CLI's
 * peak RSS at each size, the ratio to the direct calls (also without the wait that makes concurrent applies converge,
 * a fixed cost per dependency level), and the growth exponent between sizes (1 is linear); the runs of one size are
 * interleaved and their medians compared. Then
 * `apply --emulator` (the embedded emulator) creating about 1,000 resources.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startChild, stopChild } from './emulator.js';
import { writeLargePipeline } from './pipeline.js';

/** The large pipeline, split into files of at most 200 connections with their sources and destinations (a file is limited to 1 MiB). */
export function writeSplitPipeline(dir: string, n: number): NodeJS.ProcessEnv {
  const whole = join(dir, 'whole');
  const env = writeLargePipeline(whole, n);
  const text = readFileSync(join(whole, 'pipeline.yaml'), 'utf8');
  rmSync(whole, { recursive: true, force: true });
  // Each resource starts with "  - name:" under its section; cut the sections into chunks and pair them up by index.
  const sections = ['sources', 'destinations', 'connections'].map((name) => {
    const start = text.indexOf(`${name}:\n`);
    const next = ['sources:', 'destinations:', 'connections:'].map((s) => text.indexOf(`\n${s}\n`, start + 1)).filter((i) => i > start);
    const body = text.slice(start + name.length + 2, next.length > 0 ? Math.min(...next) + 1 : text.length);
    return body.split(/\n(?= {2}- name:)/).map((item) => item.replace(/\n?$/, '\n'));
  });
  mkdirSync(dir, { recursive: true });
  for (let first = 0, part = 0; first < n; first += 200, part++) {
    const chunk = (items: string[]) => items.slice(first, first + 200).join('');
    const [sources = [], destinations = [], connections = []] = sections;
    writeFileSync(join(dir, `part-${part}.yaml`), `sources:\n${chunk(sources)}destinations:\n${chunk(destinations)}connections:\n${chunk(connections)}`);
  }
  return env;
}

const CLI = resolve(import.meta.dirname, '../cli/main.js');
const SEED = resolve(import.meta.dirname, 'seed-main.js');
const PARALLELISM = 8;

/** The high-water mark of a process's resident memory (Linux), in MiB; undefined elsewhere. */
function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** How a child process ended: its status, wall time, peak RSS and the end of its output. */
interface Run {
  code: number | null;
  ms: number;
  peakMiB: number | undefined;
  tail: string;
}

/** Runs the CLI to its end; the peak RSS is sampled until it exits (the high-water mark only grows). */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return runNode(CLI, args, env);
}

/** Runs a script in a fresh Node process to its end, sampling its peak RSS. */
function runNode(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let peak: number | undefined;
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-2000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const sampler = setInterval(() => {
    const now = peakRssMiB(child.pid);
    if (now !== undefined) peak = Math.max(peak ?? 0, now);
  }, 25);
  return new Promise((done) =>
    child.once('exit', (code) => {
      clearInterval(sampler);
      done({ code, ms: performance.now() - started, peakMiB: peak, tail });
    }),
  );
}

async function requests(url: string): Promise<number> {
  return ((await (await fetch(`${new URL(url).origin}/_emulator/requests`)).json()) as { total: number }).total;
}

interface Measure {
  n: number;
  applyMs: number;
  applyCalls: number;
  peakMiB: number | undefined;
  /** The same apply with AIRBYTE_CONVERGE_WAIT_MS=0: no wait before the listings that make concurrent runs converge. */
  noWaitMs: number;
  directMs: number;
  directCalls: number;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;

/** The same creates and discoveries sent directly, from a fresh process like the CLI's: no plan, no convergence. */
async function direct(dir: string, file: string, env: NodeJS.ProcessEnv, round: number): Promise<{ ms: number; calls: number }> {
  const emulator = await startChild(join(dir, `direct-${round}.json`));
  try {
    const run = await runNode(SEED, [emulator.url, String(PARALLELISM), file], env);
    if (run.code !== 0) throw new Error(`the direct calls exited ${run.code}: ${run.tail}`);
    return { ms: run.ms, calls: await requests(emulator.url) };
  } finally {
    await stopChild(emulator);
  }
}

async function apply(dir: string, file: string, env: NodeJS.ProcessEnv, name: string) {
  const emulator = await startChild(join(dir, `${name}.json`));
  try {
    // Discoveries too at the direct calls' concurrency (apply's default is 4, the discover workers of a real server).
    const run = await runCli(['apply', file, '--url', emulator.url, '--auto-approve', '--parallelism', String(PARALLELISM)], {
      AIRBYTE_DISCOVER_PARALLELISM: String(PARALLELISM),
      ...env,
    });
    if (run.code !== 0) throw new Error(`apply exited ${run.code}: ${run.tail}`);
    return { ...run, calls: await requests(emulator.url) };
  } finally {
    await stopChild(emulator);
  }
}

/**
 * `rounds` rounds of direct, apply and apply without the convergence wait, interleaved so that the load of a shared
 * machine falls on all three alike; medians.
 */
async function measure(n: number, rounds: number): Promise<Measure> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-apply-scale-'));
  try {
    const env = writeSplitPipeline(join(dir, 'pipeline'), n);
    const file = join(dir, 'pipeline');
    const directs: { ms: number; calls: number }[] = [];
    const applies: Awaited<ReturnType<typeof apply>>[] = [];
    const noWaits: number[] = [];
    for (let round = 0; round < rounds; round++) {
      directs.push(await direct(dir, file, env, round));
      applies.push(await apply(dir, file, env, `apply-${round}`));
      noWaits.push((await apply(dir, file, { ...env, AIRBYTE_CONVERGE_WAIT_MS: '0' }, `nowait-${round}`)).ms);
    }
    const peaks = applies.flatMap((run) => (run.peakMiB === undefined ? [] : [run.peakMiB]));
    return {
      n,
      applyMs: median(applies.map((run) => run.ms)),
      applyCalls: median(applies.map((run) => run.calls)),
      peakMiB: peaks.length === 0 ? undefined : Math.max(...peaks),
      noWaitMs: median(noWaits),
      directMs: median(directs.map((run) => run.ms)),
      directCalls: median(directs.map((run) => run.calls)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `apply --emulator` from an empty embedded emulator: its own state file, created fresh. */
async function embedded(n: number): Promise<{ ms: number; code: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-apply-embedded-'));
  try {
    const env = { ...writeSplitPipeline(join(dir, 'pipeline'), n), AIRBYTE_EMULATOR_STATE: join(dir, 'state.json') };
    const run = await runCli(['apply', join(dir, 'pipeline'), '--emulator', '--auto-approve'], env);
    if (run.code !== 0) throw new Error(`apply --emulator exited ${run.code}: ${run.tail}`);
    return { ms: run.ms, code: run.code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchApplyScale(sizes = [300, 1000, 3000], rounds = 3): Promise<string> {
  const results: Measure[] = [];
  for (const n of sizes) results.push(await measure(n, rounds));
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const exponent = (a: Measure, b: Measure, pick: (m: Measure) => number) => (Math.log(pick(b) / pick(a)) / Math.log(b.n / a.n)).toFixed(2);
  const lines = [
    `apply at scale: N sources + N destinations + N connections from an empty workspace, --parallelism ${PARALLELISM}, emulator in a child process (no latency); ` +
      `beside the same creates and discoveries sent directly at the same concurrency from a fresh process (as the CLI's); median of ${rounds} interleaved rounds`,
    ...results.map(
      (m) =>
        `  N=${m.n}: apply ${s(m.applyMs)}, ${m.applyCalls} calls, CLI peak RSS ${m.peakMiB === undefined ? 'n/a' : `${m.peakMiB.toFixed(0)} MiB`}; ` +
        `direct ${s(m.directMs)}, ${m.directCalls} calls; apply / direct = ${(m.applyMs / m.directMs).toFixed(2)}x ` +
        `(${(m.noWaitMs / m.directMs).toFixed(2)}x without the convergence wait: AIRBYTE_CONVERGE_WAIT_MS=0, ${s(m.noWaitMs)})`,
    ),
  ];
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1] as Measure, results[i] as Measure];
    lines.push(`  growth ${a.n}→${b.n}: apply ${exponent(a, b, (m) => m.applyMs)}, direct ${exponent(a, b, (m) => m.directMs)} (1.0 is linear)`);
  }
  const third = 334;
  const emb = await embedded(third);
  lines.push(`  apply --emulator (embedded), ${third * 3} creates: ${s(emb.ms)}`);
  return lines.join('\n');
}
