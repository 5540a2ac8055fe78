import { describe, expect, test } from 'vitest';
import { renderJson, toJsonPlan } from '../../src/plan/render/json.js';
import { renderMarkdown } from '../../src/plan/render/markdown.js';
import { escapeMermaid, renderGraph } from '../../src/plan/render/mermaid.js';
import {
  connection,
  desiredStream,
  inSync,
  MYSQL,
  pgConfig,
  pipeline,
  remoteActor,
  reference,
  remoteConnection,
  source,
  destination,
  planFor,
} from './fixtures.js';

describe('JSON plan, formatVersion 1', () => {
  test('exactly the contract: every declared resource once, no-op included; unmanaged; five summary keys', () => {
    const { desired, remote } = inSync();
    desired.sources[0]!.configuration = { ...pgConfig, port: 5433 };
    remote.sources.push(remoteActor('source', 'src-9', 'legacy', {}));
    const json = JSON.parse(renderJson(planFor(desired, remote))) as Record<string, unknown>;
    expect(json).toEqual({
      formatVersion: 1,
      workspace: { workspaceId: 'ws-1', name: 'Default Workspace' },
      refreshed: false,
      stateBackupDir: '.airbyte-gitops/state-backups',
      changes: [
        { kind: 'source', name: 'pg', action: 'update', id: 'src-1', fields: [{ path: 'configuration.port', before: 5432, after: 5433 }], warnings: [] },
        { kind: 'destination', name: 'lake', action: 'no-op', id: 'dst-1', fields: [], warnings: [] },
        { kind: 'connection', name: 'pg-to-lake', action: 'no-op', id: 'conn-1', fields: [], warnings: [], savesState: false },
      ],
      unmanaged: [{ kind: 'source', name: 'legacy', id: 'src-9' }],
      summary: { create: 0, update: 1, replace: 0, delete: 0, 'no-op': 2 },
    });
  });

  test('nothing beyond the contract leaks in (no desired configuration, patch, catalog, order)', () => {
    const { desired, remote } = inSync();
    desired.connections[0]!.streams[0]!.syncMode = 'incremental';
    desired.sources[0]!.definition = MYSQL;
    const contract = toJsonPlan(planFor(desired, remote));
    expect(Object.keys(contract).sort()).toEqual(['changes', 'formatVersion', 'refreshed', 'stateBackupDir', 'summary', 'unmanaged', 'workspace']);
    const base = ['action', 'fields', 'id', 'kind', 'name', 'warnings'];
    for (const change of contract.changes) {
      // The connection is replaced with a source created by this apply, not discovered here: its streams are unchecked.
      expect(Object.keys(change).sort()).toEqual(change.kind === 'connection' ? [...base, 'savesState', 'streamsUnchecked'].sort() : base);
    }
    expect(renderJson(planFor(desired, remote))).not.toMatch(/"(syncCatalog|desired|preserved|patch|order|dependsOn|definitionId|takesDown|destructive)"/);
  });
});

describe('Markdown and graph', () => {
  test('Mermaid labels cannot break the diagram', () => {
    expect(escapeMermaid('pg "prod" --> [x]; <b>#1\nnext`')).toBe('pg #34;prod#34; --#62; #91;x#93;#59; #60;b#62;#35;1#92;u000anext#96;');
  });

  test('graph: sources → connections → destinations, changed ones classed by action', () => {
    const { desired, remote } = inSync();
    desired.sources[0]!.configuration = { ...pgConfig, port: 5433 };
    desired.sources.push(reference('source', 'crm'));
    desired.connections.push(connection('crm "hot" path', [desiredStream('a')], { source: 'crm' }));
    remote.sources.push(remoteActor('source', 'src-8', 'crm', {}));
    expect(renderGraph(desired, planFor(desired, remote))).toBe(
      [
        'graph LR',
        '  src0["~ pg"]',
        '  src1["crm"]',
        '  conn0(["pg-to-lake"])',
        '  dst0["lake"]',
        '  conn1(["+ crm #34;hot#34; path"])',
        '  src0 --> conn0',
        '  conn0 --> dst0',
        '  src1 --> conn1',
        '  conn1 --> dst0',
        '  classDef update fill:#fff8c5,stroke:#9a6700,color:#4d2d00',
        '  classDef create fill:#dafbe1,stroke:#1a7f37,color:#0f5323',
        '  class src0 update',
        '  class conn1 create',
        '',
      ].join('\n'),
    );
  });

  test('graph without a plan is the pipeline alone; pruned resources appear as deletes', () => {
    const { desired, remote } = inSync();
    expect(renderGraph(desired)).toBe('graph LR\n  src0["pg"]\n  conn0(["pg-to-lake"])\n  dst0["lake"]\n  src0 --> conn0\n  conn0 --> dst0\n');
    remote.connections.push(remoteConnection('conn-7', 'old', [], { sourceId: 'src-1' }));
    const graph = renderGraph(desired, planFor(desired, remote, { prune: true }));
    expect(graph).toContain('  conn1(["- old"])');
    expect(graph).toContain('  src0 --> conn1');
    expect(graph).toContain('  class conn1 delete');
  });

  test('the PR comment: summary, table, warnings, diagram, one details section per changed resource', () => {
    const { desired, remote } = inSync();
    desired.sources[0]!.definition = MYSQL;
    desired.destinations.push(destination('lake|<b>', {}));
    const markdown = renderMarkdown(planFor(desired, remote), desired);
    expect(markdown).toContain('**Plan: 1 to create, 0 to update, 2 to replace, 0 to delete.**');
    expect(markdown).toContain('| Action | Kind | Name | Fields | Warnings |');
    expect(markdown).toContain('| ➕ create | destination | lake&#124;&#60;b&#62; | 2 |  |');
    expect(markdown).toContain('| ♻️ replace | source | pg | 6 | ⚠ 1 |');
    expect(markdown).toContain('> ⚠ **source &#39;pg&#39;**: definition changes from &#39;Postgres&#39; to &#39;MySQL&#39;');
    expect(markdown).toContain('```mermaid\ngraph LR\n');
    expect(markdown.match(/<details>/g)).toHaveLength(3);
    expect(markdown).toContain('<summary>♻️ replace connection <code>pg-to-lake</code> (id <code>conn-1</code>)</summary>');
    expect(markdown).toContain('> ⚠ **connection &#39;pg-to-lake&#39;**: its source &#39;pg&#39; is replaced: the connection is deleted and created again');
    expect(markdown).not.toContain('sourceId');
    expect(markdown).not.toContain('<b>');
  });

  test('no changes', () => {
    const { desired, remote } = inSync();
    const markdown = renderMarkdown(planFor(desired, remote), desired);
    expect(markdown).toContain('**No changes. Airbyte matches the pipeline.**');
    expect(markdown).not.toContain('<details>');
  });

  test('a lone source is drawn on its own', () => {
    expect(renderGraph(pipeline({ sources: [source('only', {})] }))).toContain('src0["only"]');
  });
});
