import { describe, expect, test } from 'vitest';
import { renderChange, renderText } from '../../src/plan/render/text.js';
import { summaryLine } from '../../src/plan/render/values.js';
import type { ActorChange, Change, Plan } from '../../src/plan/types.js';
import { Secret } from '../../src/secrets/secret.js';
import { colors, plain } from '../../src/util/color.js';
import { MYSQL, inSync, pgConfig, planFor } from './fixtures.js';

function actor(overrides: Partial<ActorChange>): Change {
  return {
    kind: 'source',
    name: 'pg',
    action: 'no-op',
    id: 'src-1',
    fields: [],
    warnings: [],
    destructive: false,
    definitionId: 'def',
    desired: null,
    preserved: {},
    takesDown: [],
    ...overrides,
  };
}

describe('text renderer', () => {
  test.each<[string, Change, string[]]>([
    [
      'create',
      actor({
        action: 'create',
        id: null,
        fields: [
          { path: 'name', before: null, after: 'pg' },
          { path: 'configuration.password', before: null, after: new Secret('pw-Hunter2') },
        ],
      }),
      ["  + source 'pg' will be created", '      + name: "pg"', '      + configuration.password: (sensitive)'],
    ],
    [
      'update',
      actor({
        action: 'update',
        fields: [
          { path: 'configuration.port', before: 5432, after: 5433 },
          { path: 'configuration.schemas', before: ['public'], after: null },
        ],
      }),
      ["  ~ source 'pg' will be updated in place (id src-1)", '      ~ configuration.port: 5432 → 5433', '      - configuration.schemas: ["public"]'],
    ],
    [
      'rename',
      actor({ action: 'update', rename: { from: 'old' }, fields: [{ path: 'name', before: 'old', after: 'pg' }] }),
      ["  ~ source 'pg' will be renamed from 'old' (id src-1)", '      ~ name: "old" → "pg"'],
    ],
    [
      'rename with changes',
      actor({
        action: 'update',
        rename: { from: 'old' },
        fields: [
          { path: 'name', before: 'old', after: 'pg' },
          { path: 'configuration.password', before: new Secret('**********'), after: new Secret('pw-Hunter2') },
        ],
      }),
      [
        "  ~ source 'pg' will be renamed from 'old' and updated in place (id src-1)",
        '      ~ name: "old" → "pg"',
        '      ~ configuration.password: (sensitive) → (sensitive)',
      ],
    ],
    [
      'replace with warning',
      actor({ action: 'replace', destructive: true, fields: [{ path: 'definition', before: 'Postgres', after: 'MySQL' }], warnings: ['takes down x'] }),
      ["  -/+ source 'pg' will be replaced (deleted, then created again) (id src-1)", '      ~ definition: "Postgres" → "MySQL"', '      ⚠ takes down x'],
    ],
    ['delete', actor({ action: 'delete', destructive: true }), ["  - source 'pg' will be deleted (id src-1)"]],
    [
      'connection moved to another destination',
      {
        ...actor({}),
        kind: 'connection',
        name: 'c',
        action: 'replace',
        id: 'conn-1',
        destructive: true,
        fields: [{ path: 'destination', before: 'Local JSON - Samples', after: 'MinIO - Bronze' }],
        warnings: ['its destination changes: x'],
        sourceRef: null,
        destinationRef: null,
        desired: null,
        patch: null,
        syncCatalog: null,
        remoteEndpoints: null,
      } as Change,
      [
        "  -/+ connection 'c' will be replaced (deleted, then created again) (id conn-1)",
        '      ~ destination: "Local JSON - Samples" → "MinIO - Bronze"',
        '      ⚠ its destination changes: x',
      ],
    ],
    ['no-op', actor({}), []],
  ])('%s', (_, change, lines) => {
    expect(renderChange(change, plain)).toEqual(lines);
  });

  test.each([
    [{ create: 2, update: 1, replace: 0, delete: 0, 'no-op': 4 }, 'Plan: 2 to create, 1 to update, 0 to delete.'],
    [{ create: 0, update: 0, replace: 1, delete: 1, 'no-op': 0 }, 'Plan: 0 to create, 0 to update, 1 to replace, 1 to delete.'],
    [{ create: 0, update: 0, replace: 0, delete: 0, 'no-op': 3 }, 'No changes. Airbyte matches the pipeline.'],
  ])('summary %o', (summary, line) => {
    expect(summaryLine(summary)).toBe(line);
  });

  test('an unchanged pipeline', () => {
    const { desired, remote } = inSync();
    expect(renderText(planFor(desired, remote), plain)).toBe("Airbyte workspace 'Default Workspace' (ws-1)\n\nNo changes. Airbyte matches the pipeline.\n");
  });

  test('a whole plan: changes, unmanaged, summary', () => {
    const { desired, remote } = inSync();
    desired.sources[0]!.configuration = { ...pgConfig, port: 5433 };
    desired.connections[0]!.streams[0]!.syncMode = 'incremental';
    remote.destinations.push({ kind: 'destination', id: 'dst-9', name: 'old-lake', definitionId: 'x', configuration: {} });
    expect(renderText(planFor(desired, remote), plain)).toBe(
      [
        "Airbyte workspace 'Default Workspace' (ws-1)",
        '',
        "  ~ source 'pg' will be updated in place (id src-1)",
        '      ~ configuration.port: 5432 → 5433',
        '',
        "  ~ connection 'pg-to-lake' will be updated in place (id conn-1)",
        '      ~ streams[public.customers].syncMode: "full_refresh" → "incremental"',
        "      ⚠ stream 'public.customers': syncMode changes from full_refresh to incremental; Airbyte deletes its sync state and the next sync reads it in full",
        '      # sync state saved to .airbyte-gitops/state-backups first',
        '',
        'Unmanaged: in Airbyte but not in the pipeline (left alone; plan --prune deletes them):',
        "  destination 'old-lake' (id dst-9)",
        '',
        'Plan: 0 to create, 2 to update, 0 to delete.',
        '',
      ].join('\n'),
    );
  });

  test('colour only through the palette', () => {
    const { desired, remote } = inSync();
    desired.sources[0]!.definition = MYSQL;
    const plan: Plan = planFor(desired, remote);
    expect(renderText(plan, plain)).not.toContain('\u001b[');
    expect(renderText(plan, colors)).toContain('\u001b[31m-/+\u001b[39m');
  });
});
