/**
 * The registry's odd `airbyte_secret` marks, with the real specs, through the emulator and the CLI: twelve fields
 * marked `false` (masked on read, never copied back on update) and destination-convex's `access_key` marked with the
 * string "true" (masked and copied back). None may be printed or saved; all settle; export writes placeholders;
 * an update never sends a mask the server would store.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SECRET_MASK, type JsonObject } from '../../src/api/types.js';
import { builtInCatalog } from '../../src/emulator/catalog.js';
import { cli, startEnv, type Env } from '../operate/helpers.js';
import { tempDir } from '../temp.js';
import { emulatorConnector, registryEntries, registryEntry } from './registry-snapshot.js';

const entries = registryEntries();

/** Every masked variable of the pipeline below and its value: none of these may appear in any output or file. */
const VALUES = {
  AUTH0_TOKEN: 'auth0-token-7d1f',
  AUTH0_START: '2024-02-03T04:05:06Z',
  AZT_KEY: 'azt-access-key-51ab',
  AZT_ACCOUNT: 'aztaccount83c2',
  AZT_SUFFIX: 'core.example-cloud.net',
  EZ_KEY: 'ez-key-0e9d',
  EZ_SUBDOMAIN: 'ezsub-acme-44',
  FC_ACCOUNT: 'fcaccount-acme-93',
  FC_KEY: 'fc-key-66f0',
  OKTA_DOMAIN: 'okta-acme-12',
  OKTA_TOKEN: 'okta-token-a1b2',
  OL_CLIENT: 'ol-client-7c3e',
  OL_SECRET: 'ol-secret-5b8d',
  OL_REFRESH: 'ol-refresh-2f4a',
  OL_TENANT: 'ol-tenant-90ac',
  SHORT_DOMAIN: 'short-domain-3141',
  SHORT_KEY: 'short-key-2718',
  SHORT_START: '2023-09-08T07:06:05Z',
  DL_ROLE: 'arn:aws:iam::123456789012:role/odd-role-55',
  AB_CLIENT: 'ab-client-6e7f',
  AB_TENANT: 'ab-tenant-8a9b',
  AB_SECRET: 'ab-secret-1c2d',
  CONVEX_KEY: 'convex-key-prod-f00d',
} satisfies Record<string, string>;

/** Non-secret values each step may change (one per resource where the spec has any), as `key: value` lines. */
interface Edits {
  auth0Url?: string;
  ezStart?: string;
  fcStart?: string;
  oktaStart?: string;
  dlBucket?: string;
  abContainer?: string;
  convexUrl?: string;
  /** Leave destination Azure Blob Storage's optional `azure_tenant_id` (marked false) out. */
  dropAbTenant?: boolean;
}

function pipeline(edits: Edits = {}): string {
  return `sources:
  - name: Auth0
    definition: Auth0
    configuration:
      base_url: ${edits.auth0Url ?? 'https://acme.auth0.com'}
      credentials: { auth_type: oauth2_access_token, access_token: '\${AUTH0_TOKEN}' }
      start_date: \${AUTH0_START}
  - name: Azure Table
    definition: Azure Table Storage
    configuration:
      storage_access_key: \${AZT_KEY}
      storage_account_name: \${AZT_ACCOUNT}
      storage_endpoint_suffix: \${AZT_SUFFIX}
  - name: EZ
    definition: EZOfficeInventory
    configuration:
      api_key: \${EZ_KEY}
      subdomain: \${EZ_SUBDOMAIN}
      start_date: "${edits.ezStart ?? '2024-01-01T00:00:00Z'}"
  - name: Freshchat
    definition: Freshchat
    configuration:
      account_name: \${FC_ACCOUNT}
      api_key: \${FC_KEY}
      start_date: "${edits.fcStart ?? '2024-01-01T00:00:00Z'}"
  - name: Okta
    definition: Okta
    configuration:
      domain: \${OKTA_DOMAIN}
      credentials: { auth_type: api_token, api_token: '\${OKTA_TOKEN}' }
      start_date: "${edits.oktaStart ?? '2024-01-01T00:00:00Z'}"
  - name: Outlook
    definition: Outlook
    configuration:
      client_id: \${OL_CLIENT}
      client_secret: \${OL_SECRET}
      refresh_token: \${OL_REFRESH}
      tenant_id: \${OL_TENANT}
  - name: Shortio
    definition: Shortio
    configuration:
      domain_id: \${SHORT_DOMAIN}
      secret_key: \${SHORT_KEY}
      start_date: \${SHORT_START}
destinations:
  - name: Datalake
    definition: AWS Datalake
    configuration:
      credentials: { credentials_title: IAM Role, role_arn: '\${DL_ROLE}' }
      region: us-east-1
      bucket_name: ${edits.dlBucket ?? 'lake'}
      lakeformation_database_name: analytics
  - name: Blob
    definition: Azure Blob Storage
    configuration:
      azure_blob_storage_account_name: acmeblob
      azure_blob_storage_container_name: ${edits.abContainer ?? 'landing'}
      format: { format_type: CSV, flattening: No flattening }
      azure_client_id: \${AB_CLIENT}
${edits.dropAbTenant === true ? '' : '      azure_tenant_id: ${AB_TENANT}\n'}      azure_client_secret: \${AB_SECRET}
  - name: Convex
    definition: Convex
    configuration:
      deployment_url: ${edits.convexUrl ?? 'https://acme.convex.cloud'}
      access_key: \${CONVEX_KEY}
`;
}

/** What Airbyte must store for each resource after an apply of `pipeline(edits)`: every value, secrets included. */
function storedConfigs(edits: Edits = {}): Record<string, JsonObject> {
  const v = VALUES;
  return {
    Auth0: {
      base_url: edits.auth0Url ?? 'https://acme.auth0.com',
      credentials: { auth_type: 'oauth2_access_token', access_token: v.AUTH0_TOKEN },
      start_date: v.AUTH0_START,
    },
    'Azure Table': { storage_access_key: v.AZT_KEY, storage_account_name: v.AZT_ACCOUNT, storage_endpoint_suffix: v.AZT_SUFFIX },
    EZ: { api_key: v.EZ_KEY, subdomain: v.EZ_SUBDOMAIN, start_date: edits.ezStart ?? '2024-01-01T00:00:00Z' },
    Freshchat: { account_name: v.FC_ACCOUNT, api_key: v.FC_KEY, start_date: edits.fcStart ?? '2024-01-01T00:00:00Z' },
    Okta: {
      domain: v.OKTA_DOMAIN,
      credentials: { auth_type: 'api_token', api_token: v.OKTA_TOKEN },
      start_date: edits.oktaStart ?? '2024-01-01T00:00:00Z',
    },
    Outlook: { client_id: v.OL_CLIENT, client_secret: v.OL_SECRET, refresh_token: v.OL_REFRESH, tenant_id: v.OL_TENANT },
    Shortio: { domain_id: v.SHORT_DOMAIN, secret_key: v.SHORT_KEY, start_date: v.SHORT_START },
    Datalake: {
      credentials: { credentials_title: 'IAM Role', role_arn: v.DL_ROLE },
      region: 'us-east-1',
      bucket_name: edits.dlBucket ?? 'lake',
      lakeformation_database_name: 'analytics',
    },
    Blob: {
      azure_blob_storage_account_name: 'acmeblob',
      azure_blob_storage_container_name: edits.abContainer ?? 'landing',
      format: { format_type: 'CSV', flattening: 'No flattening' },
      azure_client_id: v.AB_CLIENT,
      azure_tenant_id: v.AB_TENANT,
      azure_client_secret: v.AB_SECRET,
    },
    Convex: { deployment_url: edits.convexUrl ?? 'https://acme.convex.cloud', access_key: v.CONVEX_KEY },
  };
}

const ODD_CONNECTORS = [
  'airbyte/source-auth0',
  'airbyte/source-azure-table',
  'airbyte/source-ezofficeinventory',
  'airbyte/source-freshchat',
  'airbyte/source-okta',
  'airbyte/source-outlook',
  'airbyte/source-shortio',
  'airbyte/destination-aws-datalake',
  'airbyte/destination-azure-blob-storage',
  'airbyte/destination-convex',
];

async function oddEnv(): Promise<Env> {
  const odd = ODD_CONNECTORS.map((repository) => emulatorConnector(registryEntry(entries ?? [], repository)));
  return startEnv({ definitions: [...builtInCatalog.definitions, ...odd] });
}

/** Stored (unmasked) configurations by resource name. */
function stored(env: Env): Record<string, JsonObject> {
  const { sources, destinations } = env.emulator.state;
  return Object.fromEntries([...sources, ...destinations].filter((actor) => !actor.tombstone).map((actor) => [actor.name, actor.configuration]));
}

/** Fails when any masked value (or the mask standing in for one) appears in `text`. */
function expectNoValues(text: string, where: string): void {
  for (const [name, value] of Object.entries(VALUES)) {
    // The two start dates are dates, which may legitimately appear elsewhere; they are distinct from every other date here.
    expect(text.includes(value), `${where} shows the value of ${name}`).toBe(false);
  }
}

function write(dir: string, text: string): string {
  const file = join(dir, 'odd.yaml');
  writeFileSync(file, text);
  return file;
}

describe.skipIf(entries === undefined)('odd airbyte_secret marks of the registry, end to end', () => {
  test('every marked field is stored exactly, never printed nor saved, and settles', async () => {
    const env = await oddEnv();
    const dir = tempDir();
    const file = write(dir, pipeline());
    const url = env.emulator.url;

    const first = await cli(['plan', file], { url, env: VALUES });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expectNoValues(first.stdout, 'plan');
    const applied = await cli(['apply', file, '--auto-approve'], { url, env: VALUES });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expectNoValues(applied.stdout, 'apply');
    expect(stored(env)).toEqual(storedConfigs());

    // Reads mask every field that has the mark, whatever its value.
    const idOf = (name: string) => env.emulator.state.destinations.find((destination) => destination.name === name)?.id ?? '';
    const blob = await env.client.getDestination(idOf('Blob'));
    expect(blob.connectionConfiguration).toMatchObject({ azure_client_id: SECRET_MASK, azure_tenant_id: SECRET_MASK, azure_client_secret: SECRET_MASK });
    const convex = await env.client.getDestination(idOf('Convex'));
    expect(convex.connectionConfiguration).toEqual({ deployment_url: 'https://acme.convex.cloud', access_key: SECRET_MASK });

    for (const format of [[], ['--json'], ['--markdown']]) {
      const again = await cli(['plan', file, ...format], { url, env: VALUES });
      expect(again.code).toBe(0);
      expectNoValues(again.stdout + again.stderr, `plan ${format.join(' ')}`);
      if (format.length === 0) expect(again.stdout).toContain('No changes.');
      if (format[0] === '--json') expect((JSON.parse(again.stdout) as { changes: { action: string }[] }).changes.every((c) => c.action === 'no-op')).toBe(true);
    }

    // One non-secret value changed per resource that has one: exactly that field, and the apply keeps every marked value.
    const edits: Edits = {
      auth0Url: 'https://acme-eu.auth0.com',
      ezStart: '2024-05-01T00:00:00Z',
      fcStart: '2024-05-02T00:00:00Z',
      oktaStart: '2024-05-03T00:00:00Z',
      dlBucket: 'lake-2',
      abContainer: 'landing-2',
      convexUrl: 'https://acme-2.convex.cloud',
    };
    write(dir, pipeline(edits));
    const changed = await cli(['plan', file, '--json'], { url, env: VALUES });
    expect(changed.code).toBe(0);
    expectNoValues(changed.stdout, 'plan --json of the edits');
    const updates = (JSON.parse(changed.stdout) as { changes: { name: string; action: string; fields: { path: string }[] }[] }).changes
      .filter((change) => change.action !== 'no-op')
      .map((change) => [change.name, change.action, change.fields.map((field) => field.path)]);
    expect(updates).toEqual([
      ['Auth0', 'update', ['configuration.base_url']],
      ['EZ', 'update', ['configuration.start_date']],
      ['Freshchat', 'update', ['configuration.start_date']],
      ['Okta', 'update', ['configuration.start_date']],
      ['Datalake', 'update', ['configuration.bucket_name']],
      ['Blob', 'update', ['configuration.azure_blob_storage_container_name']],
      ['Convex', 'update', ['configuration.deployment_url']],
    ]);
    const saved = join(dir, 'edits.json');
    const out = await cli(['plan', file, '--out', saved], { url, env: VALUES });
    expect(out.code).toBe(0);
    expectNoValues(readFileSync(saved, 'utf8'), 'the saved plan');
    const appliedEdits = await cli(['apply', saved, '--auto-approve'], { url, env: VALUES });
    expect(appliedEdits.stderr).toBe('');
    expect(appliedEdits.code).toBe(0);
    expectNoValues(appliedEdits.stdout, 'apply of the saved plan');
    expect(stored(env)).toEqual(storedConfigs(edits));
    expect((await cli(['plan', file], { url, env: VALUES })).stdout).toContain('No changes.');

    // Export: a placeholder at every marked field (never the mask), and the export plans as no changes.
    const exported = join(dir, 'export');
    const exportRun = await cli(['export', '--out', exported], { url, env: VALUES });
    expect(exportRun.code).toBe(0);
    const files = readdirSync(exported, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const text = files.map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8')).join('\n');
    expectNoValues(text + exportRun.stdout + exportRun.stderr, 'export');
    expect(text).not.toContain(SECRET_MASK);
    const placeholders = [...new Set([...text.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((match) => match[1] ?? ''))];
    expect(placeholders).toHaveLength(Object.keys(VALUES).length);
    const exportEnv = Object.fromEntries(placeholders.map((name) => [name, `any-${name}`]));
    const replan = await cli(['plan', exported], { url, env: exportEnv });
    expect(replan.code).toBe(0);
    expect(replan.stdout).toContain('No changes.');
  });

  test('an optional field marked false that the pipeline leaves out is never sent back as the mask', async () => {
    const env = await oddEnv();
    const dir = tempDir();
    const file = write(dir, pipeline());
    const url = env.emulator.url;
    expect((await cli(['apply', file, '--auto-approve'], { url, env: VALUES })).code).toBe(0);

    // Left out with nothing else to change: nothing is sent.
    write(dir, pipeline({ dropAbTenant: true }));
    const unchanged = await cli(['plan', file], { url, env: VALUES });
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toContain('No changes.');

    // Left out while the update sends the whole configuration: refused, naming the field and where to set it.
    write(dir, pipeline({ dropAbTenant: true, abContainer: 'landing-2' }));
    for (const command of ['plan', 'apply']) {
      const refused = await cli([command, file, ...(command === 'apply' ? ['--auto-approve'] : [])], { url, env: VALUES });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(
        `${file}:55:5: error: destination 'Blob': configuration.azure_tenant_id is stored in Airbyte, which shows it masked (its spec's airbyte_secret mark is not true) but would store the mask this update sends back for it as its new value: set configuration.azure_tenant_id in the pipeline (e.g. as \${VAR}) so the update sends the real value`,
      );
      expectNoValues(refused.stdout + refused.stderr, command);
    }
    expect(stored(env)['Blob']).toEqual(storedConfigs()['Blob']);

    // Set again: the update goes through and keeps it.
    write(dir, pipeline({ abContainer: 'landing-2' }));
    expect((await cli(['apply', file, '--auto-approve'], { url, env: VALUES })).code).toBe(0);
    expect(stored(env)['Blob']).toEqual(storedConfigs({ abContainer: 'landing-2' })['Blob']);
  });
});

describe('a field marked false inside an option group', () => {
  const spec: JsonObject = {
    type: 'object',
    required: ['bucket'],
    properties: {
      bucket: { type: 'string' },
      auth: {
        type: 'object',
        oneOf: [
          { properties: { kind: { type: 'string', const: 'role' }, role_arn: { type: 'string', airbyte_secret: false } }, required: ['kind', 'role_arn'] },
          { properties: { kind: { type: 'string', const: 'key' }, secret_key: { type: 'string', airbyte_secret: true } }, required: ['kind', 'secret_key'] },
        ],
      },
    },
  };
  const connector = emulatorConnector({
    kind: 'destination',
    definitionId: '5e1f9a30-7c1b-4d2e-9f00-0a1b2c3d4e5f',
    name: 'Role Lake',
    dockerRepository: 'acme/destination-role-lake',
    dockerImageTag: '0.1.0',
    connectionSpecification: spec,
  });
  const yaml = (bucket: string, auth: boolean) =>
    `destinations:\n  - name: Lake\n    definition: Role Lake\n    configuration:\n      bucket: ${bucket}\n` +
    (auth ? `      auth: { kind: role, role_arn: '\${ROLE}' }\n` : '');

  test('an update that would send its group back masked is refused, naming the group to set', async () => {
    const env = await startEnv({ definitions: [...builtInCatalog.definitions, connector] });
    const url = env.emulator.url;
    const dir = tempDir();
    const file = write(dir, yaml('lake', true));
    const ROLE = 'arn:aws:iam::1:role/nested-77';
    expect((await cli(['apply', file, '--auto-approve'], { url, env: { ROLE } })).code).toBe(0);
    write(dir, yaml('lake-2', false));
    const refused = await cli(['apply', file, '--auto-approve'], { url, env: { ROLE } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${file}:4:5: error: destination 'Lake': configuration.auth.role_arn is stored in Airbyte, which shows it masked (its spec's airbyte_secret mark is not true) but would store the mask this update sends back for it as its new value: set configuration.auth in the pipeline with its role_arn (e.g. as \${VAR}) so the update sends the real value`,
    );
    expect(refused.stderr).not.toContain(ROLE);
    expect(env.emulator.state.destinations[0]?.configuration).toEqual({ bucket: 'lake', auth: { kind: 'role', role_arn: ROLE } });
  });
});
