/**
 * `--refresh`: a managed connection's stored catalog against its source's catalog discovered now. The plan shows the
 * drift, rebuilds the update's catalog from the refreshed metadata, makes a breaking change destructive, and refuses
 * a declared stream gone upstream at its line.
 */
import { describe, expect, test } from 'vitest';
import type { AirbyteStreamAndConfiguration, JsonObject } from '../../src/api/types.js';
import type { DesiredStream } from '../../src/model/desired.js';
import type { RemoteState } from '../../src/model/remote.js';
import { destructiveLabel } from '../../src/apply/approval.js';
import { renderJson, renderMarkdown, renderText } from '../../src/plan/render/index.js';
import type { ConnectionChange } from '../../src/plan/types.js';
import { validate } from '../../src/plan/validate.js';
import { diff } from '../../src/plan/diff/index.js';
import { plain } from '../../src/util/color.js';
import { desiredStream, inSync, planFor, storedStream } from './fixtures.js';

const schema = (properties: Record<string, string>): JsonObject => ({
  type: 'object',
  properties: Object.fromEntries(Object.entries(properties).map(([name, type]) => [name, { type }])),
});

const customersConfig: Partial<AirbyteStreamAndConfiguration['config']> = {
  syncMode: 'incremental',
  destinationSyncMode: 'append_dedup',
  cursorField: ['updated_at'],
  primaryKey: [['id']],
};

function customers(properties: Record<string, string>, config: Partial<AirbyteStreamAndConfiguration['config']> = {}): AirbyteStreamAndConfiguration {
  return storedStream('customers', { ...customersConfig, ...config }, { jsonSchema: schema(properties) });
}

const wanted: DesiredStream = desiredStream('customers', {
  syncMode: 'incremental',
  destinationSyncMode: 'append_dedup',
  cursorField: ['updated_at'],
  primaryKey: [['id']],
});

/** Airbyte stores customers(id, updated_at, legacy); the source now offers `discovered`. */
function refreshed(
  discovered: AirbyteStreamAndConfiguration[],
  streams: DesiredStream[] = [wanted],
): { plan: ReturnType<typeof planFor>; remote: RemoteState } {
  const { desired, remote } = inSync(streams);
  remote.connections[0]!.syncCatalog = { streams: [customers({ id: 'integer', updated_at: 'string', legacy: 'string' })] };
  remote.discovered['src-1'] = { streams: discovered };
  remote.refreshed = true;
  return { plan: planFor(desired, remote), remote };
}

const connectionOf = (plan: ReturnType<typeof planFor>) => plan.changes.find((change) => change.kind === 'connection') as ConnectionChange;

describe('schema drift under --refresh', () => {
  test('columns added and removed: an update whose catalog carries the refreshed schema, not destructive', () => {
    const orders = storedStream('orders', { selected: false });
    const { plan } = refreshed([customers({ id: 'integer', updated_at: 'string', email: 'string' }, { selected: false }), orders]);
    const change = connectionOf(plan);
    expect(plan.refreshed).toBe(true);
    expect(change.action).toBe('update');
    expect(change.drift).toEqual({
      streamsAdded: ['public.orders'],
      streamsRemoved: [],
      streamsChanged: [{ stream: 'public.customers', columnsAdded: ['email'], columnsRemoved: ['legacy'], columnsChanged: [], breaking: false }],
      breaking: false,
    });
    expect(change.fields).toEqual([
      { path: 'streams[public.customers].schema', before: { legacy: 'string', email: null }, after: { legacy: null, email: 'string' } },
    ]);
    expect(change.destructive).toBe(false);
    expect(change.savesState).toBe(false);
    const sent = change.patch?.syncCatalog?.streams.find(({ stream }) => stream.name === 'customers');
    expect(sent?.stream.jsonSchema).toEqual(schema({ id: 'integer', updated_at: 'string', email: 'string' }));
    expect(sent?.config).toMatchObject({ selected: true, syncMode: 'incremental', destinationSyncMode: 'append_dedup', cursorField: ['updated_at'] });
  });

  test('the cursor column gone upstream is breaking: the change is destructive and says so', () => {
    const { plan } = refreshed([customers({ id: 'integer', legacy: 'string' }, { selected: false })]);
    const change = connectionOf(plan);
    expect(change.drift?.breaking).toBe(true);
    expect(change.drift?.streamsChanged[0]).toMatchObject({ columnsRemoved: ['updated_at'], breaking: true });
    expect(change.destructive).toBe(true);
    expect(destructiveLabel(change)).toBe("update connection 'pg-to-lake', which applies a breaking schema change of its source");
    expect(change.warnings).toEqual([
      "stream 'public.customers' has a breaking schema change upstream (its cursor or primary key changed): Airbyte stops syncing it until the refreshed catalog is applied, and its data may need a refresh",
    ]);
  });

  test('a type change and a primary-key change are listed per stream', () => {
    const discovered = customers({ id: 'string', updated_at: 'string', legacy: 'string' }, { selected: false });
    discovered.stream.sourceDefinedPrimaryKey = [['id'], ['region']];
    const change = connectionOf(refreshed([discovered]).plan);
    expect(change.drift?.streamsChanged).toEqual([
      {
        stream: 'public.customers',
        columnsAdded: [],
        columnsRemoved: [],
        columnsChanged: ['id'],
        primaryKey: { before: [], after: [['id'], ['region']] },
        breaking: true,
      },
    ]);
  });

  test("the refreshed catalog applied takes Airbyte's bookkeeping along: the discovery's catalog id, the breaking flag cleared", () => {
    const { desired, remote } = inSync([wanted]);
    remote.connections[0]!.syncCatalog = { streams: [customers({ id: 'integer', updated_at: 'string', legacy: 'string' })] };
    remote.discovered['src-1'] = { streams: [customers({ id: 'integer', updated_at: 'string' }, { selected: false })] };
    remote.discoveredCatalogIds = { 'src-1': 'catalog-7' };
    remote.refreshed = true;
    const change = connectionOf(planFor(desired, remote));
    expect(change.patch).toMatchObject({ sourceCatalogId: 'catalog-7', breakingChange: false });
    expect(change.patch?.syncCatalog).toBeDefined();
    // Without --refresh nothing of the kind is sent.
    remote.refreshed = false;
    const plain = connectionOf(planFor(desired, inSync([wanted]).remote));
    expect(plain.patch?.sourceCatalogId).toBeUndefined();
  });

  test('only streams the pipeline does not select drifted: nothing to change, one summary line instead of a block', () => {
    const same = customers({ id: 'integer', updated_at: 'string', legacy: 'string' }, { selected: false });
    const { plan } = refreshed([same, storedStream('audit_log', { selected: false })]);
    const change = connectionOf(plan);
    expect(change.action).toBe('no-op');
    expect(change.drift?.streamsAdded).toEqual(['public.audit_log']);
    expect(renderText(plan, plain)).toBe(
      [
        "Airbyte workspace 'Default Workspace' (ws-1) (schemas refreshed from the sources)",
        '',
        "1 unchanged connection reads from a source offering streams it does not select: 'pg-to-lake' (1) (--json lists them)",
        '',
        'No changes. Airbyte matches the pipeline.',
        '',
      ].join('\n'),
    );
    expect(renderMarkdown(plan, inSync().desired)).toContain(
      '1 unchanged connection reads from a source offering streams it does not select: &#39;pg-to-lake&#39; &#40;1&#41; &#40;--json lists them&#41;',
    );
  });

  test('streams an all-streams connection leaves out on purpose (namespaces, exclude) are no drift', () => {
    const { desired, remote } = inSync([]);
    const loc = { file: 'p.yaml', line: 1, col: 1 };
    desired.connections[0]!.allStreams = { namespaces: ['public'], exclude: [{ name: 'audit_log', loc }], loc };
    remote.connections[0]!.syncCatalog = { streams: [storedStream('customers')] };
    remote.discovered['src-1'] = {
      streams: [storedStream('customers'), storedStream('audit_log', { selected: false }), storedStream('orders', { selected: false }, { namespace: 'sales' })],
    };
    remote.refreshed = true;
    const { validated, problems } = validate(desired, remote);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const change = diff(validated, remote).changes.find((c) => c.kind === 'connection') as ConnectionChange;
    expect(change.drift?.streamsAdded).toEqual([]);
    // Without the rule, both would be listed as offered and not selected.
    desired.connections[0]!.allStreams = { exclude: [], loc };
    const all = diff(validate(desired, remote).validated, remote).changes.find((c) => c.kind === 'connection') as ConnectionChange;
    expect(all.drift?.streamsAdded).toEqual([]);
    expect(all.fields.map((field) => field.path)).toEqual(['streams[public.audit_log]', 'streams[sales.orders]']);
  });

  test('a source offering many streams the connection does not select is one line in the drift, not one per stream; JSON lists them all', () => {
    const dropped = customers({ id: 'integer', updated_at: 'string' }, { selected: false });
    const offered = Array.from({ length: 40 }, (_, index) => storedStream(`table_${String(index).padStart(2, '0')}`, { selected: false }));
    const { plan } = refreshed([dropped, ...offered]);
    expect(connectionOf(plan).action).toBe('update');
    const text = renderText(plan, plain);
    expect(text).toContain(
      '        + 40 streams offered by the source, not selected: public.table_00, public.table_01, public.table_02, public.table_03, public.table_04 and 35 more (--json lists them all)',
    );
    expect(text).not.toContain('table_05');
    expect(
      (JSON.parse(renderJson(plan)) as { changes: { drift?: { streamsAdded: string[] } }[] }).changes.flatMap((c) => c.drift?.streamsAdded ?? []),
    ).toHaveLength(40);
  });

  test('text, Markdown and JSON show the drift of an update', () => {
    const { plan } = refreshed([customers({ id: 'integer', legacy: 'string' }, { selected: false })]);
    expect(renderText(plan, plain)).toContain(
      ['      schema drift upstream (breaking):', '        ~ stream public.customers: columns removed: updated_at (breaking)'].join('\n'),
    );
    expect(renderMarkdown(plan, inSync().desired)).toContain('&#126; stream public.customers: columns removed: updated&#95;at &#40;breaking&#41;');
    const json = JSON.parse(renderJson(plan)) as { refreshed: boolean; changes: { kind: string; drift?: unknown }[] };
    expect(json.refreshed).toBe(true);
    expect(json.changes.find((change) => change.kind === 'connection')?.drift).toEqual({
      streamsAdded: [],
      streamsRemoved: [],
      streamsChanged: [{ stream: 'public.customers', columnsAdded: [], columnsRemoved: ['updated_at'], columnsChanged: [], breaking: true }],
      breaking: true,
    });
  });

  test('a declared stream gone upstream is a pipeline error at its line', () => {
    const { desired, remote } = inSync([desiredStream('customers'), desiredStream('orders', { loc: { file: 'pipelines/shop.yaml', line: 77, col: 9 } })]);
    remote.discovered['src-1'] = { streams: [customers({ id: 'integer', updated_at: 'string' }, { selected: false })] };
    remote.refreshed = true;
    const errors = validate(desired, remote).problems.filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([
      {
        severity: 'error',
        file: 'pipelines/shop.yaml',
        line: 77,
        col: 9,
        message:
          "connection 'pg-to-lake': stream 'public.orders' is gone from source 'pg': the connection syncs it, but the source no longer offers it (--refresh); remove it from the pipeline",
      },
    ]);
  });

  test('a selected stream gone upstream that the pipeline no longer declares: deselected, its state saved first', () => {
    const { desired, remote } = inSync([wanted]);
    remote.connections[0]!.syncCatalog.streams.push(storedStream('orders'));
    remote.discovered['src-1'] = { streams: [customers({}, { selected: false })] };
    remote.refreshed = true;
    const change = connectionOf(planFor(desired, remote));
    expect(change.drift?.streamsRemoved).toEqual(['public.orders']);
    expect(change.savesState).toBe(true);
  });

  test('without --refresh: no drift, and the plan is not marked refreshed', () => {
    const { desired, remote } = inSync([wanted]);
    remote.connections[0]!.syncCatalog = { streams: [customers({ id: 'integer' })] };
    const plan = planFor(desired, remote);
    expect(plan.refreshed).toBe(false);
    expect(connectionOf(plan)).toMatchObject({ action: 'no-op' });
    expect(connectionOf(plan).drift).toBeUndefined();
  });
});
