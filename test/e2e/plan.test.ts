/**
 * `plan` end to end: the real CLI against the emulator on a loopback port, with the example pipelines put into
 * Airbyte through the API. Proves the README's promises: no changes when nothing changed (even with secrets), one
 * field changed gives exactly that field, problems found against the server point at file:line, nothing is written.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { runCli } from '../cli.js';
import { tempDir } from '../temp.js';
import { seedThroughApi } from '../../src/bench/seed.js';

const SECRETS = {
  PG_PASSWORD: 'pg-Secret-7731',
  STAGING_PG_PASSWORD: 'stg-Secret-2209',
  MINIO_ACCESS_KEY: 'AKIA-Secret-5150',
  MINIO_SECRET_KEY: 'minio-Secret-8642',
};

let emulator: EmulatorHandle;
let dir: string;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, jobDurationMs: 200 });
  dir = tempDir('plan-e2e-');
  cpSync('examples/pipelines', dir, { recursive: true });
});
afterEach(async () => {
  await emulator.stop();
});

/** A loopback port that nothing listens on (taken, then released). */
function closedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const origin = () => new URL(emulator.url).origin;
async function requests(): Promise<{ total: number; writes: number; byPath: Record<string, number> }> {
  return (await fetch(`${origin()}/_emulator/requests`)).json() as Promise<{ total: number; writes: number; byPath: Record<string, number> }>;
}
function plan(...args: string[]) {
  return runCli(['plan', dir, '--url', emulator.url, ...args], { env: SECRETS });
}
function edit(file: string, from: string, to: string): { line: number; col: number } {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  const before = text.slice(0, text.indexOf(from));
  writeFileSync(path, text.replace(from, to));
  const lines = before.split('\n');
  return { line: lines.length, col: (lines[lines.length - 1] as string).length + 1 };
}
function expectNoSecrets(...outputs: string[]): void {
  for (const output of outputs) for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
}

describe('plan against a workspace that matches the pipeline', () => {
  beforeEach(async () => {
    await seedThroughApi(emulator.url, [dir], { ...process.env, ...SECRETS });
  });

  it('prints No changes and exits 0 with --detailed-exitcode, although every secret reads back masked', async () => {
    const result = await plan('--detailed-exitcode');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('No changes. Airbyte matches the pipeline.');
    expect(result.code).toBe(0);
    const state = await (await fetch(`${origin()}/_emulator/state`)).text();
    expect(state).toContain(SECRETS.PG_PASSWORD); // the secrets really are in Airbyte
    expectNoSecrets(result.stdout, result.stderr);
  });

  it('makes a fixed set of list calls: no get per resource and no discovery', async () => {
    const before = await requests();
    expect((await plan()).code).toBe(0);
    const after = await requests();
    const calls = Object.fromEntries(
      Object.entries(after.byPath)
        .map(([path, n]) => [path, n - (before.byPath[path] ?? 0)])
        .filter(([, n]) => n !== 0),
    );
    expect(after.writes - before.writes).toBe(0);
    expect(Object.keys(calls).filter((path) => (path.endsWith('/get') && !path.includes('specifications')) || path.includes('discover'))).toEqual([]);
    // One spec per distinct connector definition the pipeline uses (Postgres, Faker, S3, Local JSON, Postgres).
    expect((calls['/api/v1/source_definition_specifications/get'] ?? 0) + (calls['/api/v1/destination_definition_specifications/get'] ?? 0)).toBe(5);
    expect(calls['/api/v1/sources/list']).toBe(1);
    expect(calls['/api/v1/connections/list']).toBe(1);
  });

  it('shows exactly one update with exactly the changed field, and exits 2 with --detailed-exitcode', async () => {
    edit('ecommerce.yaml', 's3_bucket_path: bronze/', 's3_bucket_path: silver/');
    const result = await plan('--json', '--detailed-exitcode');
    expect(result.code).toBe(2);
    const json = JSON.parse(result.stdout) as { changes: { kind: string; name: string; action: string; fields: unknown[] }[]; summary: Record<string, number> };
    const changed = json.changes.filter((change) => change.action !== 'no-op');
    expect(changed).toEqual([
      expect.objectContaining({
        kind: 'destination',
        name: 'MinIO - Bronze',
        action: 'update',
        fields: [{ path: 'configuration.s3_bucket_path', before: 'bronze/', after: 'silver/' }],
      }),
    ]);
    expect(json.summary).toEqual({ create: 0, update: 1, replace: 0, delete: 0, 'no-op': 7 });
    expectNoSecrets(result.stdout, result.stderr);
  });

  it('renders the same change as text and as Markdown with a Mermaid diagram', async () => {
    edit('ecommerce.yaml', 's3_bucket_path: bronze/', 's3_bucket_path: silver/');
    const text = await plan();
    expect(text.stdout).toContain("~ destination 'MinIO - Bronze' will be updated in place");
    expect(text.stdout).toContain('~ configuration.s3_bucket_path: "bronze/" → "silver/"');
    expect(text.stdout).toContain('Plan: 0 to create, 1 to update, 0 to delete.');
    const markdown = await plan('--markdown');
    expect(markdown.stdout).toContain('```mermaid');
    expect(markdown.stdout).toContain('<details>');
    expectNoSecrets(text.stdout, markdown.stdout, text.stderr, markdown.stderr);
  });

  it('coerces a whole ${VAR} to the type the connector asks for', async () => {
    edit('ecommerce.yaml', 'port: 5432', 'port: ${PG_PORT}');
    const coerced = await runCli(['plan', dir, '--url', emulator.url, '--detailed-exitcode'], { env: { ...SECRETS, PG_PORT: '5432' } });
    expect(coerced.stdout).toContain('No changes.');
    expect(coerced.code).toBe(0);
  });

  it('discovers the source for a stream Airbyte does not hold, and points at the line of an unknown one', async () => {
    const at = edit('ecommerce.yaml', 'name: customers', 'name: custmers');
    const before = await requests();
    const result = await plan();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'ecommerce.yaml')}:${at.line}:`);
    expect(result.stderr).toContain("stream 'public.custmers' does not exist in source 'PostgreSQL - Ecommerce'");
    expect(result.stderr).toContain("did you mean 'customers'?");
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const after = await requests();
    expect(after.writes).toBe(before.writes);
    expect((after.byPath['/api/v1/sources/discover_schema'] ?? 0) - (before.byPath['/api/v1/sources/discover_schema'] ?? 0)).toBe(1);
  });

  it('lists resources the pipeline does not declare as unmanaged, and as deletes with --prune', async () => {
    const created = (await (
      await fetch(`${emulator.url}/destinations/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          workspaceId: ((await (await fetch(`${origin()}/_emulator/state`)).json()) as { workspaces: { workspaceId: string }[] }).workspaces[0]?.workspaceId,
          name: 'Old export',
          destinationDefinitionId: 'a625d593-bba5-4a1c-a53d-2d246268a816',
          connectionConfiguration: { destination_path: '/local/old' },
        }),
      })
    ).json()) as { destinationId: string };
    const unmanaged = await plan('--json');
    expect(JSON.parse(unmanaged.stdout).unmanaged).toEqual([{ kind: 'destination', name: 'Old export', id: created.destinationId }]);
    const pruned = await plan('--prune');
    expect(pruned.stdout).toContain("- destination 'Old export'");
    expect(pruned.stdout).toContain('Plan: 0 to create, 0 to update, 1 to delete.');
  });
});

describe('plan stops on problems found against the server, before any write', () => {
  it('points at the value for a configuration the connector spec rejects', async () => {
    const at = edit('ecommerce.yaml', 'port: 5432', 'port: ${PG_PORT}');
    const result = await runCli(['plan', dir, '--url', emulator.url], { env: { ...SECRETS, PG_PORT: 'fivefour' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${join(dir, 'ecommerce.yaml')}:${at.line}:${at.col + 'port: '.length}: error: source 'PostgreSQL - Ecommerce': configuration.port: must be integer`,
    );
  });

  it('refuses a destinationSyncMode the destination does not support', async () => {
    edit(
      'ecommerce.yaml',
      'destinationSyncMode: append\n        cursorField: [updated_at]\n      - name: orders',
      'destinationSyncMode: append_dedup\n        primaryKey: [[id]]\n        cursorField: [updated_at]\n      - name: orders',
    );
    const result = await plan();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/append_dedup/);
    expect(result.stderr).toMatch(/S3|MinIO - Bronze/);
  });

  it('says which URL it tried when nothing listens there', async () => {
    const port = await closedPort();
    const result = await runCli(['plan', dir, '--url', `http://127.0.0.1:${port}/api/v1`], { env: SECRETS });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`could not connect to Airbyte at http://127.0.0.1:${port}/api/v1 (connection refused)`);
    expect(result.stderr).toContain('AIRBYTE_URL');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
