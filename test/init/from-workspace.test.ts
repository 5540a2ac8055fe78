/**
 * `init --from-workspace`: pipelines/ is the export of the workspace (one file per connection), the secrets it
 * turned into `${VAR}`s are in both workflows' env and the README, and what it wrote plans clean.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE_ID } from '../../src/emulator/index.js';
import { runCli } from '../cli.js';
import { tempDir } from '../temp.js';
import type { AirbyteCatalog } from '../../src/api/types.js';
import type { AirbyteClient } from '../../src/client/index.js';
import { cli, PG_PASSWORD, pgConfig, POSTGRES_SOURCE, S3_SECRET, seedWorkspace, startEnv } from '../operate/helpers.js';

const VARIABLES = ['MINIO_BRONZE_ACCESS_KEY_ID', 'MINIO_BRONZE_SECRET_ACCESS_KEY', 'POSTGRESQL_ECOMMERCE_PASSWORD'];
const LOCAL_JSON = 'a625d593-bba5-4a1c-a53d-2d246268a816';

/** The source's catalog with its first stream selected, full refresh + overwrite. */
async function oneStream(client: AirbyteClient, sourceId: string): Promise<AirbyteCatalog> {
  const { catalog } = await client.discoverSourceSchema({ sourceId });
  return {
    streams: (catalog?.streams ?? []).map(({ stream, config }, index) => ({
      stream,
      config: { ...config, selected: index === 0, syncMode: 'full_refresh', destinationSyncMode: 'overwrite' },
    })),
  };
}

describe('init --from-workspace', () => {
  it('exports the workspace into pipelines/, lists its variables in the workflows and README, and plans clean', async () => {
    const { emulator, client } = await startEnv();
    const { sourceId } = await seedWorkspace(client);
    // A name from Airbyte that must not become a path.
    const destination = await client.createDestination({
      workspaceId: DEFAULT_WORKSPACE_ID,
      destinationDefinitionId: LOCAL_JSON,
      name: '../../etc/passwd',
      connectionConfiguration: { destination_path: '/local/x' },
    });
    await client.createConnection({
      name: 'PG → ../../etc/passwd',
      sourceId,
      destinationId: destination.destinationId,
      status: 'inactive',
      scheduleType: 'manual',
      syncCatalog: await oneStream(client, sourceId),
    });

    const repo = tempDir('gitops-init-ws-');
    const init = await cli(['init', repo, '--from-workspace'], { url: emulator.url });
    expect(init.code, init.stderr).toBe(0);
    expect(readdirSync(join(repo, 'pipelines')).sort()).toEqual(['paused-pg-minio.yaml', 'pg-etc-passwd.yaml', 'postgresql-minio.yaml']);
    expect(readdirSync(repo).sort()).toEqual(['.github', '.gitignore', 'README.md', 'pipelines']);
    expect(init.stdout).toContain("  POSTGRESQL_ECOMMERCE_PASSWORD   source 'PostgreSQL - Ecommerce', password\n");
    expect(init.stdout).toContain(`Set the repository secrets AIRBYTE_URL, AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, ${VARIABLES.join(', ')}.`);

    for (const file of ['.github/workflows/airbyte-gitops.yml', '.github/workflows/airbyte-gitops-drift.yml']) {
      const workflow = parse(readFileSync(join(repo, file), 'utf8'));
      expect(Object.keys(workflow.env), file).toEqual(['AIRBYTE_URL', 'AIRBYTE_CLIENT_ID', 'AIRBYTE_CLIENT_SECRET', ...VARIABLES]);
      expect(workflow.env.POSTGRESQL_ECOMMERCE_PASSWORD).toBe('${{ secrets.POSTGRESQL_ECOMMERCE_PASSWORD }}');
    }
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    for (const name of VARIABLES) expect(readme).toContain(`| \`${name}\` | A secret of the pipelines (\`\${${name}}\`) |`);
    expect(readme).toContain("exported from the Airbyte workspace 'Default Workspace'");
    const exported = readFileSync(join(repo, 'pipelines/postgresql-minio.yaml'), 'utf8');
    expect(exported.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/<org>/airbyte-gitops/v1/schemas/pipeline.schema.json',
    );
    // The source is declared in the first file that uses it (by connection name), then named.
    expect(readFileSync(join(repo, 'pipelines/paused-pg-minio.yaml'), 'utf8')).toContain('password: ${POSTGRESQL_ECOMMERCE_PASSWORD}');
    // No secret value was written anywhere.
    for (const file of ['README.md', '.github/workflows/airbyte-gitops.yml', ...readdirSync(join(repo, 'pipelines')).map((name) => `pipelines/${name}`)]) {
      const text = readFileSync(join(repo, file), 'utf8');
      for (const secret of [PG_PASSWORD, S3_SECRET]) expect(text, file).not.toContain(secret);
    }

    const env = { POSTGRESQL_ECOMMERCE_PASSWORD: PG_PASSWORD, MINIO_BRONZE_ACCESS_KEY_ID: 'minio-access', MINIO_BRONZE_SECRET_ACCESS_KEY: S3_SECRET };
    const validate = await runCli(['validate', join(repo, 'pipelines')], { env });
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    const plan = await cli(['plan', join(repo, 'pipelines'), '--detailed-exitcode'], { url: emulator.url, env });
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toContain('No changes.');
  });

  it('names files and prints names from Airbyte that hold escape codes safely', async () => {
    const { emulator, client } = await startEnv();
    const { destinationId } = await seedWorkspace(client);
    const source = await client.createSource({
      workspaceId: DEFAULT_WORKSPACE_ID,
      sourceDefinitionId: POSTGRES_SOURCE,
      name: 'weird\u001b[31m source',
      connectionConfiguration: pgConfig({ password: 'weird-secret' }),
    });
    await client.createConnection({
      name: '../../../escape/me\u001b]0;x\u0007',
      sourceId: source.sourceId,
      destinationId,
      status: 'inactive',
      scheduleType: 'manual',
      syncCatalog: await oneStream(client, source.sourceId),
    });
    const repo = tempDir('gitops-init-ws-');
    const init = await cli(['init', repo, '--from-workspace'], { url: emulator.url });
    expect(init.code, init.stderr).toBe(0);
    expect(readdirSync(join(repo, 'pipelines')).sort()).toEqual(['escape-me-0-x.yaml', 'paused-pg-minio.yaml', 'postgresql-minio.yaml']);
    // The terminal sees the names escaped, never the escape codes.
    expect(init.stdout + init.stderr).not.toContain('\u001b');
    expect(init.stdout + init.stderr).not.toContain('\u0007');
    expect(init.stdout).toContain("  WEIRD_31M_SOURCE_PASSWORD       source 'weird\\u001b[31m source', password\n");
    expect(readFileSync(join(repo, '.github/workflows/airbyte-gitops.yml'), 'utf8')).toContain(
      '  WEIRD_31M_SOURCE_PASSWORD: ${{ secrets.WEIRD_31M_SOURCE_PASSWORD }}\n',
    );
    expect(readFileSync(join(repo, 'pipelines/escape-me-0-x.yaml'), 'utf8')).not.toContain('weird-secret');
    // validate then points at the names to change before the files are used.
    const validate = await runCli(['validate', join(repo, 'pipelines')], {
      env: { WEIRD_31M_SOURCE_PASSWORD: 'x', POSTGRESQL_ECOMMERCE_PASSWORD: 'x', MINIO_BRONZE_ACCESS_KEY_ID: 'x', MINIO_BRONZE_SECRET_ACCESS_KEY: 'x' },
    });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain("error: 'name' in source 'weird\\u001b[31m source' contains a control character (U+001B)");
  });

  it('refuses, even with --force, pipeline files the export would not replace (the example would stay beside it), writing nothing', async () => {
    const { emulator, client } = await startEnv();
    await seedWorkspace(client);
    const repo = tempDir('gitops-init-ws-');
    expect((await runCli(['init', repo])).code).toBe(0);
    mkdirSync(join(repo, 'pipelines/team'));
    writeFileSync(join(repo, 'pipelines/team/extra.yml'), 'sources: []\n');
    writeFileSync(join(repo, 'pipelines/notes.txt'), 'not a pipeline\n');
    const before = readFileSync(join(repo, 'README.md'), 'utf8');
    const result = await cli(['init', repo, '--from-workspace', '--force'], { url: emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'error: pipelines/ already holds pipeline files the export would not replace; nothing was written',
        '  pipelines/example.yaml would stay beside the export',
        '  pipelines/team/extra.yml would stay beside the export',
        'hint: move or delete them first (e.g. git rm pipelines/example.yaml pipelines/team/extra.yml), then run init again; --force does not remove them',
        '',
      ].join('\n'),
    );
    expect(readdirSync(join(repo, 'pipelines')).sort()).toEqual(['example.yaml', 'notes.txt', 'team']);
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe(before);

    // Moved away, the export takes their place; a file of the same name as an exported one is overwritten (--force).
    rmSync(join(repo, 'pipelines/example.yaml'));
    rmSync(join(repo, 'pipelines/team'), { recursive: true });
    writeFileSync(join(repo, 'pipelines/postgresql-minio.yaml'), 'old\n');
    const again = await cli(['init', repo, '--from-workspace', '--force'], { url: emulator.url });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(join(repo, 'pipelines')).sort()).toEqual(['notes.txt', 'paused-pg-minio.yaml', 'postgresql-minio.yaml']);
    const env = { POSTGRESQL_ECOMMERCE_PASSWORD: PG_PASSWORD, MINIO_BRONZE_ACCESS_KEY_ID: 'minio-access', MINIO_BRONZE_SECRET_ACCESS_KEY: S3_SECRET };
    const validate = await runCli(['validate', join(repo, 'pipelines')], { env });
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
  });

  it("names a secret of a source called 'GitHub' or 'Airbyte' so that neither the Actions token nor the tool's login is read", async () => {
    const { emulator, client } = await startEnv();
    for (const name of ['GitHub', 'Airbyte'])
      await client.createSource({ workspaceId: DEFAULT_WORKSPACE_ID, sourceDefinitionId: POSTGRES_SOURCE, name, connectionConfiguration: pgConfig() });
    const repo = tempDir('gitops-init-ws-');
    const init = await cli(['init', repo, '--from-workspace'], { url: emulator.url });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(
      'Set the repository secrets AIRBYTE_URL, AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, PIPELINE_AIRBYTE_PASSWORD, PIPELINE_GITHUB_PASSWORD.',
    );
    for (const file of ['.github/workflows/airbyte-gitops.yml', '.github/workflows/airbyte-gitops-drift.yml']) {
      const workflow = parse(readFileSync(join(repo, file), 'utf8'));
      expect(workflow.env, file).toEqual({
        AIRBYTE_URL: '${{ secrets.AIRBYTE_URL }}',
        AIRBYTE_CLIENT_ID: '${{ secrets.AIRBYTE_CLIENT_ID }}',
        AIRBYTE_CLIENT_SECRET: '${{ secrets.AIRBYTE_CLIENT_SECRET }}',
        PIPELINE_AIRBYTE_PASSWORD: '${{ secrets.PIPELINE_AIRBYTE_PASSWORD }}',
        PIPELINE_GITHUB_PASSWORD: '${{ secrets.PIPELINE_GITHUB_PASSWORD }}',
      });
    }
    const pipeline = readFileSync(join(repo, 'pipelines/unconnected.yaml'), 'utf8');
    expect(pipeline).toContain('password: ${PIPELINE_GITHUB_PASSWORD}');
    expect(pipeline).toContain('password: ${PIPELINE_AIRBYTE_PASSWORD}');
  });

  it('refuses an empty workspace, writing nothing', async () => {
    const { emulator } = await startEnv();
    const repo = tempDir('gitops-init-ws-');
    const result = await cli(['init', repo, '--from-workspace'], { url: emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: workspace 'Default Workspace' has no sources, destinations or connections to export; nothing was written");
    expect(readdirSync(repo)).toEqual([]);
  });

  it('refuses a directory that is a file before reading Airbyte', async () => {
    const root = tempDir('gitops-init-ws-');
    writeFileSync(join(root, 'x'), 'a file\n');
    // Nothing listens on port 9: reaching Airbyte would be a network error.
    const result = await runCli(['init', join(root, 'x'), '--from-workspace', '--url', 'http://127.0.0.1:9']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: cannot initialise ${join(root, 'x')}: it is a file, not a directory\nhint: give a directory (created when missing)\n`);
  });

  it('refuses a file in the way before reading Airbyte', async () => {
    const repo = tempDir('gitops-init-ws-');
    writeFileSync(join(repo, 'README.md'), '# Ours\n');
    const result = await runCli(['init', repo, '--from-workspace', '--url', 'http://127.0.0.1:9']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: init would overwrite what is in ${repo}; nothing was written\n  README.md exists\n`);
    expect(readdirSync(repo)).toEqual(['README.md']);
  });
});
