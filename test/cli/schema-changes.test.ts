/**
 * `plan` and `apply` against the emulator: new sources' streams checked at plan time (one scheduler discovery per
 * new source, none with --no-discover), an unchanged plan makes no discovery call, `--refresh` one per distinct
 * source and shows the drift the emulator's schema changes make; `apply --refresh` applies the refreshed catalog.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { cleanupAfterEachTest } from '../cleanup.js';
import { runCounted, UNCHANGED_PLAN_CALLS } from '../emulator-calls.js';
import { tempDir } from '../temp.js';

const stops: (() => Promise<void>)[] = [];
cleanupAfterEachTest(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function emulator(): Promise<EmulatorHandle> {
  const started = await startEmulator({ port: 0 });
  stops.push(() => started.stop());
  return started;
}

const run = (server: EmulatorHandle, args: string[]) => runCounted(server, args);

/** One Faker source read by two connections into one local JSON destination. */
function pipeline(stream = 'users'): string {
  const file = join(tempDir('gitops-schema-'), 'pipeline.yaml');
  const connection = (name: string, streamName: string) => [
    `  - name: ${name}`,
    '    source: faker',
    '    destination: json',
    '    streams:',
    `      - name: ${streamName}`,
    '        syncMode: incremental',
    '        destinationSyncMode: append',
    '        cursorField: [updated_at]',
  ];
  const lines = [
    'sources:',
    '  - name: faker',
    '    definition: Sample Data (Faker)',
    '    configuration:',
    '      count: 100',
    'destinations:',
    '  - name: json',
    '    definition: Local JSON',
    '    configuration:',
    '      destination_path: /local/json',
    'connections:',
    ...connection('users-to-json', stream),
    ...connection('products-to-json', 'products'),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const WRITES = ['sources/create', 'destinations/create', 'connections/create', 'connections/update'];

describe('new sources are checked at plan time', () => {
  it('one scheduler discovery for the new source of two connections; a wrong stream fails the plan at its line, nothing written', async () => {
    const server = await emulator();
    const ok = await run(server, ['plan', pipeline()]);
    expect(ok.code).toBe(0);
    expect(ok.calls['scheduler/sources/discover_schema']).toBe(1);
    expect(ok.calls['sources/discover_schema']).toBeUndefined();
    expect(ok.stdout).not.toContain('streams unchecked');

    const wrong = await run(server, ['plan', pipeline('userz')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(
      /pipeline\.yaml:16:\d+: error: connection 'users-to-json': stream 'userz' does not exist in source 'faker' \(did you mean 'users'\?/,
    );
    const failedApply = await run(server, ['apply', pipeline('userz'), '--auto-approve']);
    expect(failedApply.code).toBe(1);
    for (const write of WRITES) expect(failedApply.calls[write]).toBeUndefined();
  });

  it('--no-discover skips it and says so per connection; apply --no-discover still creates them', async () => {
    const server = await emulator();
    const file = pipeline();
    const planned = await run(server, ['plan', file, '--no-discover']);
    expect(planned.code).toBe(0);
    expect(planned.calls['scheduler/sources/discover_schema']).toBeUndefined();
    expect(planned.stdout.match(/# streams unchecked \(--no-discover\): checked only when apply has created source 'faker'/g)).toHaveLength(2);
    const json = JSON.parse((await run(server, ['plan', file, '--no-discover', '--json'])).stdout) as {
      changes: { kind: string; streamsUnchecked?: boolean }[];
    };
    expect(json.changes.filter((change) => change.streamsUnchecked === true)).toHaveLength(2);
    const applied = await run(server, ['apply', file, '--no-discover', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect(applied.calls['connections/create']).toBe(2);
  });
});

describe('--refresh', () => {
  it('an unchanged plan discovers nothing; --refresh discovers each source once and shows the drift, which apply --refresh applies', async () => {
    const server = await emulator();
    const file = pipeline();
    const created = await run(server, ['apply', file, '--auto-approve']);
    expect(created.code).toBe(0);
    // The new source's catalog was discovered once at plan time and used for both connections: no discovery after.
    expect(created.calls['scheduler/sources/discover_schema']).toBe(1);
    expect(created.calls['sources/discover_schema']).toBeUndefined();

    const unchanged = await run(server, ['plan', file]);
    expect(unchanged.calls).toEqual(UNCHANGED_PLAN_CALLS);

    const refreshed = await run(server, ['plan', file, '--refresh']);
    expect(refreshed.code).toBe(0);
    expect(refreshed.calls).toEqual({ ...unchanged.calls, 'sources/discover_schema': 1 });
    expect(refreshed.stdout).toContain('No changes. Airbyte matches the pipeline.');

    const changed = await fetch(`${new URL(server.url).origin}/_emulator/schema`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'faker', changes: [{ op: 'add_column', stream: 'users', column: 'loyalty_tier', type: 'string' }] }),
    });
    expect(changed.status).toBeLessThan(300);
    expect((await run(server, ['plan', file])).stdout).toContain('No changes. Airbyte matches the pipeline.');
    const drifted = await run(server, ['plan', file, '--refresh']);
    expect(drifted.stdout).toContain("~ connection 'users-to-json' will be updated in place");
    expect(drifted.stdout).toContain('~ streams[users].schema: {"loyalty_tier":null} → {"loyalty_tier":"string"}');
    expect(drifted.stdout).toContain('~ stream users: columns added: loyalty_tier');

    const applied = await run(server, ['apply', file, '--refresh', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect(applied.calls['connections/update']).toBe(1);
    expect((await run(server, ['plan', file, '--refresh'])).stdout).toContain('No changes. Airbyte matches the pipeline.');
  });
});

describe('--refresh with a breaking change', () => {
  it('a primary-key change of a deduplicated stream is destructive: apply --auto-approve needs --allow-destroy', async () => {
    const server = await emulator();
    const file = join(tempDir('gitops-breaking-'), 'pipeline.yaml');
    writeFileSync(
      file,
      [
        'sources:',
        '  - name: faker',
        '    definition: Sample Data (Faker)',
        '    configuration: { count: 100 }',
        'destinations:',
        '  - name: warehouse',
        '    definition: Postgres',
        '    configuration:',
        '      { host: warehouse, port: 5432, database: dw, schema: raw, username: gitops, password: "${DW_PASSWORD:-pw}", ssl_mode: { mode: disable } }',
        'connections:',
        '  - name: users-to-dw',
        '    source: faker',
        '    destination: warehouse',
        '    streams:',
        '      - { name: users, syncMode: incremental, destinationSyncMode: append_dedup }',
        '',
      ].join('\n'),
    );
    const first = await run(server, ['apply', file, '--auto-approve']);
    expect(first.code).toBe(0);
    const changed = await fetch(`${new URL(server.url).origin}/_emulator/schema`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'faker', changes: [{ op: 'set_primary_key', stream: 'users', primaryKey: [['email']] }] }),
    });
    expect(changed.status).toBeLessThan(300);
    const planned = await run(server, ['plan', file, '--refresh']);
    expect(planned.stdout).toContain('~ stream users: primary key id → email (breaking)');
    const refused = await run(server, ['apply', file, '--refresh', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("update connection 'users-to-dw', which applies a breaking schema change of its source");
    expect(refused.calls['connections/update']).toBeUndefined();
    const applied = await run(server, ['apply', file, '--refresh', '--auto-approve', '--allow-destroy']);
    expect(applied.code).toBe(0);
    expect(applied.calls['connections/update']).toBe(1);
  });
});
