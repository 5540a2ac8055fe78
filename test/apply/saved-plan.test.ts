import type { GitopsError } from '../../src/errors.js';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSavedPlan } from '../../src/apply/saved-plan.js';
import { createClient } from '../../src/client/index.js';
import type { EmulatorHandle } from '../../src/emulator/index.js';
import { prepare } from '../../src/plan/prepare.js';
import { emulator, EXAMPLES, liveNames, runCli, tempDir, writes } from './helpers.js';

const SECRETS = { PG_PASSWORD: 'pg-Saved-7781', MINIO_ACCESS_KEY: 'minio-Saved-1123', MINIO_SECRET_KEY: 'minio-Saved-5532' };

/** What `plan --out` does: prepare, then write the saved plan. */
async function savePlan(server: EmulatorHandle, paths: string[], env: NodeJS.ProcessEnv = SECRETS): Promise<string> {
  const client = createClient({ baseUrl: server.url, auth: { mode: 'none' } });
  try {
    const prepared = await prepare(client, { paths, env });
    const file = join(tempDir(), 'plan.json');
    writeSavedPlan(file, prepared, paths);
    return file;
  } finally {
    await client.close();
  }
}

describe('saved plans', () => {
  it('hold templates and fingerprints but no secret value, are private, and apply exactly with secrets from the environment', async () => {
    const server = await emulator();
    const file = await savePlan(server, [join(EXAMPLES, 'ecommerce.yaml')]);
    const text = readFileSync(file, 'utf8');
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    expect(text).toContain('${PG_PASSWORD:-postgres}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await writes(server)).toBe(0);

    const run = await runCli(['apply', file, '--url', server.url, '--auto-approve'], { env: SECRETS });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Apply complete: 3 created, 0 updated, 0 deleted.');
    const source = server.state.sources.find((s) => s.name === 'PostgreSQL - Ecommerce');
    expect(source?.configuration).toMatchObject({ password: SECRETS.PG_PASSWORD, port: 5432 });
    for (const value of Object.values(SECRETS)) expect(run.stdout + run.stderr).not.toContain(value);
  });

  it('applies non-secret values exactly as planned, and reads only secrets from the environment at apply time', async () => {
    const server = await emulator();
    const pipeline = join(tempDir(), 'pg.yaml');
    writeFileSync(pipeline, readFileSync(join(EXAMPLES, 'ecommerce.yaml'), 'utf8').replace('host: postgres', 'host: ${PGHOST}'));
    const file = await savePlan(server, [pipeline], { ...SECRETS, PGHOST: 'db-planned.internal' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('${PGHOST}');
    const saved = JSON.parse(text) as { plan: { changes: { name: string; fields: { path: string; after: unknown }[] }[] } };
    const fields = saved.plan.changes.find((change) => change.name === 'PostgreSQL - Ecommerce')?.fields ?? [];
    expect(fields.find((field) => field.path === 'configuration.host')?.after).toBe('db-planned.internal');
    expect(fields.find((field) => field.path === 'configuration.password')?.after).toBe('(sensitive)');
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);

    const rotated = 'pg-AtApply-6604';
    const run = await runCli(['apply', file, '--url', server.url, '--auto-approve'], {
      env: { ...SECRETS, PG_PASSWORD: rotated, PGHOST: 'db-other.internal' },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('+ configuration.host: "db-planned.internal"');
    const source = server.state.sources.find((s) => s.name === 'PostgreSQL - Ecommerce');
    expect(source?.configuration).toMatchObject({ host: 'db-planned.internal', password: rotated });
  });

  it("refuses Airbyte's mask as a secret value from the environment at apply time; nothing is written", async () => {
    const server = await emulator();
    const pipeline = join(tempDir(), 'pg.yaml');
    writeFileSync(pipeline, readFileSync(join(EXAMPLES, 'ecommerce.yaml'), 'utf8'));
    const file = await savePlan(server, [pipeline]);
    const run = await runCli(['apply', file, '--url', server.url, '--auto-approve'], { env: { ...SECRETS, PG_PASSWORD: '**********' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /pg\.yaml:\d+:\d+: error: source 'PostgreSQL - Ecommerce': configuration\.password is '\*{10}', Airbyte's mask, not a secret value; set the real value \(e\.g\. with \$\{VAR\}\)/,
    );
    expect(await writes(server)).toBe(0);
  });

  it('refuses a saved plan that holds a template where a planned value belongs (written by an older version)', async () => {
    const server = await emulator();
    const file = await savePlan(server, [join(EXAMPLES, 'ecommerce.yaml')]);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      plan: { changes: { name: string; desired?: { configuration: Record<string, unknown>; origins: Record<string, Record<string, unknown>> } }[] };
    };
    const desired = saved.plan.changes.find((change) => change.name === 'PostgreSQL - Ecommerce')?.desired;
    if (!desired) throw new Error('the saved plan has no source');
    desired.configuration['host'] = '${PGHOST}';
    desired.origins['host'] = { ...desired.origins['host'], template: '${PGHOST}', wholeVar: true };
    writeFileSync(file, JSON.stringify(saved));
    const run = await runCli(['apply', file, '--url', server.url, '--auto-approve'], { env: { ...SECRETS, PGHOST: 'db-now' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /ecommerce\.yaml:\d+:\d+: error: source 'PostgreSQL - Ecommerce': configuration\.host: the saved plan holds \$\{PGHOST\} instead of the planned value .*run plan --out again/,
    );
    expect(await writes(server)).toBe(0);
  });

  it('is refused as stale when a resource it read changed, or one it creates now exists; nothing is written', async () => {
    const server = await emulator();
    expect((await runCli(['apply', join(EXAMPLES, 'sample-data.yaml'), '--url', server.url, '--auto-approve'])).code).toBe(0);
    const dir = tempDir();
    const changed = join(dir, 'sample-data.yaml');
    writeFileSync(changed, readFileSync(join(EXAMPLES, 'sample-data.yaml'), 'utf8').replace('count: 1000', 'count: 5000'));
    const file = await savePlan(server, [changed]);
    // Someone edits the source in Airbyte after the plan was made.
    const sourceId = server.state.sources.find((s) => s.name === 'Sample Data')?.id;
    const edit = await fetch(`${server.url}/sources/update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sourceId, name: 'Sample Data', connectionConfiguration: { count: 7, seed: 42 } }),
    });
    expect(edit.status).toBe(200);
    const before = await writes(server);
    const stale = await runCli(['apply', file, '--url', server.url, '--auto-approve']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`error: saved plan is stale: source 'Sample Data' (${sourceId}) changed`);
    expect(await writes(server)).toBe(before);

    const createPlan = await savePlan(server, [join(EXAMPLES, 'ecommerce.yaml')]);
    expect((await runCli(['apply', join(EXAMPLES, 'ecommerce.yaml'), '--url', server.url, '--auto-approve'])).code).toBe(0);
    const exists = await runCli(['apply', createPlan, '--url', server.url, '--auto-approve']);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain("saved plan is stale: source 'PostgreSQL - Ecommerce' now exists");
    expect(liveNames(server).sources.filter((name) => name === 'PostgreSQL - Ecommerce')).toHaveLength(1);
  });

  it('names a variable missing at apply time; refuses to save a secret written literally, at its file:line', async () => {
    const server = await emulator();
    const dir = tempDir();
    const pipeline = join(dir, 'pg.yaml');
    const yaml = readFileSync(join(EXAMPLES, 'ecommerce.yaml'), 'utf8');
    writeFileSync(pipeline, yaml.replace('${PG_PASSWORD:-postgres}', '${PG_PASSWORD}'));
    const file = await savePlan(server, [pipeline]);
    const missing = await runCli(['apply', file, '--url', server.url, '--auto-approve'], { env: { MINIO_ACCESS_KEY: 'a', MINIO_SECRET_KEY: 'b' } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /pg\.yaml:\d+:\d+: error: source 'PostgreSQL - Ecommerce': configuration\.password: environment variable 'PG_PASSWORD' is not set/,
    );
    expect(await writes(server)).toBe(0);

    writeFileSync(pipeline, yaml.replace('${PG_PASSWORD:-postgres}', 'literally-secret'));
    const line = yaml.split('\n').findIndex((text) => text.includes('${PG_PASSWORD')) + 1;
    const error = await savePlan(server, [pipeline]).then(
      () => undefined,
      (thrown: unknown) => thrown as GitopsError,
    );
    expect(error?.message).toBe('cannot save the plan: 1 secret is written literally');
    const [problem] = error?.problems ?? [];
    expect(problem).toMatchObject({ file: pipeline, line, severity: 'error' });
    expect(problem?.message).toMatch(/^source 'PostgreSQL - Ecommerce': configuration\.password is a secret written literally.*\$\{VAR\}/);
  });
});
