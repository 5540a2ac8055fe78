/**
 * Emulator benchmark: the emulator as CI users run it (`airbyte-gitops emulator --data <file>`, a child process),
 * seeded through HTTP with N sources + N destinations + N connections (5 streams each) at N = 300, 1000 and 3000.
 * Reports create and listing throughput (full listings paged as the client pages them), the time a restart takes
 * to load the state, the emulator's peak RSS and heap, and the growth exponent between sizes: 1 is linear.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WORKSPACE_ID } from '../emulator/index.js';
import { mapLimit } from '../util/pool.js';

const SIZES = [300, 1000, 3000];
const CONCURRENCY = 16;
const FOLLOW_UP_PAGE = 100;
const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const POSTGRES_SOURCE = 'decd338e-5647-4c0b-adf4-da0e75f5a750';
const LOCAL_JSON_DESTINATION = 'a625d593-bba5-4a1c-a53d-2d246268a816';
/** Two schemas of an ecommerce database discover 8 tables; connections select 5. */
const STREAMS = [
  ['public', 'customers'],
  ['public', 'orders'],
  ['public', 'products'],
  ['archive', 'customers'],
  ['archive', 'orders'],
];

export interface Running {
  child: ChildProcess;
  url: string;
}

export function startChild(dataFile: string): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'emulator', '--data', dataFile, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+\/api\/v1)/.exec(output)?.[1];
      if (url !== undefined) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ child, url });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening: ${output}`)));
  });
}

export function stopChild(running: Running): Promise<void> {
  return new Promise((resolve) => {
    if (running.child.exitCode !== null) return resolve();
    running.child.once('exit', () => resolve());
    running.child.kill('SIGTERM');
  });
}

// Answers are JSON documents whose shape each caller knows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(url: string, path: string, body: unknown): Promise<any> {
  const response = await fetch(`${url}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

/** Peak resident set of a process (Linux: VmHWM), undefined elsewhere. */
function peakRss(pid: number | undefined): number | undefined {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}

/** CPU time a process has used, user + system (Linux: /proc/<pid>/stat, in clock ticks of 10 ms), undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
    const ticks = Number(fields?.[11]) + Number(fields?.[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

async function memory(url: string): Promise<{ rssBytes: number; heapUsedBytes: number }> {
  const answer = await fetch(`${new URL(url).origin}/_emulator/requests`);
  return ((await answer.json()) as { memory: { rssBytes: number; heapUsedBytes: number } }).memory;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function seed(url: string, n: number): Promise<void> {
  const indexes = Array.from({ length: n }, (_, i) => i);
  const sources = await mapLimit(indexes, CONCURRENCY, async (i) => {
    const read = await call(url, 'sources/create', {
      workspaceId: DEFAULT_WORKSPACE_ID,
      sourceDefinitionId: POSTGRES_SOURCE,
      name: `bench-source-${i}`,
      connectionConfiguration: {
        host: `db-${i}.internal`,
        port: 5432,
        database: 'ecommerce',
        schemas: ['public', 'archive'],
        username: 'reader',
        password: `secret-${i}`,
      },
    });
    return read.sourceId as string;
  });
  const destinations = await mapLimit(indexes, CONCURRENCY, async (i) => {
    const read = await call(url, 'destinations/create', {
      workspaceId: DEFAULT_WORKSPACE_ID,
      destinationDefinitionId: LOCAL_JSON_DESTINATION,
      name: `bench-dest-${i}`,
      connectionConfiguration: { destination_path: `/local/bench-${i}` },
    });
    return read.destinationId as string;
  });
  const streams = STREAMS.map(([namespace, name]) => ({
    stream: { name, namespace },
    config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true },
  }));
  await mapLimit(indexes, CONCURRENCY, (i) =>
    call(url, 'connections/create', {
      name: `bench-conn-${i}`,
      sourceId: sources[i],
      destinationId: destinations[i],
      status: 'active',
      scheduleType: 'manual',
      syncCatalog: { streams },
    }),
  );
}

/** Every source, paged as the client pages (the default first page, then 100 at a time); returns the request count. */
async function listAllSources(url: string, n: number): Promise<number> {
  let requests = 0;
  let seen = 0;
  let body: Record<string, unknown> = { workspaceId: DEFAULT_WORKSPACE_ID };
  for (;;) {
    const page = await call(url, 'sources/list', body);
    requests++;
    const items = page.sources as { sourceId: string }[];
    seen += items.length;
    if (items.length < page.page_size) break;
    body = { workspaceId: DEFAULT_WORKSPACE_ID, pageSize: FOLLOW_UP_PAGE, cursor: items.at(-1)?.sourceId };
  }
  if (seen !== n) throw new Error(`sources/list paged ${seen} sources, expected ${n}`);
  return requests;
}

interface Measure {
  n: number;
  seedMs: number;
  /** The emulator's own CPU time while seeding: steadier than wall time on a busy machine. */
  seedCpuMs: number | undefined;
  creates: number;
  sourcesListMs: number;
  sourcesListRequests: number;
  connectionsListMs: number;
  restartMs: number;
  fileBytes: number;
  peakRssBytes: number | undefined;
  heapUsedBytes: number;
}

async function measure(n: number): Promise<Measure> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-emulator-'));
  const dataFile = join(dir, 'state.json');
  let running = await startChild(dataFile);
  try {
    const cpuBefore = cpuMs(running.child.pid);
    const seeded = await timed(() => seed(running.url, n));
    const cpuAfter = cpuMs(running.child.pid);
    const sources = await timed(() => listAllSources(running.url, n));
    const connections = await timed(async () => {
      const listed = await call(running.url, 'connections/list', { workspaceId: DEFAULT_WORKSPACE_ID });
      if (listed.connections.length !== n) throw new Error(`connections/list gave ${listed.connections.length} connections, expected ${n}`);
    });
    const heapUsedBytes = (await memory(running.url)).heapUsedBytes;
    const peakRssBytes = peakRss(running.child.pid);
    await stopChild(running);
    const restarted = await timed(() => startChild(dataFile));
    running = restarted.value;
    return {
      n,
      seedMs: seeded.ms,
      seedCpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
      creates: 3 * n,
      sourcesListMs: sources.ms,
      sourcesListRequests: sources.value,
      connectionsListMs: connections.ms,
      restartMs: restarted.ms,
      fileBytes: statSync(dataFile).size,
      peakRssBytes,
      heapUsedBytes,
    };
  } finally {
    await stopChild(running);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** d log(cost) / d log(n): 1 is linear, 2 quadratic. */
function exponent(a: Measure, b: Measure, cost: (m: Measure) => number): string {
  return (Math.log(cost(b) / cost(a)) / Math.log(b.n / a.n)).toFixed(2);
}

const mib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MiB`);
const perSecond = (count: number, ms: number) => `${Math.round((count * 1000) / ms)}/s`;

export async function benchEmulator(): Promise<string> {
  const runs: Measure[] = [];
  for (const n of SIZES) runs.push(await measure(n));
  const lines = [
    `emulator: N sources + N destinations + N connections (5 streams), created over HTTP at concurrency ${CONCURRENCY}, ` +
      `\`emulator --data\` in a child process`,
  ];
  for (const m of runs) {
    lines.push(
      `  N=${m.n}: creates ${perSecond(m.creates, m.seedMs)} (${m.creates} in ${(m.seedMs / 1000).toFixed(1)} s, ` +
        `emulator CPU ${m.seedCpuMs === undefined ? 'n/a' : `${(m.seedCpuMs / m.creates).toFixed(2)} ms per create`}); ` +
        `sources/list ${perSecond(m.sourcesListRequests, m.sourcesListMs)} (full listing ${m.sourcesListRequests} pages, ${Math.round(m.sourcesListMs)} ms); ` +
        `connections/list ${Math.round(m.connectionsListMs)} ms; restart ${Math.round(m.restartMs)} ms; ` +
        `file ${mib(m.fileBytes)}; peak RSS ${mib(m.peakRssBytes)}, heap ${mib(m.heapUsedBytes)}`,
    );
  }
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1] as Measure, runs[i] as Measure];
    lines.push(
      `  growth ${a.n}→${b.n}: seeding ${exponent(a, b, (m) => m.seedMs)} (emulator CPU ${exponent(a, b, (m) => m.seedCpuMs ?? NaN)}), sources/list full listing ${exponent(a, b, (m) => m.sourcesListMs)}, ` +
        `connections/list ${exponent(a, b, (m) => m.connectionsListMs)}, heap ${exponent(a, b, (m) => m.heapUsedBytes)} (1 = linear)`,
    );
  }
  return lines.join('\n');
}
