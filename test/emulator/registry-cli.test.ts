/**
 * The connector registry from the user's side: `--emulator` with AIRBYTE_EMULATOR_REGISTRY (apply, then plan says
 * No changes), what the embedded emulator says about a connector it does not know and a catalog it made up, and
 * `emulator --registry` serving the registry.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, waitFor } from '../cli.js';
import { describeWithSnapshot, SNAPSHOT } from '../registry/snapshot.js';
import { tempDir } from '../temp.js';
import { DEFAULT_WORKSPACE_ID, request } from './helpers.js';

const SECRETS = { STRIPE_KEY: 'sk_test_stripe_value', SA_JSON: '{"type":"service_account"}', SF_PASSWORD: 'sf-password-value' };

function pipeline(stream = 'customers'): string {
  return `sources:
  - name: Stripe - Payments
    definition: Stripe
    configuration:
      account_id: acct_123
      client_secret: \${STRIPE_KEY}
      start_date: "2024-01-01T00:00:00Z"
  - name: Sheets
    definition: Google Sheets
    configuration:
      spreadsheet_id: https://docs.google.com/spreadsheets/d/abc
      credentials:
        auth_type: Service
        service_account_info: \${SA_JSON}
destinations:
  - name: Cortex
    definition: Snowflake Cortex
    configuration:
      processing: { chunk_size: 512 }
      embedding: { mode: fake }
      indexing:
        host: acme
        role: AIRBYTE_ROLE
        warehouse: WH
        database: DB
        default_schema: PUBLIC
        username: airbyte
        credentials: { password: '\${SF_PASSWORD}' }
connections:
  - name: Stripe to Cortex
    source: Stripe - Payments
    destination: Cortex
    streams:
      - { name: ${stream}, syncMode: full_refresh, destinationSyncMode: overwrite }
`;
}

/** A working directory with the pipeline, and the environment of an --emulator run from it. */
function project(extra: Record<string, string> = {}): { cwd: string; file: string; env: Record<string, string> } {
  const cwd = tempDir('gitops-registry-project-');
  const file = join(cwd, 'pipeline.yaml');
  writeFileSync(file, pipeline());
  return { cwd, file, env: { XDG_STATE_HOME: tempDir('gitops-state-'), ...SECRETS, ...extra } };
}

describe('--emulator without a registry', () => {
  it('an unknown connector: the plan error says how many definitions the emulator knows and how to load the registry', async () => {
    const { cwd, file, env } = project();
    const result = await runCli(['plan', file, '--emulator'], { cwd, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:3:17: error: source 'Stripe - Payments': unknown source definition 'Stripe'`);
    expect(result.stderr).toContain(
      "hint: the emulator knows 4 source and 5 destination definitions (its built-in connectors); set AIRBYTE_EMULATOR_REGISTRY to Airbyte's connector registry (a file, or https://connectors.airbyte.com/files/registries/v0/oss_registry.json) to serve every Airbyte connector (see docs/emulator.md)",
    );
  });
});

describe('--emulator with AIRBYTE_EMULATOR_REGISTRY set to a URL', () => {
  it('fetches it once (a note says where the copy is), reads the copy on the next run, and serves its connectors', async () => {
    const registry = {
      sources: [
        {
          sourceDefinitionId: '11111111-1111-4111-8111-111111111111',
          name: 'Acme',
          dockerRepository: 'airbyte/source-acme',
          spec: { connectionSpecification: { type: 'object', required: ['token'], properties: { token: { type: 'string', airbyte_secret: true } } } },
        },
      ],
      destinations: [],
    };
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.end(JSON.stringify(registry));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/registry.json`;
      const cwd = tempDir('gitops-registry-project-');
      const file = join(cwd, 'pipeline.yaml');
      writeFileSync(file, 'sources:\n  - name: acme\n    definition: Acme\n    configuration:\n      token: ${ACME_TOKEN}\n');
      const env = {
        XDG_STATE_HOME: tempDir('gitops-state-'),
        XDG_CACHE_HOME: tempDir('gitops-cache-'),
        AIRBYTE_EMULATOR_REGISTRY: url,
        ACME_TOKEN: 'acme-token-value',
      };
      const applied = await runCli(['apply', file, '--emulator', '--auto-approve'], { cwd, env });
      expect(applied.code).toBe(0);
      expect(applied.stderr).toMatch(
        new RegExp(
          `^note: fetched the connector registry ${url.replace(/[.]/g, '\\.')} \\(1 connectors\\); a copy is kept in ${env.XDG_CACHE_HOME}/airbyte-gitops/registry/[0-9a-f]{16}\\.json$`,
          'm',
        ),
      );
      const planned = await runCli(['plan', file, '--emulator'], { cwd, env });
      expect(planned.stdout).toContain('No changes.');
      expect(planned.stderr).toMatch(/^note: connector registry .* read from its copy in .* \(AIRBYTE_REGISTRY_REFRESH=1 fetches it again\)$/m);
      expect(requests).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describeWithSnapshot('--emulator with AIRBYTE_EMULATOR_REGISTRY (the real snapshot)', () => {
  it('applies Stripe, Google Sheets and Snowflake Cortex with valid configs; plan then says No changes; no secret is printed', async () => {
    const { cwd, file, env } = project({ AIRBYTE_EMULATOR_REGISTRY: SNAPSHOT });
    const applied = await runCli(['apply', file, '--emulator', '--auto-approve'], { cwd, env });
    expect(applied.stderr).not.toMatch(/error/);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 4 created, 0 updated, 0 deleted.');
    const planned = await runCli(['plan', file, '--emulator'], { cwd, env });
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('No changes.');
    for (const output of [applied.stdout, applied.stderr, planned.stdout, planned.stderr]) {
      for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
    }
  });

  it('a wrong configuration is refused with the spec check, at file:line', async () => {
    const { cwd, file, env } = project({ AIRBYTE_EMULATOR_REGISTRY: SNAPSHOT });
    writeFileSync(file, pipeline().replace('"2024-01-01T00:00:00Z"', '"2024-01-01"'));
    const result = await runCli(['plan', file, '--emulator'], { cwd, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:7:19: error: source 'Stripe - Payments': configuration.start_date: must match the format`);
  });

  it('a stream missing from a made-up catalog: the hint names the catalog and AIRBYTE_EMULATOR_CATALOGS, which then gives the real streams', async () => {
    const { cwd, file, env } = project({ AIRBYTE_EMULATOR_REGISTRY: SNAPSHOT });
    expect((await runCli(['apply', file, '--emulator', '--auto-approve'], { cwd, env })).code).toBe(0);
    writeFileSync(file, pipeline('balance_transactions'));
    const missing = await runCli(['plan', file, '--emulator'], { cwd, env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      "error: connection 'Stripe to Cortex': stream 'balance_transactions' does not exist in source 'Stripe - Payments' (available: charges, customers, invoices, refunds, subscriptions)",
    );
    expect(missing.stderr).toContain(
      "hint: the emulator made up the catalog of source 'Stripe - Payments' (customers, invoices, charges, subscriptions, refunds): the connector registry lists no streams; give the real streams in a catalogs file named by AIRBYTE_EMULATOR_CATALOGS (see docs/emulator.md)",
    );
    writeFileSync(join(cwd, 'catalogs.yaml'), 'Stripe:\n  - name: balance_transactions\n  - name: customers\n');
    const withCatalogs = await runCli(['plan', file, '--emulator'], { cwd, env: { ...env, AIRBYTE_EMULATOR_CATALOGS: 'catalogs.yaml' } });
    expect(withCatalogs.stderr).toBe('');
    expect(withCatalogs.code).toBe(0);
    expect(withCatalogs.stdout).toContain("connection 'Stripe to Cortex' will be updated");
  });

  it('a state made with the registry, run without it: the error says which variable to set again', async () => {
    const { cwd, file, env } = project({ AIRBYTE_EMULATOR_REGISTRY: SNAPSHOT });
    expect((await runCli(['apply', file, '--emulator', '--auto-approve'], { cwd, env })).code).toBe(0);
    const { AIRBYTE_EMULATOR_REGISTRY: _unset, ...without } = env;
    const result = await runCli(['plan', file, '--emulator'], { cwd, env: without });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('set AIRBYTE_EMULATOR_REGISTRY to the registry they were made with');
  });

  it('`emulator --registry <file>` says how many connectors it serves and serves them', async () => {
    const run = spawnCli(['emulator', '--port', '0', '--registry', SNAPSHOT]);
    const listening = /^Airbyte emulator listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)$/m;
    await waitFor(() => listening.test(run.stdout()) || run.child.exitCode !== null, 'the emulator to listen');
    const url = listening.exec(run.stdout())?.[1];
    expect(url, run.stderr()).toBeDefined();
    expect(run.stderr()).toMatch(/^emulator: serving \d+ connectors: 9 built-in, \d+ from the connector registry .*oss_registry\.json$/m);
    const answer = await request(`${url}/source_definition_specifications/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sourceDefinitionId: 'e094cb9a-26de-4645-8761-65c0c425d1de', workspaceId: DEFAULT_WORKSPACE_ID }),
    });
    expect(answer.body.connectionSpecification.required).toEqual(['client_secret', 'account_id']);
    run.child.kill('SIGTERM');
    expect((await run.done).code).toBe(0);
  });
});
