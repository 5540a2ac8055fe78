/**
 * End to end: what `check` asks Airbyte (no discovery), how it prints pipeline problems (once), and that an
 * existing resource is checked with the configuration apply would store (build first: npm run build).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, pgConfig, PG_PASSWORD, seedWorkspace, startEnv } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'gitops-check-requests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, [...lines, ''].join('\n'));
  return path;
}

const SOURCE = [
  'sources:',
  '  - name: PostgreSQL - Ecommerce',
  '    definition: Postgres',
  '    configuration:',
  '      host: postgres',
  '      port: 5432',
  '      database: ${PG_DATABASE:-ecommerce}',
  '      schemas: [public]',
  '      username: postgres',
  '      password: ${PG_PASSWORD}',
  '      ssl_mode: { mode: disable }',
  '      replication_method: { method: Standard }',
];

/** The seeded connection plus 'products', which its stored catalog lacks: plan has to discover the source. */
const withNewStream = write('new-stream.yaml', [
  ...SOURCE,
  'destinations:',
  '  - name: MinIO - Bronze',
  'connections:',
  '  - name: PostgreSQL → MinIO',
  '    source: PostgreSQL - Ecommerce',
  '    destination: MinIO - Bronze',
  '    streams:',
  '      - { name: customers, namespace: public, syncMode: incremental, destinationSyncMode: append, cursorField: [updated_at] }',
  '      - { name: orders, namespace: public, syncMode: incremental, destinationSyncMode: append, cursorField: [updated_at] }',
  '      - { name: products, namespace: public, syncMode: incremental, destinationSyncMode: append }',
]);

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('check reads no more than it needs', () => {
  it('never runs discovery, even for a stream the source does not hold yet (plan does)', async () => {
    const env = await startEnv();
    await seedWorkspace(env.client);
    const planned = await cli(['plan', withNewStream, '--debug'], { url: env.emulator.url, env: { PG_PASSWORD } });
    expect(planned.stderr).toContain('POST /api/v1/sources/discover_schema');
    const checked = await cli(['check', withNewStream, '--debug'], { url: env.emulator.url, env: { PG_PASSWORD } });
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).toContain('POST /api/v1/sources/list 200');
    expect(checked.stderr).not.toContain('discover_schema');
    // One spec per definition the pipeline names (Postgres); MinIO is referenced by name: checked as stored.
    expect(occurrences(checked.stderr, 'POST /api/v1/source_definition_specifications/get')).toBe(1);
    expect(checked.stderr).not.toContain('destination_definition_specifications/get');
    expect(checked.stdout).toMatch(/source 'PostgreSQL - Ecommerce' +✓ succeeded/);
  });
});

describe('check prints pipeline problems once', () => {
  it('prints each error and warning exactly once, then the error line', async () => {
    const env = await startEnv();
    const result = await cli(['check', withNewStream], { url: env.emulator.url, env: { PG_DATABASE: '' } });
    expect(result.code).toBe(1);
    const unset = `${withNewStream}:10:17: error: environment variable 'PG_PASSWORD' is not set`;
    const cursor = "warning: stream 'products' of connection 'PostgreSQL → MinIO' is incremental but has no 'cursorField'";
    expect(occurrences(result.stderr, unset)).toBe(1);
    expect(occurrences(result.stderr, cursor)).toBe(1);
    expect(occurrences(result.stderr, 'error: the pipeline has')).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('prints a warning once when the pipeline has no errors, and still checks', async () => {
    const env = await startEnv();
    await seedWorkspace(env.client);
    const result = await cli(['check', withNewStream], { url: env.emulator.url, env: { PG_PASSWORD } });
    expect(result.code).toBe(0);
    expect(occurrences(result.stderr, "stream 'products' of connection 'PostgreSQL → MinIO' is incremental")).toBe(1);
    expect(result.stdout).toContain('2 succeeded, 0 failed, 0 skipped');
  });
});

describe('check of an existing resource sends what apply would store', () => {
  const changedDatabase = write('changed.yaml', SOURCE);

  async function seededWithTunnel(tunnel: Record<string, string | number>) {
    const env = await startEnv();
    const { sourceId } = await seedWorkspace(env.client);
    const tunnel_method = { tunnel_port: 22, tunnel_user: 'jump', ...tunnel };
    await env.client.updateSource({ sourceId, name: 'PostgreSQL - Ecommerce', connectionConfiguration: pgConfig({ tunnel_method }) });
    return env;
  }

  it('keeps a stored key the pipeline does not set (an unreachable SSH tunnel fails the check, as it would after apply)', async () => {
    const env = await seededWithTunnel({ tunnel_method: 'SSH_PASSWORD_AUTH', tunnel_host: 'unreachable-bastion', tunnel_user_password: 'tunnel-pass-1' });
    const result = await cli(['check', changedDatabase, '--json'], { url: env.emulator.url, env: { PG_PASSWORD, PG_DATABASE: 'analytics' } });
    expect(result.code).toBe(1);
    const [row] = (JSON.parse(result.stdout) as { results: { call: string; status: string; message: string }[] }).results;
    expect(row).toMatchObject({ call: 'check_connection_for_update', status: 'failed' });
    expect(row?.message).toMatch(/^Could not connect with provided SSH configuration\./);
    expect(env.emulator.state.sources[0]?.configuration['database']).toBe('ecommerce');
  });

  it('keeps a stored secret the pipeline does not set, sent back masked for Airbyte to fill in', async () => {
    const env = await seededWithTunnel({ tunnel_method: 'SSH_PASSWORD_AUTH', tunnel_host: 'bastion', tunnel_user_password: 'wrong-password' });
    const result = await cli(['check', changedDatabase, '--json'], { url: env.emulator.url, env: { PG_PASSWORD, PG_DATABASE: 'analytics' } });
    const [row] = (JSON.parse(result.stdout) as { results: { call: string; status: string; message: string }[] }).results;
    expect(row).toMatchObject({ call: 'check_connection_for_update', status: 'failed' });
    expect(row?.message).toMatch(/Auth fail/);
    expect(result.stdout + result.stderr).not.toContain(PG_PASSWORD);
  });
});
