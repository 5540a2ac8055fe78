/**
 * All-streams connections (`allStreams:`) and the schema-change notification fields: what the loader builds, and
 * every mistake reported at its file:line:col with the fix.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/pipeline/load.js';
import { PROBLEMS_LISTED } from '../../src/pipeline/all-streams.js';
import { tempDir } from '../temp.js';

const HEAD = ['sources: [{ name: pg }]', 'destinations: [{ name: dw }]', 'connections:', '  - name: c', '    source: pg', '    destination: dw'];

/** Loads a file of HEAD (6 lines: the connection 'c' starts at line 4) plus `lines`. */
function load(lines: string[], env: NodeJS.ProcessEnv = {}) {
  const file = join(tempDir(), 'p.yaml');
  writeFileSync(file, [...HEAD, ...lines, ''].join('\n'));
  const result = loadPipeline([file], env);
  return {
    file,
    connection: result.pipeline.connections[0],
    problems: result.problems.map((problem) => `${problem.line}:${problem.col} ${problem.severity} ${problem.message.replaceAll(file, 'F')}`),
  };
}

const STREAM = 'syncMode: full_refresh, destinationSyncMode: overwrite';

describe('what an all-streams connection loads as', () => {
  it('allStreams: true, without streams: every stream, no overrides', () => {
    const { connection, problems, file } = load(['    allStreams: true']);
    expect(problems).toEqual([]);
    expect(connection?.allStreams).toEqual({ exclude: [], loc: { file, line: 7, col: 17 } });
    expect(connection?.streams).toEqual([]);
  });

  it('the mapping: namespaces, exclusions by name or by name and namespace, default modes, overrides', () => {
    const { connection, problems, file } = load([
      '    allStreams:',
      '      namespaces: [public, sales]',
      '      exclude:',
      '        - audit_log',
      '        - { name: tmp_events, namespace: public }',
      '      syncMode: full_refresh',
      '      destinationSyncMode: overwrite',
      '    streams:',
      '      - name: orders',
      '        namespace: sales',
      '        syncMode: incremental',
      '        destinationSyncMode: append_dedup',
      '        cursorField: [updated_at]',
      '        primaryKey: [[id]]',
    ]);
    expect(problems).toEqual([]);
    expect(connection?.allStreams).toEqual({
      namespaces: ['public', 'sales'],
      exclude: [
        { name: 'audit_log', loc: { file, line: 10, col: 11 } },
        { name: 'tmp_events', namespace: 'public', loc: { file, line: 11, col: 19 } },
      ],
      syncMode: 'full_refresh',
      destinationSyncMode: 'overwrite',
      loc: { file, line: 8, col: 7 },
    });
    expect(connection?.streams).toEqual([
      {
        name: 'orders',
        namespace: 'sales',
        syncMode: 'incremental',
        destinationSyncMode: 'append_dedup',
        cursorField: ['updated_at'],
        primaryKey: [['id']],
        loc: { file, line: 15, col: 15 },
      },
    ]);
  });

  it('an empty mapping and an empty list of overrides are allStreams: true', () => {
    const { connection, problems } = load(['    allStreams: {}', '    streams: []']);
    expect(problems).toEqual([]);
    expect(connection?.allStreams?.exclude).toEqual([]);
    expect(connection?.allStreams?.namespaces).toBeUndefined();
    expect(connection?.streams).toEqual([]);
  });

  it('leaves allStreams and the notification fields undefined when not written', () => {
    const { connection, problems } = load([`    streams: [{ name: s, ${STREAM} }]`]);
    expect(problems).toEqual([]);
    expect(connection).not.toHaveProperty('allStreams');
    expect(connection).not.toHaveProperty('notifySchemaChanges');
    expect(connection).not.toHaveProperty('notifySchemaChangesByEmail');
  });

  it('reads the schema-change notification fields', () => {
    const { connection, problems } = load(['    notifySchemaChanges: true', '    notifySchemaChangesByEmail: false', '    allStreams: true']);
    expect(problems).toEqual([]);
    expect(connection).toMatchObject({ notifySchemaChanges: true, notifySchemaChangesByEmail: false });
  });
});

describe('${VAR} in all-streams fields', () => {
  const lines = [
    '    allStreams:',
    '      namespaces: ["${SCHEMA}"]',
    '      exclude: ["${PREFIX}_audit", { name: tmp, namespace: "${SCHEMA}" }]',
    '      syncMode: ${MODE:-full_refresh}',
  ];

  it('is substituted as in every other string', () => {
    const { connection, problems } = load(lines, { SCHEMA: 'public', PREFIX: 'app' });
    expect(problems).toEqual([]);
    expect(connection?.allStreams).toMatchObject({
      namespaces: ['public'],
      exclude: [{ name: 'app_audit' }, { name: 'tmp', namespace: 'public' }],
      syncMode: 'full_refresh',
    });
  });

  it('names an unset variable at its file:line:col', () => {
    const { problems } = load(lines, { SCHEMA: 'public' });
    expect(problems).toEqual([
      "9:17 error environment variable 'PREFIX' is not set: set it, or give a default with '${PREFIX:-default}'",
      // The unset value stays as written, which is then a valid name.
    ]);
  });

  it('gives a string, never true or false: the error says so for a boolean field, without echoing a default', () => {
    const { problems } = load(['    notifySchemaChanges: ${NOTIFY:-true}', '    allStreams: ${ALL}'], { ALL: 'true' });
    expect(problems).toEqual([
      "7:26 error 'notifySchemaChanges' in connection 'c' must be true or false (it is written with ${NOTIFY}, which gives a string here: only a connector's configuration converts a whole ${VAR} to the type it needs)",
      "8:17 error 'allStreams' of connection 'c' must be true or a mapping (namespaces, exclude, syncMode, destinationSyncMode) (it is written with ${ALL}, which gives a string here: only a connector's configuration converts a whole ${VAR} to the type it needs)",
    ]);
  });

  it('an invalid mode from a variable is an invalid mode', () => {
    const { problems } = load(['    allStreams: { destinationSyncMode: "${MODE}" }'], { MODE: 'upsert' });
    expect(problems).toEqual([
      "7:40 error 'destinationSyncMode' in 'allStreams' of connection 'c' must be one of: append, overwrite, append_dedup, overwrite_dedup",
    ]);
  });
});

describe('streams, with and without allStreams', () => {
  it('without allStreams, a missing streams key is an error at the connection, with both fixes', () => {
    expect(load([]).problems).toEqual([
      "4:5 error connection 'c' is missing required key 'streams': list the streams to sync, or write 'allStreams: true' to sync every stream the source offers",
    ]);
  });

  it('without allStreams, an empty list is an error at the list', () => {
    expect(load(['    streams: []']).problems).toEqual([
      "7:14 error 'streams' in connection 'c' must list at least one stream: list the streams to sync, or write 'allStreams: true' to sync every stream the source offers",
    ]);
  });

  it('names a connection without a name by its position', () => {
    const file = join(tempDir(), 'p.yaml');
    writeFileSync(file, 'connections:\n  - source: pg\n    destination: dw\n');
    expect(loadPipeline([file], {}).problems.map((problem) => `${problem.line}:${problem.col} ${problem.message}`)).toEqual([
      "2:5 connection #1 is missing required key 'name'",
      "2:5 connection #1 is missing required key 'streams': list the streams to sync, or write 'allStreams: true' to sync every stream the source offers",
    ]);
  });

  it('streams of the wrong type stay a type error, with or without allStreams', () => {
    expect(load(['    allStreams: true', '    streams: { orders: {} }']).problems).toEqual(["8:14 error 'streams' in connection 'c' must be a list"]);
  });

  it('names a stream that is not a mapping once by its connection', () => {
    expect(load(['    allStreams: true', '    streams: [3]']).problems).toEqual(["8:15 error stream #1 of connection 'c' must be a mapping (key: value)"]);
  });

  it('overrides are streams like any: both modes required, duplicates refused', () => {
    const { problems } = load([
      '    allStreams: true',
      '    streams:',
      '      - { name: orders, syncMode: incremental }',
      `      - { name: orders, ${STREAM} }`,
    ]);
    expect(problems).toEqual([
      "9:9 error stream 'orders' of connection 'c' is missing required key 'destinationSyncMode'",
      "9:35 warning stream 'orders' of connection 'c' is incremental but has no 'cursorField': the source must define a cursor",
      "10:17 error stream 'orders' is listed twice in connection 'c': here and at F:9:17",
    ]);
  });
});

describe('allStreams mistakes', () => {
  it('allStreams: false says what to write instead (and does not ask for streams as well)', () => {
    expect(load(['    allStreams: false']).problems).toEqual([
      "7:17 error 'allStreams: false' in connection 'c' is not a setting: remove the line (a connection without 'allStreams' syncs the streams listed under 'streams'), or write 'allStreams: true' to sync every stream",
    ]);
  });

  it.each([
    ['"yes"', '7:17'],
    ['[public]', '7:17'],
    ['', '7:17'],
    ['1', '7:17'],
  ])('allStreams: %s is the wrong type', (value, at) => {
    expect(load([`    allStreams: ${value}`]).problems).toEqual([
      `${at} error 'allStreams' of connection 'c' must be true or a mapping (namespaces, exclude, syncMode, destinationSyncMode)`,
    ]);
  });

  it('names unknown keys with a suggestion, in allStreams and in an exclusion', () => {
    expect(load(['    allStreams:', '      namespace: [public]', '      exclude:', '        - { name: a, namspace: public }']).problems).toEqual([
      "8:7 error unknown key 'namespace' in 'allStreams' of connection 'c' (did you mean 'namespaces'?)",
      "10:22 error unknown key 'namspace' in item 1 of 'exclude' in 'allStreams' of connection 'c' (did you mean 'namespace'?)",
    ]);
  });

  it('refuses an empty namespaces list, saying how to mean every namespace', () => {
    expect(load(['    allStreams: { namespaces: [] }']).problems).toEqual([
      "7:31 error 'namespaces' in 'allStreams' of connection 'c' must list at least one namespace: name the namespaces to sync, or leave 'namespaces' out to sync every namespace",
    ]);
  });

  it('names wrong types of each field', () => {
    expect(
      load([
        '    notifySchemaChangesByEmail: "no"',
        '    allStreams:',
        '      namespaces: public',
        '      exclude: { name: a }',
        '      syncMode: [full_refresh]',
      ]).problems,
    ).toEqual([
      "7:33 error 'notifySchemaChangesByEmail' in connection 'c' must be true or false",
      "9:19 error 'namespaces' in 'allStreams' of connection 'c' must be a list",
      "10:16 error 'exclude' in 'allStreams' of connection 'c' must be a list",
      "11:17 error 'syncMode' in 'allStreams' of connection 'c' must be a string",
    ]);
  });

  it('names exclusions that are neither a name nor { name, namespace }', () => {
    expect(load(['    allStreams:', '      exclude: [3, "", { namespace: public }, [a], { name: 4 }]']).problems).toEqual([
      "8:17 error item 1 of 'exclude' in 'allStreams' of connection 'c' must be a stream name or { name, namespace }",
      "8:20 error item 2 of 'exclude' in 'allStreams' of connection 'c' must not be empty",
      "8:24 error item 3 of 'exclude' in 'allStreams' of connection 'c' is missing required key 'name'",
      "8:47 error item 4 of 'exclude' in 'allStreams' of connection 'c' must be a stream name or { name, namespace }",
      "8:60 error 'name' in item 5 of 'exclude' in 'allStreams' of connection 'c' must be a string",
    ]);
  });

  it('refuses invalid modes with a suggestion', () => {
    expect(load(['    allStreams:', '      syncMode: incremetal', '      destinationSyncMode: append_dedupe']).problems).toEqual([
      "8:17 error 'syncMode' in 'allStreams' of connection 'c' must be one of: full_refresh, incremental (did you mean 'incremental'?)",
      "9:28 error 'destinationSyncMode' in 'allStreams' of connection 'c' must be one of: append, overwrite, append_dedup, overwrite_dedup (did you mean 'append_dedup'?)",
    ]);
  });

  it('refuses control and bidi characters in excluded names and namespaces, as in stream names', () => {
    const tail = '; names are one line of visible text, so remove it (control and bidi characters can disguise what a plan shows)';
    expect(
      load(['    allStreams:', '      namespaces: ["pub\\u202elic", "y\\u0085"]', '      exclude: ["a\\tb", { name: "x\\u2066", namespace: "y\\u0085" }]'])
        .problems,
    ).toEqual([
      `8:20 error item 1 of 'namespaces' in 'allStreams' of connection 'c' contains an invisible bidi control character (U+202E): 'pub\\u202elic'${tail}`,
      `8:36 error item 2 of 'namespaces' in 'allStreams' of connection 'c' contains a control character (U+0085): 'y\\u0085'${tail}`,
      `9:17 error item 1 of 'exclude' in 'allStreams' of connection 'c' contains a control character (U+0009): 'a\\u0009b'${tail}`,
      `9:33 error 'name' in item 2 of 'exclude' in 'allStreams' of connection 'c' contains an invisible bidi control character (U+2066): 'x\\u2066'${tail}`,
      `9:55 error 'namespace' in item 2 of 'exclude' in 'allStreams' of connection 'c' contains a control character (U+0085): 'y\\u0085'${tail}`,
    ]);
  });

  it('refuses a namespace listed twice', () => {
    expect(load(['    allStreams: { namespaces: [public, sales, public] }']).problems).toEqual([
      "7:47 error namespace 'public' is listed twice in 'namespaces' of 'allStreams' of connection 'c': here and at F:7:32",
    ]);
  });

  it('refuses an exclusion written twice, and one a name excluded in every namespace already covers, wherever it is', () => {
    const { problems, connection } = load([
      '    allStreams:',
      '      exclude:',
      '        - { name: audit_log, namespace: public }',
      '        - audit_log',
      '        - { name: tmp, namespace: public }',
      '        - audit_log',
      '        - { name: tmp, namespace: public }',
      '        - { name: tmp, namespace: sales }',
    ]);
    expect(problems).toEqual([
      "9:19 error stream 'public.audit_log' is already excluded in every namespace by 'audit_log' at F:10:11 ('allStreams' of connection 'c'): remove this entry, or give that one a namespace",
      "12:11 error stream 'audit_log' is excluded twice in 'allStreams' of connection 'c': here and at F:10:11; remove one",
      "13:19 error stream 'public.tmp' is excluded twice in 'allStreams' of connection 'c': here and at F:11:19; remove one",
    ]);
    expect(connection?.allStreams?.exclude.map(({ name, namespace }) => ({ name, namespace }))).toEqual([
      { name: 'audit_log', namespace: undefined },
      { name: 'tmp', namespace: 'public' },
      { name: 'tmp', namespace: 'sales' },
    ]);
  });

  it('warns about an exclusion in a namespace outside namespaces: it excludes nothing', () => {
    expect(load(['    allStreams:', '      namespaces: [public]', '      exclude: [{ name: tmp, namespace: sales }]']).problems).toEqual([
      "9:25 warning 'allStreams' of connection 'c' excludes 'sales.tmp', but namespace 'sales' is not in its 'namespaces' ('public'), so this excludes nothing: remove it, or fix the namespace",
    ]);
  });
});

describe('overrides under streams', () => {
  it('refuses an override of a stream excluded in every namespace, whatever the override namespace', () => {
    const { problems } = load([
      '    allStreams: { exclude: [orders] }',
      '    streams:',
      `      - { name: orders, ${STREAM} }`,
      `      - { name: orders, namespace: sales, ${STREAM} }`,
    ]);
    expect(problems).toEqual([
      "9:17 error stream 'orders' of connection 'c' is overridden under 'streams', but excluded from 'allStreams' at F:7:29: an excluded stream is not synced, so remove the override or the exclusion",
      "10:17 error stream 'sales.orders' of connection 'c' is overridden under 'streams', but excluded from 'allStreams' at F:7:29: an excluded stream is not synced, so remove the override or the exclusion",
    ]);
  });

  it('refuses an override of the stream excluded in its namespace, and accepts one in another namespace', () => {
    const { problems } = load([
      '    allStreams: { exclude: [{ name: orders, namespace: public }] }',
      '    streams:',
      `      - { name: orders, namespace: public, ${STREAM} }`,
      `      - { name: orders, namespace: sales, ${STREAM} }`,
    ]);
    expect(problems).toEqual([
      "9:17 error stream 'public.orders' of connection 'c' is overridden under 'streams', but excluded from 'allStreams' at F:7:37: an excluded stream is not synced, so remove the override or the exclusion",
    ]);
  });

  it('asks for the namespace of an override without one when a stream of that name is excluded in a namespace', () => {
    const { problems } = load(['    allStreams: { exclude: [{ name: orders, namespace: public }] }', '    streams:', `      - { name: orders, ${STREAM} }`]);
    expect(problems).toEqual([
      "9:17 error stream 'orders' of connection 'c' is overridden under 'streams' without a namespace, and 'public.orders' is excluded from 'allStreams' at F:7:37: give the override the 'namespace' of the stream it means (an excluded stream cannot be overridden)",
    ]);
  });

  it('refuses an override in a namespace outside namespaces; one without namespace is matched by plan', () => {
    const { problems } = load([
      '    allStreams: { namespaces: [public, raw] }',
      '    streams:',
      `      - { name: orders, namespace: sales, ${STREAM} }`,
      `      - { name: orders, namespace: public, ${STREAM} }`,
      `      - { name: customers, ${STREAM} }`,
    ]);
    expect(problems).toEqual([
      "9:17 error stream 'sales.orders' of connection 'c' is overridden under 'streams', but namespace 'sales' is not in 'namespaces' of 'allStreams' ('public', 'raw'), so the stream is not synced: add 'sales' to 'namespaces', or remove the override",
    ]);
  });

  it('an exclusion outside namespaces does not conflict with an override without namespace', () => {
    const { problems } = load([
      '    allStreams: { namespaces: [public], exclude: [{ name: orders, namespace: sales }] }',
      '    streams:',
      `      - { name: orders, ${STREAM} }`,
    ]);
    expect(problems.filter((problem) => problem.includes('error'))).toEqual([]);
  });
});

describe('hostile all-streams connections stay bounded', () => {
  it(`lists ${PROBLEMS_LISTED} problems of one connection and counts the other 10,000 in one error`, () => {
    const excluded = Array.from({ length: 10_000 + PROBLEMS_LISTED + 1 }, () => '        - same');
    const { problems } = load(['    allStreams:', '      exclude:', ...excluded]);
    expect(problems).toHaveLength(PROBLEMS_LISTED + 1);
    expect(problems[0]).toBe("10:11 error stream 'same' is excluded twice in 'allStreams' of connection 'c': here and at F:9:11; remove one");
    expect(problems[PROBLEMS_LISTED]).toBe(
      `${10 + PROBLEMS_LISTED}:11 error 10,000 more problems with 'allStreams' of connection 'c', not listed one by one: fix the ${PROBLEMS_LISTED} above first`,
    );
  });

  it('loads 5,000 distinct exclusions and 1,000 overrides without a problem', () => {
    const excluded = Array.from({ length: 5_000 }, (_, index) => `        - { name: t${index}, namespace: p }`);
    const overrides = Array.from({ length: 1_000 }, (_, index) => `      - { name: s${index}, namespace: p, ${STREAM} }`);
    const { problems, connection } = load(['    allStreams:', '      namespaces: [p]', '      exclude:', ...excluded, '    streams:', ...overrides]);
    expect(problems).toEqual([]);
    expect(connection?.allStreams?.exclude).toHaveLength(5_000);
    expect(connection?.streams).toHaveLength(1_000);
  });

  it('keeps thousands of namespaces and exclusions outside them to 21 warnings of bounded length, and the file valid', () => {
    const namespaces = Array.from({ length: 5_000 }, (_, index) => `        - n${index}`);
    const excluded = Array.from({ length: 5_000 }, (_, index) => `        - { name: t, namespace: x${index} }`);
    const { problems } = load(['    allStreams:', '      namespaces:', ...namespaces, '      exclude:', ...excluded]);
    const first = 7 + 1 + namespaces.length + 1 + 1;
    expect(problems).toHaveLength(PROBLEMS_LISTED + 1);
    expect(problems.filter((problem) => !problem.includes(' warning '))).toEqual([]);
    expect(problems[0]).toBe(
      `${first}:19 warning 'allStreams' of connection 'c' excludes 'x0.t', but namespace 'x0' is not in its 'namespaces' ` +
        `('n0', 'n1', 'n2', 'n3', 'n4', … (5000 in all)), so this excludes nothing: remove it, or fix the namespace`,
    );
    expect(problems[PROBLEMS_LISTED]).toBe(
      `${first + PROBLEMS_LISTED}:19 warning 4,980 more warnings with 'allStreams' of connection 'c', not listed one by one: fix the ${PROBLEMS_LISTED} above first`,
    );
  });

  it('counts unknown keys past 20 in allStreams as in any mapping', () => {
    const keys = Array.from({ length: 1_000 }, (_, index) => `      k${index}: 1`);
    const { problems } = load(['    allStreams:', ...keys]);
    expect(problems).toHaveLength(21);
    expect(problems[20]).toBe(
      "28:7 error 980 more unknown keys in 'allStreams' of connection 'c' ('k20', 'k21', 'k22', …), not listed one by one: only 20 are",
    );
  });
});

describe("nonBreakingChangesPreference 'propagate_fully'", () => {
  it('is a warning at its line on a connection that lists its streams, none with allStreams', () => {
    const listed = load(['    nonBreakingChangesPreference: propagate_fully', '    streams:', `      - { name: orders, ${STREAM} }`]);
    expect(listed.problems).toEqual([
      "7:35 warning connection 'c': nonBreakingChangesPreference 'propagate_fully' makes Airbyte select new upstream streams when a sync starts, and each apply deselects them again because the pipeline lists its streams; write 'allStreams: true' to take every stream through Git, or use 'propagate_columns'",
    ]);
    expect(load(['    nonBreakingChangesPreference: propagate_fully', '    allStreams: true']).problems).toEqual([]);
    expect(load(['    nonBreakingChangesPreference: propagate_columns', '    streams:', `      - { name: orders, ${STREAM} }`]).problems).toEqual([]);
  });
});
