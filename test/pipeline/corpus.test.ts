/**
 * The corpus of invalid specs: each fixture under fixtures/invalid is loaded and must yield exactly these problems
 * (file:line:col and message). Paths are relative to the repository root, as a user would type them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/pipeline/load.js';
import { formatProblem } from '../../src/model/problem.js';

const DIR = 'test/pipeline/fixtures/invalid';
const env = { PG_PASSWORD: 'secret' };

const where = (file: string, line: number, col: number) => `${DIR}/${file}:${line}:${col}`;

const corpus: [string, string[]][] = [
  ['yaml-syntax.yaml', [`${where('yaml-syntax.yaml', 4, 1)}: error: YAML syntax error: Missing closing "quote`]],
  ['duplicate-key.yaml', [`${where('duplicate-key.yaml', 3, 5)}: error: key 'name' appears twice in the same mapping`]],
  ['streams-not-a-list.yaml', [`${where('streams-not-a-list.yaml', 9, 14)}: error: 'streams' in connection 'pg-to-s3' must be a list`]],
  ['status-wrong-type.yaml', [`${where('status-wrong-type.yaml', 9, 13)}: error: 'status' in connection 'pg-to-s3' must be a string`]],
  [
    'unknown-key-connection.yaml',
    [`${where('unknown-key-connection.yaml', 9, 5)}: error: unknown key 'sheduel' in connection 'pg-to-s3' (did you mean 'schedule'?)`],
  ],
  ['unknown-top-level-key.yaml', [`${where('unknown-top-level-key.yaml', 1, 1)}: error: unknown key 'source' at the top level (did you mean 'sources'?)`]],
  [
    'unknown-key-stream.yaml',
    [
      `${where('unknown-key-stream.yaml', 11, 19)}: warning: stream 'customers' of connection 'pg-to-s3' is incremental but has no 'cursorField': the source must define a cursor`,
      `${where('unknown-key-stream.yaml', 13, 9)}: error: unknown key 'cursor_field' in stream 'customers' of connection 'pg-to-s3' (did you mean 'cursorField'?)`,
    ],
  ],
  ['missing-required-key.yaml', [`${where('missing-required-key.yaml', 4, 5)}: error: connection 'pg-to-s3' is missing required key 'destination'`]],
  [
    'definition-without-configuration.yaml',
    [
      `${where('definition-without-configuration.yaml', 3, 5)}: error: source 'pg' has 'definition' but no 'configuration': give both to manage it, or only 'name' to refer to an existing one`,
    ],
  ],
  [
    'duplicate-source.yaml',
    [`${where('duplicate-source.yaml', 5, 11)}: error: source 'pg' is declared twice: here and at ${where('duplicate-source.yaml', 2, 11)}`],
  ],
  [
    'duplicate-across-files',
    [
      `${where('duplicate-across-files/b.yaml', 2, 11)}: error: connection 'pg-to-s3' is declared twice: here and at ${where('duplicate-across-files/a.yaml', 6, 11)}`,
    ],
  ],
  [
    'dangling-source.yaml',
    [
      `${where('dangling-source.yaml', 7, 13)}: error: connection 'pg-to-s3' refers to unknown source 'PostgreSQL - Ecomerce' (did you mean 'PostgreSQL - Ecommerce'?); declare it under 'sources' (a '- name: ...' entry alone refers to an existing source)`,
    ],
  ],
  [
    'dangling-destination.yaml',
    [
      `${where('dangling-destination.yaml', 6, 18)}: error: connection 'pg-to-s3' refers to unknown destination 'MinIO - Bronze'; declare it under 'destinations' (a '- name: ...' entry alone refers to an existing destination)`,
    ],
  ],
  [
    'missing-env-var.yaml',
    [
      `${where('missing-env-var.yaml', 6, 17)}: error: environment variable 'GITOPS_TEST_UNSET_PASSWORD' is not set: set it, or give a default with '\${GITOPS_TEST_UNSET_PASSWORD:-default}'`,
    ],
  ],
  [
    'malformed-interpolation.yaml',
    [
      `${where('malformed-interpolation.yaml', 5, 13)}: error: invalid variable reference after '\${': a name is letters, digits and '_' and does not start with a digit (write '$\${' for a literal '\${')`,
      `${where('malformed-interpolation.yaml', 6, 17)}: error: unterminated '\${': close it with '}', or write '$\${' for a literal '\${'`,
    ],
  ],
  [
    'schedule-bad-units.yaml',
    [`${where('schedule-bad-units.yaml', 10, 14)}: error: 'units' in the schedule of connection 'pg-to-s3' must be a positive integer`],
  ],
  [
    'schedule-bad-time-unit.yaml',
    [
      `${where('schedule-bad-time-unit.yaml', 9, 37)}: error: 'timeUnit' in the schedule of connection 'pg-to-s3' must be one of: minutes, hours, days, weeks, months (did you mean 'hours'?)`,
    ],
  ],
  [
    'schedule-cron-five-fields.yaml',
    [
      `${where('schedule-cron-five-fields.yaml', 9, 23)}: error: 'cron' in the schedule of connection 'pg-to-s3' must be a Quartz expression with 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), not 5, e.g. "0 0 2 * * ?"`,
    ],
  ],
  [
    'schedule-etc-timezone.yaml',
    [
      `${where('schedule-etc-timezone.yaml', 11, 17)}: error: time zone 'Etc/UTC' in the schedule of connection 'pg-to-s3' is rejected by Airbyte (no 'Etc/...' zones); use e.g. 'UTC'`,
    ],
  ],
  [
    'schedule-unknown-string.yaml',
    [
      `${where('schedule-unknown-string.yaml', 9, 15)}: error: the schedule of connection 'pg-to-s3' must be 'manual', { units, timeUnit } or { cron, timezone }`,
    ],
  ],
  [
    'bad-sync-mode.yaml',
    [
      `${where('bad-sync-mode.yaml', 11, 19)}: error: 'syncMode' in stream 'customers' of connection 'pg-to-s3' must be one of: full_refresh, incremental (did you mean 'incremental'?)`,
      `${where('bad-sync-mode.yaml', 12, 30)}: error: 'destinationSyncMode' in stream 'customers' of connection 'pg-to-s3' must be one of: append, overwrite, append_dedup, overwrite_dedup (did you mean 'append_dedup'?)`,
    ],
  ],
  [
    'duplicate-stream.yaml',
    [
      `${where('duplicate-stream.yaml', 12, 17)}: error: stream 'public.customers' is listed twice in connection 'pg-to-s3': here and at ${where('duplicate-stream.yaml', 10, 17)}`,
    ],
  ],
  [
    'no-streams.yaml',
    [
      `${where('no-streams.yaml', 9, 14)}: error: 'streams' in connection 'pg-to-s3' must list at least one stream: list the streams to sync, or write 'allStreams: true' to sync every stream the source offers`,
    ],
  ],
  [
    'customformat-without-format.yaml',
    [`${where('customformat-without-format.yaml', 9, 26)}: error: connection 'pg-to-s3' has namespaceDefinition 'customformat' but no 'namespaceFormat'`],
  ],
  [
    'missing-streams.yaml',
    [
      `${where('missing-streams.yaml', 6, 5)}: error: connection 'pg-to-s3' is missing required key 'streams': list the streams to sync, or write 'allStreams: true' to sync every stream the source offers`,
    ],
  ],
  [
    'all-streams-false.yaml',
    [
      `${where('all-streams-false.yaml', 9, 17)}: error: 'allStreams: false' in connection 'pg-to-warehouse' is not a setting: remove the line (a connection without 'allStreams' syncs the streams listed under 'streams'), or write 'allStreams: true' to sync every stream`,
    ],
  ],
  [
    'all-streams-empty-namespaces.yaml',
    [
      `${where('all-streams-empty-namespaces.yaml', 10, 19)}: error: 'namespaces' in 'allStreams' of connection 'pg-to-warehouse' must list at least one namespace: name the namespaces to sync, or leave 'namespaces' out to sync every namespace`,
    ],
  ],
  [
    'all-streams-excluded-override.yaml',
    [
      `${where('all-streams-excluded-override.yaml', 15, 15)}: error: stream 'audit_log' of connection 'pg-to-warehouse' is overridden under 'streams', but excluded from 'allStreams' at ${where('all-streams-excluded-override.yaml', 12, 11)}: an excluded stream is not synced, so remove the override or the exclusion`,
      `${where('all-streams-excluded-override.yaml', 18, 15)}: error: stream 'sales.orders' of connection 'pg-to-warehouse' is overridden under 'streams', but namespace 'sales' is not in 'namespaces' of 'allStreams' ('public'), so the stream is not synced: add 'sales' to 'namespaces', or remove the override`,
    ],
  ],
  [
    'all-streams-unknown-key.yaml',
    [
      `${where('all-streams-unknown-key.yaml', 9, 26)}: error: 'notifySchemaChanges' in connection 'pg-to-warehouse' must be true or false`,
      `${where('all-streams-unknown-key.yaml', 11, 7)}: error: unknown key 'excludes' in 'allStreams' of connection 'pg-to-warehouse' (did you mean 'exclude'?)`,
    ],
  ],
  ['empty.yaml', [`${where('empty.yaml', 1, 1)}: error: file is empty`]],
  ['comments-only.yaml', [`${where('comments-only.yaml', 1, 1)}: error: file is empty`]],
  ['root-is-a-list.yaml', [`${where('root-is-a-list.yaml', 1, 1)}: error: the file must be a mapping (key: value)`]],
  ['directory-without-yaml', [`error: directory '${DIR}/directory-without-yaml' contains no .yaml or .yml files`]],
  ['binary.yaml', [`${where('binary.yaml', 1, 1)}: error: file is binary (it contains NUL bytes), not YAML text`]],
  ['not-utf8.yaml', [`${where('not-utf8.yaml', 1, 1)}: error: file is not valid UTF-8 text (save it as UTF-8)`]],
  [
    'alias-bomb.yaml',
    [`${where('alias-bomb.yaml', 2, 8)}: error: YAML aliases expand too much (more than 100 expansions); refusing a possible "billion laughs" file`],
  ],
  ['deep-nesting.yaml', [`${where('deep-nesting.yaml', 5, 77)}: error: nesting is deeper than 64 levels; refusing the file`]],
];

describe('invalid spec corpus', () => {
  it.each(corpus)('%s', (fixture, expected) => {
    const result = loadPipeline([`${DIR}/${fixture}`], env);
    expect(result.problems.map(formatProblem)).toEqual(expected);
  });

  it('covers at least 25 invalid specs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
  });
});

describe('generated invalid inputs', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-spec-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('refuses a file over 1 MiB before reading it', () => {
    const file = join(scratch, 'huge.yaml');
    writeFileSync(file, `workspace: ${'x'.repeat(1024 * 1024)}\n`);
    expect(loadPipeline([file], env).problems.map(formatProblem)).toEqual([
      `${file}:1:1: error: file is too large (1048588 bytes; the limit is 1048576 bytes, 1 MiB)`,
    ]);
  });

  it('refuses a path that does not exist, naming it', () => {
    expect(loadPipeline([`${DIR}/nowhere.yaml`], env).problems.map(formatProblem)).toEqual([`error: '${DIR}/nowhere.yaml' does not exist`]);
  });

  it('refuses hundreds of thousands of nested brackets without parsing them', () => {
    const file = join(scratch, 'brackets.yaml');
    writeFileSync(file, `a: ${'['.repeat(400_000)}${']'.repeat(400_000)}\n`);
    expect(loadPipeline([file], env).problems.map(formatProblem)).toEqual([`${file}:1:68: error: nesting is deeper than 64 levels; refusing the file`]);
  });

  it('refuses deep block nesting', () => {
    const file = join(scratch, 'block.yaml');
    writeFileSync(file, Array.from({ length: 70 }, (_, depth) => `${'  '.repeat(depth)}k${depth}:`).join('\n') + ' 1\n');
    expect(loadPipeline([file], env).problems.map(formatProblem)).toEqual([`${file}:65:129: error: nesting is deeper than 64 levels; refusing the file`]);
  });
});
