/**
 * The pipeline schema's validator is compiled ahead of time (scripts/generate-schema-validator.mjs, `npm run
 * generate`) into src/pipeline/generated/. These tests keep it honest: the committed file is what the script writes
 * from the schema today, and it answers exactly as Ajv compiling the schema at run time would, errors and all.
 */
import { Ajv } from 'ajv';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { validatePipeline } from '../../src/pipeline/generated/pipeline-schema-validate.js';
import { SCHEMA_URL } from '../../src/pipeline/schema.js';

const ROOT = join(import.meta.dirname, '../..');
const GENERATED = join(ROOT, 'src/pipeline/generated/pipeline-schema-validate.ts');

/** The YAML files under `dir`, recursively. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** A valid connection to vary: each case below breaks one thing. */
const connection = (extra: Record<string, unknown> = {}) => ({
  name: 'pg-to-s3',
  source: 'pg',
  destination: 's3',
  streams: [{ name: 'users', syncMode: 'incremental', destinationSyncMode: 'append' }],
  ...extra,
});

/** Documents that fail each keyword of the schema at least once (and a few that pass). */
const cases: [string, unknown][] = [
  ['valid', { workspace: 'w', sources: [{ name: 'pg' }], connections: [connection()] }],
  ['empty', {}],
  ['root is a list', []],
  ['root is a string', 'sources'],
  ['unknown top-level key', { source: [] }],
  ['workspace empty', { workspace: '' }],
  ['workspace of one astral character', { workspace: '😀' }],
  ['source without name', { sources: [{ definition: 'Postgres', configuration: {} }] }],
  ['definition without configuration', { sources: [{ name: 'pg', definition: 'Postgres' }] }],
  ['configuration without definition', { destinations: [{ name: 's3', configuration: { bucket: 'b' } }] }],
  ['configuration not an object', { sources: [{ name: 'pg', definition: 'Postgres', configuration: 'x' }] }],
  ['name with a control character', { sources: [{ name: 'p\u0007g' }] }],
  ['name with a bidi control', { sources: [{ name: 'pg\u202e' }], connections: [connection({ source: '\u2066pg' })] }],
  ['previous name empty', { sources: [{ name: 'pg', previousNames: ['', 3] }] }],
  ['connection missing everything', { connections: [{}] }],
  ['status not in enum', { connections: [connection({ status: 'paused' })] }],
  ['status of the wrong type', { connections: [connection({ status: 1 })] }],
  ['customformat without namespaceFormat', { connections: [connection({ namespaceDefinition: 'customformat' })] }],
  ['customformat with namespaceFormat', { connections: [connection({ namespaceDefinition: 'customformat', namespaceFormat: '${SOURCE_NAMESPACE}' })] }],
  ['schedule manual', { connections: [connection({ schedule: 'manual' })] }],
  ['schedule unknown string', { connections: [connection({ schedule: 'hourly' })] }],
  ['schedule bad units', { connections: [connection({ schedule: { units: 0, timeUnit: 'fortnights' } })] }],
  ['schedule cron and units', { connections: [connection({ schedule: { cron: '0 * * * *', units: 1 } })] }],
  ['no streams', { connections: [connection({ streams: [] })] }],
  ['streams missing', { connections: [{ name: 'c', source: 'pg', destination: 's3' }] }],
  ['all streams', { connections: [connection({ streams: undefined, allStreams: true, notifySchemaChanges: true, notifySchemaChangesByEmail: false })] }],
  ['all streams with overrides', { connections: [connection({ allStreams: { namespaces: ['public'], exclude: ['a', { name: 'b', namespace: 'public' }] } })] }],
  ['all streams false', { connections: [connection({ allStreams: false })] }],
  ['all streams of the wrong type', { connections: [connection({ allStreams: 'yes', notifySchemaChanges: 'true' })] }],
  [
    'all streams errors',
    {
      connections: [
        connection({
          allStreams: {
            namespaces: [],
            exclude: [3, '', 'a\u202e', { namespace: 'x' }, { name: 'y', typo: 1 }],
            syncMode: 'full',
            destinationSyncMode: 'upsert',
            typo: true,
          },
        }),
        connection({ allStreams: { namespaces: 'public', exclude: {} } }),
      ],
    },
  ],
  ['streams not a list', { connections: [connection({ streams: { users: {} } })] }],
  [
    'stream errors',
    {
      connections: [
        connection({
          streams: [
            { name: '', syncMode: 'incremental_sync', destinationSyncMode: 'upsert', cursorField: [''], primaryKey: [['id'], [1]], selectedFields: 'a' },
            { namespace: 'x\u0085', typo: true },
          ],
        }),
      ],
    },
  ],
];

describe('the generated pipeline-schema validator', () => {
  it('is what `npm run generate` writes from schemas/pipeline.schema.json', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/generate-schema-validator.mjs'), '--stdout'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const committed = readFileSync(GENERATED, 'utf8');
    expect(committed === run.stdout, 'src/pipeline/generated/ is out of date with schemas/pipeline.schema.json: run `npm run generate`').toBe(true);
  });

  describe('answers as Ajv compiling the schema at run time does', () => {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    const compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);

    const expectSameAnswer = (data: unknown) => {
      const valid = compiled(data);
      expect(validatePipeline(data)).toBe(valid);
      // Verbose errors carry the failing data, the schema and its parent: all of them must match.
      expect(validatePipeline.errors ?? null).toEqual(compiled.errors ?? null);
      return valid;
    };

    it.each(cases)('%s', (_, data) => {
      expectSameAnswer(data);
    });

    it('on the examples, the invalid fixtures and the pipelines in the docs', () => {
      const files = [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'test/pipeline/fixtures'))].map((file) => readFileSync(file, 'utf8'));
      const docs = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
      const blocks = docs.flatMap((name) =>
        [...readFileSync(join(ROOT, 'docs', name), 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((match) => match[1] ?? ''),
      );
      const documents = [...files, ...blocks].flatMap((text) =>
        parseAllDocuments(text).flatMap((doc) => {
          if (!('errors' in doc) || doc.errors.length > 0) return [];
          try {
            return [doc.toJS({ maxAliasCount: 100 }) as unknown];
          } catch {
            return []; // the alias bomb
          }
        }),
      );
      expect(documents.length).toBeGreaterThan(20);
      const valid = documents.map(expectSameAnswer);
      // Both answers occur, so the comparison covers errors as well as successes.
      expect(valid).toContain(true);
      expect(valid).toContain(false);
    });

    it('fails each kind of problem the user messages translate', () => {
      const keywords = new Set(cases.flatMap(([, data]) => (compiled(data) ? [] : (compiled.errors ?? []).map((error) => error.keyword))));
      for (const keyword of ['additionalProperties', 'required', 'dependencies', 'type', 'enum', 'minItems', 'minLength', 'minimum', 'pattern', 'oneOf', 'if'])
        expect(keywords).toContain(keyword);
    });
  });
});
