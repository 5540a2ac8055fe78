/**
 * The exit-code contract, through the CLI against the emulator: `plan --detailed-exitcode` exits 0 for no changes,
 * 2 for any change (create, update, replace and delete each on its own), 1 on errors; `apply` exits 0 when applied.
 * apply's other statuses: 1 for a failed step (apply/e2e.test.ts), 130 when interrupted (apply/faults.test.ts,
 * the built CLI and a real signal).
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../../src/emulator/index.js';
import { emulator } from '../apply/helpers.js';
import { runCli } from '../cli.js';
import { tempDir } from '../temp.js';

interface Connection {
  name: string;
  destination: string;
}

/** A Faker source, two Local JSON destinations and the given connections from the source. */
function pipeline(connections: Connection[], path = '/local/one'): string {
  const lines = [
    'sources:',
    '  - name: faker',
    '    definition: Sample Data (Faker)',
    '    configuration: { count: 100, seed: 1 }',
    'destinations:',
    '  - name: one',
    '    definition: Local JSON',
    `    configuration: { destination_path: ${path} }`,
    '  - name: two',
    '    definition: Local JSON',
    '    configuration: { destination_path: /local/two }',
    'connections:',
  ];
  for (const { name, destination } of connections) {
    lines.push(`  - name: ${name}`, '    source: faker', `    destination: ${destination}`, '    streams:');
    lines.push('      - { name: users, syncMode: full_refresh, destinationSyncMode: overwrite }');
  }
  return `${lines.join('\n')}\n`;
}

const BOTH = [
  { name: 'to-one', destination: 'one' },
  { name: 'to-two', destination: 'two' },
];

function write(text: string): string {
  const file = join(tempDir(), 'pipeline.yaml');
  writeFileSync(file, text);
  return file;
}

/** The plan's summary and the exit status of `plan --detailed-exitcode` (plus `extra` flags). */
async function planned(server: EmulatorHandle, file: string, ...extra: string[]) {
  const json = await runCli(['plan', file, '--url', server.url, '--json', ...extra]);
  expect(json.code, json.stderr).toBe(0);
  const { summary } = JSON.parse(json.stdout) as { summary: Record<string, number> };
  const detailed = await runCli(['plan', file, '--url', server.url, '--detailed-exitcode', ...extra]);
  return { summary, code: detailed.code, stderr: detailed.stderr };
}

/** A loopback port that nothing listens on (taken, then released). */
function closedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function applied(server: EmulatorHandle, text: string): Promise<void> {
  const run = await runCli(['apply', write(text), '--url', server.url, '--auto-approve']);
  expect(run.code, run.stderr).toBe(0);
}

describe('plan --detailed-exitcode', () => {
  it('exits 2 for a plan that only creates, and apply exits 0 having applied it', async () => {
    const server = await emulator();
    const file = write(pipeline(BOTH));
    expect(await planned(server, file)).toEqual({ summary: { create: 5, update: 0, replace: 0, delete: 0, 'no-op': 0 }, code: 2, stderr: '' });
    const run = await runCli(['apply', file, '--url', server.url, '--auto-approve']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Apply complete: 5 created, 0 updated, 0 deleted.');
  });

  it('exits 0 when Airbyte matches the pipeline', async () => {
    const server = await emulator();
    await applied(server, pipeline(BOTH));
    expect(await planned(server, write(pipeline(BOTH)))).toEqual({ summary: { create: 0, update: 0, replace: 0, delete: 0, 'no-op': 5 }, code: 0, stderr: '' });
  });

  it('exits 2 for a plan that only updates', async () => {
    const server = await emulator();
    await applied(server, pipeline(BOTH));
    const file = write(pipeline(BOTH, '/local/moved'));
    expect(await planned(server, file)).toEqual({ summary: { create: 0, update: 1, replace: 0, delete: 0, 'no-op': 4 }, code: 2, stderr: '' });
  });

  it('exits 2 for a plan that only replaces (a connection moved to another destination)', async () => {
    const server = await emulator();
    await applied(server, pipeline([{ name: 'moving', destination: 'one' }]));
    const file = write(pipeline([{ name: 'moving', destination: 'two' }]));
    expect(await planned(server, file)).toEqual({ summary: { create: 0, update: 0, replace: 1, delete: 0, 'no-op': 3 }, code: 2, stderr: '' });
  });

  it('exits 2 for a plan that only deletes (--prune), and 0 without --prune, which deletes nothing', async () => {
    const server = await emulator();
    await applied(server, pipeline(BOTH));
    const file = write(pipeline([{ name: 'to-one', destination: 'one' }]));
    expect(await planned(server, file, '--prune')).toEqual({ summary: { create: 0, update: 0, replace: 0, delete: 1, 'no-op': 4 }, code: 2, stderr: '' });
    expect((await planned(server, file)).code).toBe(0);
  });

  it('exits 1 for an invalid pipeline and for a server it cannot reach', async () => {
    const server = await emulator();
    const invalid = await runCli([
      'plan',
      write('sources: [{ name: x }]\nconnections: [{ name: c, source: nowhere }]\n'),
      '--url',
      server.url,
      '--detailed-exitcode',
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/error:/);
    const url = `http://127.0.0.1:${await closedPort()}/api/v1`;
    const unreachable = await runCli(['plan', write(pipeline(BOTH)), '--url', url, '--detailed-exitcode']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(`could not connect to Airbyte at ${url}`);
  });
});
