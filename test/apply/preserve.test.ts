import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../../src/emulator/index.js';
import { emulator, EXAMPLES, runCli, tempDir } from './helpers.js';

const SECRETS = { PG_PASSWORD: 'pg-Keep-3391', MINIO_ACCESS_KEY: 'minio-Keep-4410', MINIO_SECRET_KEY: 'minio-Keep-7723' };
const NAME = 'PostgreSQL - Ecommerce';

type StoredSource = { name: string; tombstone?: boolean; configuration: Record<string, unknown> };

/** The source as the emulator stores it (unmasked), read over HTTP as any client would. */
async function storedSource(server: EmulatorHandle): Promise<StoredSource | undefined> {
  const answer = await fetch(`${new URL(server.url).origin}/_emulator/state`);
  const state = (await answer.json()) as { sources: StoredSource[] };
  return state.sources.find((source) => source.name === NAME && source.tombstone !== true);
}

/** The ecommerce example applied, then `jdbc_url_params` set by hand in Airbyte, and the YAML's port changed. */
async function setUp(): Promise<{ server: EmulatorHandle; file: string }> {
  const server = await emulator();
  const file = join(tempDir(), 'ecommerce.yaml');
  writeFileSync(file, readFileSync(join(EXAMPLES, 'ecommerce.yaml'), 'utf8'));
  const first = await runCli(['apply', file, '--url', server.url, '--auto-approve'], { env: SECRETS });
  expect(first.code, first.stderr).toBe(0);
  const sourceId = server.state.sources.find((source) => source.name === NAME)?.id;
  const edit = await fetch(`${server.url}/sources/partial_update`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sourceId, connectionConfiguration: { jdbc_url_params: 'a=b' } }),
  });
  expect(edit.status).toBe(200);
  writeFileSync(file, readFileSync(file, 'utf8').replace('port: 5432', 'port: 5433'));
  return { server, file };
}

describe('apply keeps the settings the pipeline does not set (sources/update is a full replacement)', () => {
  it('the plan shows only the port; apply changes it and keeps jdbc_url_params and the password', async () => {
    const { server, file } = await setUp();
    const run = await runCli(['apply', file, '--url', server.url, '--auto-approve'], { env: SECRETS });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('~ configuration.port: 5432 → 5433');
    expect(run.stdout).not.toContain('jdbc_url_params');
    expect(run.stdout).toContain('Apply complete: 0 created, 1 updated, 0 deleted.');
    const stored = await storedSource(server);
    expect(stored?.configuration).toMatchObject({ port: 5433, jdbc_url_params: 'a=b', password: SECRETS.PG_PASSWORD, ssl_mode: { mode: 'disable' } });
  });

  it('a saved plan carries what it keeps (and no secret), and --rotate-secrets keeps it too', async () => {
    const { server, file } = await setUp();
    const saved = join(tempDir(), 'plan.json');
    const planned = await runCli(['plan', file, '--url', server.url, '--out', saved], { env: SECRETS });
    expect(planned.code, planned.stderr).toBe(0);
    const text = readFileSync(saved, 'utf8');
    expect(text).toContain('"jdbc_url_params": "a=b"');
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    const applied = await runCli(['apply', saved, '--url', server.url, '--auto-approve'], { env: SECRETS });
    expect(applied.code, applied.stderr).toBe(0);
    expect((await storedSource(server))?.configuration).toMatchObject({ port: 5433, jdbc_url_params: 'a=b' });

    const rotated = await runCli(['apply', file, '--url', server.url, '--auto-approve', '--rotate-secrets'], {
      env: { ...SECRETS, PG_PASSWORD: 'pg-Rotated-8812' },
    });
    expect(rotated.code, rotated.stderr).toBe(0);
    expect((await storedSource(server))?.configuration).toMatchObject({ port: 5433, jdbc_url_params: 'a=b', password: 'pg-Rotated-8812' });
  });

  it('keeps a stored SSH tunnel the pipeline never mentions, with its real password (the mask is sent back)', async () => {
    const { server, file } = await setUp();
    const sourceId = server.state.sources.find((source) => source.name === NAME)?.id;
    const tunnel = {
      tunnel_method: 'SSH_PASSWORD_AUTH',
      tunnel_host: 'bastion.internal',
      tunnel_port: 22,
      tunnel_user: 'jump',
      tunnel_user_password: 'tunnel-Keep-5517',
    };
    const edit = await fetch(`${server.url}/sources/partial_update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sourceId, connectionConfiguration: { tunnel_method: tunnel } }),
    });
    expect(edit.status).toBe(200);
    writeFileSync(file, readFileSync(file, 'utf8').replace('host: postgres', 'host: postgres-replica'));

    const run = await runCli(['apply', file, '--url', server.url, '--auto-approve'], { env: SECRETS });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('~ configuration.host: "postgres" → "postgres-replica"');
    expect(run.stdout + run.stderr).not.toContain('tunnel');
    expect(run.stdout + run.stderr).not.toContain('tunnel-Keep-5517');
    const stored = await storedSource(server);
    expect(stored?.configuration).toMatchObject({ host: 'postgres-replica', port: 5433, password: SECRETS.PG_PASSWORD, jdbc_url_params: 'a=b' });
    expect(stored?.configuration['tunnel_method']).toEqual(tunnel);
  });

  it('an old saved plan without what its update keeps is refused before any write', async () => {
    const { server, file } = await setUp();
    const saved = join(tempDir(), 'plan.json');
    expect((await runCli(['plan', file, '--url', server.url, '--out', saved], { env: SECRETS })).code).toBe(0);
    const old = JSON.parse(readFileSync(saved, 'utf8')) as { plan: { changes: Record<string, unknown>[] } };
    for (const change of old.plan.changes) delete change['preserved'];
    writeFileSync(saved, JSON.stringify(old));
    const run = await runCli(['apply', saved, '--url', server.url, '--auto-approve'], { env: SECRETS });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`source '${NAME}': the saved plan does not say which stored settings its update keeps`);
    expect(run.stderr).toContain('run plan --out again');
    expect((await storedSource(server))?.configuration).toMatchObject({ port: 5432, jdbc_url_params: 'a=b' });
  });
});
