/**
 * End to end: what `export` and `discover --yaml` write declares the cursor and primary key the source defines, so
 * `validate` has nothing to warn about, and `plan` still sees no changes (a source-defined value is no difference).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE_ID } from '../../src/emulator/index.js';
import { cli, seedWorkspace, startEnv, type Env } from './helpers.js';

const FAKER_SOURCE = 'dfd88b22-b603-4c3d-aad7-3701784586b1';
const POSTGRES_DESTINATION = '25c5221d-dce2-4163-ade9-739ef790f503';
const variableEnv = { POSTGRESQL_ECOMMERCE_PASSWORD: 'x', MINIO_BRONZE_ACCESS_KEY_ID: 'x', MINIO_BRONZE_SECRET_ACCESS_KEY: 'x', STAGING_PASSWORD: 'x' };

const scratch = mkdtempSync(join(tmpdir(), 'gitops-export-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(scratch, `dir-${++n}`);

/** The README workspace plus Sample Data → Staging with the server's default modes (incremental + dedup). */
async function workspace(): Promise<Env> {
  const env = await startEnv();
  await seedWorkspace(env.client);
  const workspaceId = DEFAULT_WORKSPACE_ID;
  const source = await env.client.createSource({
    workspaceId,
    sourceDefinitionId: FAKER_SOURCE,
    name: 'Sample Data',
    connectionConfiguration: { count: 100, seed: 1 },
  });
  const staging = { host: 'postgres', port: 5432, database: 'staging', schema: 'raw', username: 'postgres', password: 'pw', ssl_mode: { mode: 'disable' } };
  const destination = await env.client.createDestination({
    workspaceId,
    destinationDefinitionId: POSTGRES_DESTINATION,
    name: 'Staging',
    connectionConfiguration: staging,
  });
  const { catalog } = await env.client.discoverSourceSchema({ sourceId: source.sourceId });
  await env.client.createConnection({
    name: 'Sample Data → Staging',
    sourceId: source.sourceId,
    destinationId: destination.destinationId,
    status: 'active',
    scheduleType: 'manual',
    syncCatalog: catalog ?? { streams: [] },
  });
  return env;
}

describe('export and discover --yaml declare source-defined cursors and keys', () => {
  it('export writes them; validate prints no warnings; plan prints No changes.', async () => {
    const env = await workspace();
    const out = freshDir();
    const exported = await cli(['export', '--out', out], { url: env.emulator.url });
    expect(exported.code).toBe(0);
    const sample = readFileSync(join(out, 'sample-data-staging.yaml'), 'utf8');
    // The emulated faker source defines updated_at as cursor and id as key; the server defaults to incremental + dedup.
    expect(sample).toContain(
      [
        '      - name: users',
        '        syncMode: incremental',
        '        destinationSyncMode: append_dedup',
        '        cursorField: [updated_at]',
        '        primaryKey: [[id]]',
      ].join('\n'),
    );
    // Postgres: the cursor is the user's, the key is the source's.
    expect(readFileSync(join(out, 'postgresql-minio.yaml'), 'utf8')).toContain('        cursorField: [updated_at]\n        primaryKey: [[id]]\n');

    const validate = await cli(['validate', out], { env: variableEnv });
    expect(validate.stderr).toBe('');
    expect(validate.stdout).toMatch(/^✓ Valid: /);
    expect(validate.code).toBe(0);

    const plan = await cli(['plan', out], { url: env.emulator.url, env: variableEnv });
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
  });

  it('a discover --yaml block pasted under a connection validates without warnings', async () => {
    const env = await workspace();
    const dir = freshDir();
    mkdirSync(dir);
    for (const [source, destination, file] of [
      ['Sample Data', 'Staging', 'faker.yaml'],
      ['PostgreSQL - Ecommerce', 'MinIO - Bronze', 'postgres.yaml'],
    ] as const) {
      const discovered = await cli(['discover', source, '--yaml'], { url: env.emulator.url });
      expect(discovered.code).toBe(0);
      const block = discovered.stdout.replace(/^/gm, '    ').trimEnd();
      const references = ['sources:', `  - name: ${source}`, 'destinations:', `  - name: ${destination}`];
      const connection = [
        ...references,
        'connections:',
        `  - name: ${file}`,
        `    source: ${source}`,
        `    destination: ${destination}`,
        '    schedule: manual',
        block,
        '',
      ];
      writeFileSync(join(dir, file), connection.join('\n'));
    }
    expect(readFileSync(join(dir, 'faker.yaml'), 'utf8')).toContain(
      '      - name: users\n        syncMode: incremental\n        destinationSyncMode: append\n        cursorField: [updated_at]\n        primaryKey: [[id]]\n',
    );
    const validate = await cli(['validate', dir]);
    expect(validate.stderr).toBe('');
    expect(validate.stdout).toMatch(/^✓ Valid: /);
    expect(validate.code).toBe(0);
  });
});
