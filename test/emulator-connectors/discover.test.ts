import { describe, expect, it } from 'vitest';
import type { AirbyteCatalog, AirbyteStream, JsonObject } from '../../src/api/types.js';
import { defaultModes, withDefaultConfigs } from '../../src/emulator/connectors/discovery.js';
import { findDefinition } from '../../src/emulator/connectors/index.js';

function discover(name: string, configuration: JsonObject): AirbyteCatalog {
  const discoverFn = findDefinition('source', name)?.discover;
  if (discoverFn === undefined) throw new Error(`no discover for ${name}`);
  return discoverFn(configuration);
}

const streamNames = (catalog: AirbyteCatalog): string[] => catalog.streams.map((entry) => `${entry.stream.namespace ?? ''}.${entry.stream.name}`);
const columns = (catalog: AirbyteCatalog, name: string): string[] =>
  Object.keys((catalog.streams.find((entry) => entry.stream.name === name)?.stream.jsonSchema?.['properties'] ?? {}) as JsonObject);

const pg = { host: 'db', port: 5432, database: 'ecommerce', username: 'u' };

describe('Postgres discovery', () => {
  it('lists the ecommerce tables in public by default, with their columns', () => {
    const catalog = discover('Postgres', pg);
    expect(streamNames(catalog)).toEqual(['public.customers', 'public.orders', 'public.products', 'public.order_items']);
    expect(columns(catalog, 'customers')).toEqual(['id', 'email', 'first_name', 'last_name', 'created_at', 'updated_at']);
    expect(columns(catalog, 'orders')).toEqual(['id', 'customer_id', 'status', 'total_amount', 'created_at', 'updated_at']);
    expect(columns(catalog, 'products')).toEqual(['id', 'name', 'category', 'price', 'updated_at']);
    expect(columns(catalog, 'order_items')).toEqual(['id', 'order_id', 'product_id', 'quantity', 'unit_price', 'updated_at']);
  });

  it('describes each stream like the JDBC source: user-chosen cursor, id key, both sync modes', () => {
    const entry = discover('Postgres', pg).streams[1];
    expect(entry?.stream).toMatchObject({
      name: 'orders',
      namespace: 'public',
      supportedSyncModes: ['full_refresh', 'incremental'],
      sourceDefinedCursor: false,
      defaultCursorField: [],
      sourceDefinedPrimaryKey: [['id']],
      isResumable: true,
    });
    const properties = entry?.stream.jsonSchema?.['properties'] as Record<string, JsonObject>;
    expect(entry?.stream.jsonSchema?.['type']).toBe('object');
    expect(properties['updated_at']).toMatchObject({ type: 'string', format: 'date-time' });
    expect(properties['total_amount']).toMatchObject({ type: 'number' });
    expect(entry?.config).toEqual({
      syncMode: 'full_refresh',
      destinationSyncMode: 'overwrite',
      cursorField: [],
      primaryKey: [['id']],
      aliasName: 'orders',
      selected: false,
      suggested: false,
    });
  });

  it('repeats the tables in every listed schema', () => {
    const catalog = discover('Postgres', { ...pg, schemas: ['public', 'archive'] });
    expect(catalog.streams).toHaveLength(8);
    expect(streamNames(catalog).slice(4)).toEqual(['archive.customers', 'archive.orders', 'archive.products', 'archive.order_items']);
  });

  it.each([
    ['crm_prod', ['accounts', 'contacts', 'deals', 'activities']],
    ['hr', ['employees', 'departments', 'salaries']],
    ['product_analytics', ['events', 'sessions', 'page_views']],
    ['billing', ['invoices', 'payments', 'subscriptions']],
    ['shopfront', ['customers', 'orders', 'products', 'order_items']],
    ['inventory', ['inventory', 'users', 'audit_log']],
    ['Three-Stars', ['three_stars', 'users', 'audit_log']],
    ['users', ['users', 'audit_log']],
  ])('derives the tables of database %s from its name', (database, tables) => {
    const catalog = discover('Postgres', { ...pg, database });
    expect(catalog.streams.map((entry) => entry.stream.name)).toEqual(tables);
    for (const table of tables) expect(columns(catalog, table)).toEqual(expect.arrayContaining(['id', 'updated_at']));
  });

  it('is deterministic', () => {
    expect(discover('Postgres', { ...pg, database: 'whatever' })).toEqual(discover('Postgres', { ...pg, database: 'whatever' }));
  });
});

describe('MySQL discovery', () => {
  it('uses the database name as the namespace', () => {
    const catalog = discover('MySQL', { host: 'm', port: 3306, database: 'ecommerce', username: 'u', replication_method: { method: 'STANDARD' } });
    expect(streamNames(catalog)).toEqual(['ecommerce.customers', 'ecommerce.orders', 'ecommerce.products', 'ecommerce.order_items']);
    expect(catalog.streams[0]?.stream).toMatchObject({ sourceDefinedCursor: false, sourceDefinedPrimaryKey: [['id']] });
  });
});

describe('Faker discovery', () => {
  const catalog = discover('Sample Data (Faker)', { count: 10 });

  it('lists users, products and purchases without a namespace', () => {
    expect(catalog.streams.map((entry) => entry.stream.name)).toEqual(['users', 'products', 'purchases']);
    for (const entry of catalog.streams) expect(entry.stream).not.toHaveProperty('namespace');
  });

  it('keeps its own updated_at cursor, so the server defaults to incremental dedup, all suggested and selected', () => {
    for (const entry of catalog.streams) {
      expect(entry.stream).toMatchObject({ sourceDefinedCursor: true, defaultCursorField: ['updated_at'], sourceDefinedPrimaryKey: [['id']] });
      expect(entry.config).toMatchObject({
        syncMode: 'incremental',
        destinationSyncMode: 'append_dedup',
        cursorField: ['updated_at'],
        primaryKey: [['id']],
        selected: true,
        suggested: true,
        aliasName: entry.stream.name,
      });
    }
  });
});

describe('File discovery', () => {
  it('has one full-refresh stream named after the dataset, selected because it is the only one', () => {
    const catalog = discover('File (CSV, JSON, Excel, Feather, Parquet)', {
      dataset_name: 'covid',
      format: 'csv',
      url: 'https://x/y.csv',
      provider: { storage: 'HTTPS' },
    });
    expect(catalog.streams).toHaveLength(1);
    expect(catalog.streams[0]?.stream).toMatchObject({
      name: 'covid',
      supportedSyncModes: ['full_refresh'],
      sourceDefinedCursor: false,
      defaultCursorField: [],
      sourceDefinedPrimaryKey: [],
    });
    expect(catalog.streams[0]?.config).toEqual({
      syncMode: 'full_refresh',
      destinationSyncMode: 'overwrite',
      cursorField: [],
      primaryKey: [],
      aliasName: 'covid',
      selected: true,
      suggested: false,
    });
  });
});

describe('server default modes', () => {
  const stream = (overrides: Partial<AirbyteStream>): AirbyteStream => ({ name: 's', supportedSyncModes: ['full_refresh', 'incremental'], ...overrides });
  it.each([
    ['source cursor and key', { sourceDefinedCursor: true, sourceDefinedPrimaryKey: [['id']] }, 'incremental', 'append_dedup'],
    ['source cursor, full refresh supported', { sourceDefinedCursor: true }, 'full_refresh', 'overwrite'],
    ['source cursor, incremental only', { sourceDefinedCursor: true, supportedSyncModes: ['incremental' as const] }, 'incremental', 'append'],
    ['key but no source cursor', { sourceDefinedPrimaryKey: [['id']] }, 'full_refresh', 'overwrite'],
    ['neither', {}, 'full_refresh', 'overwrite'],
  ])('%s → %s + %s', (_label, overrides, syncMode, destinationSyncMode) => {
    expect(defaultModes(stream(overrides))).toEqual({ syncMode, destinationSyncMode });
  });

  it('selects a stream that is not suggested only when it is the sole stream', () => {
    const two = withDefaultConfigs([stream({ name: 'a' }), stream({ name: 'b' })], ['b']);
    expect(two.streams.map((entry) => [entry.config.selected, entry.config.suggested])).toEqual([
      [false, false],
      [true, true],
    ]);
  });
});
