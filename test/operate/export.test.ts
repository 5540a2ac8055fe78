/** End to end: `export`, then load / validate / plan the exported files against the same workspace. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE_ID } from '../../src/emulator/index.js';
import { diff } from '../../src/plan/diff/index.js';
import { validate } from '../../src/plan/validate.js';
import { fetchRemoteState } from '../../src/plan/fetch.js';
import { loadPipeline } from '../../src/pipeline/load.js';
import { cli, pgConfig, PG_PASSWORD, POSTGRES_SOURCE, S3_SECRET, seedWorkspace, startEnv, type Env } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'gitops-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(scratch, `out-${++n}`);

const VARIABLES = ['POSTGRESQL_ECOMMERCE_PASSWORD', 'MINIO_BRONZE_ACCESS_KEY_ID', 'MINIO_BRONZE_SECRET_ACCESS_KEY', 'UNUSED_PG_PASSWORD'];
/** Values for the printed variables: anything works, since Airbyte cannot show secrets to compare with. */
const variableEnv = Object.fromEntries(VARIABLES.map((name) => [name, `value-of-${name}`]));

async function seeded(): Promise<Env> {
  const env = await startEnv();
  await seedWorkspace(env.client);
  // A source no connection uses, and an Airbyte placeholder that must stay literal.
  await env.client.createSource({
    workspaceId: DEFAULT_WORKSPACE_ID,
    sourceDefinitionId: POSTGRES_SOURCE,
    name: 'Unused PG',
    connectionConfiguration: pgConfig({ database: 'inventory', jdbc_url_params: 'application_name=${APP}' }),
  });
  return env;
}

/** The plan of `paths` against the emulator, computed the way `plan` does. */
async function planOf(env: Env, paths: string[]) {
  const { pipeline, problems } = loadPipeline(paths, variableEnv);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  const remote = await fetchRemoteState(env.client, pipeline);
  return diff(validate(pipeline, remote).validated, remote);
}

describe('export', () => {
  it('writes one file per connection that loads back as the same workspace (every change a no-op)', async () => {
    const env = await seeded();
    const out = freshDir();
    const cwd = freshDir();
    const result = await cli(['export', '--out', out], { url: env.emulator.url, cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['paused-pg-minio.yaml', 'postgresql-minio.yaml', 'unconnected.yaml']);
    expect(result.stdout).toContain('Set these environment variables (the secrets Airbyte masks) before validate, plan or apply:\n');
    for (const name of VARIABLES) expect(result.stdout).toMatch(new RegExp(`^  ${name} +`, 'm'));
    for (const file of readdirSync(out)) {
      const text = readFileSync(join(out, file), 'utf8');
      // The default schema (the tool installed in the working directory) is made relative to the output directory.
      const schema = relative(out, join(cwd, 'node_modules/airbyte-gitops/schemas/pipeline.schema.json')).split(sep).join('/');
      expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
      expect(text).not.toContain(PG_PASSWORD);
      expect(text).not.toContain(S3_SECRET);
      expect(text).not.toContain('**********');
    }
    expect(readFileSync(join(out, 'unconnected.yaml'), 'utf8')).toContain('jdbc_url_params: application_name=$${APP}');
    const plan = await planOf(env, [out]);
    expect(plan.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, 'no-op': 5 });
    expect(plan.unmanaged).toEqual([]);
  });

  it('prints one document on stdout and the variables on stderr; the output passes validate', async () => {
    const env = await seeded();
    const result = await cli(['export'], { url: env.emulator.url });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(result.stderr.split('\n')[0]).toBe('Set these environment variables (the secrets Airbyte masks) before validate, plan or apply:');
    const dir = freshDir();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'pipeline.yaml'), result.stdout);
    const validate = await cli(['validate', dir], { env: variableEnv });
    expect(validate).toEqual({ code: 0, stdout: '✓ Valid: 2 sources, 1 destination, 2 connections in 1 file\n', stderr: '' });
    expect((await planOf(env, [dir])).summary['no-op']).toBe(5);
  });

  it('exports only the named resources (a connection brings its source and destination)', async () => {
    const env = await seeded();
    const result = await cli(['export', 'PostgreSQL → MinIO', '--json'], { url: env.emulator.url });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      files: { name: string; content: string }[];
      variables: { name: string; kind: string; resource: string; path: string }[];
    };
    expect(parsed.files.map((file) => file.name)).toEqual(['pipeline.yaml']);
    expect(parsed.files[0]?.content).not.toContain('Paused PG');
    expect(parsed.variables).toEqual([
      { name: 'POSTGRESQL_ECOMMERCE_PASSWORD', kind: 'source', resource: 'PostgreSQL - Ecommerce', path: 'password' },
      { name: 'MINIO_BRONZE_ACCESS_KEY_ID', kind: 'destination', resource: 'MinIO - Bronze', path: 'access_key_id' },
      { name: 'MINIO_BRONZE_SECRET_ACCESS_KEY', kind: 'destination', resource: 'MinIO - Bronze', path: 'secret_access_key' },
    ]);
  });

  it('names an unknown resource with a suggestion, and refuses to overwrite files without --force', async () => {
    const env = await seeded();
    const unknown = await cli(['export', 'Unused PGG'], { url: env.emulator.url });
    expect(unknown.code).toBe(1);
    const available =
      "hint: available: sources 'PostgreSQL - Ecommerce', 'Unused PG'; destinations 'MinIO - Bronze'; connections 'Paused PG → MinIO', 'PostgreSQL → MinIO'\n";
    expect(unknown.stderr).toBe(`error: nothing is named 'Unused PGG' in workspace 'Default Workspace' (did you mean 'Unused PG'?)\n${available}`);
    const nope = await cli(['export', 'nope', 'PostgreSQL → MinIO', 'MinIO - Bronz'], { url: env.emulator.url });
    expect(nope.code).toBe(1);
    expect(nope.stderr).toBe(`error: nothing is named 'nope', 'MinIO - Bronz' (did you mean 'MinIO - Bronze'?) in workspace 'Default Workspace'\n${available}`);
    const out = freshDir();
    expect((await cli(['export', '--out', out], { url: env.emulator.url })).code).toBe(0);
    const again = await cli(['export', '--out', out], { url: env.emulator.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exist; nothing was written');
    expect((await cli(['export', '--out', out, '--force'], { url: env.emulator.url })).code).toBe(0);
    expect(existsSync(join(out, 'unconnected.yaml'))).toBe(true);
  });

  it('round trip through the CLI: export, set the printed variables, plan → No changes.', async () => {
    const env = await seeded();
    const out = freshDir();
    expect((await cli(['export', '--out', out], { url: env.emulator.url })).code).toBe(0);
    const plan = await cli(['plan', out], { url: env.emulator.url, env: variableEnv });
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
  });
});
