/**
 * `apply --parallelism N` keeps up to N operations in flight, so the client must be able to open N sockets: a
 * fixed pool smaller than N would queue the extra operations and make a higher --parallelism no faster. Counted at
 * the server side, through a TCP proxy in front of an emulator that answers every call after 50 ms.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARALLELISM } from '../../src/apply/executor.js';
import { DEFAULT_MAX_CONNECTIONS } from '../../src/client/index.js';
import { DEFAULT_PARALLELISM as HELP_DEFAULT_PARALLELISM } from '../../src/commands/define/apply.js';
import { startEmulator } from '../../src/emulator/index.js';
import { cleanupAfterEachTest } from '../cleanup.js';
import { runCli } from '../cli.js';
import { tempDir } from '../temp.js';

const SOURCES = 48;

interface CountingProxy {
  url: string;
  /** Client sockets open at the same time, at most. */
  maxOpen: () => number;
  close: () => Promise<void>;
}

/** Forwards every connection to `target` and counts how many are open at once. */
async function countingProxy(target: URL): Promise<CountingProxy> {
  let open = 0;
  let maxOpen = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    // A connection ends at the first close of either side: the server closing an idle one must not be counted as
    // open until the proxy's own close event for the client side arrives (the client may have opened another by then).
    let ended = false;
    const end = () => {
      if (!ended) open--;
      ended = true;
    };
    client.on('close', () => {
      end();
      upstream.destroy();
    });
    upstream.on('end', end);
    upstream.on('close', () => {
      end();
      client.destroy();
    });
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    maxOpen: () => maxOpen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const stops: (() => Promise<void>)[] = [];
cleanupAfterEachTest(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** Applies SOURCES new sources (one level of the plan: all can be created at once) and returns the sockets used. */
async function socketsForApply(parallelism: number): Promise<number> {
  // Long enough that every operation of a level is in flight together even on a busy machine.
  const emulator = await startEmulator({ port: 0, latencyMs: 400 });
  stops.push(() => emulator.stop());
  const proxy = await countingProxy(new URL(emulator.url));
  stops.push(() => proxy.close());
  const dir = tempDir('gitops-parallelism-');
  const lines = ['sources:'];
  for (let i = 0; i < SOURCES; i++) lines.push(`  - name: faker-${i}`, '    definition: Sample Data (Faker)', '    configuration:', `      count: ${100 + i}`);
  writeFileSync(join(dir, 'pipeline.yaml'), `${lines.join('\n')}\n`);
  const result = await runCli(['apply', join(dir, 'pipeline.yaml'), '--url', proxy.url, '--auto-approve', '--parallelism', String(parallelism)]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(emulator.state.sources).toHaveLength(SOURCES);
  return proxy.maxOpen();
}

describe('apply --parallelism sizes the connection pool', () => {
  it('opens more sockets than the pool default when more operations are in flight (32 and 24), never more than that', async () => {
    // Exactly N needs every operation of a level to be in flight at the same instant, which a busy machine does not
    // promise; above the default of 16 and at most N is what a pool sized by --parallelism gives, and a fixed one cannot.
    // (An idle socket the server closes is replaced: counted closed at its first close, it is never one too many.)
    const at32 = await socketsForApply(32);
    expect(at32).toBeGreaterThan(DEFAULT_MAX_CONNECTIONS);
    expect(at32).toBeLessThanOrEqual(32);
    const at24 = await socketsForApply(24);
    expect(at24).toBeGreaterThan(DEFAULT_MAX_CONNECTIONS);
    expect(at24).toBeLessThanOrEqual(24);
  });

  it('keeps the default pool (16 sockets) for a lower --parallelism, never more', async () => {
    expect(DEFAULT_MAX_CONNECTIONS).toBe(16);
    expect(await socketsForApply(4)).toBeLessThanOrEqual(DEFAULT_MAX_CONNECTIONS);
  });

  it('shows the executor default in --help', async () => {
    expect(HELP_DEFAULT_PARALLELISM).toBe(DEFAULT_PARALLELISM);
    const help = await runCli(['apply', '--help']);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('--parallelism <n> operations in flight at once');
    expect(text).toContain(`(default: "${DEFAULT_PARALLELISM}")`);
  });
});
