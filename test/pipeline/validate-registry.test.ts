/**
 * `validate --registry`: configurations checked offline against the connector specs of Airbyte's registry, with the
 * checks and messages `plan` gives against a server. Each finding is compared with what `plan --emulator` prints for
 * the same file when the emulator serves the same registry (AIRBYTE_EMULATOR_REGISTRY).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { describeWithSnapshot, SNAPSHOT } from '../registry/snapshot.js';
import { tempDir } from '../temp.js';

const SECRETS = {
  STRIPE_KEY: 'sk_test_stripe_value',
  SA_JSON: '{"type":"service_account"}',
  SF_PASSWORD: 'sf-password-value',
  PG_PASSWORD: 'pg-password-value',
};

/** A pipeline of Stripe, Google Sheets and Postgres into Snowflake Cortex and Postgres, valid for the registry's specs. */
const VALID = `sources:
  - name: Stripe - Payments
    definition: Stripe
    configuration:
      account_id: acct_123
      client_secret: \${STRIPE_KEY}
      start_date: "2024-01-01T00:00:00Z"
      num_workers: \${WORKERS:-4}
  - name: Sheets
    definition: airbyte/source-google-sheets
    configuration:
      spreadsheet_id: https://docs.google.com/spreadsheets/d/abc
      credentials:
        auth_type: Service
        service_account_info: \${SA_JSON}
  - name: Shop DB
    definition: Postgres
    configuration:
      host: db.internal
      port: 5432
      database: shop
      username: airbyte
      password: \${PG_PASSWORD}
destinations:
  - name: Cortex
    definition: destination-snowflake-cortex
    configuration:
      processing:
        chunk_size: 512
        text_splitter: { mode: code, language: python }
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
      - { name: customers, syncMode: full_refresh, destinationSyncMode: overwrite }
`;

/** The lines that report a problem (`file:line:col: error|warning: …`), in order. */
const problemLines = (text: string) => text.split('\n').filter((line) => /^.+:\d+:\d+: (error|warning): /.test(line));

function project(text: string): { cwd: string; file: string; env: Record<string, string> } {
  const cwd = tempDir('gitops-validate-registry-');
  const file = join(cwd, 'pipeline.yaml');
  writeFileSync(file, text);
  return { cwd, file, env: { XDG_STATE_HOME: tempDir('gitops-state-'), ...SECRETS } };
}

/** `validate --registry` and `plan --emulator` serving the same registry, on the same file. */
async function both(text: string, extraEnv: Record<string, string> = {}) {
  const { cwd, file, env } = project(text);
  const validated = await runCli(['validate', file, '--registry', SNAPSHOT], { cwd, env: { ...env, ...extraEnv } });
  const planned = await runCli(['plan', file, '--emulator'], { cwd, env: { ...env, ...extraEnv, AIRBYTE_EMULATOR_REGISTRY: SNAPSHOT } });
  return { file, validated, planned };
}

describeWithSnapshot('validate --registry (the real registry snapshot)', () => {
  it('a valid pipeline passes, as plan --emulator with the same registry finds nothing wrong either', async () => {
    const { validated, planned } = await both(VALID);
    expect(validated.stdout).toBe('✓ Valid: 3 sources, 1 destination, 1 connection in 1 file\n');
    expect(validated.code).toBe(0);
    expect(validated.stderr).toBe(
      `note: checked 4 configurations against the connector registry ${SNAPSHOT} (647 connectors); streams are checked by plan, against the sources' catalogs\n`,
    );
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(0);
    for (const output of [validated.stdout, validated.stderr]) for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
  });

  it('wrong type, missing required key, misspelled key, bad enum in an option group, literal secret: the lines plan prints', async () => {
    const broken = VALID.replace('acct_123', '[acct_123]') // wrong type: an array for a string
      .replace('      spreadsheet_id: https://docs.google.com/spreadsheets/d/abc\n', '') // missing required key
      .replace('      start_date:', '      lookback_window_day: 3\n      start_date:') // misspelled key
      .replace('language: python', 'language: kotlin') // not one of the enum, inside the option picked by mode: code
      .replace('client_secret: ${STRIPE_KEY}', 'client_secret: sk_live_written_here'); // a secret in the file
    const { file, validated, planned } = await both(broken, { WORKERS: 'four' }); // ${VAR} coerced to integer: fails
    const expected = [
      `${file}:5:20: error: source 'Stripe - Payments': configuration.account_id: must be string`,
      `${file}:9:20: error: source 'Stripe - Payments': configuration.num_workers: must be integer (value of \${WORKERS:-4})`,
      `${file}:7:28: error: source 'Stripe - Payments': configuration.lookback_window_day is not a field of connector 'Stripe' (did you mean 'lookback_window_days'?)`,
      `${file}:6:22: warning: source 'Stripe - Payments': configuration.client_secret is a secret written in the file; use \${VAR} so it stays out of Git (plan --out refuses to save it)`,
      `${file}:12:5: error: source 'Sheets': configuration: missing required key 'spreadsheet_id'`,
      `${file}:30:48: error: destination 'Cortex': configuration.processing.text_splitter.language: must be one of 'cpp', 'go', 'java', 'js', 'php', 'proto', 'python', 'rst', 'ruby', 'rust', 'scala', 'swift', 'markdown', 'latex', 'html', 'sol'`,
    ];
    expect(problemLines(validated.stdout)).toEqual(expected);
    expect(validated.stdout).toContain('✗ 5 errors, 1 warning\n');
    expect(validated.code).toBe(1);
    expect(problemLines(planned.stderr)).toEqual(expected);
    expect(planned.code).toBe(1);
    expect(validated.stdout + validated.stderr).not.toContain('sk_live_written_here');
  });

  it('an unknown definition gets a "did you mean" among names and docker images; a destination sync mode is checked', async () => {
    const broken = VALID.replace('definition: Stripe', 'definition: Strpe')
      .replace('definition: airbyte/source-google-sheets', 'definition: airbyte/source-google-sheet')
      .replace('definition: destination-snowflake-cortex', 'definition: destination-snowflake-cortx')
      .replace('definition: Postgres', 'definition: Snowflake Cortex');
    const { file, validated, planned } = await both(broken);
    const expected = [
      `${file}:3:17: error: source 'Stripe - Payments': unknown source definition 'Strpe' (did you mean 'Stripe'?)`,
      `${file}:10:17: error: source 'Sheets': unknown source definition 'airbyte/source-google-sheet' (did you mean 'airbyte/source-google-sheets'?)`,
      `${file}:17:17: error: source 'Shop DB': 'Snowflake Cortex' is a destination definition, not a source definition`,
      `${file}:26:17: error: destination 'Cortex': unknown destination definition 'destination-snowflake-cortx' (did you mean 'destination-snowflake-cortex'?)`,
    ];
    expect(problemLines(validated.stdout)).toEqual(expected);
    expect(problemLines(planned.stderr)).toEqual(expected);
    // No definition is found, so no configuration has a spec to be checked against (plan does the same).
    expect(validated.stderr).toContain('note: checked 0 configurations against the connector registry');

    const modes = await both(VALID.replace('destinationSyncMode: overwrite }', 'destinationSyncMode: overwrite_dedup, primaryKey: [[id]] }'));
    const unsupported = `${modes.file}:45:17: error: connection 'Stripe to Cortex': stream 'customers': destinationSyncMode 'overwrite_dedup' is not supported by destination 'Cortex' (supported: overwrite, append, append_dedup)`;
    expect(problemLines(modes.validated.stdout)).toEqual([unsupported]);
    expect(problemLines(modes.planned.stderr)).toEqual([unsupported]);
  });

  it('takes on trust what needs a server: resources named without a definition, and stream names', async () => {
    const text = `${VALID.replace('name: customers', 'name: no_such_stream')}  - name: Shop DB to Lake
    source: Shop DB
    destination: Lake
    streams:
      - { name: orders, syncMode: full_refresh, destinationSyncMode: append }
`.replace('connections:', '  - name: Lake\nconnections:');
    const { cwd, file, env } = project(text);
    const result = await runCli(['validate', file, '--registry', SNAPSHOT], { cwd, env });
    expect(result.stdout).toBe('✓ Valid: 3 sources, 2 destinations, 2 connections in 1 file\n');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("streams are checked by plan, against the sources' catalogs");
  });

  it('does not check the configurations of a file with errors (they may be half-built), and says so; other files are checked', async () => {
    // Checked, its Stripe configuration would miss 'account_id'; the file's error is elsewhere.
    const { cwd, file, env } = project(
      VALID.replace('  - name: Sheets\n', '  - name: Sheets\n    sheduel: manual\n').replace('      account_id: acct_123\n', ''),
    );
    const other = join(cwd, 'more.yaml');
    writeFileSync(other, 'sources:\n  - name: More Stripe\n    definition: Stripe\n    configuration:\n      account_id: acct_9\n');
    const result = await runCli(['validate', file, other, '--registry', SNAPSHOT, '--json'], { cwd, env });
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { problems: { file: string; line: number; message: string }[] };
    expect(parsed.problems.map(({ file: where, line, message }) => `${where}:${line}: ${message}`)).toEqual([
      `${file}:9: unknown key 'sheduel' in source 'Sheets'`,
      `${other}:4: source 'More Stripe': configuration: missing required key 'client_secret'`,
    ]);
    expect(result.stderr).toContain(
      `note: ${file} has errors, so its configurations were not checked against the connector registry; fix them and validate again\n`,
    );
    expect(result.stderr).toContain('note: checked 1 configuration against the connector registry');
  });
});

describe('validate --registry with something that is not a registry', () => {
  it('a JSON file without sources or destinations: a clear error, nothing validated', async () => {
    const cwd = tempDir('gitops-validate-registry-');
    const file = join(cwd, 'pipeline.yaml');
    writeFileSync(file, 'sources:\n  - name: existing\n');
    writeFileSync(join(cwd, 'package.json'), '{"name": "my-pipelines", "version": "1.0.0"}');
    const result = await runCli(['validate', file, '--registry', 'package.json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: package.json is not an Airbyte connector registry: it has no "sources" or "destinations" list (its keys: name, version)\n' +
        'hint: give a registry such as https://connectors.airbyte.com/files/registries/v0/oss_registry.json, or a copy of it (see docs/emulator.md)\n',
    );
  });

  it('a file that is not there, or not JSON: the error names it', async () => {
    const cwd = tempDir('gitops-validate-registry-');
    const file = join(cwd, 'pipeline.yaml');
    writeFileSync(file, 'sources:\n  - name: existing\n');
    const missing = await runCli(['validate', file, '--registry', 'registry.json'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read the connector registry registry\.json: no such file\n/);
    writeFileSync(join(cwd, 'registry.json'), 'sources: []\n');
    const yaml = await runCli(['validate', file, '--registry', 'registry.json'], { cwd });
    expect(yaml.code).toBe(1);
    expect(yaml.stderr).toMatch(/^error: registry\.json is not an Airbyte connector registry: it is not JSON \(/);
  });
});

describe('validate --registry with a small registry of its own (no snapshot needed)', () => {
  const registry = {
    sources: [
      {
        sourceDefinitionId: '11111111-1111-4111-8111-111111111111',
        name: 'Acme',
        dockerRepository: 'airbyte/source-acme',
        dockerImageTag: '1.2.3',
        spec: { connectionSpecification: { type: 'object', required: ['token'], properties: { token: { type: 'string', airbyte_secret: true } } } },
      },
    ],
    destinations: [
      {
        destinationDefinitionId: '22222222-2222-4222-8222-222222222222',
        name: 'Lake',
        dockerRepository: 'airbyte/destination-lake',
        dockerImageTag: '0.1.0',
        spec: { connectionSpecification: { type: 'object', properties: {} }, supported_destination_sync_modes: ['append'] },
      },
      {
        destinationDefinitionId: '33333333-3333-4333-8333-333333333333',
        name: 'Pond',
        dockerRepository: 'airbyte/destination-pond',
        dockerImageTag: '0.1.0',
        spec: { connectionSpecification: { type: 'object', properties: {} } },
      },
    ],
  };
  const pipeline = (token: string) => `sources:
  - name: acme
    definition: source-acme:1.2.3
    configuration:
      ${token}
destinations:
  - name: lake
    definition: Lake
    configuration: {}
  - name: pond
    definition: airbyte/destination-pond
    configuration: {}
connections:
  - name: to lake
    source: acme
    destination: lake
    streams:
      - { name: orders, syncMode: full_refresh, destinationSyncMode: overwrite }
  - name: to pond
    source: acme
    destination: pond
    streams:
      - { name: orders, syncMode: full_refresh, destinationSyncMode: overwrite }
`;

  it('an image with its tag, a missing secret, a literal one, and sync modes only where the registry lists them', async () => {
    const cwd = tempDir('gitops-validate-registry-');
    const file = join(cwd, 'pipeline.yaml');
    writeFileSync(join(cwd, 'registry.json'), JSON.stringify(registry));
    writeFileSync(file, pipeline('tokn: ${ACME_TOKEN}'));
    const first = await runCli(['validate', file, '--registry', 'registry.json'], { cwd, env: { ACME_TOKEN: 'acme-token-value' } });
    expect(problemLines(first.stdout)).toEqual([
      `${file}:3:17: error: source 'acme': source definition 'source-acme:1.2.3' names an image with its tag: write 'airbyte/source-acme' (the version is the definition's, 1.2.3 in this workspace)`,
      // Pond's registry entry lists no sync modes: they are left unchecked, not all refused.
      `${file}:18:17: error: connection 'to lake': stream 'orders': destinationSyncMode 'overwrite' is not supported by destination 'lake' (supported: append)`,
    ]);
    expect(first.code).toBe(1);

    writeFileSync(
      file,
      pipeline('tokn: ${ACME_TOKEN}')
        .replace('source-acme:1.2.3', 'airbyte/source-acme')
        .replace(/overwrite/g, 'append'),
    );
    const second = await runCli(['validate', file, '--registry', 'registry.json'], { cwd, env: { ACME_TOKEN: 'acme-token-value' } });
    expect(problemLines(second.stdout)).toEqual([
      `${file}:4:5: error: source 'acme': configuration: missing required key 'token'`,
      `${file}:5:13: error: source 'acme': configuration.tokn is not a field of connector 'Acme' (did you mean 'token'?)`,
    ]);

    writeFileSync(
      file,
      pipeline('token: written-here')
        .replace('source-acme:1.2.3', 'Acme')
        .replace(/overwrite/g, 'append'),
    );
    const third = await runCli(['validate', file, '--registry', 'registry.json'], { cwd });
    expect(problemLines(third.stdout)).toEqual([
      `${file}:5:14: warning: source 'acme': configuration.token is a secret written in the file; use \${VAR} so it stays out of Git (plan --out refuses to save it)`,
    ]);
    expect(third.code).toBe(0);
    expect(third.stdout + third.stderr).not.toContain('written-here');
    expect(third.stderr).toBe(
      "note: checked 3 configurations against the connector registry registry.json (3 connectors); streams are checked by plan, against the sources' catalogs\n",
    );
  });
});
