import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import type { RemoteConnection } from '../../src/model/remote.js';
import { renderCheckTable } from '../../src/operate/check-format.js';
import { outcome } from '../../src/operate/check-call.js';
import { streamDeclaration, streamJson } from '../../src/commands/discover.js';
import { parse } from 'yaml';
import { buildExport, type ExportInput } from '../../src/operate/export.js';
import { plain } from '../../src/util/color.js';
import { MIN_REDACTED_LENGTH, redact } from '../../src/secrets/redact.js';

describe('check outcome and output', () => {
  const jobInfo = { id: 'j', configType: 'check_connection_source', createdAt: 0, endedAt: 0, succeeded: true };
  it('reads the status, or the job failure when the check itself errored', () => {
    expect(outcome({ status: 'succeeded', jobInfo })).toEqual({ status: 'succeeded', message: '' });
    expect(outcome({ status: 'failed', message: 'refused', jobInfo })).toEqual({ status: 'failed', message: 'refused' });
    expect(outcome({ jobInfo: { ...jobInfo, succeeded: false, failureReason: { externalMessage: 'pod died', timestamp: 1 } } })).toEqual({
      status: 'failed',
      message: 'pod died',
    });
  });
  it('redacts known secret values from messages, longest first, and never values shorter than 4 characters', () => {
    expect(MIN_REDACTED_LENGTH).toBe(4);
    expect(redact('user "bob" with password hunter22 refused', ['hunter22', 'ab'])).toBe('user "bob" with password (sensitive) refused');
    expect(redact('port 1 of key abc refused', ['1', 'abc', 'key abc'])).toBe('port 1 of (sensitive) refused');
    expect(redact('token abcd and abcdefgh', new Set(['abcd', 'abcdefgh']))).toBe('token (sensitive) and (sensitive)');
  });
  it('renders the table with a summary', () => {
    const text = renderCheckTable(
      [
        { kind: 'source', name: 'pg', status: 'failed', call: 'check_connection_for_update', message: 'refused', durationSeconds: 1.25 },
        { kind: 'destination', name: 's3', status: 'skipped', call: null, message: 'not created yet (apply creates it)', durationSeconds: 0 },
      ],
      plain,
    );
    expect(text).toBe(
      [
        'RESOURCE          STATUS     MESSAGE                             TIME',
        "source 'pg'       ✗ failed   refused                             1.3s",
        "destination 's3'  - skipped  not created yet (apply creates it)  -",
        '0 succeeded, 1 failed, 1 skipped',
        '',
      ].join('\n'),
    );
  });
});

describe('discover --yaml modes', () => {
  const stream = (fields: object) => streamJson({ name: 'users', supportedSyncModes: ['full_refresh', 'incremental'], ...fields });
  it.each([
    [
      { sourceDefinedCursor: true, defaultCursorField: ['updated_at'] },
      { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'] },
    ],
    [
      { sourceDefinedCursor: true, defaultCursorField: ['ts'], sourceDefinedPrimaryKey: [['id'], ['region']] },
      { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['ts'], primaryKey: [['id'], ['region']] },
    ],
    [{ sourceDefinedPrimaryKey: [['id']] }, { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', primaryKey: [['id']] }],
    // A source-defined cursor the source does not name cannot be declared, and incremental without one would warn.
    [{ sourceDefinedCursor: true }, { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' }],
    [{ defaultCursorField: ['updated_at'] }, { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'] }],
    [{}, { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' }],
    [
      { supportedSyncModes: ['full_refresh'], defaultCursorField: ['x'] },
      { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' },
    ],
  ])('%j → %j', (fields, modes) => expect(streamDeclaration(stream(fields))).toEqual({ name: 'users', ...modes }));
});

describe('buildExport', () => {
  const spec: JsonObject = { type: 'object', properties: { password: { type: 'string', airbyte_secret: true }, host: { type: 'string' } } };
  const connection: RemoteConnection = {
    kind: 'connection',
    id: 'c1',
    name: 'A → B',
    sourceId: 's1',
    destinationId: 'd1',
    status: 'active',
    scheduleType: 'cron',
    scheduleData: { cron: { cronExpression: '0 0 2 * * ?', cronTimeZone: 'UTC' } },
    namespaceDefinition: 'customformat',
    namespaceFormat: '${SOURCE_NAMESPACE}_raw',
    syncCatalog: {
      streams: [
        {
          stream: { name: 'users', sourceDefinedCursor: true, defaultCursorField: ['updated_at'], sourceDefinedPrimaryKey: [['id']] },
          config: { syncMode: 'incremental', destinationSyncMode: 'append_dedup', cursorField: ['updated_at'], primaryKey: [['id']], selected: true },
        },
        { stream: { name: 'events' }, config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: false } },
      ],
    },
  };
  const input: ExportInput = {
    workspace: 'W',
    definitions: [
      { kind: 'source', definitionId: 'def-s', name: 'Postgres', dockerRepository: 'r', dockerImageTag: 't' },
      { kind: 'destination', definitionId: 'def-d', name: 'Postgres', dockerRepository: 'r', dockerImageTag: 't' },
    ],
    specs: { 'def-s': spec, 'def-d': spec },
    sources: [{ kind: 'source', id: 's1', name: 'pg', definitionId: 'def-s', configuration: { host: 'h', password: '**********' } }],
    destinations: [{ kind: 'destination', id: 'd1', name: 'PG', definitionId: 'def-d', configuration: { host: 'h', password: '**********' } }],
    connections: [connection],
  };
  it('replaces secrets with collision-free variables and writes the connection as declared', () => {
    const result = buildExport(input, { split: false, schemaUrl: 'https://example.test/s.json' });
    expect(result.variables.map((v) => v.name)).toEqual(['PG_PASSWORD', 'PG_PASSWORD_2']);
    expect(result.files[0]?.content).toBe(
      [
        '# yaml-language-server: $schema=https://example.test/s.json',
        "# Exported from Airbyte workspace 'W' by airbyte-gitops export.",
        '# Set before validate / plan / apply: PG_PASSWORD, PG_PASSWORD_2',
        'workspace: W',
        'sources:',
        '  - name: pg',
        '    definition: Postgres',
        '    configuration:',
        '      host: h',
        '      password: ${PG_PASSWORD}',
        'destinations:',
        '  - name: PG',
        '    definition: Postgres',
        '    configuration:',
        '      host: h',
        '      password: ${PG_PASSWORD_2}',
        'connections:',
        '  - name: A → B',
        '    source: pg',
        '    destination: PG',
        '    status: active',
        '    schedule: {cron: 0 0 2 * * ?, timezone: UTC}',
        '    namespaceDefinition: customformat',
        '    namespaceFormat: $${SOURCE_NAMESPACE}_raw',
        '    streams:',
        '      - name: users',
        '        syncMode: incremental',
        '        destinationSyncMode: append_dedup',
        '        cursorField: [updated_at]',
        '        primaryKey: [[id]]',
        '',
      ].join('\n'),
    );
  });
  it('keeps a workspace name from Airbyte on its comment line: a line break in it is escaped, never YAML of its own', () => {
    const result = buildExport({ ...input, workspace: "W'\nworkspace: evil\r\u2028x" }, { split: true, schemaUrl: 'https://example.test/s.json' });
    for (const file of result.files) {
      const lines = file.content.split('\n');
      expect(lines[1]).toBe("# Exported from Airbyte workspace 'W'\\u000aworkspace: evil\\u000d\\u2028x' by airbyte-gitops export.");
      // The only top-level workspace key is the real one, as a value.
      expect((parse(file.content) as { workspace: string }).workspace).toBe("W'\nworkspace: evil\r\u2028x");
    }
  });
  it.each(['', 'https://example.test/s.json\nworkspace: evil', 'a b.json', 'x\u0007', 'x\u2028y'])(
    'refuses the schema URL %j, which would break its comment line',
    (url) => {
      expect(() => buildExport(input, { split: false, schemaUrl: url })).toThrow(/--schema-url must be a URL or path without spaces or control characters/);
    },
  );
  it("never names a variable after one GitHub Actions or the tool reads: 'GitHub' + token, 'Airbyte' + password", () => {
    const tokenSpec: JsonObject = {
      type: 'object',
      properties: { token: { type: 'string', airbyte_secret: true }, password: { type: 'string', airbyte_secret: true } },
    };
    const result = buildExport(
      {
        ...input,
        specs: { 'def-s': tokenSpec, 'def-d': tokenSpec },
        sources: [{ kind: 'source', id: 's1', name: 'GitHub', definitionId: 'def-s', configuration: { token: '**********' } }],
        destinations: [
          { kind: 'destination', id: 'd1', name: 'Airbyte', definitionId: 'def-d', configuration: { token: '**********', password: '**********' } },
        ],
      },
      { split: false, schemaUrl: 'https://example.test/s.json' },
    );
    expect(result.variables.map((v) => v.name)).toEqual(['PIPELINE_GITHUB_TOKEN', 'PIPELINE_AIRBYTE_TOKEN', 'PIPELINE_AIRBYTE_PASSWORD']);
    expect(result.files[0]?.content).toContain('token: ${PIPELINE_GITHUB_TOKEN}');
    expect(result.files[0]?.content).not.toMatch(/\$\{(GITHUB|AIRBYTE)_/);
  });
});
