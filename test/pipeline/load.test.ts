import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/pipeline/load.js';

const EXAMPLES = 'examples/pipelines';

describe('loadPipeline on the examples', () => {
  const { pipeline, problems } = loadPipeline([EXAMPLES], { PG_PASSWORD: 'from-env' });
  const source = pipeline.sources.find((actor) => actor.name === 'PostgreSQL - Ecommerce');
  const byName = (name: string) => pipeline.connections.find((connection) => connection.name === name);

  it('has no problems and reads the files in path order', () => {
    expect(problems).toEqual([]);
    expect(pipeline.files).toEqual([`${EXAMPLES}/ecommerce.yaml`, `${EXAMPLES}/sample-data.yaml`, `${EXAMPLES}/staging.yaml`]);
  });

  it('keeps the managed source over the name-only reference to it', () => {
    expect(pipeline.sources.map((actor) => actor.name)).toEqual(['PostgreSQL - Ecommerce', 'Sample Data']);
    expect(source?.definition).toBe('Postgres');
    expect(source?.loc).toEqual({ file: `${EXAMPLES}/ecommerce.yaml`, line: 6, col: 11 });
    expect(source?.definitionLoc).toEqual({ file: `${EXAMPLES}/ecommerce.yaml`, line: 7, col: 17 });
    expect(source?.configurationLoc).toEqual({ file: `${EXAMPLES}/ecommerce.yaml`, line: 8, col: 5 });
  });

  it('substitutes variables and records every configuration leaf with its origin', () => {
    expect(source?.configuration).toMatchObject({ port: 5432, password: 'from-env', schemas: ['public'], ssl_mode: { mode: 'disable' } });
    expect(Object.keys(source?.origins ?? {}).sort()).toEqual(
      ['database', 'host', 'password', 'port', 'replication_method.method', 'schemas.0', 'ssl_mode.mode', 'username'].sort(),
    );
    expect(source?.origins['password']).toEqual({
      loc: { file: `${EXAMPLES}/ecommerce.yaml`, line: 14, col: 17 },
      template: '${PG_PASSWORD:-postgres}',
      wholeVar: true,
      vars: ['PG_PASSWORD'],
    });
    expect(source?.origins['schemas.0']).toEqual({ loc: { file: `${EXAMPLES}/ecommerce.yaml`, line: 12, col: 17 } });
  });

  it('uses defaults when variables are unset', () => {
    const s3 = pipeline.destinations.find((actor) => actor.name === 'MinIO - Bronze');
    expect(s3?.configuration).toMatchObject({ access_key_id: 'minioadmin', secret_access_key: 'minioadmin' });
  });

  it('maps the three schedule shapes', () => {
    expect(byName('PostgreSQL → MinIO')?.schedule).toEqual({ type: 'basic', units: 6, timeUnit: 'hours' });
    expect(byName('PostgreSQL → Staging')?.schedule).toEqual({ type: 'cron', cronExpression: '0 0 2 * * ?', cronTimeZone: 'UTC' });
    expect(byName('Sample Data → Local JSON')?.schedule).toEqual({ type: 'manual' });
  });

  it('fills connection fields and streams', () => {
    const staging = byName('PostgreSQL → Staging');
    expect(staging).toMatchObject({ status: 'active', source: 'PostgreSQL - Ecommerce', destination: 'PostgreSQL - Staging' });
    expect(staging?.sourceLoc).toEqual({ file: `${EXAMPLES}/staging.yaml`, line: 22, col: 13 });
    expect(staging?.streams[1]).toEqual({
      name: 'order_items',
      namespace: 'public',
      syncMode: 'incremental',
      destinationSyncMode: 'append_dedup',
      cursorField: ['updated_at'],
      primaryKey: [['id']],
      loc: { file: `${EXAMPLES}/staging.yaml`, line: 31, col: 15 },
    });
  });
});

describe('loadPipeline details', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-load-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const write = (relative: string, text: string) => {
    const file = join(scratch, relative);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  it('skips node_modules and dot-directories and sorts recursively', () => {
    write('tree/b/one.yml', 'sources:\n  - name: b\n');
    write('tree/a.yaml', 'sources:\n  - name: a\n');
    write('tree/node_modules/x.yaml', 'nonsense: [\n');
    write('tree/.hidden/x.yaml', 'nonsense: [\n');
    write('tree/notes.txt', 'not yaml');
    const result = loadPipeline([join(scratch, 'tree')], {});
    expect(result.problems).toEqual([]);
    expect(result.pipeline.files).toEqual([join(scratch, 'tree/a.yaml'), join(scratch, 'tree/b/one.yml')]);
    expect(result.pipeline.sources.map((actor) => actor.name)).toEqual(['a', 'b']);
    expect(result.pipeline.sources[0]?.definition).toBeUndefined();
    expect(result.pipeline.sources[0]?.configuration).toBeUndefined();
  });

  it('keeps $${ as a literal and warns about incremental without a cursor and dedup without a key', () => {
    const file = write(
      'warn.yaml',
      [
        'sources: [{ name: pg }]',
        'destinations: [{ name: dst }]',
        'connections:',
        '  - name: c',
        '    source: pg',
        '    destination: dst',
        '    namespaceDefinition: customformat',
        '    namespaceFormat: $${SOURCE_NAMESPACE}_raw',
        '    streams:',
        '      - { name: s, syncMode: incremental, destinationSyncMode: append_dedup }',
      ].join('\n'),
    );
    const result = loadPipeline([file], {});
    expect(result.pipeline.connections[0]?.namespaceFormat).toBe('${SOURCE_NAMESPACE}_raw');
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file,
        line: 10,
        col: 30,
        message: "stream 's' of connection 'c' is incremental but has no 'cursorField': the source must define a cursor",
      },
      {
        severity: 'warning',
        file,
        line: 10,
        col: 64,
        message: "stream 's' of connection 'c' uses append_dedup but has no 'primaryKey': the source must define one",
      },
    ]);
  });

  it('points at the alias when an aliased value is wrong, and interpolates strings inside anchors', () => {
    const file = write(
      'alias.yaml',
      'sources:\n  - name: &n pg\n    definition: Postgres\n    configuration: { host: "${H:-x}" }\n  - name: *n\n    definition: Postgres\n    configuration: {}\n',
    );
    const result = loadPipeline([file], {});
    expect(result.problems).toEqual([{ severity: 'error', file, line: 5, col: 11, message: `source 'pg' is declared twice: here and at ${file}:2:14` }]);
    expect(result.pipeline.sources[0]?.configuration).toEqual({ host: 'x' });
    expect(result.pipeline.sources[0]?.origins['host']?.template).toBe('${H:-x}');
  });
});
