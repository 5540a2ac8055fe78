import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { findDefinition, syncVolume, type ConnectorDefinition } from '../../src/emulator/connectors/index.js';

function definition(kind: 'source' | 'destination', name: string): ConnectorDefinition {
  const found = findDefinition(kind, name);
  if (found === undefined) throw new Error(`no ${kind} ${name}`);
  return found;
}

const faker = definition('source', 'Sample Data (Faker)');
const postgres = definition('source', 'Postgres');
const pg: JsonObject = { host: 'db', port: 5432, database: 'ecommerce', username: 'u' };

describe('syncVolume', () => {
  it('moves exactly `count` Faker users and purchases and the fixed 100 products', () => {
    expect(syncVolume(faker, { count: 250 }, 'users').records).toBe(250);
    expect(syncVolume(faker, { count: 250 }, 'purchases').records).toBe(250);
    expect(syncVolume(faker, { count: 250 }, 'products').records).toBe(100);
    expect(syncVolume(faker, {}, 'users').records).toBe(1000);
  });

  it('sizes bytes by the stream width', () => {
    const users = syncVolume(faker, { count: 100 }, 'users');
    const purchases = syncVolume(faker, { count: 100 }, 'purchases');
    expect(users.bytes).toBeGreaterThan(purchases.bytes);
    expect(users.bytes % users.records).toBe(0);
  });

  it('gives database streams stable, plausible, distinct sizes', () => {
    const orders = syncVolume(postgres, pg, 'orders');
    expect(syncVolume(postgres, { ...pg }, 'orders')).toEqual(orders);
    expect(orders.records).toBeGreaterThanOrEqual(1000);
    expect(orders.records).toBeLessThan(50_000);
    expect(orders.bytes).toBeGreaterThan(orders.records);
    const sizes = new Set(['customers', 'orders', 'products', 'order_items'].map((name) => syncVolume(postgres, pg, name).records));
    expect(sizes.size).toBe(4);
    expect(syncVolume(postgres, { ...pg, database: 'crm' }, 'orders')).not.toEqual(orders);
  });

  it('still answers for a stream discovery does not know', () => {
    const unknown = syncVolume(postgres, pg, 'legacy_table');
    expect(unknown.records).toBeGreaterThanOrEqual(1000);
    expect(unknown.bytes).toBeGreaterThan(0);
  });

  it('moves nothing for a destination definition', () => {
    expect(syncVolume(definition('destination', 'S3'), {}, 'orders')).toEqual({ records: 0, bytes: 0 });
  });
});
