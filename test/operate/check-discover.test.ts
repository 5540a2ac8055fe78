/** End to end: `check` and `discover` against the emulator (build first: npm run build). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE_ID } from '../../src/emulator/index.js';
import { cli, pgConfig, PG_PASSWORD, POSTGRES_SOURCE, S3_DESTINATION, s3Config, S3_SECRET, seedWorkspace, startEnv } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'gitops-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pipeline = join(dir, 'pipeline.yaml');
writeFileSync(
  pipeline,
  [
    'sources:',
    '  - name: PostgreSQL - Ecommerce',
    '    definition: Postgres',
    '    configuration:',
    '      host: postgres',
    '      port: ${PG_PORT:-5432}',
    '      database: ecommerce',
    '      schemas: [public]',
    '      username: postgres',
    '      password: ${PG_PASSWORD}',
    '      ssl_mode: { mode: disable }',
    '      replication_method: { method: Standard }',
    '  - name: New PG',
    '    definition: Postgres',
    '    configuration: { host: new, port: "${PG_PORT:-5432}", database: x, username: u, password: "${PG_PASSWORD}" }',
    '  - name: Broken PG',
    'destinations:',
    '  - name: MinIO - Bronze',
    '  - name: Samples',
    '    definition: Local JSON',
    '    configuration: { destination_path: "${SAMPLES_PATH:-/local/samples}" }',
    '',
  ].join('\n'),
);

interface Row {
  kind: string;
  name: string;
  status: string;
  call: string | null;
  message: string;
}

describe('check', () => {
  async function setup() {
    const env = await startEnv();
    await seedWorkspace(env.client);
    const broken = pgConfig({ host: 'unreachable.internal' });
    await env.client.createSource({
      workspaceId: DEFAULT_WORKSPACE_ID,
      sourceDefinitionId: POSTGRES_SOURCE,
      name: 'Broken PG',
      connectionConfiguration: broken,
    });
    // Declared as Local JSON in the pipeline: apply would replace it, so check uses the new definition.
    await env.client.createDestination({
      workspaceId: DEFAULT_WORKSPACE_ID,
      destinationDefinitionId: S3_DESTINATION,
      name: 'Samples',
      connectionConfiguration: s3Config(),
    });
    return env;
  }

  it('checks each resource the right way and passes when all checks pass', async () => {
    const env = await setup();
    await env.client.updateSource({ sourceId: env.emulator.state.sources[1]?.id ?? '', name: 'Broken PG', connectionConfiguration: pgConfig() });
    const result = await cli(['check', pipeline, '--json'], { url: env.emulator.url, env: { PG_PASSWORD } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { results, summary } = JSON.parse(result.stdout) as { results: Row[]; summary: unknown };
    expect(results.map(({ kind, name, status, call }) => [kind, name, status, call])).toEqual([
      ['source', 'PostgreSQL - Ecommerce', 'succeeded', 'check_connection_for_update'],
      ['source', 'New PG', 'succeeded', 'scheduler/check_connection'],
      ['source', 'Broken PG', 'succeeded', 'check_connection'],
      ['destination', 'MinIO - Bronze', 'succeeded', 'check_connection'],
      ['destination', 'Samples', 'succeeded', 'scheduler/check_connection'],
    ]);
    expect(results[1]?.message).toBe('Connection test succeeded (not created yet)');
    expect(results[4]?.message).toBe('Connection test succeeded (its definition changes: apply replaces it)');
    expect(summary).toEqual({ succeeded: 5, failed: 0, skipped: 0 });
    // Checking a configuration Airbyte does not hold stores nothing and replaces nothing.
    expect(env.emulator.state.sources.map((source) => source.name)).toEqual(['PostgreSQL - Ecommerce', 'Broken PG']);
    expect(env.emulator.state.destinations.map((d) => [d.name, d.definitionId])).toEqual([
      ['MinIO - Bronze', S3_DESTINATION],
      ['Samples', S3_DESTINATION],
    ]);
  });

  it('finds a wrong password in the pipeline before apply, and a broken existing source; exit 1', async () => {
    const env = await setup();
    const result = await cli(['check', pipeline], { url: env.emulator.url, env: { PG_PASSWORD: 'wrong-password', SAMPLES_PATH: '/tmp/samples' } });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^RESOURCE +STATUS +MESSAGE +TIME$/);
    expect(lines[1]).toMatch(/^source 'PostgreSQL - Ecommerce' +✗ failed +Incorrect username or password\..*password authentication failed.* +\d+\.\ds$/);
    expect(lines[2]).toMatch(/^source 'New PG' +✗ failed +Incorrect username or password\..* \(not created yet\) +\d+\.\ds$/);
    expect(lines[3]).toMatch(/^source 'Broken PG' +✗ failed +Could not connect with provided configuration\. Connection to unreachable\.internal:5432 refused/);
    expect(lines[4]).toMatch(/^destination 'MinIO - Bronze' +✓ succeeded/);
    expect(lines[5]).toMatch(
      /^destination 'Samples' +✗ failed +Could not connect with provided configuration\. destination_path must be under \/local, got "\/tmp\/samples"\..* \(its definition changes: apply replaces it\) +\d+\.\ds$/,
    );
    expect(lines[6]).toBe('1 succeeded, 4 failed, 0 skipped');
    // The stored password is untouched: check_connection_for_update changes nothing.
    expect(env.emulator.state.sources[0]?.configuration['password']).toBe(PG_PASSWORD);
    expect(result.stdout + result.stderr).not.toContain(S3_SECRET);
  });

  it('stops at pipeline errors before checking anything', async () => {
    const env = await setup();
    const result = await cli(['check', pipeline], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${pipeline}:10:17: error: environment variable 'PG_PASSWORD' is not set`);
    expect(result.stderr).toContain('error: the pipeline has 2 errors; nothing was changed in Airbyte');
    expect(result.stdout).toBe('');
  });
});

describe('discover', () => {
  it('shows the streams as a table, JSON and a ready-to-paste streams block', async () => {
    const env = await startEnv();
    await seedWorkspace(env.client);
    const table = await cli(['discover', 'PostgreSQL - Ecommerce'], { url: env.emulator.url });
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(
      [
        'STREAM       NAMESPACE  SYNC MODES                 CURSOR  PRIMARY KEY',
        'customers    public     full_refresh, incremental  -       id',
        'orders       public     full_refresh, incremental  -       id',
        'products     public     full_refresh, incremental  -       id',
        'order_items  public     full_refresh, incremental  -       id',
        '',
      ].join('\n'),
    );
    const json = await cli(['discover', 'PostgreSQL - Ecommerce', '--json'], { url: env.emulator.url });
    const parsed = JSON.parse(json.stdout) as { source: string; streams: unknown[] };
    expect(parsed.source).toBe('PostgreSQL - Ecommerce');
    expect(parsed.streams[0]).toEqual({
      name: 'customers',
      namespace: 'public',
      supportedSyncModes: ['full_refresh', 'incremental'],
      sourceDefinedCursor: false,
      defaultCursorField: [],
      sourceDefinedPrimaryKey: [['id']],
    });
    const yaml = await cli(['discover', 'PostgreSQL - Ecommerce', '--yaml'], { url: env.emulator.url });
    expect(yaml.stdout.split('\n').slice(0, 5)).toEqual([
      'streams:',
      '  - name: customers',
      '    namespace: public',
      '    syncMode: full_refresh',
      '    destinationSyncMode: overwrite',
    ]);
  });

  it('names an unknown source with a suggestion', async () => {
    const env = await startEnv();
    await seedWorkspace(env.client);
    const result = await cli(['discover', 'Postgres - Ecommerce'], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: unknown source 'Postgres - Ecommerce' in workspace 'Default Workspace' (did you mean 'PostgreSQL - Ecommerce'?)\n" +
        "hint: available sources: 'PostgreSQL - Ecommerce'\n",
    );
  });
});
