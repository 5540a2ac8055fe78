/**
 * The emulator serving Airbyte's real connector registry (the snapshot in ../shared): definitions, specs, validation
 * with the real server's 422, masking by the real spec, checks, and the made-up catalog of a registry source.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfiguration } from '../../src/emulator/config.js';
import { connectorDefinitions } from '../../src/emulator/connectors/index.js';
import { ApiError } from '../../src/emulator/errors.js';
import { MADE_UP_STREAMS } from '../../src/emulator/registry.js';
import { registryFrom } from '../../src/registry/index.js';
import { describeWithSnapshot, snapshotRegistry } from '../registry/snapshot.js';
import { tempDir } from '../temp.js';
import { DEFAULT_WORKSPACE_ID, startTestEmulator, type TestEmulator } from './helpers.js';

const STRIPE = 'e094cb9a-26de-4645-8761-65c0c425d1de';
const SHEETS = '71607ba1-c0ac-4799-8049-7f4b90dd50f7';
const CORTEX = 'd9e5418d-f0f4-4d19-a8b1-5630543638e2';
const POSTGRES = 'decd338e-5647-4c0b-adf4-da0e75f5a750';
const LOCAL_JSON = 'a625d593-bba5-4a1c-a53d-2d246268a816';

const stripeConfig = (overrides: Record<string, unknown> = {}) => ({ account_id: 'acct_1', client_secret: 'sk_test_secret', ...overrides });
const cortexConfig = (indexing: Record<string, unknown> = {}) => ({
  processing: { chunk_size: 512 },
  embedding: { mode: 'fake' },
  indexing: {
    host: 'acme',
    role: 'R',
    warehouse: 'WH',
    database: 'DB',
    default_schema: 'PUBLIC',
    username: 'u',
    credentials: { password: 'sf-secret' },
    ...indexing,
  },
});

function withRegistry(catalogsFile?: string): Promise<TestEmulator> {
  return startTestEmulator({ definitions: connectorDefinitions, registry: snapshotRegistry(), ...(catalogsFile ? { catalogsFile } : {}) });
}

async function createSource(t: TestEmulator, definitionId: string, configuration: object, name = 'src') {
  return t.call('sources/create', { sourceDefinitionId: definitionId, workspaceId: DEFAULT_WORKSPACE_ID, name, connectionConfiguration: configuration });
}

describeWithSnapshot('the emulator with the real connector registry', () => {
  it('lists every registry definition besides the built-in ones, and a built-in definition wins over its registry entry', async () => {
    const t = await withRegistry();
    const registry = snapshotRegistry();
    const builtInIds = new Set(connectorDefinitions.map((definition) => definition.definitionId));
    const sources = (await t.call('source_definitions/list_for_workspace', { workspaceId: DEFAULT_WORKSPACE_ID })).body.sourceDefinitions;
    const expectedSources = 4 + registry.sources.filter((definition) => !builtInIds.has(definition.definitionId)).length;
    expect(sources).toHaveLength(expectedSources);
    expect(new Set(sources.map((definition: { sourceDefinitionId: string }) => definition.sourceDefinitionId)).size).toBe(expectedSources);
    expect((await t.call('destination_definitions/list')).body.destinationDefinitions).toHaveLength(
      5 + registry.destinations.filter((definition) => !builtInIds.has(definition.definitionId)).length,
    );
    expect(t.emulator.connectorSummary).toBe(
      `serving ${t.emulator.definitionCounts.sources + t.emulator.definitionCounts.destinations} connectors: 9 given, ${
        t.emulator.definitionCounts.sources + t.emulator.definitionCounts.destinations - 9
      } from the connector registry ${registry.origin}`,
    );

    const stripe = await t.call('source_definitions/get', { sourceDefinitionId: STRIPE });
    expect(stripe.body).toMatchObject({
      sourceDefinitionId: STRIPE,
      name: 'Stripe',
      dockerRepository: 'airbyte/source-stripe',
      sourceType: 'api',
      supportLevel: 'certified',
    });
    // Postgres is in the registry too; the built-in spec (and its realistic catalog) is served.
    const postgres = await t.call('source_definition_specifications/get', { sourceDefinitionId: POSTGRES, workspaceId: DEFAULT_WORKSPACE_ID });
    expect(postgres.body.connectionSpecification).toEqual(connectorDefinitions[0]?.connectionSpecification);
    expect(postgres.body.connectionSpecification).not.toEqual(registry.byDefinitionId(POSTGRES)?.connectionSpecification);
  });

  it('validates against every registry spec: an empty configuration is a 422 or accepted, never a spec that does not compile', () => {
    // 11 specs of the snapshot fail a strict compile: `$schema` https://json-schema.org/draft-07/schema# (Shopify,
    // GA4, …), a required key listed twice (Hellobaton), a bare `examples` value (Kafka), the escape `\-` (Kyriba, …).
    const outcomes = new Map<string, number>();
    const broken: string[] = [];
    for (const definition of snapshotRegistry().all()) {
      try {
        validateConfiguration(definition.connectionSpecification, {});
        outcomes.set('accepted', (outcomes.get('accepted') ?? 0) + 1);
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'invalid-input') outcomes.set('422', (outcomes.get('422') ?? 0) + 1);
        else broken.push(`${definition.name}: ${(error as Error).message}`);
      }
    }
    expect(broken).toEqual([]);
    expect((outcomes.get('422') ?? 0) + (outcomes.get('accepted') ?? 0)).toBe(647);
    expect(outcomes.get('422')).toBeGreaterThan(500);
    // The escape `\-` compiles as the server's Java patterns read it: a literal dash.
    const kyriba = snapshotRegistry().named('Kyriba', 'source')[0]?.connectionSpecification ?? {};
    const dates = { domain: 'acme.kyriba.com', username: 'u', password: 'p', start_date: '2024-01-31' };
    expect(() => validateConfiguration(kyriba, dates)).not.toThrow();
    expect(() => validateConfiguration(kyriba, { ...dates, start_date: '2024/01/31' })).toThrow(/start_date: must match pattern/);
  });

  it('serves the real specs, and the destination sync modes of the registry', async () => {
    const t = await withRegistry();
    const registry = snapshotRegistry();
    const spec = await t.call('source_definition_specifications/get', { sourceDefinitionId: SHEETS, workspaceId: DEFAULT_WORKSPACE_ID });
    expect(spec.status).toBe(200);
    expect(spec.body.connectionSpecification).toEqual(registry.byDefinitionId(SHEETS)?.connectionSpecification);
    const cortex = await t.call('destination_definition_specifications/get', { destinationDefinitionId: CORTEX, workspaceId: DEFAULT_WORKSPACE_ID });
    expect(cortex.body.supportedDestinationSyncModes).toEqual(registry.byDefinitionId(CORTEX)?.supportedDestinationSyncModes);
    expect(cortex.body.supportedDestinationSyncModes.length).toBeGreaterThan(0);
  });

  it('validates create, update and partial_update against the real spec with the real 422, and masks by it', async () => {
    const t = await withRegistry();
    const missing = await createSource(t, STRIPE, { account_id: 'acct_1' });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({
      message: 'The provided configuration does not fulfill the specification. Errors: $.client_secret: is missing but it is required',
      exceptionClassName: 'io.airbyte.commons.server.errors.BadObjectSchemaKnownException',
    });
    const created = await createSource(t, STRIPE, stripeConfig({ start_date: '2024-01-01T00:00:00Z' }), 'Stripe');
    expect(created.status).toBe(200);
    expect(created.body.connectionConfiguration).toEqual({ account_id: 'acct_1', client_secret: '**********', start_date: '2024-01-01T00:00:00Z' });
    expect(created.body.sourceName).toBe('Stripe');
    const sourceId = created.body.sourceId as string;
    const badDate = await t.call('sources/partial_update', { sourceId, connectionConfiguration: { start_date: '2024-01-01' } });
    expect(badDate.status).toBe(422);
    expect(badDate.body.message).toContain('$.start_date: must match pattern');
    // A full update with the mask keeps the stored secret.
    const updated = await t.call('sources/update', {
      sourceId,
      name: 'Stripe',
      connectionConfiguration: { account_id: 'acct_2', client_secret: '**********' },
    });
    expect(updated.status).toBe(200);
    const stored = t.emulator.state.sources.find((source) => source.id === sourceId);
    expect(stored?.configuration).toEqual({ account_id: 'acct_2', client_secret: 'sk_test_secret' });

    const destination = await t.call('destinations/create', {
      destinationDefinitionId: CORTEX,
      workspaceId: DEFAULT_WORKSPACE_ID,
      name: 'Cortex',
      connectionConfiguration: cortexConfig(),
    });
    expect(destination.status).toBe(200);
    expect(destination.body.connectionConfiguration.indexing.credentials).toEqual({ password: '**********' });
    const wrongGroup = await t.call('destinations/create', {
      destinationDefinitionId: CORTEX,
      workspaceId: DEFAULT_WORKSPACE_ID,
      name: 'Cortex 2',
      connectionConfiguration: { ...cortexConfig(), embedding: { mode: 'openai' } },
    });
    expect(wrongGroup.status).toBe(422);
    expect(wrongGroup.body.message).toMatch(
      /^The provided configuration does not fulfill the specification\. Errors: .*\$\.embedding\.openai_key: is missing but it is required/,
    );
  });

  it('checks a registry connector by the standard rules: it succeeds unless an endpoint is unreachable or a secret is wrong-password', async () => {
    const t = await withRegistry();
    const check = async (configuration: object) =>
      (
        await t.call('scheduler/destinations/check_connection', {
          destinationDefinitionId: CORTEX,
          workspaceId: DEFAULT_WORKSPACE_ID,
          connectionConfiguration: configuration,
        })
      ).body;
    expect(await check(cortexConfig())).toMatchObject({ status: 'succeeded' });
    expect(await check(cortexConfig({ host: 'unreachable.example' }))).toMatchObject({
      status: 'failed',
      message: 'Could not connect to unreachable.example: Connection refused',
    });
    expect(await check(cortexConfig({ credentials: { password: 'wrong-password' } }))).toMatchObject({
      status: 'failed',
      message: 'Authentication failed: the credential at indexing.credentials.password was rejected (401 Unauthorized)',
    });
    const source = await createSource(t, STRIPE, stripeConfig({ client_secret: 'wrong-password' }));
    expect((await t.call('sources/check_connection', { sourceId: source.body.sourceId })).body).toMatchObject({
      status: 'failed',
      message: 'Authentication failed: the credential at client_secret was rejected (401 Unauthorized)',
    });
  });

  it('discovers a small made-up catalog (the suggested streams when the registry has them) and says so when a stream is missing', async () => {
    const t = await withRegistry();
    const stripe = (await createSource(t, STRIPE, stripeConfig(), 'Payments')).body.sourceId as string;
    const stripeCatalog = (await t.call('sources/discover_schema', { sourceId: stripe })).body.catalog;
    expect(stripeCatalog.streams.map((entry: { stream: { name: string } }) => entry.stream.name)).toEqual([
      'customers',
      'invoices',
      'charges',
      'subscriptions',
      'refunds',
    ]);
    expect(stripeCatalog.streams[0].config).toMatchObject({ selected: true, suggested: true, syncMode: 'incremental', destinationSyncMode: 'append_dedup' });
    expect(stripeCatalog.streams[0].stream.jsonSchema.description).toContain('made up by the airbyte-gitops emulator');

    const sheets = (
      await createSource(
        t,
        SHEETS,
        { spreadsheet_id: 'https://docs.google.com/spreadsheets/d/x', credentials: { auth_type: 'Service', service_account_info: '{}' } },
        'Sheets',
      )
    ).body.sourceId as string;
    const sheetsCatalog = (await t.call('sources/discover_schema', { sourceId: sheets })).body.catalog;
    expect(sheetsCatalog.streams.map((entry: { stream: { name: string } }) => entry.stream.name)).toEqual(MADE_UP_STREAMS);

    const destinationId = (
      await t.call('destinations/create', {
        destinationDefinitionId: LOCAL_JSON,
        workspaceId: DEFAULT_WORKSPACE_ID,
        name: 'out',
        connectionConfiguration: { destination_path: '/local/x' },
      })
    ).body.destinationId as string;
    const connection = (stream: string) =>
      t.call('connections/create', {
        sourceId: sheets,
        destinationId,
        status: 'active',
        syncCatalog: { streams: [{ stream: { name: stream }, config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true } }] },
      });
    const missing = await connection('Sheet1');
    expect(missing.status).toBe(422);
    expect(missing.body.message).toBe(
      "Stream 'Sheet1' is not in the source's discovered catalog (source 'Sheets' uses 'Google Sheets' from the connector registry, which lists no streams, so the emulator made up its catalog: records, events; give its real streams with --catalogs <file.yaml>, or AIRBYTE_EMULATOR_CATALOGS for --emulator, see docs/emulator.md)",
    );
    expect((await connection('records')).status).toBe(200);
    expect(t.emulator.connectorReport()).toEqual({
      madeUpCatalogs: [
        { source: 'Payments', definition: 'Stripe', streams: ['customers', 'invoices', 'charges', 'subscriptions', 'refunds'] },
        { source: 'Sheets', definition: 'Google Sheets', streams: MADE_UP_STREAMS },
      ],
      unknownDefinitions: 0,
    });
  });

  it('discovers the --catalogs streams of a registry connector (by connector name) instead, and no longer calls them made up', async () => {
    const catalogs = join(tempDir(), 'catalogs.yaml');
    writeFileSync(catalogs, 'Google Sheets:\n  - name: Sheet1\n');
    const t = await withRegistry(catalogs);
    const sheets = (await createSource(t, SHEETS, { spreadsheet_id: 'x', credentials: { auth_type: 'Service', service_account_info: '{}' } }, 'Sheets')).body
      .sourceId as string;
    const catalog = (await t.call('sources/discover_schema', { sourceId: sheets })).body.catalog;
    expect(catalog.streams.map((entry: { stream: { name: string } }) => entry.stream.name)).toEqual(['Sheet1']);
    expect(t.emulator.connectorReport().madeUpCatalogs).toEqual([]);
  });
});

describe('the emulator with a small registry', () => {
  it('serves a registry definition whose id no built-in has; an unknown id is still a 404', async () => {
    const registry = registryFrom(
      {
        sources: [
          {
            sourceDefinitionId: '11111111-1111-4111-8111-111111111111',
            name: 'Acme',
            dockerRepository: 'airbyte/source-acme',
            spec: { connectionSpecification: { type: 'object', required: ['token'], properties: { token: { type: 'string', airbyte_secret: true } } } },
          },
        ],
      },
      'small.json',
    );
    const t = await startTestEmulator({ definitions: connectorDefinitions, registry });
    expect(t.emulator.definitionCounts).toEqual({ sources: 5, destinations: 5 });
    const created = await createSource(t, '11111111-1111-4111-8111-111111111111', { token: 't0ken' });
    expect(created.body.connectionConfiguration).toEqual({ token: '**********' });
    expect((await createSource(t, '99999999-1111-4111-8111-111111111111', { token: 'x' })).status).toBe(404);
  });
});
