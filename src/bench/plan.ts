/**
 * Plan benchmark: n sources + n destinations + n connections (four streams each) already in the emulator, for
 * n = 300, 1000 and 3000. For each size: how many HTTP calls a plan makes (list calls and pagination only, beside
 * what one `get` per resource would need), its wall time, its CPU time, the peak RSS of the process that plans, and
 * how time grows from one size to the next (the exponent k in time ∝ n^k: 1 is linear, 2 quadratic).
 *
 * The plan runs in a child process of its own per size, so the emulator's work (in this process) is not counted
 * in the plan's CPU time or memory.
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '../client/index.js';
import { startEmulator } from '../emulator/index.js';
import { prepare } from '../plan/prepare.js';
import { hasChanges } from '../plan/render/values.js';
import { seedThroughApi } from './seed.js';

const SIZES = [300, 1000, 3000];
/** Resources per file: a file holds at most 1 MiB. */
const PER_FILE = 250;
const CHILD_FLAG = '--plan-bench-child';

const ENV = { BENCH_PG_PASSWORD: 'bench-pg-password', BENCH_S3_KEY: 'bench-key', BENCH_S3_SECRET: 'bench-secret' };

const STREAMS = [
  '      - { name: customers, namespace: public, syncMode: incremental, destinationSyncMode: append, cursorField: [updated_at] }',
  '      - { name: orders, namespace: public, syncMode: full_refresh, destinationSyncMode: overwrite }',
  '      - { name: products, namespace: public, syncMode: full_refresh, destinationSyncMode: append }',
  '      - { name: order_items, namespace: public, syncMode: incremental, destinationSyncMode: append, cursorField: [updated_at] }',
];

/** n Postgres sources (with a password) → n S3 destinations, PER_FILE of each kind per file. */
export function writePipeline(dir: string, n: number): void {
  for (let first = 1; first <= n; first += PER_FILE) {
    const last = Math.min(n, first + PER_FILE - 1);
    const lines: string[] = ['sources:'];
    for (let i = first; i <= last; i++) {
      lines.push(
        `  - name: pg-${i}`,
        '    definition: Postgres',
        '    configuration:',
        `      { host: db-${i}.internal, port: 5432, database: ecommerce, username: reader, password: "\${BENCH_PG_PASSWORD}", ssl_mode: { mode: disable }, replication_method: { method: Standard } }`,
      );
    }
    lines.push('destinations:');
    for (let i = first; i <= last; i++) {
      lines.push(
        `  - name: lake-${i}`,
        '    definition: S3',
        '    configuration:',
        `      { s3_bucket_name: lake-${i}, s3_bucket_path: raw/, s3_bucket_region: us-east-1, access_key_id: "\${BENCH_S3_KEY}", secret_access_key: "\${BENCH_S3_SECRET}", format: { format_type: Parquet, compression_codec: SNAPPY } }`,
      );
    }
    lines.push('connections:');
    for (let i = first; i <= last; i++) {
      lines.push(
        `  - name: pg-${i} → lake-${i}`,
        `    source: pg-${i}`,
        `    destination: lake-${i}`,
        '    schedule: { units: 6, timeUnit: hours }',
        '    streams:',
        ...STREAMS,
      );
    }
    writeFileSync(join(dir, `pipeline-${String(first).padStart(5, '0')}.yaml`), lines.join('\n') + '\n');
  }
}

interface Counters {
  total: number;
  byPath: Record<string, number>;
}

/** What the child reports for one size. */
interface ChildResult {
  runs: { wallMs: number; cpuMs: number; calls: Counters }[];
  changes: boolean;
  peakRssMb: number;
}

/** The emulator's request counters; asked again once if the server closed an idle kept-alive socket meanwhile. */
async function counters(origin: string, retry = true): Promise<Counters> {
  try {
    return (await (await fetch(`${origin}/_emulator/requests`)).json()) as Counters;
  } catch (error) {
    if (!retry) throw error;
    return counters(origin, false);
  }
}

const difference = (after: Counters, before: Counters): Counters => ({
  total: after.total - before.total,
  byPath: Object.fromEntries(
    Object.entries(after.byPath)
      .map(([path, count]) => [path, count - (before.byPath[path] ?? 0)] as const)
      .filter(([, count]) => count !== 0),
  ),
});

/** In the child: `runs` plans of `dir` against `url`, each with a client of its own. */
async function planInChild(url: string, dir: string, runs: number): Promise<ChildResult> {
  const origin = new URL(url).origin;
  const env = { ...process.env, ...ENV };
  const result: ChildResult = { runs: [], changes: false, peakRssMb: 0 };
  for (let run = 0; run < runs; run++) {
    const client = createClient({ baseUrl: url, auth: { mode: 'none' } });
    const before = await counters(origin);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const prepared = await prepare(client, { paths: [dir], env });
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const after = await counters(origin);
    await client.close();
    result.changes ||= hasChanges(prepared.plan.summary);
    result.runs.push({ wallMs, cpuMs: (used.user + used.system) / 1000, calls: difference(after, before) });
  }
  // maxRSS is in kilobytes.
  result.peakRssMb = process.resourceUsage().maxRSS / 1024;
  return result;
}

function runChild(url: string, dir: string, runs: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, url, dir, String(runs)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: ChildResult | undefined;
    child.on('message', (message) => (result = message as ChildResult));
    child.on('error', reject);
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`plan benchmark child exited with ${code}`))));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

interface SizeResult {
  n: number;
  seedMs: number;
  wallMs: number;
  cpuMs: number;
  child: ChildResult;
}

async function measure(n: number, runs: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-plan-'));
  const emulator = await startEmulator({ port: 0 });
  try {
    mkdirSync(dir, { recursive: true });
    writePipeline(dir, n);
    const seeded = performance.now();
    await seedThroughApi(emulator.url, [dir], { ...process.env, ...ENV }, 16);
    const seedMs = performance.now() - seeded;
    const child = await runChild(emulator.url, dir, runs);
    return { n, seedMs, wallMs: median(child.runs.map((r) => r.wallMs)), cpuMs: median(child.runs.map((r) => r.cpuMs)), child };
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** k in cost ∝ n^k between two sizes. */
const exponent = (a: SizeResult, b: SizeResult, cost: (r: SizeResult) => number) => Math.log(cost(b) / cost(a)) / Math.log(b.n / a.n);

export async function benchPlan(sizes = SIZES, runs = 3): Promise<string> {
  const results: SizeResult[] = [];
  for (const n of sizes) results.push(await measure(n, runs));
  const lines = [`plan of n sources + n destinations + n connections (4 streams each; already in Airbyte, emulator without latency), median of ${runs} runs:`];
  for (const result of results) {
    const calls = result.child.runs[result.child.runs.length - 1]?.calls ?? { total: 0, byPath: {} };
    const specCalls = Object.entries(calls.byPath)
      .filter(([path]) => path.includes('specifications'))
      .reduce((sum, [, count]) => sum + count, 0);
    // A client that reads each resource with its own `get` needs the same workspace, definition and spec calls plus one per resource.
    const perResource = 1 + 2 + specCalls + 3 * result.n;
    lines.push(
      `  n = ${result.n}: ${result.child.changes ? 'CHANGES (unexpected)' : 'No changes'}; seeded in ${(result.seedMs / 1000).toFixed(1)} s`,
      `    time ${result.wallMs.toFixed(0)} ms, CPU ${result.cpuMs.toFixed(0)} ms (runs: ${result.child.runs.map((r) => r.cpuMs.toFixed(0)).join(', ')} ms CPU), peak RSS ${result.child.peakRssMb.toFixed(0)} MB`,
      `    HTTP calls: ${calls.total}  (one get per resource would need at least ${perResource})`,
      ...Object.entries(calls.byPath)
        .sort()
        .map(([path, count]) => `      ${String(count).padStart(4)}  ${path}`),
    );
  }
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1] as SizeResult, results[i] as SizeResult];
    lines.push(
      `  growth n = ${a.n} → ${b.n}: CPU ×${(b.cpuMs / a.cpuMs).toFixed(2)} (exponent ${exponent(a, b, (r) => r.cpuMs).toFixed(2)}), ` +
        `time ×${(b.wallMs / a.wallMs).toFixed(2)} (exponent ${exponent(a, b, (r) => r.wallMs).toFixed(2)}); n ×${(b.n / a.n).toFixed(2)}`,
    );
  }
  return lines.join('\n');
}

if (process.argv[2] === CHILD_FLAG) {
  const [url, dir, runs] = process.argv.slice(3) as [string, string, string];
  const result = await planInChild(url, dir, Number(runs));
  process.send?.(result, () => process.exit(0));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `node dist/bench/plan.js [n...]`: this benchmark alone, at the sizes given.
  const sizes = process.argv.slice(2).map(Number);
  process.stdout.write(`${await benchPlan(sizes.length > 0 ? sizes : SIZES)}\n`);
}
