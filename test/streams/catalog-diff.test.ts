/**
 * The catalog diff (src/streams/catalog-diff.ts) against the rules of the server's CatalogDiffHelpers: stream adds and
 * removes by namespace + name, field transforms with nested paths, primary-key changes, and what is breaking.
 */
import { describe, expect, test } from 'vitest';
import type {
  AirbyteCatalog,
  AirbyteStream,
  AirbyteStreamAndConfiguration,
  AirbyteStreamConfiguration,
  FieldTransform,
  JsonObject,
  StreamTransform,
} from '../../src/api/types.js';
import { DUPLICATED_SCHEMA, diffCatalogs, isBreaking, schemaFields } from '../../src/streams/catalog-diff.js';

const props = (properties: JsonObject): JsonObject => ({ type: 'object', properties });
const ordersSchema = props({ id: { type: 'integer' }, updated_at: { type: 'string' }, total: { type: 'number' } });

function entry(
  name: string,
  jsonSchema: JsonObject,
  config: Partial<AirbyteStreamConfiguration> = {},
  stream: Partial<AirbyteStream> = {},
): AirbyteStreamAndConfiguration {
  return {
    stream: { name, jsonSchema, supportedSyncModes: ['full_refresh', 'incremental'], ...stream },
    config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true, ...config },
  };
}
const catalog = (...streams: AirbyteStreamAndConfiguration[]): AirbyteCatalog => ({ streams });

/** The field transforms of the one update_stream of a diff, sorted by path for stable comparison. */
function fieldsOf(transforms: StreamTransform[]): FieldTransform[] {
  const updates = transforms.filter((transform) => transform.transformType === 'update_stream');
  expect(updates).toHaveLength(1);
  return [...(updates[0]?.updateStream?.fieldTransforms ?? [])].sort((a, b) => a.fieldName.join('.').localeCompare(b.fieldName.join('.')));
}

describe('diffCatalogs: streams', () => {
  test('the same catalog gives no transforms', () => {
    const stored = catalog(entry('orders', ordersSchema), entry('users', props({ id: { type: 'integer' } })));
    expect(diffCatalogs(stored, structuredClone(stored))).toEqual({ transforms: [] });
  });

  test('a stream only upstream is add_stream, a stream gone upstream is remove_stream; neither is breaking', () => {
    const stored = catalog(entry('orders', ordersSchema), entry('legacy', props({ id: { type: 'integer' } })));
    const discovered = catalog(entry('orders', ordersSchema), entry('invoices', props({ id: { type: 'integer' } })));
    const diff = diffCatalogs(stored, discovered);
    expect(diff.transforms).toEqual(
      expect.arrayContaining([
        { transformType: 'remove_stream', streamDescriptor: { name: 'legacy' } },
        { transformType: 'add_stream', streamDescriptor: { name: 'invoices' } },
      ]),
    );
    expect(diff.transforms).toHaveLength(2);
    expect(isBreaking(diff)).toBe(false);
  });

  test('a removed stream that was the incremental, deduped one is still not breaking', () => {
    const stored = catalog(
      entry('orders', ordersSchema, { syncMode: 'incremental', destinationSyncMode: 'append_dedup', cursorField: ['updated_at'], primaryKey: [['id']] }),
    );
    const diff = diffCatalogs(stored, catalog());
    expect(diff.transforms).toEqual([{ transformType: 'remove_stream', streamDescriptor: { name: 'orders' } }]);
    expect(isBreaking(diff)).toBe(false);
  });

  test('streams match by namespace + name: the same name in another namespace is another stream', () => {
    const stored = catalog(entry('events', ordersSchema, {}, { namespace: 'public' }));
    const discovered = catalog(entry('events', ordersSchema, {}, { namespace: 'audit' }));
    expect(diffCatalogs(stored, discovered).transforms).toEqual(
      expect.arrayContaining([
        { transformType: 'remove_stream', streamDescriptor: { name: 'events', namespace: 'public' } },
        { transformType: 'add_stream', streamDescriptor: { name: 'events', namespace: 'audit' } },
      ]),
    );
  });

  test('an absent, null or empty namespace is the same stream (no transform), and the descriptor has no namespace', () => {
    const stored = catalog(entry('events', ordersSchema, {}, { namespace: '' }));
    const discovered = catalog(entry('events', ordersSchema, {}, { namespace: null as unknown as string }));
    expect(diffCatalogs(stored, discovered).transforms).toEqual([]);
    const gone = diffCatalogs(stored, catalog());
    expect(gone.transforms).toEqual([{ transformType: 'remove_stream', streamDescriptor: { name: 'events' } }]);
  });

  test('a stream not selected in the stored catalog is not compared field by field', () => {
    const stored = catalog(entry('orders', ordersSchema, { selected: false }));
    const discovered = catalog(entry('orders', props({ id: { type: 'string' } })));
    expect(diffCatalogs(stored, discovered).transforms).toEqual([]);
  });

  test('a difference that is neither a field nor the primary key (supported modes) gives no update_stream', () => {
    const stored = catalog(entry('orders', ordersSchema));
    const discovered = catalog(entry('orders', ordersSchema, {}, { supportedSyncModes: ['full_refresh'], defaultCursorField: ['updated_at'] }));
    expect(diffCatalogs(stored, discovered).transforms).toEqual([]);
  });
});

describe('diffCatalogs: fields', () => {
  test('added, removed and type-changed top-level columns, none breaking on a full-refresh overwrite stream', () => {
    const stored = catalog(entry('orders', ordersSchema));
    const discovered = catalog(entry('orders', props({ id: { type: 'integer' }, updated_at: { type: 'integer' }, note: { type: 'string' } })));
    const diff = diffCatalogs(stored, discovered);
    expect(diff.transforms[0]?.streamDescriptor).toEqual({ name: 'orders' });
    expect(fieldsOf(diff.transforms)).toEqual([
      { transformType: 'add_field', fieldName: ['note'], breaking: false, addField: { schema: { type: 'string' } } },
      { transformType: 'remove_field', fieldName: ['total'], breaking: false, removeField: { schema: { type: 'number' } } },
      {
        transformType: 'update_field_schema',
        fieldName: ['updated_at'],
        breaking: false,
        updateFieldSchema: { oldSchema: { type: 'string' }, newSchema: { type: 'integer' } },
      },
    ]);
    expect(isBreaking(diff)).toBe(false);
  });

  test('nested object properties and array items give longer paths; the parents count as updated too', () => {
    const before = props({
      id: { type: 'integer' },
      address: props({ city: { type: 'string' }, zip: { type: 'string' } }),
      lines: { type: 'array', items: props({ sku: { type: 'string' } }) },
    });
    const after = props({
      id: { type: 'integer' },
      address: props({ city: { type: 'string' }, country: { type: 'string' } }),
      lines: { type: 'array', items: props({ sku: { type: 'string' }, qty: { type: 'integer' } }) },
    });
    const fields = fieldsOf(diffCatalogs(catalog(entry('orders', before)), catalog(entry('orders', after))).transforms);
    expect(fields.map((field) => [field.transformType, field.fieldName])).toEqual([
      ['update_field_schema', ['address']],
      ['add_field', ['address', 'country']],
      ['remove_field', ['address', 'zip']],
      ['update_field_schema', ['lines']],
      ['update_field_schema', ['lines', 'items']],
      ['add_field', ['lines', 'items', 'qty']],
    ]);
  });

  test('key order inside a field schema is not a change', () => {
    const stored = catalog(entry('orders', props({ id: { type: 'integer', format: 'int64' } })));
    const discovered = catalog(entry('orders', props({ id: { format: 'int64', type: 'integer' } })));
    expect(diffCatalogs(stored, discovered).transforms).toEqual([]);
  });

  test('a stream without jsonSchema counts as having no fields', () => {
    const bare: AirbyteStreamAndConfiguration = { stream: { name: 'orders' }, config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' } };
    const fields = fieldsOf(diffCatalogs(catalog(bare), catalog(entry('orders', props({ id: { type: 'integer' } })))).transforms);
    expect(fields.map((field) => field.transformType)).toEqual(['add_field']);
  });
});

describe('diffCatalogs: breaking changes', () => {
  type Config = Partial<AirbyteStreamConfiguration>;
  const incremental: Config = { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'] };
  const deduped: Config = { syncMode: 'incremental', destinationSyncMode: 'append_dedup', cursorField: ['updated_at'], primaryKey: [['id']] };

  test('removing the cursor of an incremental stream is breaking', () => {
    const diff = diffCatalogs(catalog(entry('orders', ordersSchema, incremental)), catalog(entry('orders', props({ id: { type: 'integer' } }))));
    const fields = fieldsOf(diff.transforms);
    expect(fields.map((field) => [field.fieldName, field.breaking])).toEqual([
      [['total'], false],
      [['updated_at'], true],
    ]);
    expect(isBreaking(diff)).toBe(true);
  });

  test('removing the column a full-refresh stream names as cursor is not breaking', () => {
    const config: Config = { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', cursorField: ['updated_at'] };
    const diff = diffCatalogs(catalog(entry('orders', ordersSchema, config)), catalog(entry('orders', props({ id: { type: 'integer' } }))));
    expect(isBreaking(diff)).toBe(false);
  });

  test('removing a primary-key column of a deduped stream is breaking; of an append stream it is not', () => {
    const without = catalog(entry('orders', props({ updated_at: { type: 'string' }, total: { type: 'number' } })));
    const dedupDiff = diffCatalogs(catalog(entry('orders', ordersSchema, deduped)), without);
    expect(fieldsOf(dedupDiff.transforms)).toEqual([
      { transformType: 'remove_field', fieldName: ['id'], breaking: true, removeField: { schema: { type: 'integer' } } },
    ]);
    expect(isBreaking(dedupDiff)).toBe(true);
    const appendDiff = diffCatalogs(catalog(entry('orders', ordersSchema, { ...incremental, primaryKey: [['id']] })), without);
    expect(isBreaking(appendDiff)).toBe(false);
  });

  test('a nested cursor path is matched whole', () => {
    const nested = props({ id: { type: 'integer' }, meta: props({ updated_at: { type: 'string' }, other: { type: 'string' } }) });
    const config: Config = { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['meta', 'updated_at'] };
    const withoutOther = props({ id: { type: 'integer' }, meta: props({ updated_at: { type: 'string' } }) });
    expect(isBreaking(diffCatalogs(catalog(entry('orders', nested, config)), catalog(entry('orders', withoutOther))))).toBe(false);
    const withoutCursor = props({ id: { type: 'integer' }, meta: props({ other: { type: 'string' } }) });
    const diff = diffCatalogs(catalog(entry('orders', nested, config)), catalog(entry('orders', withoutCursor)));
    expect(fieldsOf(diff.transforms).find((field) => field.transformType === 'remove_field')).toMatchObject({
      fieldName: ['meta', 'updated_at'],
      breaking: true,
    });
  });

  test('a type change of the cursor is reported but not breaking (the server marks only removals)', () => {
    const diff = diffCatalogs(
      catalog(entry('orders', ordersSchema, incremental)),
      catalog(entry('orders', props({ id: { type: 'integer' }, updated_at: { type: 'integer' }, total: { type: 'number' } }))),
    );
    expect(fieldsOf(diff.transforms)).toMatchObject([{ transformType: 'update_field_schema', fieldName: ['updated_at'], breaking: false }]);
    expect(isBreaking(diff)).toBe(false);
  });

  test.each<[string, Config, string[][] | undefined, string[][], boolean]>([
    ['deduped, new key differs from the configured one: breaking', deduped, [['id']], [['order_id']], true],
    [
      'deduped, new key is the configured one (in another order): not breaking',
      { ...deduped, primaryKey: [['id'], ['tenant']] },
      [['id']],
      [['tenant'], ['id']],
      false,
    ],
    ['deduped, the source-defined key is dropped: not breaking', deduped, [['id']], [], false],
    ['append, key differs: not breaking', incremental, [['id']], [['order_id']], false],
    ['deduped, a key appears where there was none and differs from the configured one: breaking', deduped, undefined, [['order_id']], true],
  ])('update_primary_key: %s', (_title, config, oldKey, newKey, breaking) => {
    const stored = catalog(entry('orders', ordersSchema, config, oldKey === undefined ? {} : { sourceDefinedPrimaryKey: oldKey }));
    const discovered = catalog(entry('orders', ordersSchema, {}, { sourceDefinedPrimaryKey: newKey }));
    const diff = diffCatalogs(stored, discovered);
    const update = diff.transforms.find((transform) => transform.transformType === 'update_stream');
    expect(update?.updateStream?.fieldTransforms).toEqual([]);
    expect(update?.updateStream?.streamAttributeTransforms).toEqual([
      { transformType: 'update_primary_key', breaking, updatePrimaryKey: { oldPrimaryKey: oldKey ?? [], newPrimaryKey: newKey } },
    ]);
    expect(isBreaking(diff)).toBe(breaking);
  });

  test('isBreaking is false for an empty diff and looks only at update_stream transforms', () => {
    expect(isBreaking({ transforms: [] })).toBe(false);
    expect(
      isBreaking({
        transforms: [
          { transformType: 'add_stream', streamDescriptor: { name: 'a' } },
          {
            transformType: 'update_stream',
            streamDescriptor: { name: 'b' },
            updateStream: { fieldTransforms: [{ transformType: 'add_field', fieldName: ['x'], breaking: false }], streamAttributeTransforms: [] },
          },
        ],
      }),
    ).toBe(false);
  });
});

describe('schemaFields: the server walk of a JSON Schema', () => {
  test('lists every node below the root, properties and array items, in depth-first order', () => {
    const fields = schemaFields(props({ a: props({ b: { type: 'string' } }), list: { type: ['null', 'array'], items: { type: 'integer' } } }));
    expect([...fields.values()].map((field) => field.path)).toEqual([['a'], ['a', 'b'], ['list'], ['list', 'items']]);
  });

  test('an untyped node is a field but hides the typed nodes below it', () => {
    const fields = schemaFields(props({ blob: { properties: { inner: { type: 'string' } } }, choice: { oneOf: [props({ x: { type: 'string' } })] } }));
    expect([...fields.values()].map((field) => field.path)).toEqual([['blob'], ['choice']]);
  });

  test('as the server compares dotted names, an untyped field also hides a later sibling whose name starts with its own', () => {
    const fields = schemaFields(props({ meta: {}, meta_id: { type: 'integer' }, id: { type: 'integer' } }));
    expect([...fields.values()].map((field) => field.path)).toEqual([['meta'], ['id']]);
    // A sibling met before the untyped field is not hidden.
    const before = schemaFields(props({ meta_id: { type: 'integer' }, meta: {} }));
    expect([...before.values()].map((field) => field.path)).toEqual([['meta_id'], ['meta']]);
  });

  test('a path met twice (typed alternatives of anyOf) has the duplicated schema', () => {
    const fields = schemaFields(props({ value: { type: 'object', anyOf: [props({ n: { type: 'integer' } }), props({ n: { type: 'string' } })] } }));
    expect(fields.get(['value', 'n'].join('\u0000'))?.schema).toBe(DUPLICATED_SCHEMA);
  });

  test('linear in catalog size: each stream is named a bounded number of times, not once per other stream', () => {
    let reads = 0;
    /** A catalog whose streams count every read of their name (a nested scan would read each name n times). */
    const counted = (count: number, type: string): AirbyteCatalog =>
      catalog(
        ...Array.from({ length: count }, (_, index) => {
          const base = entry(`s${index}`, props({ id: { type: 'integer' }, v: { type } }));
          const stream = { ...base.stream };
          Object.defineProperty(stream, 'name', { enumerable: true, get: () => (reads++, `s${index}`) });
          return { ...base, stream };
        }),
      );
    const diff = diffCatalogs(counted(2000, 'string'), counted(2000, 'number'));
    expect(diff.transforms).toHaveLength(2000);
    expect(diff.transforms.every((transform) => transform.updateStream?.fieldTransforms.length === 1)).toBe(true);
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(4 * 4000);
  });
});
