/**
 * Files a hostile pull request could add: they must be refused or loaded quickly, never hang or eat memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/pipeline/files.js';
import { loadPipeline } from '../../src/pipeline/load.js';
import { tempDir } from '../temp.js';

const messages = (paths: string[]) => loadPipeline(paths, {}).problems.map((problem) => `${problem.line}:${problem.col} ${problem.message}`);

/** A source whose configuration has `count` keys (k0, k1, ...), one per line from line 5 on. */
function bigConfiguration(count: number, extra = ''): string {
  const lines = ['sources:', '  - name: big', '    definition: Postgres', '    configuration:'];
  for (let index = 0; index < count; index++) lines.push(`      k${index}: v`);
  return `${lines.join('\n')}\n${extra}`;
}

describe('duplicate keys', () => {
  it('loads a mapping of 60,000 keys (just under the size limit): the duplicate check is linear', () => {
    const file = join(tempDir(), 'big.yaml');
    writeFileSync(file, bigConfiguration(60_000));
    expect(messages([file])).toEqual([]);
  });

  it('names a repeated key at its own line, also far down a large mapping', () => {
    const file = join(tempDir(), 'big.yaml');
    writeFileSync(file, bigConfiguration(5_000, '      k7: again\n'));
    expect(messages([file])).toEqual(["5005:7 key 'k7' appears twice in the same mapping"]);
  });

  it('finds repeats in nested and flow mappings, each once', () => {
    const file = join(tempDir(), 'nested.yaml');
    writeFileSync(
      file,
      [
        'sources:',
        '  - name: pg',
        '    definition: Postgres',
        '    configuration: &config',
        '      ssl: { mode: a, mode: b }',
        'x: *config',
        'sources: []',
        '',
      ].join('\n'),
    );
    expect(messages([file])).toEqual(["5:23 key 'mode' appears twice in the same mapping", "7:1 key 'sources' appears twice in the same mapping"]);
  });
});

describe('only regular files are read', () => {
  const pipeline = 'sources:\n  - name: pg\n';

  it('refuses a .yaml symbolic link to /dev/zero without reading it', () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    expect(messages([join(dir, 'zero.yaml')])).toEqual([
      `1:1 '${join(dir, 'zero.yaml')}' is a symbolic link to a character device, not a regular file: only regular YAML files are read`,
    ]);
  });

  it('refuses a FIFO named x.yaml, given by name or found in a directory, without waiting for a writer', () => {
    const dir = tempDir();
    const fifo = join(dir, 'x.yaml');
    execFileSync('mkfifo', [fifo]);
    writeFileSync(join(dir, 'a.yaml'), pipeline);
    const refused = `1:1 '${fifo}' is a FIFO (named pipe), not a regular file: only regular YAML files are read`;
    expect(messages([fifo])).toEqual([refused]);
    expect(messages([dir])).toEqual([refused]);
  });

  it('says so when a directory named x.yaml is given and holds no YAML', () => {
    const dir = join(tempDir(), 'x.yaml');
    mkdirSync(dir);
    expect(loadPipeline([dir], {}).problems.map((problem) => problem.message)).toEqual([`directory '${dir}' contains no .yaml or .yml files`]);
  });

  it('refuses a regular file past the size limit', () => {
    const file = join(tempDir(), 'large.yaml');
    writeFileSync(file, `# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expect(messages([file])).toEqual([`1:1 file is too large (${MAX_FILE_BYTES + 3} bytes; the limit is ${MAX_FILE_BYTES} bytes, 1 MiB)`]);
  });
});

describe('an unquoted ${VAR} in a flow collection', () => {
  it.each([
    [
      'configuration: {password: ${PG_PASSWORD}}',
      "4:31 YAML syntax error: an unquoted ${PG_PASSWORD} inside { } or [ ] is read as YAML: write '${PG_PASSWORD}' in quotes",
    ],
    [
      'configuration: {password: ${PG_PASSWORD:-hidden}, user: app}',
      "4:31 YAML syntax error: an unquoted ${PG_PASSWORD:-...} inside { } or [ ] is read as YAML: write '${PG_PASSWORD:-...}' in quotes",
    ],
    [
      'configuration: {schemas: [public, ${SCHEMA}]}',
      "4:39 YAML syntax error: an unquoted ${SCHEMA} inside { } or [ ] is read as YAML: write '${SCHEMA}' in quotes",
    ],
  ])('%s: one error with the fix, at the $', (line, expected) => {
    const file = join(tempDir(), 'flow.yaml');
    writeFileSync(file, `sources:\n  - name: pg\n    definition: Postgres\n    ${line}\n`);
    expect(messages([file])).toEqual([expected]);
  });

  it('loads once quoted', () => {
    const file = join(tempDir(), 'flow.yaml');
    writeFileSync(file, `sources:\n  - name: pg\n    definition: Postgres\n    configuration: {password: '\${PG_PASSWORD}'}\n`);
    expect(loadPipeline([file], { PG_PASSWORD: 'x' }).problems).toEqual([]);
  });
});

describe('an empty ${VAR}', () => {
  const file = () => {
    const path = join(tempDir(), 'pg.yaml');
    writeFileSync(path, 'sources:\n  - name: pg\n    definition: Postgres\n    configuration:\n      password: ${PG_PASSWORD}\n      note: ${NOTE:-}\n');
    return path;
  };

  it('is an error at its file:line unless written with a default', () => {
    const problems = loadPipeline([file()], { PG_PASSWORD: '', NOTE: '' }).problems;
    expect(problems.map((problem) => `${problem.line}:${problem.col} ${problem.message}`)).toEqual([
      "5:17 PG_PASSWORD is empty or unset (an empty environment variable): set it, or write '${PG_PASSWORD:-}' to allow an empty value",
    ]);
  });

  it('loads when set', () => {
    expect(loadPipeline([file()], { PG_PASSWORD: 'x' }).problems).toEqual([]);
  });
});

describe('a file full of mistakes', () => {
  it('lists the first 20 unknown keys of a mapping and counts the other 100,000 in one error at the first of them', () => {
    const file = join(tempDir(), 'keys.yaml');
    const keys = Array.from({ length: 100_020 }, (_, index) => `k${index}: v`);
    writeFileSync(file, `${keys.join('\n')}\n`);
    const listed = Array.from({ length: 20 }, (_, index) => `${index + 1}:1 unknown key 'k${index}' at the top level`);
    expect(messages([file])).toEqual([
      ...listed,
      "21:1 100,000 more unknown keys at the top level ('k20', 'k21', 'k22', …), not listed one by one: only 20 are",
    ]);
  });

  it('counts unknown keys per mapping: each source gets its own 20', () => {
    const file = join(tempDir(), 'keys.yaml');
    const source = (name: string) => [`  - name: ${name}`, ...Array.from({ length: 22 }, (_, index) => `    x${index}: 1`)];
    writeFileSync(file, ['sources:', ...source('a'), ...source('b')].join('\n') + '\n');
    const found = messages([file]);
    expect(found).toHaveLength(2 * 21);
    expect(found.filter((message) => message.includes('more unknown key'))).toEqual([
      "23:5 2 more unknown keys in source 'a' ('x20', 'x21'), not listed one by one: only 20 are",
      "46:5 2 more unknown keys in source 'b' ('x20', 'x21'), not listed one by one: only 20 are",
    ]);
  });

  it('lists 100 problems of a file and counts the rest in one error', () => {
    const file = join(tempDir(), 'many.yaml');
    writeFileSync(file, `sources:\n${Array.from({ length: 150 }, () => '  - 1').join('\n')}\n`);
    const found = messages([file]);
    expect(found).toHaveLength(101);
    expect(found[0]).toBe('2:5 source #1 must be a mapping (key: value)');
    expect(found[100]).toBe('102:5 50 more problems in this file, not listed one by one: fix the 100 above first');
  });
});

describe('thousands of broken references', () => {
  it('suggest a name for the first 100 only (each suggestion compares with every declared name)', () => {
    const file = join(tempDir(), 'refs.yaml');
    const connections = Array.from(
      { length: 2_000 },
      (_, index) => `  - { name: c${index}, source: pgg, destination: lake, streams: [{ name: s, syncMode: full_refresh, destinationSyncMode: append }] }`,
    );
    writeFileSync(file, ['sources:', '  - name: pg', 'destinations:', '  - name: lake', 'connections:', ...connections].join('\n') + '\n');
    const unknown = messages([file]).filter((message) => message.includes("refers to unknown source 'pgg'"));
    expect(unknown).toHaveLength(2_000);
    expect(unknown.filter((message) => message.includes("(did you mean 'pg'?)"))).toHaveLength(100);
    expect(unknown[0]).toContain("connection 'c0' refers to unknown source 'pgg' (did you mean 'pg'?)");
  });
});
